// `npm run audit-split` and `npm run make-split` through the real CLIs: exit codes, the one-line message of a bad
// split file, the report JSON, and the same bytes for the same seed.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SplitAuditReport } from '../../src/lib/split-audit/audit-report.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RELEASE = join(ROOT, 'test/fixtures/releases/counting');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'split-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(script: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts', script), ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('audit-split', () => {
  test('audits an image-level file: report JSON with leakage, unknown ids and the file named', async () => {
    const split = join(dir, 'images.csv');
    // s1's images name a then b (leakage, counted in a); s2 and s3 in b; one image id the release does not know.
    await writeFile(split, 'image_id,split\ns1-lcc,a\ns1-lmlo,b\ns2-lcc,b\ns3-rcc,b\nghost,a\n');
    const out = join(dir, 'report.json');
    const { code, stderr } = await run('audit-split.ts', ['--data', RELEASE, '--split', split, '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toContain('images.csv: 5 rows, 2 subsets (a 1, b 2)');
    const report = JSON.parse(await readFile(out, 'utf8')) as SplitAuditReport;
    expect(report.leakage.studies).toEqual([{ id: 's1', subsets: ['a', 'b'] }]);
    expect(report.unknownIds).toEqual({ count: 1, ids: ['ghost'] });
    expect(report.file).toMatchObject({ name: 'images.csv', rows: 5, idColumn: 'image_id', subsetColumn: 'split' });
    expect(report.file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(report.attributes)).toEqual(['breastBirads', 'breastDensity', 'findingCategories', 'findingBirads', 'age', 'vendor']);
    for (const attribute of Object.values(report.attributes)) expect(attribute).toHaveProperty('pHolm');
  });

  test.each([
    { text: 'study_id,split\ns1,a\ns2,\n', message: 'audit-split: bad.csv:3, column "split": the subset name is empty' },
    { text: 'id,split\ns1,a\n', message: 'audit-split: bad.csv:1: no study id column' },
    { text: 'study_id,split\nx1,a\nx2,b\n', message: 'none of its 2 ids is in this release' },
  ])('exits 1 with one line: $message', async ({ text, message }) => {
    const split = join(dir, 'bad.csv');
    await writeFile(split, text);
    const { code, stderr } = await run('audit-split.ts', ['--data', RELEASE, '--split', split]);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });

  test('exits 2 on wrong arguments', async () => {
    expect((await run('audit-split.ts', ['--data', RELEASE])).code).toBe(2);
  });
});

describe('make-split', () => {
  test('writes the same bytes for a seed, every study once, and audits what it wrote', async () => {
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    const first = await run('make-split.ts', ['--data', RELEASE, '--folds', '3', '--seed', '4', '--out', a]);
    await run('make-split.ts', ['--data', RELEASE, '--folds', '3', '--seed', '4', '--out', b]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('3 subsets (1 1, 2 1, 3 1)');
    const text = await readFile(a, 'utf8');
    expect(await readFile(b, 'utf8')).toBe(text);
    expect(text.split('\n')[0]).toBe('study_id,fold');
    expect(text.trimEnd().split('\n').slice(1).map((l) => l.split(',')[0])).toEqual(['s1', 's2', 's3']);
  });

  test('exits 2 on --folds and --ratios together, or neither', async () => {
    const out = join(dir, 'x.csv');
    expect((await run('make-split.ts', ['--data', RELEASE, '--folds', '2', '--ratios', '0.5,0.5', '--seed', '1', '--out', out])).code).toBe(2);
    expect((await run('make-split.ts', ['--data', RELEASE, '--seed', '1', '--out', out])).code).toBe(2);
  });
});
