// `npm run stats` through the real CLI, both as `npm run stats` runs it (tsx scripts/stats.ts) and as the prebuilt
// `vindr-stats` bin (the esbuild bundle that `npm ci` writes, built afresh here): exit codes, the one-line message of
// every fatal input, nothing written on failure, and the summary on stderr, the same for both.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateRelease } from '../../scripts/bench/stats.ts';
import { buildStatsBin } from '../../scripts/build-stats-bin.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures/releases');
const temporary: string[] = [];
afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The prebuilt bundle, built from the current sources into a temporary folder (never a stale build/). */
let bundleEntry = '';
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'stats-bin-'));
  temporary.push(dir);
  bundleEntry = await buildStatsBin(dir);
});

type Cli = 'tsx' | 'bundle';
const CLIS: Cli[] = ['tsx', 'bundle'];

function command(cli: Cli): [string, string[]] {
  return cli === 'tsx' ? [join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/stats.ts')]] : [process.execPath, [bundleEntry]];
}

function runCli(cli: Cli, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve, reject) => {
    const [program, programArgs] = command(cli);
    const child = spawn(program, [...programArgs, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A copy of a fixture release with one file's text changed (or the file removed when `edit` returns null). */
async function mutatedRelease(file: string, edit: (text: string) => string | null, fixture = 'counting'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'stats-cli-'));
  temporary.push(dir);
  await cp(join(FIXTURES, fixture), dir, { recursive: true });
  const path = join(dir, file);
  const text = await readFile(path, 'utf8');
  const edited = edit(text);
  if (edited === null) await rm(path);
  else await writeFile(path, edited);
  return dir;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

const BREAST = 'breast-level_annotations.csv';
const FINDING = 'finding_annotations.csv';
/** Replaces the first occurrence of `from` on data line `line` (1-based) of a CSV. */
const onLine = (line: number, from: string, to: string) => (text: string) => {
  const lines = text.split('\n');
  if (!lines[line - 1].includes(from)) throw new Error(`line ${line} has no ${from}`);
  lines[line - 1] = lines[line - 1].replace(from, to);
  return lines.join('\n');
};

// Each case: [name, file, edit, expected message]. The message is the whole first line of stderr.
const FATAL: [string, string, (text: string) => string | null, string][] = [
  ['missing breast-level file', BREAST, () => null, `stats: ${BREAST}: required file not found in the release folder`],
  ['missing finding file', FINDING, () => null, `stats: ${FINDING}: required file not found in the release folder`],
  ['missing column', BREAST, onLine(1, ',breast_density', ''), `stats: ${BREAST}:1: missing required column "breast_density" in the header`],
  ['empty study_id', BREAST, onLine(3, 's1,', ','), `stats: ${BREAST}:3, column "study_id": an empty value is not valid; expected a non-empty id`],
  ['empty image_id', FINDING, onLine(4, 's1-rcc', ''), `stats: ${FINDING}:4, column "image_id": an empty value is not valid; expected a non-empty id`],
  ['laterality', BREAST, onLine(2, ',L,', ',Left,'), `stats: ${BREAST}:2, column "laterality": "Left" is not valid; expected one of "L", "R"`],
  ['view position', BREAST, onLine(2, ',CC,', ',ML,'), `stats: ${BREAST}:2, column "view_position": "ML" is not valid; expected one of "CC", "MLO"`],
  ['height', BREAST, onLine(5, ',3518,', ',-3518,'), `stats: ${BREAST}:5, column "height": "-3518" is not valid; expected a positive integer`],
  ['width', FINDING, onLine(7, ',2012,', ',2012.5,'), `stats: ${FINDING}:7, column "width": "2012.5" is not valid; expected a positive integer`],
  ['breast BI-RADS', BREAST, onLine(7, 'BI-RADS 2', 'BIRADS 2'), `stats: ${BREAST}:7, column "breast_birads": "BIRADS 2" is not valid; expected one of "BI-RADS 0", "BI-RADS 1"`],
  ['density', FINDING, onLine(2, 'DENSITY C', 'C'), `stats: ${FINDING}:2, column "breast_density": "C" is not valid; expected one of "DENSITY A"`],
  ['split', BREAST, onLine(10, ',test', ',val'), `stats: ${BREAST}:10, column "split": "val" is not valid; expected one of "training", "test"`],
  ['finding BI-RADS', FINDING, onLine(4, ',BI-RADS 4,100', ',BI-RADS 9,100'), `stats: ${FINDING}:4, column "finding_birads": "BI-RADS 9" is not valid; expected one of "BI-RADS 3", "BI-RADS 4", "BI-RADS 5", (empty)`],
  ['finding categories', FINDING, onLine(4, "['Mass']", 'Mass'), `stats: ${FINDING}:4, column "finding_categories": "Mass" is not valid; expected a Python list`],
  ['unclosed quote', FINDING, onLine(5, `"['Mass', 'Suspicious Calcification']"`, `"['Mass', 'Suspicious Calcification']`), `stats: ${FINDING}:5: the CSV cannot be parsed`],
  ['field count', BREAST, onLine(4, ',training', ',training,extra'), `stats: ${BREAST}:4: the line has 11 fields but the header has 10`],
  ['empty file', BREAST, () => '', `stats: ${BREAST}: the file is empty: no header line`],
  ['metadata column', 'metadata.csv', onLine(1, "Patient's Age", 'Age'), `stats: metadata.csv:1: missing required column "Patient's Age" in the header`],
];

describe.each(CLIS)('stats CLI run with %s', (cli) => {
  const runStats = (args: string[]) => runCli(cli, args);

  describe('stats CLI: success', () => {
    test('writes stats.json (creating folders), exits 0 and summarises on stderr', async () => {
      const out = join(await mkdtemp(join(tmpdir(), 'stats-out-')), 'nested', 'stats.json');
      temporary.push(join(out, '../..'));
      const run = await runStats(['--data', join(FIXTURES, 'quality'), '--out', out]);
      expect(run.code).toBe(0);
      expect(await readFile(out, 'utf8')).toBe(await readFile(join(ROOT, 'test/fixtures/goldens/quality/data/stats.json'), 'utf8'));
      expect(run.stderr).toContain('4 studies, 16 images (12 training, 4 test), 8 breasts, 6 boxes');
      expect(run.stderr).toContain('quality: box-degenerate (error) ×3');
      expect(run.stderr).toContain('quality: image-not-in-both-files (error) ×2');
      // Piped, not a terminal: no progress line.
      expect(run.stderr).not.toContain('reading ');
    });

    test('--help prints usage and exits 0', async () => {
      const run = await runStats(['--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Usage: npm run stats -- --data <release folder> --out <file>');
    });
  });

  describe.concurrent('stats CLI: wrong arguments exit 2', () => {
    test.each([
      [['--data', 'x'], '--data and --out are both required'],
      [['--out', 'x'], '--data and --out are both required'],
      [['--data', 'x', '--out', 'y', '--verbose'], "Unknown option '--verbose'"],
    ])('%j', async (args, message) => {
      const run = await runStats(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain('Usage:');
    });
  });

  describe.concurrent('stats CLI: fatal input exits 1 with one line and writes nothing', () => {
    test.each(FATAL)('%s', async (_, file, edit, message) => {
      const dir = await mutatedRelease(file, edit);
      const out = join(dir, 'out', 'stats.json');
      const run = await runStats(['--data', dir, '--out', out]);
      expect(run.code).toBe(1);
      expect(run.stderr.startsWith(message), run.stderr).toBe(true);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(await exists(out)).toBe(false);
    });

    test('a release folder that does not exist', async () => {
      const run = await runStats(['--data', join(tmpdir(), 'no-such-release-folder'), '--out', join(tmpdir(), 'never.json')]);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`stats: ${join(tmpdir(), 'no-such-release-folder')}: release folder not found\n`);
    });

    test('a --data path that is a file, not a folder', async () => {
      const file = join(FIXTURES, 'counting', BREAST);
      const run = await runStats(['--data', file, '--out', join(tmpdir(), 'never.json')]);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`stats: ${file}: not a folder; expected the release folder\n`);
    });

    test('an existing output file is left untouched when the input is fatal', async () => {
      const dir = await mutatedRelease(BREAST, onLine(2, ',L,', ',X,'));
      const out = join(dir, 'stats.json');
      await writeFile(out, 'previous');
      const run = await runStats(['--data', dir, '--out', out]);
      expect(run.code).toBe(1);
      expect(await readFile(out, 'utf8')).toBe('previous');
    });
  });
});

/** Runs a copy of the bundle whose metadata worker is a stand-in that only replies with a failure. */
async function runWithStandInWorker(release: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const copy = await mkdtemp(join(tmpdir(), 'stats-bin-probe-'));
  temporary.push(copy);
  await cp(join(bundleEntry, '..'), copy, { recursive: true });
  await writeFile(
    join(copy, 'metadata-worker.mjs'),
    `import { parentPort } from 'node:worker_threads';\nparentPort.postMessage({ kind: 'failure', message: 'stand-in worker ran' });\n`,
  );
  return new Promise<Run>((resolve, reject) => {
    const out = join(copy, 'stats.json');
    const child = spawn(process.execPath, [join(copy, 'vindr-stats.mjs'), '--data', release, '--out', out], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: '', stderr: code === 0 ? '' : stderr }));
  });
}

describe('the prebuilt bundle against tsx scripts/stats.ts', () => {
  const releases = ['counting', 'quality', 'leaky', 'minimal', 'reordered'];

  test.each(releases)('the %s fixture release: the same stats.json bytes, exit code and summary', async (release) => {
    const outDir = await mkdtemp(join(tmpdir(), 'stats-same-'));
    temporary.push(outDir);
    const [fromTsx, fromBundle] = await Promise.all(
      CLIS.map((cli) => runCli(cli, ['--data', join(FIXTURES, release), '--out', join(outDir, `${cli}.json`)])),
    );
    expect(fromBundle.code).toBe(0);
    expect(fromTsx.code).toBe(0);
    const written = await readFile(join(outDir, 'bundle.json'), 'utf8');
    expect(written).toBe(await readFile(join(outDir, 'tsx.json'), 'utf8'));
    expect(written).toContain('"schemaVersion"');
    // The summary names the output file, which differs between the two runs.
    expect(fromBundle.stderr.replace('bundle.json', 'X')).toBe(fromTsx.stderr.replace('tsx.json', 'X'));
  });

  test('--help and a usage error print the same text', async () => {
    const [tsxHelp, bundleHelp] = await Promise.all(CLIS.map((cli) => runCli(cli, ['--help'])));
    expect(bundleHelp).toEqual(tsxHelp);
    expect(bundleHelp.stdout).toContain('vindr-stats --data <release folder> --out <file>');
    const [tsxWrong, bundleWrong] = await Promise.all(CLIS.map((cli) => runCli(cli, ['--data', 'x', '--color'])));
    expect(bundleWrong).toEqual(tsxWrong);
    expect(bundleWrong.code).toBe(2);
  });

  test('reads metadata.csv on its own worker file when told to, with the same result', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'stats-worker-out-'));
    temporary.push(outDir);
    const forced = { ...process.env, VINDR_METADATA_WORKER_MIN_BYTES: '0' };
    const out = join(outDir, 'stats.json');
    const run = await runCli('bundle', ['--data', join(FIXTURES, 'quality'), '--out', out], forced);
    expect(run.code).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(await readFile(join(ROOT, 'test/fixtures/goldens/quality/data/stats.json'), 'utf8'));

    // Proof that the bundle located and started the worker beside it: a stand-in worker's reply comes back.
    const probe = await runWithStandInWorker(join(FIXTURES, 'quality'), forced);
    expect(probe).toEqual({ code: 1, stdout: '', stderr: 'stats: unexpected failure: stand-in worker ran\n' });
  });

  test('on a release of 6,000 images, with its worker, writes the same bytes as tsx reading on one thread', async () => {
    const release = await mkdtemp(join(tmpdir(), 'stats-bin-large-'));
    temporary.push(release);
    await generateRelease(release, 6_000);
    expect((await stat(join(release, 'metadata.csv'))).size).toBeGreaterThan(1024 * 1024);
    // (Whether the worker is used unasked depends on the machine's load: wantsMetadataWorker, tested on its own.)
    const environment = { ...process.env, VINDR_METADATA_WORKER_MIN_BYTES: '0' };
    expect(await runWithStandInWorker(release, environment)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'stats: unexpected failure: stand-in worker ran\n',
    });

    // The real worker (bundle) and this thread (tsx, below its 16 MB threshold) write the same bytes.
    const [fromTsx, fromBundle] = await Promise.all([
      runCli('tsx', ['--data', release, '--out', join(release, 'tsx.json')], { ...process.env, VINDR_METADATA_WORKER_MIN_BYTES: '999999999' }),
      runCli('bundle', ['--data', release, '--out', join(release, 'bundle.json')], environment),
    ]);
    expect([fromTsx.code, fromBundle.code]).toEqual([0, 0]);
    const written = await readFile(join(release, 'bundle.json'), 'utf8');
    expect(written).toBe(await readFile(join(release, 'tsx.json'), 'utf8'));
    expect(JSON.parse(written).counts.images.all).toBe(6_000);
  });

  test('package.json names the bundle as the vindr-stats bin and builds it on npm ci (prepare)', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
      scripts: Record<string, string>;
    };
    expect(manifest.bin['vindr-stats']).toBe('build/vindr-stats.mjs');
    expect(manifest.scripts.prepare).toMatch(/^tsx scripts\/build-stats-bin.ts && /);
    expect((await readFile(bundleEntry, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
