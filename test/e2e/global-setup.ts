// Browser tests run against the built site (dist/) served by `astro preview` on 127.0.0.1.
// This setup checks the two prerequisites loudly (Chromium, a build), starts the server once, and stops it by PID.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from '../../src/node/chromium.ts';
import { startPreviewServer, type PreviewServer } from '../../src/node/preview-server.ts';

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Browser tests need Debian's Chromium at ${CHROMIUM_PATH}, which is missing.\n` +
        'Install it with: apt-get update && apt-get install -y chromium',
    );
  }
  // E2E_DIST points the tests at another build folder (a scratch build beside someone else's dist/).
  const outDir = process.env.E2E_DIST;
  if (!existsSync(join(outDir ?? 'dist', 'index.html'))) {
    throw new Error(`Browser tests need the built site in ${outDir ?? 'dist/'}: run \`npm run build\` first (npm test does).`);
  }
  server = await startPreviewServer({ outDir });
  project.provide('baseURL', server.baseURL);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}
