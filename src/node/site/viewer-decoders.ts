// Builds the viewer's own decoder workers over dwv's copies in /viewer/assets/workers/: JPEG 2000 by OpenJPEG in
// WebAssembly (src/viewer/jpeg2000.worker.ts), bundled with esbuild into the file name dwv fetches, with its .wasm.

import { copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));

export function buildDecoderWorkers(workersDir: string, log: (line: string) => void): void {
  const require = createRequire(import.meta.url);
  const wasm = require.resolve('@cornerstonejs/codec-openjpeg/decodewasm');
  buildSync({
    entryPoints: [resolve(HERE, '../../viewer/jpeg2000.worker.ts')],
    outfile: join(workersDir, 'jpeg2000.worker.min.js'),
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    platform: 'browser',
    // The emscripten glue mentions Node's modules on a branch the browser never takes.
    external: ['fs', 'path', 'module', 'url', 'crypto', 'worker_threads'],
    logLevel: 'error',
  });
  copyFileSync(wasm, join(workersDir, 'openjpegwasm_decode.wasm'));
  log('Viewer workers: JPEG 2000 by OpenJPEG (WebAssembly) in place of dwv’s JavaScript decoder');
}
