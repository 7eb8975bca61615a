// The project's folder (the one with package.json), found from this module wherever it runs: from src/node/ under
// tsx or vitest, or bundled into build/ by scripts/launch.mjs, where paths relative to the module would be wrong.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the project's sources, e.g. sourcePath('src/viewer/jpeg2000.worker.ts'). */
export function sourcePath(relativePath: string): string {
  return join(PROJECT_ROOT, relativePath);
}
