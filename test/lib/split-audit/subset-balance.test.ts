import { describe, expect, it } from 'vitest';
import {
  encodeSubsets,
  examplesDistributionK,
  labelDistributionOf,
  subsetRandomBaseline,
} from '../../../src/lib/split-audit/subset-balance.ts';
import { labelDistribution } from '../../../src/lib/split-balance/label-distribution.ts';

describe('LD and ED for k subsets', () => {
  it('computes a hand-worked 3-subset LD', () => {
    // 6 studies, subsets 0,0,1,1,2,2. Label a in studies 0, 2, 3: D = 3, |D| = 6 → whole ratio 3/3 = 1.
    // Subset 0: 1 of 2 → 1/1 = 1 → |1 − 1| = 0. Subset 1: 2 of 2 → 2 / max(0, 1) = 2 → 1. Subset 2: 0/2 = 0 → 1.
    // (0 + 1 + 1) / 3 = 2/3; label b is in every study (not informative) and is left out, so q = 1.
    const encoded = encodeSubsets([0, 0, 1, 1, 2, 2], [['a', 'b'], ['b'], ['a', 'b'], ['a', 'b'], ['b'], ['b']], 3);
    expect(encoded.labels).toEqual(['a']);
    expect(encoded.sizes).toEqual([2, 2, 2]);
    expect(labelDistributionOf(encoded)).toBeCloseTo(2 / 3, 12);
  });

  it('equals the training/test LD of stats.json for k = 2', () => {
    const labels = [['x'], ['x', 'y'], [], ['y'], ['x'], ['z'], ['x', 'z'], []];
    const subsets = [0, 0, 0, 0, 0, 1, 1, 1];
    const k2 = labelDistributionOf(encodeSubsets(subsets, labels, 2));
    const official = labelDistribution(labels.map((l, i) => ({ split: subsets[i] === 0 ? 'training' : 'test', labels: l })));
    expect(k2).toBe(official);
  });

  it('computes ED against given shares', () => {
    // Targets 6 × (0.5, 0.25, 0.25) = 3, 1.5, 1.5; |2 − 3| + 0.5 + 0.5 = 2; / 3.
    expect(examplesDistributionK([2, 2, 2], [0.5, 0.25, 0.25])).toBeCloseTo(2 / 3, 12);
    expect(examplesDistributionK([2, 2, 2], [1 / 3, 1 / 3, 1 / 3])).toBeCloseTo(0, 12);
  });
});

describe('subsetRandomBaseline', () => {
  const labels = Array.from({ length: 60 }, (_, s) => [s % 3 === 0 ? 'a' : 'b', ...(s % 5 === 0 ? ['c'] : [])]);
  const encoded = encodeSubsets(labels.map((_, s) => s % 3), labels, 3);

  it('is the same for the same seed, keeps the subset sizes, and places a perfectly balanced split at the bottom', () => {
    const actual = labelDistributionOf(encoded);
    const first = subsetRandomBaseline(encoded, actual, 200, 5);
    expect(subsetRandomBaseline(encoded, actual, 200, 5)).toEqual(first);
    expect(first.sizes).toEqual([20, 20, 20]);
    expect(first.histogram.reduce((sum, b) => sum + b.count, 0)).toBe(200);
    // Subsets by s mod 3 put every "a" study in subset 0: far worse than random.
    expect(first.actualPercentile).toBe(100);
    expect(subsetRandomBaseline(encoded, 0, 200, 5).actualPercentile).toBeLessThan(5);
  });
});
