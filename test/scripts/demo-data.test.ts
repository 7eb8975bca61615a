// The demo-data command end to end: same seed, same bytes (every file hashed); SHA256SUMS.txt lists what is on
// disk; a folder holding a non-demo release is refused; ensureDemoRelease leaves a current demo alone.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticMarker } from '../../src/lib/demo/release-texts.ts';
import { DEFAULT_SEED, GENERATOR_VERSION } from '../../src/lib/demo/version.ts';
import { ensureDemoRelease, staleReason } from '../../src/node/demo/ensure-demo-release.ts';

const run = promisify(execFile);
const tsx = join('node_modules', '.bin', 'tsx');
const demoData = (...args: string[]) => run(tsx, ['scripts/demo-data.ts', ...args], { maxBuffer: 1 << 24 });

async function hashTree(dir: string, prefix = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const name = prefix + entry.name;
    if (entry.isDirectory()) Object.assign(out, await hashTree(path, `${name}/`));
    else out[name] = createHash('sha256').update(new Uint8Array(await readFile(path))).digest('hex');
  }
  return out;
}

let tmp: string;
let first: Record<string, string>;
let second: Record<string, string>;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'demo-data-'));
  await Promise.all([demoData('--out', join(tmp, 'a'), '--samples', '1'), demoData('--out', join(tmp, 'b'), '--samples', '1')]);
  [first, second] = await Promise.all([hashTree(join(tmp, 'a')), hashTree(join(tmp, 'b'))]);
}, 120_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('npm run demo-data', () => {
  it('writes the release layout: three CSVs, LICENSE, SHA256SUMS, SYNTHETIC marker, one sample study\'s four DICOMs', () => {
    const names = Object.keys(first).sort();
    const dicoms = names.filter((n) => /^images\/[0-9a-f]{32}\/[0-9a-f]{32}\.dicom$/.test(n));
    expect(names.filter((n) => !dicoms.includes(n))).toEqual([
      'LICENSE.txt', 'SHA256SUMS.txt', 'SYNTHETIC.txt', 'breast-level_annotations.csv', 'finding_annotations.csv', 'metadata.csv',
    ]);
    expect(dicoms).toHaveLength(4);
    expect(new Set(dicoms.map((d) => d.split('/')[1])).size).toBe(1);
  });

  it('writes byte-identical files on two runs with the same seed', () => {
    expect(second).toEqual(first);
  });

  it('lists every other file with its sha256 in SHA256SUMS.txt', async () => {
    const listing = await readFile(join(tmp, 'a', 'SHA256SUMS.txt'), 'utf8');
    const listed = Object.fromEntries(listing.trim().split('\n').map((line) => line.split('  ').reverse()));
    const { ['SHA256SUMS.txt']: _self, ...others } = first;
    expect(listed).toEqual(others);
  });

  it('marks the folder synthetic with the generator version', async () => {
    const marker = await readFile(join(tmp, 'a', 'SYNTHETIC.txt'), 'utf8');
    expect(marker.split('\n')[0]).toMatch(/SYNTHETIC/);
    expect(marker).toContain(`generator: ${GENERATOR_VERSION}`);
    expect(await readFile(join(tmp, 'a', 'LICENSE.txt'), 'utf8')).toMatch(/CC0/);
  });

  it('prints usage for --help and refuses a folder holding a non-demo release', async () => {
    const help = await demoData('--help');
    expect(help.stdout).toMatch(/--out DIR/);
    const real = join(tmp, 'real');
    await mkdir(real);
    const before = 'study_id,series_id,image_id,laterality,view_position,height,width,breast_birads,breast_density,split\n';
    await writeFile(join(real, 'breast-level_annotations.csv'), before);
    const failure = await demoData('--out', real, '--samples', '0').then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/refusing to overwrite/);
    expect(failure?.stderr).not.toMatch(/\n\s+at /);
    expect(await readFile(join(real, 'breast-level_annotations.csv'), 'utf8')).toBe(before);
  }, 60_000);
});

describe('ensureDemoRelease', () => {
  it('does nothing when the marker is current', async () => {
    expect(await ensureDemoRelease(join(tmp, 'a'), { samples: 1 })).toEqual({ generated: false });
    expect(await hashTree(join(tmp, 'a'))).toEqual(first);
  });

  it('names why a folder is stale: no marker, another generator version, another sample count', async () => {
    const dir = join(tmp, 'stale');
    expect(await staleReason(dir, 0)).toMatch(/no SYNTHETIC.txt/);
    const logged: string[] = [];
    expect(await ensureDemoRelease(dir, { samples: 0, log: (l) => logged.push(l) })).toEqual({ generated: true });
    expect(logged[0]).toMatch(/regenerating .* \(no SYNTHETIC.txt\)/);
    expect(await staleReason(dir, 0)).toBeNull();
    expect(await staleReason(dir, 8)).toMatch(/0 sample studies, expected 8/);
    await writeFile(join(dir, 'SYNTHETIC.txt'), syntheticMarker(DEFAULT_SEED, 0).replace(GENERATOR_VERSION, 'vindr-mammo-demo/0'));
    expect(await staleReason(dir, 0)).toMatch(/generated by vindr-mammo-demo\/0/);
  }, 60_000);
});
