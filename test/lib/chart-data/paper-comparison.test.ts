import { describe, expect, it } from 'vitest';
import { paperComparisons } from '../../../src/lib/chart-data/paper-comparison.ts';

type PerSplitRecord = { training: Record<string, number>; test: Record<string, number>; all: Record<string, number> };
const per = (training: Record<string, number>, test: Record<string, number>, all: Record<string, number>): PerSplitRecord => ({ training, test, all });
const empty = per({}, {}, {});

/** One table compared through paperComparisons: Table 5's counts (compared exactly) or its rates (3 decimals). */
function compareTable5(ours: PerSplitRecord, paper: PerSplitRecord, decimals: 0 | 3) {
  const tables = (table: PerSplitRecord) => ({
    breastBirads: empty,
    breastDensity: empty,
    findingCategories: decimals === 0 ? table : empty,
    findingRatePer100Images: decimals === 3 ? table : empty,
  });
  const result = paperComparisons(tables(ours), tables(paper));
  return decimals === 0 ? result.table5Counts : result.table5Rates;
}
const paperRates = per({ Mass: 6.181 }, { Mass: 5.925 }, { Mass: 0.188 });

describe.each([
  { name: 'equal counts', ours: per({ Mass: 989 }, { Mass: 237 }, { Mass: 1226 }), paper: per({ Mass: 989 }, { Mass: 237 }, { Mass: 1226 }), decimals: 0, differing: 0 },
  { name: 'one count off by one', ours: per({ Mass: 988 }, { Mass: 237 }, { Mass: 1225 }), paper: per({ Mass: 989 }, { Mass: 237 }, { Mass: 1226 }), decimals: 0, differing: 2 },
  { name: 'unrounded rates that round to the paper', ours: per({ Mass: 6.18125 }, { Mass: 5.925 }, { Mass: 0.1875 }), paper: paperRates, decimals: 3, differing: 0 },
  { name: 'a rate one unit off in the 3rd decimal', ours: per({ Mass: 6.18225 }, { Mass: 5.925 }, { Mass: 0.1875 }), paper: paperRates, decimals: 3, differing: 1 },
  { name: 'a category the paper does not list, with count 0', ours: per({ Mass: 0 }, { Mass: 0 }, { Mass: 0 }), paper: per({}, {}, {}), decimals: 0, differing: 0 },
  { name: 'a category the paper does not list, with a count', ours: per({ Mass: 1 }, {}, { Mass: 1 }), paper: per({}, {}, {}), decimals: 0, differing: 2 },
] as const)('comparing with the paper: $name', ({ ours, paper, decimals, differing }) => {
  it(`finds ${differing} differing cell(s) of 3`, () => {
    const result = compareTable5(ours, paper, decimals);
    expect(result.rows.map((r) => r.key)).toEqual(['Mass']);
    expect(result.compared).toBe(3);
    expect(result.differing).toBe(differing);
    expect(Object.values(result.rows[0].cells).filter((c) => !c.matches)).toHaveLength(differing);
  });
});

describe('compared cells', () => {
  it('keeps both numbers of a cell and null for a cell the paper lacks', () => {
    const result = compareTable5(per({ X: 2 }, {}, { X: 2 }), per({}, {}, {}), 0);
    expect(result.rows[0].cells.training).toEqual({ ours: 2, paper: null, matches: false });
    expect(result.rows[0].cells.test).toEqual({ ours: 0, paper: null, matches: true });
  });
});

describe('paperComparisons', () => {
  const paper = {
    breastBirads: per({ '1': 3, '2': 1 }, { '1': 1, '2': 0 }, { '1': 4, '2': 1 }),
    breastDensity: per({ A: 1 }, { A: 0 }, { A: 1 }),
    findingCategories: per({ Mass: 8 }, { Mass: 2 }, { Mass: 10 }),
    findingRatePer100Images: per({ Mass: 10 }, { Mass: 10 }, { Mass: 10 }),
  };
  it('finds no difference when our tables are the paper’s', () => {
    const result = paperComparisons(paper, paper);
    expect(Object.values(result).map((c) => c.differing)).toEqual([0, 0, 0, 0]);
    expect(result.table3.rows.map((r) => r.label)).toEqual(['BI-RADS 1', 'BI-RADS 2']);
  });
  it('adds a row for a category only we have, and marks it', () => {
    const ours = { ...paper, breastBirads: per({ '1': 3, '2': 1, '0': 1 }, { '1': 1, '2': 0 }, { '1': 4, '2': 1, '0': 1 }) };
    const result = paperComparisons(ours, paper);
    expect(result.table3.rows.map((r) => r.key)).toEqual(['1', '2', '0']);
    expect(result.table3.differing).toBe(2);
  });
});
