// OpenJPEG (vendor/openjpeg/, src/lib/viewer/openjpeg-region.ts) for the build: the viewer's previews of JPEG 2000
// files are decoded with the same module the browser runs.

import { readFile } from 'node:fs/promises';
import { instantiateOpenJpeg, type OpenJpeg } from '../lib/viewer/openjpeg-region.ts';
import { sourcePath } from './project-root.ts';

export async function loadOpenJpeg(): Promise<OpenJpeg> {
  return instantiateOpenJpeg(await WebAssembly.compile(new Uint8Array(await readFile(sourcePath('vendor/openjpeg/openjpeg-region.wasm')))));
}
