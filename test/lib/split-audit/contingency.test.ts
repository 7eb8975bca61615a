import { describe, expect, it } from 'vitest';
import { binarySmd, chiSquareTable, holmAdjust } from '../../../src/lib/split-audit/contingency.ts';
import { chiSquareTest } from '../../../src/lib/split-balance/chi-square.ts';

describe('chiSquareTable(k × c)', () => {
  it('computes a hand-worked 3 × 2 table', () => {
    // Rows [10, 20], [20, 10], [15, 15]: row totals 30, column totals 45, N 90, every expected count 30·45/90 = 15.
    // (O − E)²/E: four cells 25/15, two cells 0 → χ² = 100/15; df = (3 − 1)(2 − 1) = 2; V = sqrt(χ² / (90 · 1)).
    const result = chiSquareTable([[10, 20], [20, 10], [15, 15]]);
    expect(result.chi2).toBeCloseTo(100 / 15, 12);
    expect(result.df).toBe(2);
    expect(result.pValue).toBeCloseTo(Math.exp(-100 / 15 / 2), 10); // df 2: p = exp(−χ²/2)
    expect(result.cramersV).toBeCloseTo(Math.sqrt(100 / 15 / 90), 12);
    expect(result.untestable).toBeNull();
  });

  it('uses min(k − 1, c − 1) in Cramér V: a perfectly associated 3 × 3 table has V = 1', () => {
    // Diagonal 10s: E = 10/3 everywhere; diagonal (20/3)²/(10/3) = 40/3 ×3 = 40, off-diagonal (10/3) ×6 = 20 → χ² 60.
    // V = sqrt(60 / (30 · min(2, 2))) = 1; df = 2 · 2 = 4.
    const result = chiSquareTable([[10, 0, 0], [0, 10, 0], [0, 0, 10]]);
    expect(result.chi2).toBeCloseTo(60, 10);
    expect(result.df).toBe(4);
    expect(result.cramersV).toBeCloseTo(1, 12);
  });

  it('drops zero-total columns before counting df', () => {
    const withEmpty = chiSquareTable([[10, 0, 20], [20, 0, 10], [15, 0, 15]]);
    expect(withEmpty.df).toBe(2);
    expect(withEmpty.chi2).toBeCloseTo(100 / 15, 12);
  });

  it('is not testable, with the reason, when a subset has no counts or one category occurs', () => {
    const empty = chiSquareTable([[3, 4], [0, 0], [1, 2]], ['Subset "a"', 'Subset "b"', 'Subset "c"'], 'studies with a known age');
    expect(empty).toMatchObject({ chi2: 0, pValue: 1, cramersV: 0 });
    expect(empty.untestable).toBe('Subset "b" has no studies with a known age, so there are no shares to compare.');
    expect(chiSquareTable([[3, 0], [4, 0]]).untestable).toMatch(/Only one category/);
    expect(chiSquareTable([[0, 0], [0, 0]], ['a', 'b'], 'studies with a known age').untestable).toBe('No subset has any studies with a known age, so there are no shares to compare.');
  });

  it('gives for k = 2 exactly what the training/test test gives (stats.json)', () => {
    const training = [10, 20, 30];
    const test = [20, 20, 10];
    const { untestable, ...k } = chiSquareTable([training, test]);
    expect(untestable).toBeNull();
    expect(k).toEqual(chiSquareTest(training, test));
    expect(k.chi2).toBeCloseTo(451 / 36, 10); // chi-square.test.ts's hand-worked value
  });
});

describe('holmAdjust', () => {
  it('multiplies the sorted p-values by m, m − 1, … and keeps them monotone; untestable stay null', () => {
    // Sorted 0.01 ×3 = 0.03, 0.03 ×2 = 0.06, 0.04 ×1 = 0.04 → running max 0.06.
    const adjusted = holmAdjust([0.04, 0.01, 0.03, null]);
    expect(adjusted[1]).toBeCloseTo(0.03, 12);
    expect(adjusted[2]).toBeCloseTo(0.06, 12);
    expect(adjusted[0]).toBeCloseTo(0.06, 12);
    expect(adjusted[3]).toBeNull();
  });

  it('caps at 1', () => {
    expect(holmAdjust([0.6, 0.7])).toEqual([1, 1]);
  });
});

describe('binarySmd (tableone / cobalt binary SMD)', () => {
  it('computes (p1 − p2) / sqrt((p1(1 − p1) + p2(1 − p2)) / 2)', () => {
    // 0.2 / sqrt((0.25 + 0.21) / 2) = 0.2 / sqrt(0.23)
    expect(binarySmd(0.5, 0.3)).toBeCloseTo(0.2 / Math.sqrt(0.23), 12);
    expect(binarySmd(0.3, 0.5)).toBeCloseTo(-0.2 / Math.sqrt(0.23), 12);
  });

  it('is 0 for equal shares and null when one side is all and the other none', () => {
    expect(binarySmd(0, 0)).toBe(0);
    expect(binarySmd(1, 0)).toBeNull();
  });
});
