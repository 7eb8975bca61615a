// Browser tests run against the built site (dist/) served by `astro preview` on 127.0.0.1.
// This setup checks the two prerequisites loudly (Chromium, a build), starts the server once, and stops it by PID.
// real-shaped-setup.ts does the same for a second build it makes from a real-shaped release.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from '../../src/node/chromium.ts';
import { startPreviewServer, type PreviewServer } from '../../src/node/preview-server.ts';

let server: PreviewServer | undefined;

export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Browser tests need Debian's Chromium at ${CHROMIUM_PATH}, which is missing.\n` +
        'Install it with: apt-get update && apt-get install -y chromium',
    );
  }
}

/** Serves the build in `root`/`outDir` and tells the tests where it is (baseURL, its folder, a screenshot prefix). */
export async function serveBuild(project: TestProject, build: { root?: string; outDir?: string; screenshotPrefix: string }): Promise<PreviewServer> {
  const root = build.root ?? process.cwd();
  const started = await startPreviewServer({ root, outDir: build.outDir });
  project.provide('baseURL', started.baseURL);
  project.provide('distDir', resolve(root, build.outDir ?? 'dist'));
  project.provide('screenshotPrefix', build.screenshotPrefix);
  return started;
}

export async function setup(project: TestProject): Promise<void> {
  assertChromium();
  // E2E_DIST points the tests at another build folder (a scratch build beside someone else's dist/).
  const outDir = process.env.E2E_DIST;
  if (!existsSync(join(outDir ?? 'dist', 'index.html'))) {
    throw new Error(`Browser tests need the built site in ${outDir ?? 'dist/'}: run \`npm run build\` first (npm test does).`);
  }
  server = await serveBuild(project, { outDir, screenshotPrefix: '' });
}

export async function teardown(): Promise<void> {
  await server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** The served build's folder (absolute): its data/stats.json is what the pages were built from. */
    distDir: string;
    /** Put before screenshot names, so two builds' screenshots sit side by side. */
    screenshotPrefix: string;
  }
}
