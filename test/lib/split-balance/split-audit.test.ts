import { describe, expect, it } from 'vitest';
import { balanceAttribute } from '../../../src/lib/split-balance/balance-attribute.ts';
import type { BalanceAttribute } from '../../../src/lib/types.ts';
import {
  attributeBalances,
  baselineSentence,
  formatPValue,
  formatPp,
  leakageSentence,
} from '../../../src/lib/split-balance/split-audit.ts';
import type { RandomBaseline } from '../../../src/lib/types.ts';

/** One attribute's view, through the list the audit page shows. */
const attributeBalance = (key: string, attribute: BalanceAttribute) => attributeBalances({ [key]: attribute })[0];

describe('attributeBalance(key, attribute)', () => {
  it('gives each category its share of each split and the gap in percentage points', () => {
    // training 60: 10/60 = 16.67%, 20/60 = 33.33%, 30/60 = 50%; test 50: 40%, 40%, 20%.
    // gaps: −23.33, −6.67, +30 pp → the third is the largest.
    const view = attributeBalance('breastBirads', balanceAttribute('breast', ['1', '2', '3'], [10, 20, 30], [20, 20, 10]));
    expect(view.label).toBe('Breast BI-RADS');
    expect(view.totals).toEqual({ training: 60, test: 50 });
    [100 / 6, 100 / 3, 50].forEach((share, j) => expect(view.categories[j].trainingShare).toBeCloseTo(share, 10));
    [40, 40, 20].forEach((share, j) => expect(view.categories[j].testShare).toBeCloseTo(share, 10));
    expect(view.categories[0].differencePp).toBeCloseTo(-23.333333, 5);
    expect(view.categories.map((c) => c.largest)).toEqual([false, false, true]);
    expect(view).toMatchObject({ largestCategory: '3', largestDifferencePp: 30, significant: true, effect: 'medium' });
  });

  it('flags no category when every gap rounds to 0.0 pp, and reports no significance for p ≥ 0.05', () => {
    const view = attributeBalance('vendor', balanceAttribute('image', ['SIEMENS', 'Planmed'], [800, 200], [200, 50]));
    expect(view.categories.every((c) => !c.largest)).toBe(true);
    expect(view.significant).toBe(false);
  });

  it('keeps shares at 0 for an empty split instead of dividing by zero, and says why nothing is tested', () => {
    const view = attributeBalance('ageBins', balanceAttribute('study', ['40–45', '45–50'], [3, 1], [0, 0]));
    expect(view.categories[0]).toMatchObject({ trainingShare: 75, testShare: 0, differencePp: 75 });
    expect(view.untestable).toBe('The test split has no study here, so there are no shares to compare (χ² 0 and p 1 by definition).');
  });

  it.each([
    { name: 'one category', training: [4], test: [2], reason: /^Only one category occurs/ },
    { name: 'an empty training split', training: [0, 0], test: [1, 2], reason: /^The training split has no box here/ },
    { name: 'a testable table', training: [1, 2], test: [2, 1], reason: null },
  ])('untestable for $name', ({ training, test, reason }) => {
    const view = attributeBalance('x', balanceAttribute('box', training.map((_, j) => `c${j}`), training, test));
    if (reason === null) expect(view.untestable).toBeNull();
    else expect(view.untestable).toMatch(reason);
  });
});

describe('attributeBalances(attributes)', () => {
  it('orders attributes by Cramér’s V, largest first, and labels unknown keys by their key', () => {
    const ordered = attributeBalances({
      breastDensity: balanceAttribute('breast', ['A', 'B'], [50, 50], [10, 10]),
      vendor: balanceAttribute('image', ['X', 'Y'], [30, 0], [0, 10]),
      custom: balanceAttribute('study', ['a', 'b'], [30, 20], [10, 15]),
    });
    expect(ordered.map((a) => a.key)).toEqual(['vendor', 'custom', 'breastDensity']);
    expect(ordered[1].label).toBe('custom');
  });
});

describe('formatting', () => {
  it.each([
    [0, '0 studies in both splits'],
    [1, '1 study in both splits'],
    [1234, '1,234 studies in both splits'],
  ])('leakageSentence(%d, studies) → %s', (count, text) => {
    expect(leakageSentence(count, 'studies')).toBe(text);
  });

  it('says series the same in singular and plural', () => {
    expect(leakageSentence(1, 'series')).toBe('1 series in both splits');
    expect(leakageSentence(0, 'series')).toBe('0 series in both splits');
  });

  it.each([
    [0.0004, '< 0.001'],
    [0.001, '0.001'],
    [0.04999, '0.050'],
    [1, '1.000'],
  ])('formatPValue(%f) → %s', (p, text) => {
    expect(formatPValue(p)).toBe(text);
  });

  it.each([
    [1.24, '+1.2 pp'],
    [-0.45, '−0.5 pp'],
    [0.04, '0.0 pp'],
    [-0.04, '0.0 pp'],
  ])('formatPp(%f) → %s', (pp, text) => {
    expect(formatPp(pp)).toBe(text);
  });

  it.each([
    [0, 'negligible'],
    [0.099, 'negligible'],
    [0.1, 'small'],
    [0.3, 'medium'],
    [0.5, 'large'],
  ] as const)('Cramér’s V %f is a %s effect', (v, label) => {
    expect(attributeBalance('x', { ...balanceAttribute('study', ['a', 'b'], [1, 2], [2, 1]), cramersV: v }).effect).toBe(label);
  });
});

describe('baselineSentence(actualLD, baseline)', () => {
  const baseline = (actualPercentile: number): RandomBaseline => ({
    draws: 1000,
    seed: 2011,
    trainingShare: 0.8,
    quantiles: { p05: 0.01, p25: 0.02, p50: 0.03, p75: 0.04, p95: 0.05 },
    actualPercentile,
    histogram: [],
  });
  it.each([
    [0.3, 'better balanced than nearly all of them'],
    [40, 'better balanced than a typical random split'],
    [60, 'no better balanced than a typical random split'],
    [97.8, 'worse balanced than nearly all of them'],
  ])('percentile %f → “%s”', (percentile, phrase) => {
    const sentence = baselineSentence(0.0123, baseline(percentile));
    expect(sentence).toContain(phrase);
    expect(sentence).toContain(`${percentile}% of 1,000 random 80/20 study-level splits (seed 2011)`);
    expect(sentence).toContain('(0.0123)');
  });
});
