import { describe, expect, it } from 'vitest';
import { balanceAttribute } from '../../../src/lib/split-balance/balance-attribute.ts';
import { splitShareTables } from '../../../src/lib/split-balance/split-share-tables.ts';
import { colorOf, UNKNOWN_COLOR } from '../../../src/lib/palette.ts';

describe('splitShareTables(attributes)', () => {
  const tables = splitShareTables([
    { key: 'breastDensity', attribute: balanceAttribute('breast', ['A', 'B', 'C'], [4, 0, 6], [1, 0, 1]) },
    { key: 'ageBins', attribute: balanceAttribute('study', ['40–45'], [3], [2]) },
    { key: 'findingBirads', attribute: balanceAttribute('box', ['3', 'none'], [2, 1], [1, 1]) },
  ]);

  it('makes one table per attribute, in the order given, with the kept categories as rows', () => {
    expect(tables.map((t) => t.id)).toEqual(['breastDensity', 'ageBins', 'findingBirads']);
    expect(tables[0].rows.map((r) => r.label)).toEqual(['Density A', 'Density C']);
    expect(tables[1].rows.map((r) => r.label)).toEqual(['40–45 years']);
    expect(tables[2].rows.map((r) => r.label)).toEqual(['BI-RADS 3', 'No BI-RADS']);
  });

  it('carries the counts per split, with all = training + test', () => {
    expect(tables[0].counts).toEqual({ training: [[4], [6]], test: [[1], [1]], all: [[5], [7]] });
  });

  it('uses the site palette, the unit in plural and shares of each split’s total', () => {
    expect(tables[0].rows.map((r) => r.color)).toEqual([colorOf('density', 'A'), colorOf('density', 'C')]);
    expect(tables[1].rows[0].color).toBe(UNKNOWN_COLOR);
    expect(tables.map((t) => t.unit)).toEqual(['breasts', 'studies', 'boxes']);
    expect(tables[0].percent).toEqual({ of: 'total', label: '% of breasts', decimals: 1 });
  });
});
