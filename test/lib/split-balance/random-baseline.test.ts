import { describe, expect, it } from 'vitest';
import { labelDistribution } from '../../../src/lib/split-balance/label-distribution.ts';
import type { LabelledStudy } from '../../../src/lib/split-balance/label-distribution.ts';
import { randomSplitBaseline } from '../../../src/lib/split-balance/random-baseline.ts';

/**
 * 500 studies in 100 blocks of 5; within a block the five studies have the same label pattern, and the fifth goes
 * to test. Every label is then exactly 80/20 across the splits: a perfectly stratified split (LD 0).
 */
function stratifiedStudies(): LabelledStudy[] {
  const patterns = [['a'], ['a', 'b'], ['b', 'c'], [], ['c'], ['a', 'c', 'd'], ['d'], ['b']];
  const studies: LabelledStudy[] = [];
  for (let block = 0; block < 100; block++) {
    const labels = patterns[block % patterns.length];
    for (let i = 0; i < 5; i++) studies.push({ split: i === 4 ? 'test' : 'training', labels });
  }
  return studies;
}

/** The same studies, but every study with label 'a' moved to test first: a badly unbalanced split. */
function skewedStudies(): LabelledStudy[] {
  const studies = stratifiedStudies();
  const withA = studies.filter((s) => s.labels.includes('a'));
  const without = studies.filter((s) => !s.labels.includes('a'));
  return [...withA.map((s) => ({ ...s, split: 'test' as const })), ...without.map((s) => ({ ...s, split: 'training' as const }))];
}

describe('randomSplitBaseline(studies, options)', () => {
  it('is identical for the same seed and different for another', () => {
    const studies = skewedStudies();
    const first = randomSplitBaseline(studies, { draws: 200, seed: 7 });
    const again = randomSplitBaseline(studies, { draws: 200, seed: 7 });
    const other = randomSplitBaseline(studies, { draws: 200, seed: 8 });
    expect(again).toEqual(first);
    expect(other.quantiles).not.toEqual(first.quantiles);
    expect(other.histogram).not.toEqual(first.histogram);
  });

  it('defaults to 1000 draws, the documented seed and an 80% training share', () => {
    const result = randomSplitBaseline(stratifiedStudies());
    // The default seed is the year of Sechidis et al., so the figures are the same on every build.
    expect(result).toMatchObject({ draws: 1000, seed: 2011, trainingShare: 0.8 });
    expect(result.histogram.reduce((sum, b) => sum + b.count, 0)).toBe(1000);
  });

  it('places a perfectly stratified split low and a skewed one at the top', () => {
    const stratified = stratifiedStudies();
    expect(labelDistribution(stratified)).toBe(0);
    expect(randomSplitBaseline(stratified, { draws: 300 }).actualPercentile).toBeLessThan(5);
    const skewed = randomSplitBaseline(skewedStudies(), { draws: 300 });
    expect(skewed.actualPercentile).toBe(100);
  });

  it('returns ordered quantiles and a ~20-bin histogram that covers every draw', () => {
    const { quantiles, histogram, draws } = randomSplitBaseline(skewedStudies(), { draws: 400, seed: 3 });
    const q = [quantiles.p05, quantiles.p25, quantiles.p50, quantiles.p75, quantiles.p95];
    expect(q).toEqual([...q].sort((a, b) => a - b));
    expect(q[0]).toBeGreaterThan(0);
    expect(histogram.length).toBe(20);
    expect(histogram.reduce((sum, b) => sum + b.count, 0)).toBe(draws);
    for (let i = 1; i < histogram.length; i++) expect(histogram[i].from).toBeCloseTo(histogram[i - 1].to, 12);
  });

  it('has defined answers for no studies and for studies without informative labels', () => {
    for (const studies of [[], [{ split: 'training', labels: ['x'] }, { split: 'test', labels: ['x'] }]] as LabelledStudy[][]) {
      const result = randomSplitBaseline(studies, { draws: 10 });
      expect(result.quantiles).toEqual({ p05: 0, p25: 0, p50: 0, p75: 0, p95: 0 });
      expect(result.actualPercentile).toBe(100);
      expect(result.histogram).toEqual([{ from: 0, to: 0, count: 10 }]);
    }
  });

  it('rejects a non-integer draw count and a share outside [0, 1]', () => {
    expect(() => randomSplitBaseline([], { draws: 0 })).toThrow(/draws/);
    expect(() => randomSplitBaseline([], { trainingShare: 1.5 })).toThrow(/trainingShare/);
  });
});
