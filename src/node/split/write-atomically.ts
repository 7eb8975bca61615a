// Writes a file beside its target, then renames it: a reader never sees half a file, and a failure leaves none.

import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ReleaseInputError } from '../../lib/csv/errors.ts';

export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new ReleaseInputError({ file: path }, `cannot write: ${error instanceof Error ? error.message : String(error)}`);
  }
}
