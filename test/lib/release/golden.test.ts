// Golden tests: a fixture release → its committed stats.json, compared byte for byte. On a mismatch the new output
// is written beside the expected file as `<name>-stats-changed.json` (git-ignored) to review with a diff; when the
// change is right, copy it over the expected file.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { computeStats, serializeStats } from '../../../src/node/compute-stats.ts';
import { releaseFixture } from './fixtures.ts';

describe.each(['counting', 'quality'])('golden stats.json of the %s fixture', (name) => {
  test('matches the committed file byte for byte', async () => {
    const expectedPath = `${releaseFixture(name)}-stats.json`;
    const changedPath = `${releaseFixture(name)}-stats-changed.json`;
    const actual = serializeStats(await computeStats(releaseFixture(name)));
    const expected = await readFile(expectedPath, 'utf8').catch(() => '');
    if (actual !== expected) await writeFile(changedPath, actual);
    else await rm(changedPath, { force: true });
    expect(actual === expected, `stats differ from ${expectedPath}; see ${changedPath}`).toBe(true);
  });

  test('is deterministic: a second run gives the same bytes', async () => {
    const first = serializeStats(await computeStats(releaseFixture(name)));
    const second = serializeStats(await computeStats(releaseFixture(name)));
    expect(second).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
    expect(first).not.toContain(releaseFixture(name));
  });
});
