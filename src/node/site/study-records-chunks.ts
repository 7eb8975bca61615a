// Writes every study's viewer record as chunk files <out>/studies/<key>.json (see src/lib/studies/study-chunks.ts),
// replacing whatever an earlier build left there so a study that left the release does not linger.

import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StudyChunk } from '../../lib/studies/study-chunks.ts';

export const STUDY_CHUNKS_DIR = 'studies';

/** Returns the number of files and bytes written. */
export function writeStudyChunks(outDir: string, chunks: ReadonlyMap<string, StudyChunk>): { files: number; bytes: number } {
  const dir = join(outDir, STUDY_CHUNKS_DIR);
  // Written beside, then swapped in: a failed build never leaves half a set of chunks.
  const next = `${dir}.tmp`;
  rmSync(next, { recursive: true, force: true });
  mkdirSync(next, { recursive: true });
  let bytes = 0;
  for (const [key, chunk] of [...chunks].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const text = `${JSON.stringify(chunk)}\n`;
    bytes += Buffer.byteLength(text);
    writeFileSync(join(next, `${key}.json`), text);
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(next, dir);
  return { files: chunks.size, bytes };
}
