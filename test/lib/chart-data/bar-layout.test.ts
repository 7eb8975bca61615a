import { describe, expect, it } from 'vitest';
import { layoutBars } from '../../../src/lib/chart-data/bar-layout.ts';
import { breastBiradsTable, findingBiradsTable, findingCategoriesTable } from '../../../src/lib/chart-data/bar-tables.ts';
import type { BarTable, ChartView } from '../../../src/lib/chart-data/types.ts';
import { statsFixture } from './stats-fixture.ts';

const stats = statsFixture();
const values = (table: BarTable, view: ChartView) =>
  layoutBars(table, view).groups.map((g) => g.bars.map((b) => b.segments.map((s) => Number(s.value.toFixed(6)))));

describe.each([
  { name: 'counts of one split', table: breastBiradsTable(stats), view: { split: 'test', mode: 'count' }, expected: [[[5]], [[2]], [[1]], [[1]], [[1]]] },
  { name: 'shares of the split total', table: breastBiradsTable(stats), view: { split: 'training', mode: 'percent' }, expected: [[[50]], [[25]], [[10]], [[10]], [[5]]] },
  { name: 'side by side: training then test in each row', table: breastBiradsTable(stats), view: { split: 'side', mode: 'percent' }, expected: [[[50], [50]], [[25], [20]], [[10], [10]], [[10], [10]], [[5], [10]]] },
  { name: 'rate per 100 images (base = images)', table: findingCategoriesTable(stats), view: { split: 'all', mode: 'percent' }, expected: [[[5]], [[3]], [[0]], [[0]], [[0]], [[0]], [[0]], [[0]], [[0]], [[0]]] },
  { name: 'stacked shares within a row', table: findingBiradsTable(stats), view: { split: 'training', mode: 'percent' }, expected: [[[25, 50, 25, 0]], [[0, 50, 0, 50]], ...Array(8).fill([[0, 0, 0, 0]])] },
] as { name: string; table: BarTable; view: ChartView; expected: number[][][] }[])('layoutBars: $name', ({ table, view, expected }) => {
  it('draws these values, row by row, bar by bar, segment by segment', () => {
    expect(values(table, view)).toEqual(expected);
  });
  it('puts exactly those values in the data table', () => {
    const layout = layoutBars(table, view);
    expect(layout.table.rows.map((row) => row.slice(1))).toEqual(expected.map((bars) => bars.flat()));
    expect(layout.table.columns).toHaveLength(1 + expected[0].flat().length);
  });
});

describe('layoutBars details', () => {
  it('stacks segments end to end and reports the largest bar as max', () => {
    const layout = layoutBars(findingBiradsTable(stats), { split: 'all', mode: 'count' });
    const mass = layout.groups[0].bars[0].segments;
    expect(mass.map((s) => [s.y0, s.y1])).toEqual([[0, 1], [1, 4], [4, 5], [5, 5]]);
    expect(layout.max).toBe(5);
  });
  it('gives an empty split shares of 0, not NaN', () => {
    const empty = statsFixture();
    empty.breastBirads.test = {};
    const layout = layoutBars(breastBiradsTable(empty), { split: 'test', mode: 'percent' });
    expect(layout.groups.map((g) => g.bars[0].segments[0].value)).toEqual([0, 0, 0, 0, 0]);
  });
  it('writes the exact count and share in each tooltip', () => {
    const layout = layoutBars(breastBiradsTable(stats), { split: 'training', mode: 'percent' });
    expect(layout.groups[2].bars[0].segments[0].tip).toBe('BI-RADS 3 · Training: 10.00 % of breasts (4 breasts)');
    const counts = layoutBars(findingBiradsTable(stats), { split: 'all', mode: 'count' });
    expect(counts.groups[0].bars[0].segments[1].tip).toBe('Mass, BI-RADS 4 · All: 3 boxes');
  });
  it('labels the table columns with split, series and unit', () => {
    const layout = layoutBars(findingBiradsTable(stats), { split: 'side', mode: 'count' });
    expect(layout.table.columns.map((c) => c.label).slice(0, 3)).toEqual(['Finding', 'Training: BI-RADS 3 (boxes)', 'Training: BI-RADS 4 (boxes)']);
    expect(layout.table.columns[5].label).toBe('Test: BI-RADS 3 (boxes)');
  });
});
