import { describe, expect, it } from 'vitest';
import { boxSizeData, layoutBoxSize } from '../../../src/lib/chart-data/box-size.ts';
import type { ChartView } from '../../../src/lib/chart-data/types.ts';
import type { FiveNumber, Stats } from '../../../src/lib/types.ts';
import { statsFixture } from './stats-fixture.ts';

const five = (min: number, q1: number, median: number, q3: number, max: number): FiveNumber => ({ min, q1, median, q3, max });

function withSizes(): Stats {
  const stats = statsFixture();
  stats.boxGeometry.size = {
    'Suspicious Calcification': { count: 3, widthPx: five(10, 20, 30, 40, 50), heightPx: five(20, 20, 20, 20, 20), aspect: five(0.5, 1, 1.5, 2, 2.5) },
    Mass: { count: 5, widthPx: five(100, 150, 200, 250, 300), heightPx: five(50, 75, 100, 125, 150.25), aspect: five(1, 2, 2, 2, 4) },
    'Skin Thickening': { count: 0, widthPx: five(0, 0, 0, 0, 0), heightPx: five(0, 0, 0, 0, 0), aspect: five(0, 0, 0, 0, 0) },
  };
  return stats;
}
const data = boxSizeData(withSizes());

describe.each([
  { measure: 'width', expected: [[100, 150, 200, 250, 300], [10, 20, 30, 40, 50]], extent: [10, 300], log: false },
  { measure: 'height', expected: [[50, 75, 100, 125, 150.25], [20, 20, 20, 20, 20]], extent: [20, 150.25], log: false },
  { measure: 'aspect', expected: [[1, 2, 2, 2, 4], [0.5, 1, 1.5, 2, 2.5]], extent: [0.5, 4], log: true },
])('layoutBoxSize: $measure', ({ measure, expected, extent, log }) => {
  const layout = layoutBoxSize(data, { split: 'all', mode: 'count', measure } as ChartView);
  it('draws five marks per category (Table 5 order, empty categories left out) with these values', () => {
    expect(layout.rows.map((r) => r.key)).toEqual(['Mass', 'Suspicious Calcification']);
    expect(layout.rows.map((r) => r.marks.map((m) => m.value))).toEqual(expected);
    expect([layout.extent, layout.log]).toEqual([extent, log]);
  });
  it('puts exactly those values, with the box counts, in the data table', () => {
    expect(layout.table.rows).toEqual([
      ['Mass', 5, ...expected[0]],
      ['Suspicious Calcification', 3, ...expected[1]],
    ]);
  });
});

describe('box size details', () => {
  it('names the statistic, measure and unit in the tooltip', () => {
    const width = layoutBoxSize(data, { split: 'all', mode: 'count', measure: 'width' });
    expect(width.rows[0].marks[2].tip).toBe('Mass · width, median: 200.0 px (5 boxes)');
    const aspect = layoutBoxSize(data, { split: 'all', mode: 'count', measure: 'aspect' });
    expect(aspect.rows[1].marks[0].tip).toBe('Suspicious Calcification · aspect, minimum: 0.50 (3 boxes)');
  });
  it('falls back to width for an unknown measure and labels the table columns', () => {
    const layout = layoutBoxSize(data, { split: 'all', mode: 'count', measure: 'area' });
    expect(layout.measure.key).toBe('width');
    expect(layout.table.columns.map((c) => c.label)).toEqual(['Finding', 'Boxes', 'Minimum (px)', 'Lower quartile (px)', 'Median (px)', 'Upper quartile (px)', 'Maximum (px)']);
  });
  it('has no rows when no box has numeric coordinates', () => {
    expect(boxSizeData(statsFixture()).categories).toEqual([]);
  });
});
