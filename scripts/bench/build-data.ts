// Benchmark of `npm run build` (not a test): its data step (`--prepare-only`: everything before `astro build`) on
// the demo release and on a synthetic release of N images, and `astro build` itself on both, in a scratch copy of
// the project so the real public/ and dist/ are never touched. Prints wall time, CPU time and peak RSS.
//   npm run bench -- --only build [--images 1000000]
// Targets (issue 9): data step ≤ 500 MB peak RSS at 1,000,000 images, like the stats command; astro build's peak
// within 10 % of its peak on the demo whatever the release; the whole demo build ≤ 20 s once the demo exists.

import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { astroCommand } from '../../src/node/astro-cli.ts';
import { describe, generateRelease, runMeasured } from './stats.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

/** A copy of what `astro build` reads (sources, config, public/), with node_modules linked. */
function scratchProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-site-'));
  for (const entry of ['src', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  mkdirSync(join(dir, 'public'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

async function benchRelease(label: string, release: string): Promise<void> {
  const project = scratchProject();
  try {
    const prepare = await runMeasured([process.execPath, join(ROOT, 'scripts', 'launch.mjs'), 'build-site'], ['--data', release, '--prepare-only', '--data-out', join(project, 'public')], ROOT);
    process.stdout.write(describe(`${label}: data step (--prepare-only)`, prepare));
    const { bin, env } = astroCommand(project);
    const astro = await runMeasured([bin], ['build'], project, env);
    process.stdout.write(describe(`${label}: astro build`, astro));
    process.stdout.write(`  ${label}: whole build ${(prepare.wallSeconds + astro.wallSeconds).toFixed(1)} s\n`);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

export async function benchBuild(args: { images: number }): Promise<void> {
  process.stdout.write(`npm run build (load average ${loadavg()[0].toFixed(1)} before)\n`);
  const demo = join(ROOT, '.demo-release');
  if (existsSync(join(demo, 'breast-level_annotations.csv'))) await benchRelease('demo release', demo);
  else process.stdout.write('  demo release: not generated yet (`npm run build` makes it); skipped\n');
  const dir = mkdtempSync(join(tmpdir(), 'bench-release-'));
  try {
    await generateRelease(dir, args.images);
    await benchRelease(`${args.images.toLocaleString('en')} images`, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`  (load average ${loadavg()[0].toFixed(1)} after)\n`);
}
