import { describe, expect, it } from 'vitest';
import { breastBiradsTable, breastDensityTable, orderedKeys, screeningTable } from '../../../src/lib/chart-data/bar-tables.ts';
import { statsFixture } from './stats-fixture.ts';

describe.each([
  { known: ['1', '2', '3'], present: ['3', '1'], expected: ['1', '2', '3'] },
  { known: ['A', 'B'], present: ['B', 'Z', 'C', 'Z'], expected: ['A', 'B', 'C', 'Z'] },
  { known: [], present: [], expected: [] },
])('orderedKeys($known, $present)', ({ known, present, expected }) => {
  it(`is ${JSON.stringify(expected)}: vocabulary order first, unknown spellings appended sorted`, () => {
    expect(orderedKeys(known, present)).toEqual(expected);
  });
});

describe('categorical tables', () => {
  const stats = statsFixture();
  it('screeningTable groups BI-RADS 1 / 2 / 3–5 per split', () => {
    const table = screeningTable(stats);
    expect(table.rows.map((r) => r.key)).toEqual(['normal', 'benign', 'recall']);
    expect(table.counts.training).toEqual([[20], [10], [10]]);
    expect(table.counts.test).toEqual([[5], [2], [3]]);
    expect(table.counts.all).toEqual([[25], [12], [13]]);
  });
  it('breastBiradsTable keeps a BI-RADS 0 found in another release instead of dropping it', () => {
    const odd = statsFixture();
    odd.breastBirads.all = { ...odd.breastBirads.all, '0': 2 };
    const table = breastBiradsTable(odd);
    expect(table.rows.map((r) => r.key)).toEqual(['1', '2', '3', '4', '5', '0']);
    expect(table.counts.all.at(-1)).toEqual([2]);
    expect(table.counts.training.at(-1)).toEqual([0]);
  });
  it('breastDensityTable colours each letter with its fixed palette colour', () => {
    const table = breastDensityTable(stats);
    expect(table.rows.map((r) => r.color)).toEqual(['#A6CEE8', '#6AAED6', '#3182BD', '#1F5A9E']);
  });
});
