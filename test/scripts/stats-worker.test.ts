// metadata.csv on a worker thread, as the CLI runs it (through tsx; the test runner itself cannot start the
// TypeScript worker): the worker is really used and gives the same table, errors and stats as this thread.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const temporary: string[] = [];
afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

function runTsx(script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A script that reads a release's metadata with a worker forced (no size threshold) and prints what it got. */
async function probeScript(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'stats-worker-'));
  temporary.push(dir);
  const script = join(dir, 'probe.mts');
  const facts = JSON.stringify(new URL('../../src/node/metadata-facts.ts', import.meta.url).href);
  const compute = JSON.stringify(new URL('../../src/node/compute-stats.ts', import.meta.url).href);
  await writeFile(
    script,
    `import { startMetadataJob } from ${facts};
import { StatsAccumulator } from ${JSON.stringify(new URL('../../src/lib/release/stats-accumulator.ts', import.meta.url).href)};
import { computeStats, serializeStats } from ${compute};
import { streamBreastRows, streamFindingRows } from ${JSON.stringify(new URL('../../src/node/read-release.ts', import.meta.url).href)};
const dir = process.argv[2];
const job = startMetadataJob(dir, true, () => null, 0);
try {
  const accumulator = new StatsAccumulator();
  await streamBreastRows(dir, (row) => accumulator.addBreastRow(row));
  await streamFindingRows(dir, (row) => accumulator.addFindingRow(row));
  const facts = await job.result();
  accumulator.addImageFactsTable(facts.table, 'metadata.csv');
  const reference = await computeStats(dir, { threads: false });
  const stats = accumulator.finish({ ...reference.source });
  process.stdout.write(JSON.stringify({ where: job.where, same: serializeStats(stats) === serializeStats(reference) }));
} catch (error) {
  process.stdout.write(JSON.stringify({ where: job.where, error: error.message, type: error.constructor.name }));
}
`,
  );
  return script;
}

describe('metadata.csv on a worker thread', () => {
  test('is used under tsx and gives the same stats as reading it on the main thread', async () => {
    const script = await probeScript();
    const run = await runTsx(script, [join(ROOT, 'test/fixtures/releases/quality')]);
    expect(JSON.parse(run.stdout)).toEqual({ where: 'worker', same: true });
  });

  test('a fatal metadata.csv value comes back as the same ReleaseInputError', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stats-worker-release-'));
    temporary.push(dir);
    await cp(join(ROOT, 'test/fixtures/releases/counting'), dir, { recursive: true });
    const path = join(dir, 'metadata.csv');
    await writeFile(path, (await readFile(path, 'utf8')).replace("Patient's Age", 'Age'));
    const run = await runTsx(await probeScript(), [dir]);
    expect(JSON.parse(run.stdout)).toEqual({
      where: 'worker',
      error: `metadata.csv:1: missing required column "Patient's Age" in the header`,
      type: 'ReleaseInputError',
    });
  });
});
