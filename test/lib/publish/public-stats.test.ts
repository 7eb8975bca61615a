// The public stats.json: age bins merged at the ends (hand-worked), and a fixture release's full stats turned into
// the public ones — no count from 1 to K − 1 left anywhere a count is written, no ids, no examples, no min/max age.
import { describe, expect, it } from 'vitest';
import { ageBinLabel, mergeAgeBins } from '../../../src/lib/publish/age-bins.ts';
import { publicStats } from '../../../src/lib/publish/public-stats.ts';
import type { AgeBin } from '../../../src/lib/types.ts';
import { computeStats } from '../../../src/node/compute-stats.ts';
import { releaseFixture } from '../release/fixtures.ts';

const bin = (from: number, training: number, test: number): AgeBin => ({ from, to: from + 5, training, test, all: training + test });

describe('age bins for publication', () => {
  it('drops empty ends, merges the small extreme bins into open-ended ones and leaves the middle alone', () => {
    // 20–25 empty (dropped); 25–30 has 1 + 0, 30–35 has 2 + 1 → merged with 35–40 (6 + 0): 9 + 1, but test 1 is
    // 1 … 4 → merged on with 40–45 (10 + 5): 19 + 6 → "< 45". Middle 45–50 (3 + 0) stays (ordinary suppression).
    // Top: 60–65 (2 + 2) merges into 55–60 (8 + 6) → "≥ 55" 10 + 8; 50–55 (20 + 10) stays.
    const bins = [bin(20, 0, 0), bin(25, 1, 0), bin(30, 2, 1), bin(35, 6, 0), bin(40, 10, 5), bin(45, 3, 0), bin(50, 20, 10), bin(55, 8, 6), bin(60, 2, 2)];
    const merged = mergeAgeBins(bins, 5);
    expect(merged.map((b) => [ageBinLabel(b), b.training, b.test, b.all])).toEqual([
      ['< 45', 19, 6, 25],
      ['45–50', 3, 0, 3],
      ['50–55', 20, 10, 30],
      ['≥ 55', 10, 8, 18],
    ]);
  });

  it('makes a single open bin when everything is small, and nothing of no ages', () => {
    expect(mergeAgeBins([bin(40, 1, 0), bin(45, 2, 1)], 5).map(ageBinLabel)).toEqual(['all ages']);
    expect(mergeAgeBins([], 5)).toEqual([]);
  });
});

describe('publicStats', () => {
  it('turns a fixture release into counts of 0 or ≥ K, "< K" or "suppressed", without ids, examples or extreme ages', async () => {
    const full = await computeStats(releaseFixture('counting'));
    const k = 5;
    const pub = publicStats(full, k);
    expect(pub.public).toBe(true);
    expect(pub.minCell).toBe(k);
    // The release's totals are kept, whatever their size (the fixture has 3 studies).
    expect(pub.counts.studies.all).toBe(full.counts.studies.all);
    expect(full.counts.studies.all).toBe(3);
    // Every other number where a count is written (not rates, shares, tests or image sizes) is 0 or ≥ K.
    const splitCounts = Object.values(pub.counts).map(({ training, test }) => [training, test]);
    const countTrees = [splitCounts, pub.breastBirads, pub.breastDensity, pub.findingCategories, pub.findingBirads, pub.vendors, pub.vendorsUnknown, pub.densityByBirads, pub.age.bins.map(({ training, test, all }) => ({ training, test, all })), pub.age.known, pub.age.missing, pub.quality.issues.map((i) => i.count), pub.splitBalance.leakage, pub.boxGeometry.location, Object.values(pub.boxGeometry.size).map((s) => s.count), Object.values(pub.splitBalance.attributes).map((a) => [a.training, a.test]), pub.imageSizes.map(({ training, test, all, byVendor, unknownVendor }) => ({ training, test, all, byVendor, unknownVendor }))];
    const small: unknown[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'number' && value >= 1 && value < k) small.push(value);
      else if (value && typeof value === 'object') Object.entries(value).forEach(([key, v]) => key !== 'cols' && key !== 'rows' && walk(v));
    };
    countTrees.forEach(walk);
    expect(small).toEqual([]);
    // The fixture has small counts: they are written "< 5".
    expect(JSON.stringify(pub)).toContain('"< 5"');
    const text = JSON.stringify(pub);
    expect(text).not.toContain('"examples"');
    expect(text).not.toContain('"min"');
    expect(text).not.toContain('"max"');
    expect(Object.keys(pub.age.summary.all ?? {})).toEqual(['mean', 'median']);
  });

  it('publishes the counts of studies and series in both splits, never their ids', async () => {
    const full = await computeStats(releaseFixture('leaky'));
    expect(full.splitBalance.leakage.studies.length).toBeGreaterThan(0);
    const pub = publicStats(full, 5);
    const n = full.splitBalance.leakage.studies.length;
    expect(pub.splitBalance.leakage.studies).toBe(n < 5 ? '< 5' : n);
    for (const id of [...full.splitBalance.leakage.studies, ...full.splitBalance.leakage.series]) expect(JSON.stringify(pub)).not.toContain(id);
  });
});
