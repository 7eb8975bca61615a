import { describe, expect, it } from 'vitest';
import { balanceAttribute } from '../../../src/lib/split-balance/balance-attribute.ts';

describe('balanceAttribute(unit, categories, training, test)', () => {
  it('drops zero-total categories, keeps the order of the rest, and tests the kept table', () => {
    const result = balanceAttribute('breast', ['1', '2', '3', '4', '5'], [10, 20, 0, 30, 0], [20, 20, 0, 10, 0]);
    expect(result).toMatchObject({ unit: 'breast', categories: ['1', '2', '4'], training: [10, 20, 30], test: [20, 20, 10], df: 2 });
    expect(result.chi2).toBeCloseTo(451 / 36, 10); // the hand-worked table of chi-square.test.ts
  });

  it('keeps a category that only one split has', () => {
    const result = balanceAttribute('box', ['Mass', 'Skin Retraction'], [5, 2], [3, 0]);
    expect(result.categories).toEqual(['Mass', 'Skin Retraction']);
    expect(result.df).toBe(1);
    // Expected training 7·8/10 = 5.6, 7·2/10 = 1.4; test 2.4, 0.6 → 0.36/5.6 + 0.36/1.4 + 0.36/2.4 + 0.36/0.6 = 1.0714…
    expect(result.chi2).toBeCloseTo(0.36 / 5.6 + 0.36 / 1.4 + 0.36 / 2.4 + 0.36 / 0.6, 10);
  });

  it('returns the defined degenerate answer for an attribute with a single category', () => {
    expect(balanceAttribute('study', ['Siemens', 'GE'], [0, 12], [0, 3])).toEqual({
      unit: 'study', categories: ['GE'], training: [12], test: [3], chi2: 0, df: 0, pValue: 1, cramersV: 0,
    });
  });

  it('rejects arrays of different lengths, naming the unit', () => {
    expect(() => balanceAttribute('breast', ['A', 'B'], [1], [1, 2])).toThrow(/balanceAttribute\(breast\)/);
  });
});
