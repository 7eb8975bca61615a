// Puts what the viewer page fetches at run time next to it: dwv's decoder workers (JPEG baseline/lossless,
// JPEG 2000, RLE), which dwv requests relative to the page URL, i.e. /viewer/assets/workers/<name>.worker.min.js,
// and the previews of the sample images (src/node/site/viewer-previews.ts). Called by scripts/build-site.ts
// after the sample DICOMs and samples.json are in place.

import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildDecoderWorkers } from './viewer-decoders.ts';
import { writeViewerPreviews } from './viewer-previews.ts';

export const WORKERS_DIR = join('viewer', 'assets', 'workers');

/** node_modules/dwv/dist/assets/workers, found through Node's resolution (works from any working directory). */
export function dwvWorkersSource(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('dwv');
  return join(dirname(entry), 'assets', 'workers');
}

export function copyViewerAssets(publicDir: string, log: (line: string) => void): void {
  const source = dwvWorkersSource();
  if (!existsSync(source)) throw new Error(`dwv's decoder workers are missing at ${source}: reinstall dependencies (npm ci)`);
  const target = join(publicDir, WORKERS_DIR);
  mkdirSync(target, { recursive: true });
  const files = readdirSync(source).filter((f) => f.endsWith('.worker.min.js'));
  for (const file of files) copyFileSync(join(source, file), join(target, file));
  log(`Viewer workers: ${files.length} dwv decoders copied to ${join(publicDir, WORKERS_DIR)}/`);
  buildDecoderWorkers(target, log);
  writeViewerPreviews(publicDir, log);
}
