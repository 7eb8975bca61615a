// The audit pages' shaping applied to the stats of test/fixtures/releases/leaky/, a six-study release with a study
// in both splits, a series shared across the splits, and broken boxes: the pages must show each of them.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeStats } from '../../../src/node/compute-stats.ts';
import { qualitySections } from '../../../src/lib/quality-rules.ts';
import { attributeBalances, leakageSentence } from '../../../src/lib/split-balance/split-audit.ts';
import type { Stats } from '../../../src/lib/types.ts';

// The fixture's ids are md5 hashes of short names (see test/fixtures/README.md).
const id = (name: string) => createHash('md5').update(name).digest('hex');
let stats: Stats;

beforeAll(async () => {
  stats = await computeStats(join('test', 'fixtures', 'releases', 'leaky'));
});

describe('split audit of the leaky fixture', () => {
  it('lists the study in both splits and the series that occur in both', () => {
    const { leakage } = stats.splitBalance;
    expect(leakage.studies).toEqual([id('s6')]);
    expect(leakage.series).toEqual([id('s2series'), id('s6series')].sort());
    expect(leakageSentence(leakage.studies.length, 'studies')).toBe('1 study in both splits');
    expect(leakageSentence(leakage.series.length, 'series')).toBe('2 series in both splits');
  });

  it('shows the density imbalance with hand-computed numbers', () => {
    // Per breast, the leaky study counting under training (its first image): training A 2, B 2, C 4, D 2 (10);
    // test C 2. Expected training 10·(2,2,6,2)/12 = 5/3, 5/3, 5, 5/3; test 1/3, 1/3, 1, 1/3.
    // χ² = 3·(1/9)/(5/3) + 1/5 + 3·(1/9)/(1/3) + 1/1 = 0.2 + 0.2 + 1 + 1 = 2.4; df 3; V = sqrt(2.4/12) = sqrt(0.2).
    // Shares: C is 40% of training and 100% of test → −60 pp, the largest gap.
    const density = attributeBalances(stats.splitBalance.attributes).find((a) => a.key === 'breastDensity');
    expect(density?.chi2).toBeCloseTo(2.4, 10);
    expect(density?.df).toBe(3);
    expect(density?.cramersV).toBeCloseTo(Math.sqrt(0.2), 10);
    expect(density?.largestCategory).toBe('C');
    expect(density?.categories.find((c) => c.category === 'C')?.differencePp).toBeCloseTo(-60, 10);
  });

  it('places the actual split inside a deterministic random baseline', () => {
    const { randomBaseline, labelDistribution } = stats.splitBalance;
    expect(randomBaseline.draws).toBe(1000);
    expect(randomBaseline.histogram.reduce((sum, b) => sum + b.count, 0)).toBe(1000);
    expect(Number.isFinite(labelDistribution)).toBe(true);
    expect(randomBaseline.actualPercentile).toBeGreaterThan(0);
    expect(randomBaseline.actualPercentile).toBeLessThanOrEqual(100);
  });
});

describe('quality audit of the leaky fixture', () => {
  it('shows the broken boxes, the leaky study and the negative-breast findings, and 0 for the rest', () => {
    const sections = qualitySections(stats.quality.issues, new Set([id('s3')]));
    const count = Object.fromEntries(sections.map((s) => [s.rule, s.count]));
    expect(count).toMatchObject({
      'box-out-of-bounds': 2,
      'box-degenerate': 2,
      'study-in-both-splits': 1,
      'finding-on-negative-breast': 2,
      'missing-view': 0,
      'view-label-disagreement': 0,
      'image-not-in-both-files': 0,
    });
    const lines = (rule: string) => sections.find((s) => s.rule === rule)?.examples.map((e) => `${e.file}:${e.line}`);
    // finding_annotations.csv: line 11 is s3 L-MLO (xmax 2810.4 > 2800), 22 is s6 L-CC (xmin −12.5),
    // 14 and 15 are s4's L-CC (xmin 500 ≥ xmax 480) and L-MLO (xmin "abc").
    expect(lines('box-out-of-bounds')).toEqual(['finding_annotations.csv:11', 'finding_annotations.csv:22']);
    expect(lines('box-degenerate')).toEqual(['finding_annotations.csv:14', 'finding_annotations.csv:15']);
    // Only s3 has images in this imagined build: only its example links to the viewer.
    const outOfBounds = sections.find((s) => s.rule === 'box-out-of-bounds');
    expect(outOfBounds?.examples.map((e) => e.viewerHref)).toEqual([`/viewer/?study=${id('s3')}`, null]);
    expect(sections.find((s) => s.rule === 'study-in-both-splits')?.examples[0].study_id).toBe(id('s6'));
  });
});
