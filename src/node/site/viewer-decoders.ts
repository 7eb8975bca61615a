// Builds the viewer's own decoder workers over dwv's copies in /viewer/assets/workers/: JPEG 2000 by OpenJPEG in
// WebAssembly (src/viewer/jpeg2000.worker.ts), with its .wasm, and RLE (src/viewer/rle.worker.ts), each bundled with
// esbuild into the file name dwv fetches.
// Written through the build's output sink like every other file of the site.

import { createRequire } from 'node:module';
import { buildSync } from 'esbuild';
import { WORKERS_DIR } from '../../lib/site-data/outputs.ts';
import { sourcePath } from '../project-root.ts';
import type { OutputSink } from './output-sink.ts';

export function buildDecoderWorkers(sink: OutputSink): void {
  const require = createRequire(import.meta.url);
  const wasm = require.resolve('@cornerstonejs/codec-openjpeg/decodewasm');
  const result = buildSync({
    entryPoints: {
      'jpeg2000.worker.min': sourcePath('src/viewer/jpeg2000.worker.ts'),
      'rle.worker.min': sourcePath('src/viewer/rle.worker.ts'),
    },
    outdir: 'workers',
    write: false,
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    platform: 'browser',
    // The emscripten glue mentions Node's modules on a branch the browser never takes.
    external: ['fs', 'path', 'module', 'url', 'crypto', 'worker_threads'],
    logLevel: 'error',
  });
  for (const file of result.outputFiles) sink.writeBytes(`${WORKERS_DIR}/${file.path.split(/[\\/]/).pop()}`, file.contents);
  sink.copyFile(wasm, `${WORKERS_DIR}/openjpegwasm_decode.wasm`);
  sink.log('Viewer workers: JPEG 2000 by OpenJPEG (WebAssembly) and RLE (src/lib/viewer/rle-decode.ts) in place of dwv’s decoders');
}
