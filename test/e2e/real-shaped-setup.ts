// The `e2e-real-shaped` project's setup: builds the site once from a release shaped like the real download (the
// demo's two annotation CSVs only: no metadata.csv, no images/, no synthetic marker) and serves it, so the page
// tests also run on a build without ages, vendors or sample studies and assert the empty states it shows.
// The build runs in a scratch copy of the project (src/ etc. copied, node_modules linked), because the build
// writes public/data/ and dist/, which belong to the demo build the `e2e` project tests.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { FILES } from '../../src/lib/vocabulary.ts';
import type { PreviewServer } from '../../src/node/preview-server.ts';
import { assertChromium, serveBuild } from './global-setup.ts';

const DEMO_RELEASE = '.demo-release';
/** What the build reads from the project besides node_modules. */
const PROJECT_FILES = ['src', 'scripts', 'vendor', 'public/favicon.svg', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

let server: PreviewServer | undefined;
let scratch: string | undefined;

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`real-shaped build failed (exit ${code}):\n${stderr.slice(-4000)}`))));
  });
}

export async function setup(project: TestProject): Promise<void> {
  assertChromium();
  const csvs = [FILES.breast, FILES.finding].map((name) => join(DEMO_RELEASE, name));
  const missing = csvs.filter((path) => !existsSync(path));
  if (missing.length) throw new Error(`The real-shaped build copies the demo release's CSVs (${missing.join(', ')} missing): run \`npm run build\` first (npm test does).`);

  scratch = mkdtempSync(join(tmpdir(), 'vindr-real-shaped-'));
  const release = join(scratch, 'release');
  mkdirSync(release);
  for (const csv of csvs) copyFileSync(csv, join(release, csv.slice(DEMO_RELEASE.length + 1)));
  const site = join(scratch, 'site');
  for (const path of PROJECT_FILES) cpSync(path, join(site, path), { recursive: true });
  symlinkSync(resolve('node_modules'), join(site, 'node_modules'), 'dir');

  const started = Date.now();
  await run(join(site, 'node_modules', '.bin', 'tsx'), ['scripts/build-site.ts', '--data', release], site);
  process.stderr.write(`real-shaped build (no metadata.csv, no images): ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  server = await serveBuild(project, { root: site, screenshotPrefix: 'real-shaped-' });
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
