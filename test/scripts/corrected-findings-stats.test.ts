// The corrected finding_annotations.csv is a release file like any other: placed in a copy of the `counting`
// fixture release (and of `reordered`, the same data with CRLF, a BOM, shuffled columns and a two-line cell), the
// stats command reads it, and its counts move exactly as the review says (COUNTING_REVIEW, worked out by hand).
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeStats } from '../../src/node/compute-stats.ts';
import { correctedFindingCsv } from '../../src/lib/review/corrected-findings.ts';
import type { Stats } from '../../src/lib/types.ts';
import { COUNTING_REVIEW } from '../lib/review/correction-verdicts.ts';

const temporary: string[] = [];
afterAll(async () => {
  await Promise.all(temporary.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function statsWithReview(fixture: string): Promise<{ before: Stats; after: Stats }> {
  const source = join('test', 'fixtures', 'releases', fixture);
  const copy = await mkdtemp(join(tmpdir(), `corrected-${fixture}-`));
  temporary.push(copy);
  await cp(source, copy, { recursive: true });
  const file = join(copy, 'finding_annotations.csv');
  await writeFile(file, correctedFindingCsv(await readFile(file, 'utf8'), COUNTING_REVIEW).text);
  return { before: await computeStats(source, { threads: false }), after: await computeStats(copy, { threads: false }) };
}

describe.each(['counting', 'reordered'])('the corrected CSV of %s, read by computeStats', (fixture) => {
  it('counts the boxes the review leaves: 6 − 2 removed + 1 missed, all in training', async () => {
    const { before, after } = await statsWithReview(fixture);
    expect(before.counts.findings).toEqual({ training: 4, test: 2, all: 6 });
    expect(after.counts.findings).toEqual({ training: 4 - 2 + 1, test: 2, all: 6 - 2 + 1 });
    // Images and breasts are the breast-level file's: unchanged.
    expect(after.counts.images).toEqual(before.counts.images);
  });

  it('moves each category as the verdicts say', async () => {
    const { before, after } = await statsWithReview(fixture);
    const training = (stats: Stats, category: string) => stats.findingCategories.training[category] ?? 0;
    // Mass: s1-rcc's removed (−1), the two-category box stays a Mass (0), s2-rmlo's missed Mass (+1).
    expect([training(before, 'Mass'), training(after, 'Mass')]).toEqual([2, 2 - 1 + 1]);
    // The two-category box lost its calcification; s2-rcc's focal asymmetry was not a finding.
    expect([training(before, 'Suspicious Calcification'), training(after, 'Suspicious Calcification')]).toEqual([1, 0]);
    expect([training(before, 'Focal Asymmetry'), training(after, 'Focal Asymmetry')]).toEqual([1, 0]);
    expect(after.findingCategories.test).toEqual(before.findingCategories.test);
    // Finding BI-RADS of the training masses: before both 4; after the kept one 4 and the missed one 3.
    expect(before.findingBirads.training.Mass).toMatchObject({ '3': 0, '4': 2 });
    expect(after.findingBirads.training.Mass).toMatchObject({ '3': 1, '4': 1 });
    // The corrected lymph node box still counts once, now 150.25 px wide (2150.25 − 2000) and 220 px tall (320 − 100).
    expect(after.boxGeometry.size['Suspicious Lymph Node']).toMatchObject({ count: 1, widthPx: { median: 150.25 }, heightPx: { median: 220 } });
  });

  it('raises no quality rule the original did not (the added rows follow the release’s format)', async () => {
    const { before, after } = await statsWithReview(fixture);
    expect(after.quality.issues.map((issue) => [issue.rule, issue.count > 0])).toEqual(before.quality.issues.map((issue) => [issue.rule, issue.count > 0]));
  });
});
