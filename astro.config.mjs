// @ts-check
import { defineConfig } from 'astro/config';
import tailwindcss from '@tailwindcss/vite';

// A static site: every page is prerendered; stats.json, the study index and sample DICOMs are written into
// public/data/ by scripts/build-site.ts before `astro build`.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // No Astro dev toolbar (it would load code from its own routes during `astro dev`).
  devToolbar: { enabled: false },
  experimental: {
    // Astro hashes its own inline scripts and styles into a CSP meta tag, so only same-origin code runs.
    // dwv's draw layer sets inline style attributes: 'unsafe-hashes' lets the browser accept hashed attribute styles.
    csp: {
      styleDirective: { resources: ["'self'", "'unsafe-hashes'"] },
      directives: ["default-src 'self'", "img-src 'self' data: blob:", "worker-src 'self' blob:", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
    },
  },
  vite: {
    plugins: [tailwindcss()],
  },
});
