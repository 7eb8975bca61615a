import { describe, expect, test } from 'vitest';
import { ageBins, ageSummary, fiveNumber, orderedKeys } from '../../../src/lib/release/summaries.ts';

describe('ageBins(agesBySplit, width)', () => {
  test('contiguous bins from the youngest age’s bin to the oldest’s, from ≤ age < to', () => {
    expect(ageBins({ training: [45, 49.9, 61], test: [50] }, 5)).toEqual([
      { from: 45, to: 50, training: 2, test: 0, all: 2 },
      { from: 50, to: 55, training: 0, test: 1, all: 1 },
      { from: 55, to: 60, training: 0, test: 0, all: 0 },
      { from: 60, to: 65, training: 1, test: 0, all: 1 },
    ]);
  });

  test('an age on the last bin edge opens a bin of its own; no ages, no bins', () => {
    expect(ageBins({ training: [40, 45], test: [] }, 5).map((b) => [b.from, b.to, b.all])).toEqual([
      [40, 45, 1],
      [45, 50, 1],
    ]);
    expect(ageBins({ training: [], test: [] }, 5)).toEqual([]);
  });
});

describe('fiveNumber(values) and ageSummary(ages)', () => {
  test('quartiles interpolate like d3.quantile (R-7)', () => {
    expect(fiveNumber([300, 50, 200, 300])).toEqual({ min: 50, q1: 162.5, median: 250, q3: 300, max: 300 });
    expect(fiveNumber([7])).toEqual({ min: 7, q1: 7, median: 7, q3: 7, max: 7 });
  });

  test('no values → null', () => {
    expect(fiveNumber([])).toBeNull();
    expect(ageSummary([])).toBeNull();
  });

  test('ageSummary gives mean, median, min, max', () => {
    expect(ageSummary([53, 47, 61])).toEqual({ mean: 161 / 3, median: 53, min: 47, max: 61 });
  });
});

describe('orderedKeys(vocabulary, seen)', () => {
  test('vocabulary first in its order, then unknown keys sorted, each once', () => {
    expect(orderedKeys(['1', '2', '3'], ['6', '2', '0', '6'])).toEqual(['1', '2', '3', '0', '6']);
  });
});
