// Builds the viewer's own decoder workers over dwv's copies in /viewer/assets/workers/: JPEG 2000 by OpenJPEG in
// WebAssembly (src/viewer/jpeg2000.worker.ts), with vendor/openjpeg/openjpeg-region.wasm beside it, and RLE
// (src/viewer/rle.worker.ts), each bundled with esbuild into the file name dwv fetches.
// Written through the build's output sink like every other file of the site.

import { buildSync } from 'esbuild';
import { WORKERS_DIR } from '../../lib/site-data/outputs.ts';
import { sourcePath } from '../project-root.ts';
import type { OutputSink } from './output-sink.ts';

/** Writes the viewer's decoder workers; returns the paths written (under WORKERS_DIR), so what is left can be pruned. */
export function buildDecoderWorkers(sink: OutputSink): string[] {
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
    logLevel: 'error',
  });
  const written = result.outputFiles.map((file) => {
    const path = `${WORKERS_DIR}/${file.path.split(/[\\/]/).pop()}`;
    sink.writeBytes(path, file.contents);
    return path;
  });
  const wasm = `${WORKERS_DIR}/openjpeg-region.wasm`;
  sink.copyFile(sourcePath('vendor/openjpeg/openjpeg-region.wasm'), wasm);
  sink.log('Viewer workers: JPEG 2000 by OpenJPEG 2.5.4 (WebAssembly, the page decodes each view in bands on every core) and RLE (src/lib/viewer/rle-decode.ts) in place of dwv’s decoders');
  return [...written, wasm];
}
