// The `pages` test project: renders real .astro pages with Astro's container API (Astro's Vite config compiles
// them), with the page's data module mocked to a fixture release's stats.
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    name: 'pages',
    include: ['test/pages/**/*.test.ts'],
    setupFiles: ['test/pages/ordinary-build.setup.ts'],
    testTimeout: 60_000,
  },
});
