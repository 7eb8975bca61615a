// Whether a bundle made by scripts/launch.mjs must be built again: it is missing, or a file it is made from (under
// src/ or scripts/, or package-lock.json) was modified after it. Plain JavaScript, as launch.mjs is.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_DIRS = ['src', 'scripts'];
const SOURCE_FILE = /\.(ts|mts|mjs|js|json)$/;

/** Newest modification time (ms) of the files a bundle is made from. */
function newestSourceMs(root) {
  let newest = statSync(join(root, 'package-lock.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (SOURCE_FILE.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) visit(join(root, dir));
  return newest;
}

/** True when the bundle is missing or older than a source: it must be built before it runs. */
export function bundleIsStale(bundle, root) {
  const built = statSync(bundle, { throwIfNoEntry: false })?.mtimeMs;
  return built === undefined || built < newestSourceMs(root);
}
