// scripts/launch.mjs (and bundle-freshness.mjs), which runs `npm run build` / `npm start` from an esbuild bundle: it rebuilds the bundle when a
// source is newer (so an edit is never run stale), and the bundle does what the TypeScript entry does.

import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { bundleIsStale } from '../../scripts/bundle-freshness.mjs';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

describe('the bundle is rebuilt when a source changes', () => {
  test('missing, older than a source under src/ or scripts/, or older than package-lock.json: stale', async () => {
    const root = await mkdtemp(join(tmpdir(), 'launch-'));
    await mkdir(join(root, 'src', 'lib'), { recursive: true });
    await mkdir(join(root, 'scripts'), { recursive: true });
    const source = join(root, 'src', 'lib', 'a.ts');
    const script = join(root, 'scripts', 'b.ts');
    const lock = join(root, 'package-lock.json');
    const bundle = join(root, 'bundle.mjs');
    for (const path of [source, script, lock]) await writeFile(path, '');
    const at = (path: string, seconds: number) => utimes(path, seconds, seconds);
    await Promise.all([at(source, 1000), at(script, 2000), at(lock, 1500)]);

    expect(bundleIsStale(bundle, root)).toBe(true);
    await writeFile(bundle, '');
    await at(bundle, 3000);
    expect(bundleIsStale(bundle, root)).toBe(false);
    await at(source, 3001);
    expect(bundleIsStale(bundle, root)).toBe(true);
    await at(source, 1000);
    await at(lock, 3500);
    expect(bundleIsStale(bundle, root)).toBe(true);
  });
});

describe('node scripts/launch.mjs build-site', () => {
  test('runs the bundled build script with its arguments: the same one-line refusal as under tsx', () => {
    const args = ['--prepare-only', '--data', 'no-such-release', '--no-such-flag'];
    const bundled = spawnSync(process.execPath, ['scripts/launch.mjs', 'build-site', ...args], { cwd: ROOT, encoding: 'utf8' });
    const tsx = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/build-site.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
    // The last line: a first run after an edit says "launch: bundling …" before it.
    expect(bundled.stderr.split('\n').at(-2)).toBe("build: Unknown option '--no-such-flag'");
    expect([bundled.status, bundled.stderr.split('\n').at(-2)]).toEqual([tsx.status, tsx.stderr.trim()]);
    expect(bundled.status).toBe(1);
  });

  test('an unknown command is refused with the list of known ones, exit 2', () => {
    const run = spawnSync(process.execPath, ['scripts/launch.mjs', 'nope'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('launch: unknown command "nope"; one of: build-site\n');
  });
});
