import { describe, expect, it } from 'vitest';
import { chiSquareTest } from '../../../src/lib/split-balance/chi-square.ts';
import { chiSquarePValue } from '../../../src/lib/split-audit/contingency.ts';

describe('chiSquarePValue(chi2, df) matches table critical values', () => {
  it.each([
    { chi2: 3.841, df: 1, p: 0.05 },
    { chi2: 6.635, df: 1, p: 0.01 },
    { chi2: 5.991, df: 2, p: 0.05 },
    { chi2: 9.488, df: 4, p: 0.05 },
    { chi2: 13.277, df: 4, p: 0.01 },
  ])('χ² = $chi2, df = $df → p ≈ $p', ({ chi2, df, p }) => {
    expect(chiSquarePValue(chi2, df)).toBeCloseTo(p, 4);
  });

  it('is exactly exp(−χ²/2) for df = 2', () => {
    expect(chiSquarePValue(4, 2)).toBeCloseTo(Math.exp(-2), 12);
  });

  it('is 1 for df 0 or χ² 0, and never negative for a huge χ²', () => {
    expect(chiSquarePValue(5, 0)).toBe(1);
    expect(chiSquarePValue(0, 3)).toBe(1);
    expect(chiSquarePValue(1e6, 3)).toBe(0);
  });
});

describe('chiSquareTest(training, test)', () => {
  it('computes a hand-worked 2×3 table', () => {
    // training [10, 20, 30] (60), test [20, 20, 10] (50), N = 110, column totals 30, 40, 40.
    // Expected: training 60·30/110 = 180/11, 240/11, 240/11; test 150/11, 200/11, 200/11.
    // (O−E)²/E: 245/99 + 5/33 + 135/44 + 98/33 + 2/11 + 81/22 = 451/36 ≈ 12.5278.
    // df = 3 − 1 = 2, so p = exp(−χ²/2) = exp(−451/72) ≈ 0.0019038; V = sqrt(451/36 / 110) = sqrt(41/360) ≈ 0.33747.
    const result = chiSquareTest([10, 20, 30], [20, 20, 10]);
    expect(result.chi2).toBeCloseTo(451 / 36, 10);
    expect(result.df).toBe(2);
    expect(result.pValue).toBeCloseTo(Math.exp(-451 / 72), 8);
    expect(result.pValue).toBeCloseTo(0.0019038, 6);
    expect(result.cramersV).toBeCloseTo(Math.sqrt(41 / 360), 10);
  });

  it('gives χ² 0, p 1, V 0 for identical shares', () => {
    expect(chiSquareTest([40, 40, 20], [10, 10, 5])).toEqual({ chi2: 0, df: 2, pValue: 1, cramersV: 0 });
  });

  it('gives V = 1 for a 2×2 table where the split decides the category', () => {
    // Every training count in column 0, every test count in column 1: χ² = N, V = 1.
    const result = chiSquareTest([30, 0], [0, 10]);
    expect(result.chi2).toBeCloseTo(40, 10);
    expect(result.cramersV).toBeCloseTo(1, 10);
    expect(result.df).toBe(1);
  });

  it('leaves zero-total columns out (same answer, df counts kept columns only)', () => {
    expect(chiSquareTest([10, 0, 20, 0, 30], [20, 0, 20, 0, 10])).toEqual(chiSquareTest([10, 20, 30], [20, 20, 10]));
  });

  describe.each([
    { name: 'an empty table', training: [], test: [], df: 0 },
    { name: 'all zeros', training: [0, 0, 0], test: [0, 0, 0], df: 0 },
    { name: 'one non-zero column', training: [0, 7, 0], test: [0, 3, 0], df: 0 },
    { name: 'an empty test row', training: [5, 6, 7], test: [0, 0, 0], df: 2 },
    { name: 'an empty training row', training: [0, 0], test: [4, 1], df: 1 },
  ])('degenerate table: $name', ({ training, test, df }) => {
    it(`returns chi2 0, df ${df}, p 1, V 0`, () => {
      expect(chiSquareTest(training, test)).toEqual({ chi2: 0, df, pValue: 1, cramersV: 0 });
    });
  });

  it('rejects rows of different lengths and negative or non-finite counts', () => {
    expect(() => chiSquareTest([1, 2], [1])).toThrow(/2 categories but test has 1/);
    expect(() => chiSquareTest([1, -2], [1, 1])).toThrow(/finite and ≥ 0/);
    expect(() => chiSquareTest([1, Number.NaN], [1, 1])).toThrow(/finite and ≥ 0/);
  });
});
