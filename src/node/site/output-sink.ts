// The one way the build writes the site's files (Observable Framework's BuildEffects): names relative to public/
// (src/lib/site-data/outputs.ts), text and bytes written to a temporary file and renamed into place (a failed build
// never leaves half a file), DICOMs copied only when changed, stale files pruned. Tests point it at a temporary
// folder and compare what it wrote with the goldens.

import { closeSync, constants, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export interface OutputSink {
  writeText(name: string, text: string): void;
  /** Writes text given in pieces (a large file is never one string); returns its size in bytes. */
  writePieces(name: string, pieces: Iterable<string>): number;
  writeBytes(name: string, bytes: Uint8Array): void;
  /** A text file written earlier (by this sink or an earlier build), or null. */
  read(name: string): string | null;
  /** Copies a file in; true when it was copied, false when an identical copy (size and time) was already there. */
  copyFile(source: string, name: string): boolean;
  /** True when `name` exists and is not older than `source` (a preview need not be redone). */
  isFresh(name: string, source: string): boolean;
  /** Removes every file under the folder `dir` whose name is not in `keep`; returns how many were removed. */
  prune(dir: string, keep: ReadonlySet<string>): number;
  log(line: string): void;
}

/** Writes to a temporary name beside `path`, then renames: readers never see half a file, a failure leaves the old one. */
function writeFileAtomically(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

export function fileSink(root: string, log: (line: string) => void): OutputSink {
  const at = (name: string) => join(root, name);
  return {
    writeText: (name, text) => writeFileAtomically(at(name), text),
    writePieces(name, pieces) {
      const path = at(name);
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      const fd = openSync(temporary, 'w');
      let bytes = 0;
      try {
        for (const piece of pieces) bytes += writeSync(fd, piece);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, path);
      return bytes;
    },
    writeBytes: (name, bytes) => writeFileAtomically(at(name), bytes),
    read: (name) => (existsSync(at(name)) ? readFileSync(at(name), 'utf8') : null),
    copyFile(source, name) {
      const target = at(name);
      const from = statSync(source);
      if (existsSync(target)) {
        const to = statSync(target);
        if (to.isFile() && to.size === from.size && Math.abs(to.mtimeMs - from.mtimeMs) < 1) return false;
      }
      mkdirSync(dirname(target), { recursive: true });
      // A copy-on-write clone where the file system offers one (no bytes copied), else an ordinary copy.
      copyFileSync(source, target, constants.COPYFILE_FICLONE);
      // The copy takes the source's modification time, which is how the next build knows it is up to date.
      utimesSync(target, from.atimeMs / 1000, from.mtimeMs / 1000);
      return true;
    },
    isFresh(name, source) {
      const target = at(name);
      return existsSync(target) && existsSync(source) && statSync(target).mtimeMs >= statSync(source).mtimeMs;
    },
    prune(dir, keep) {
      const base = at(dir);
      if (!existsSync(base)) return 0;
      let removed = 0;
      const walk = (folder: string): void => {
        for (const entry of readdirSync(folder, { withFileTypes: true })) {
          const path = join(folder, entry.name);
          if (entry.isDirectory()) {
            walk(path);
            if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
          } else if (!keep.has(relative(root, path).split('\\').join('/'))) {
            rmSync(path);
            removed++;
          }
        }
      };
      walk(base);
      return removed;
    },
    log,
  };
}
