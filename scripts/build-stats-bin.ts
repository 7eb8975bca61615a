// Bundles the stats command into plain JavaScript that Node runs directly, without tsx's TypeScript start-up:
// `node build/vindr-stats.mjs --data DIR --out FILE` (the package's `vindr-stats` bin). `npm ci` runs this as the
// `prepare` script; `npm run build:stats-bin` runs it again after a change to the sources.
//
// The output is generated (git-ignored): build/vindr-stats.mjs and, beside it, build/metadata-worker.mjs, the
// worker thread that reads a large metadata.csv (src/node/metadata-facts.ts looks for it next to the bundle).
// Dependencies are bundled in too, so a run resolves no packages and parses no CommonJS at start-up.

import { chmod } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { NODE_BUNDLE_OPTIONS } from './node-bundle.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

/** Where `npm ci` puts the bundle; package.json's `bin` names the same file. */
export const STATS_BIN_DIR = join(ROOT, 'build');
export const STATS_BIN_NAME = 'vindr-stats.mjs';

/** Writes the bundle into `outdir` and returns the path of its entry. */
export async function buildStatsBin(outdir = STATS_BIN_DIR): Promise<string> {
  await build({
    ...NODE_BUNDLE_OPTIONS,
    absWorkingDir: ROOT,
    entryPoints: {
      'vindr-stats': 'scripts/stats.ts',
      'metadata-worker': 'src/node/metadata-worker.ts',
    },
    outdir,
    // Smaller text for Node to read and parse at every start; no names or messages depend on identifiers.
    minify: true,
    legalComments: 'none',
    // papaparse (CommonJS) calls require('stream') when asked for a Node duplex stream; give the ES module a
    // `require` so that path works in the bundle too.
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
  });
  const entry = join(outdir, STATS_BIN_NAME);
  await chmod(entry, 0o755);
  return entry;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const entry = await buildStatsBin();
  process.stderr.write(`build-stats-bin: wrote ${entry.slice(ROOT.length + 1)}\n`);
}
