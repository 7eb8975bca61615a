import { describe, expect, it } from 'vitest';
import { boxLocationData, layoutBoxLocation } from '../../../src/lib/chart-data/box-location.ts';
import type { ChartView } from '../../../src/lib/chart-data/types.ts';
import { colorOf } from '../../../src/lib/palette.ts';
import type { Stats } from '../../../src/lib/types.ts';
import { statsFixture } from './stats-fixture.ts';

// A 2 × 2 grid (row-major): 8 boxes in all, 5 Mass, 3 Suspicious Calcification.
function withLocation(): Stats {
  const stats = statsFixture();
  stats.boxGeometry.location = {
    cols: 2,
    rows: 2,
    all: [4, 0, 3, 1],
    byCategory: { 'Suspicious Calcification': [2, 0, 0, 1], Mass: [2, 0, 3, 0] },
  };
  return stats;
}
const data = boxLocationData(withLocation());

describe.each([
  { name: 'all boxes, counts', view: { category: 'all', mode: 'count' }, expected: [[4, 0], [3, 1]] },
  { name: 'one category, counts', view: { category: 'mass', mode: 'count' }, expected: [[2, 0], [3, 0]] },
  { name: 'share of the category’s boxes', view: { category: 'suspicious-calcification', mode: 'percent' }, expected: [[66.666667, 0], [0, 33.333333]] },
  { name: 'an unknown category falls back to all', view: { category: 'calcified-vessel', mode: 'percent' }, expected: [[50, 0], [37.5, 12.5]] },
] as { name: string; view: { category: string; mode: ChartView['mode'] }; expected: number[][] }[])('layoutBoxLocation: $name', ({ view, expected }) => {
  const layout = layoutBoxLocation(data, { ...view, split: 'all' });
  it('draws one cell per grid cell, row by row, with these values', () => {
    expect([0, 1].map((r) => layout.heat.cells.filter((c) => c.row === r).map((c) => Number(c.value.toFixed(6))))).toEqual(expected);
  });
  it('puts exactly those values in the data table', () => {
    expect(layout.table.rows.map((r) => r.slice(1))).toEqual(expected);
    expect(layout.table.rows.map((r) => r[0])).toEqual(['0–50 %', '50–100 %']);
  });
});

describe('box location details', () => {
  it('offers all categories first, then the categories in Table 5 order with their colours', () => {
    expect(data.choices.map((c) => [c.key, c.label])).toEqual([
      ['all', 'All categories'],
      ['mass', 'Mass'],
      ['suspicious-calcification', 'Suspicious Calcification'],
    ]);
    expect(data.choices[1].color).toBe(colorOf('finding', 'Mass'));
  });
  it('keys each category by a URL-safe slug: "Suspicious Lymph Node" → suspicious-lymph-node', () => {
    const stats = withLocation();
    stats.boxGeometry.location.byCategory = { 'Suspicious Lymph Node': [1, 0, 0, 0], Mass: [2, 0, 3, 0] };
    expect(boxLocationData(stats).choices.map((c) => c.key)).toEqual(['all', 'mass', 'suspicious-lymph-node']);
  });
  it('says where a cell is in its tooltip', () => {
    const layout = layoutBoxLocation(data, { split: 'all', mode: 'count', category: 'mass' });
    expect(layout.heat.cells[2].tip).toBe('Mass · across 0–50 %, down 50–100 %: 3 boxes');
  });
  it('labels a 10-cell band with whole percents', () => {
    const stats = withLocation();
    stats.boxGeometry.location = { cols: 10, rows: 3, all: Array(30).fill(0), byCategory: {} };
    const layout = layoutBoxLocation(boxLocationData(stats), { split: 'all', mode: 'count', category: 'all' });
    expect(layout.heat.colLabels.slice(0, 2)).toEqual(['0–10 %', '10–20 %']);
    expect(layout.heat.rowLabels).toEqual(['0–33.3 %', '33.3–66.7 %', '66.7–100 %']);
  });
});
