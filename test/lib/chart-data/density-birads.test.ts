import { describe, expect, it } from 'vitest';
import { densityBiradsData, layoutDensityBirads } from '../../../src/lib/chart-data/density-birads.ts';
import { heatColor } from '../../../src/lib/chart-data/heat-layout.ts';
import type { ChartView } from '../../../src/lib/chart-data/types.ts';
import type { Stats } from '../../../src/lib/types.ts';
import { statsFixture } from './stats-fixture.ts';

// Training density B: 4 breasts (BI-RADS 1: 3, 2: 1); C: 10 (1: 5, 2: 4, 4: 1). Test C: 2 (1: 2). A and D empty.
function withCross(): Stats {
  const stats = statsFixture();
  const row = (one: number, two: number, four: number) => ({ '1': one, '2': two, '3': 0, '4': four, '5': 0 });
  stats.densityByBirads = {
    training: { A: row(0, 0, 0), B: row(3, 1, 0), C: row(5, 4, 1), D: row(0, 0, 0) },
    test: { A: row(0, 0, 0), B: row(0, 0, 0), C: row(2, 0, 0), D: row(0, 0, 0) },
    all: { A: row(0, 0, 0), B: row(3, 1, 0), C: row(7, 4, 1), D: row(0, 0, 0) },
  };
  return stats;
}

const data = densityBiradsData(withCross());
const grid = (view: ChartView) => {
  const { heat } = layoutDensityBirads(data, view);
  return heat.panels.map((_, p) => data.densities.map((_, r) => heat.cells.filter((c) => c.panel === p && c.row === r).map((c) => Number(c.value.toFixed(6)))));
};

const zero = [0, 0, 0, 0, 0];
describe.each([
  { name: 'counts of one split', view: { split: 'training', mode: 'count' }, expected: [[zero, [3, 1, 0, 0, 0], [5, 4, 0, 1, 0], zero]] },
  { name: 'row percent: each density’s breasts add up to 100', view: { split: 'training', mode: 'percent' }, expected: [[zero, [75, 25, 0, 0, 0], [50, 40, 0, 10, 0], zero]] },
  {
    name: 'side by side: a training grid, then a test grid',
    view: { split: 'side', mode: 'percent' },
    expected: [[zero, [75, 25, 0, 0, 0], [50, 40, 0, 10, 0], zero], [zero, zero, [100, 0, 0, 0, 0], zero]],
  },
] as { name: string; view: ChartView; expected: number[][][] }[])('layoutDensityBirads: $name', ({ view, expected }) => {
  it('draws one cell per density, BI-RADS and shown split with these values (empty rows 0, not NaN)', () => {
    expect(grid(view)).toEqual(expected);
  });
  it('puts exactly those values in the data table, one row per density', () => {
    const { table } = layoutDensityBirads(data, view);
    expect(table.rows.map((r) => r[0])).toEqual(['Density A', 'Density B', 'Density C', 'Density D']);
    expect(table.rows.map((r) => r.slice(1))).toEqual(data.densities.map((_, r) => expected.flatMap((panel) => panel[r])));
    expect(table.columns).toHaveLength(1 + 5 * expected.length);
  });
});

describe('density × BI-RADS details', () => {
  it('orders densities A–D and BI-RADS 1–5, and reads missing cells as 0', () => {
    const stats = withCross();
    delete (stats.densityByBirads.test as Record<string, unknown>).D;
    const shaped = densityBiradsData(stats);
    expect(shaped.densities).toEqual(['A', 'B', 'C', 'D']);
    expect(shaped.birads).toEqual(['1', '2', '3', '4', '5']);
    expect(shaped.counts.test[3]).toEqual(zero);
  });
  it('writes count and row share in the tooltip', () => {
    const { heat } = layoutDensityBirads(data, { split: 'training', mode: 'percent' });
    const cell = heat.cells.find((c) => c.rowKey === 'C' && c.colKey === '4');
    expect(cell?.tip).toBe('Density C, BI-RADS 4 · Training: 10.0 % of density C’s breasts (1 of 10 breasts)');
    expect(cell?.label).toBe('10.0');
  });
  it('colours counts on a square-root ramp up to the largest cell, and row percent up to 100', () => {
    const counts = layoutDensityBirads(data, { split: 'all', mode: 'count' }).heat;
    expect(counts.max).toBe(7);
    expect(counts.cells.find((c) => c.rowKey === 'C' && c.colKey === '1')?.color).toBe(heatColor(7, 7, 'sqrt'));
    const shares = layoutDensityBirads(data, { split: 'all', mode: 'percent' }).heat;
    expect([shares.max, shares.scale]).toEqual([100, 'linear']);
  });
});

describe('heatColor', () => {
  it('keeps an empty cell apart from a small one, and the maximum darkest', () => {
    expect(heatColor(0, 10)).not.toBe(heatColor(0.01, 10));
    expect(heatColor(10, 10)).toBe(heatColor(20, 10));
    expect(heatColor(0, 0)).toBe(heatColor(0, 10));
    expect(heatColor(10, 10)).toMatch(/^#[0-9a-f]{6}$/);
  });
  it('spreads small counts further on the square-root ramp', () => {
    expect(heatColor(25, 100, 'sqrt')).toBe(heatColor(50, 100, 'linear'));
  });
});
