#!/usr/bin/env node
// Runs one of the project's TypeScript commands from a JavaScript bundle: `node scripts/launch.mjs build-site ARGS`
// bundles scripts/build-site.ts into build/build-site.mjs with esbuild (again whenever a source under src/ or
// scripts/, or package-lock.json, is newer than the bundle) and runs it in this process, without a TypeScript loader.
// Why: tsx keeps every transformed module and its source map in memory for the whole run, ~60 MB of a build whose
// data step must stay under 500 MB at 1,000,000 images (README, "Measured speed"); it also costs start-up time.
// Plain JavaScript, so Node runs it as it is; package.json's build, start and dev scripts go through it.

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleIsStale } from './bundle-freshness.mjs';
import { NODE_BUNDLE_OPTIONS } from './node-bundle.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where bundles go (git-ignored, like the prebuilt stats command beside them). */
const BUNDLE_DIR = join(ROOT, 'build');
/** The commands this launcher runs: name → TypeScript entry. */
const ENTRIES = { 'build-site': 'scripts/build-site.ts' };

/**
 * Bundles `name`'s entry into BUNDLE_DIR (dependencies stay imports from node_modules) and returns its path. Written
 * beside, then renamed: two commands started at once never run half a bundle.
 */
async function buildBundle(name, outdir = BUNDLE_DIR) {
  const { build } = await import('esbuild');
  const result = await build({
    ...NODE_BUNDLE_OPTIONS,
    write: false,
    absWorkingDir: ROOT,
    entryPoints: { [name]: ENTRIES[name] },
    outdir,
    packages: 'external',
  });
  const bundle = join(outdir, `${name}.mjs`);
  const temporary = `${bundle}.${process.pid}.tmp`;
  mkdirSync(outdir, { recursive: true });
  writeFileSync(temporary, result.outputFiles[0].contents);
  renameSync(temporary, bundle);
  return bundle;
}

async function main() {
  const [name, ...args] = process.argv.slice(2);
  if (name === '--bundle-all') {
    for (const entry of Object.keys(ENTRIES)) await buildBundle(entry);
    return;
  }
  if (!(name in ENTRIES)) {
    process.stderr.write(`launch: unknown command ${JSON.stringify(name ?? '')}; one of: ${Object.keys(ENTRIES).join(', ')}\n`);
    process.exit(2);
  }
  let bundle = join(BUNDLE_DIR, `${name}.mjs`);
  if (bundleIsStale(bundle, ROOT)) {
    process.stderr.write(`launch: bundling ${ENTRIES[name]} into ${relative(ROOT, bundle)} (sources changed)\n`);
    bundle = await buildBundle(name);
  }
  // The bundle reads its own arguments from process.argv, as the TypeScript entry does under tsx.
  process.argv = [process.argv[0], bundle, ...args];
  await import(pathToFileURL(bundle).href);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
