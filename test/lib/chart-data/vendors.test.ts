import { describe, expect, it } from 'vitest';
import { layoutBars } from '../../../src/lib/chart-data/bar-layout.ts';
import type { ChartView } from '../../../src/lib/chart-data/types.ts';
import { imageSizesData, layoutImageSizes, vendorsTable } from '../../../src/lib/chart-data/vendors.ts';
import { colorOf, UNKNOWN_COLOR } from '../../../src/lib/palette.ts';
import type { Stats } from '../../../src/lib/types.ts';
import { statsFixture } from './stats-fixture.ts';

// 100 images: training 80 (SIEMENS 60, Planmed 20), test 20 (SIEMENS 15, Planmed 5); one size without a vendor.
function withVendors(): Stats {
  const stats = statsFixture();
  stats.vendors = {
    training: { Planmed: 20, SIEMENS: 60 },
    test: { Planmed: 5, SIEMENS: 15 },
    all: { Planmed: 25, SIEMENS: 75 },
  };
  stats.vendorsUnknown = { training: 0, test: 0, all: 0 };
  stats.imageSizes = [
    { rows: 3518, columns: 2800, vendor: 'SIEMENS', byVendor: { SIEMENS: 75 }, unknownVendor: 0, training: 60, test: 15, all: 75 },
    { rows: 2812, columns: 2012, vendor: 'Planmed', byVendor: { Planmed: 20 }, unknownVendor: 0, training: 16, test: 4, all: 20 },
    { rows: 3580, columns: 2600, vendor: null, byVendor: {}, unknownVendor: 5, training: 4, test: 1, all: 5 },
  ];
  return stats;
}

describe('vendorsTable', () => {
  const table = vendorsTable(withVendors());
  it('orders vendors by images, most first, with their palette colours', () => {
    expect(table.rows).toEqual([
      { key: 'SIEMENS', label: 'SIEMENS', color: colorOf('vendor', 'SIEMENS') },
      { key: 'Planmed', label: 'Planmed', color: colorOf('vendor', 'Planmed') },
    ]);
  });
  it.each([
    [{ split: 'test', mode: 'count' }, [15, 5]],
    [{ split: 'training', mode: 'percent' }, [75, 25]],
  ] as [ChartView, number[]][])('draws %j as %j in the bar chart', (view, expected) => {
    expect(layoutBars(table, view).groups.map((g) => g.bars[0].segments[0].value)).toEqual(expected);
  });
  it('has no rows when the release names no vendor', () => {
    expect(vendorsTable(statsFixture()).rows).toEqual([]);
  });
  it('gives an unknown manufacturer the neutral colour', () => {
    const stats = withVendors();
    stats.vendors.all['FUJIFILM'] = 1;
    expect(vendorsTable(stats).rows.at(-1)).toEqual({ key: 'FUJIFILM', label: 'FUJIFILM', color: UNKNOWN_COLOR });
  });

  it('keeps images of unknown vendor as a last row with their count, never spread over the known ones', () => {
    const stats = withVendors();
    // 8 of the 80 training images and 2 of the 20 test images name no manufacturer.
    stats.vendors = { training: { SIEMENS: 72 }, test: { SIEMENS: 18 }, all: { SIEMENS: 90 } };
    stats.vendorsUnknown = { training: 8, test: 2, all: 10 };
    const table = vendorsTable(stats);
    expect(table.rows.map((r) => r.label)).toEqual(['SIEMENS', 'Unknown vendor']);
    expect(table.counts.all).toEqual([[90], [10]]);
    expect(table.counts.test).toEqual([[18], [2]]);
  });
});

describe.each([
  { name: 'counts of one split', view: { split: 'test', mode: 'count' }, expected: [['test', 15], ['test', 4], ['test', 1]] },
  { name: 'share of the split’s images', view: { split: 'training', mode: 'percent' }, expected: [['training', 75], ['training', 20], ['training', 5]] },
  {
    name: 'side by side: a training panel, then a test panel',
    view: { split: 'side', mode: 'count' },
    expected: [['training', 60], ['training', 16], ['training', 4], ['test', 15], ['test', 4], ['test', 1]],
  },
] as { name: string; view: ChartView; expected: [string, number][] }[])('layoutImageSizes: $name', ({ view, expected }) => {
  const layout = layoutImageSizes(imageSizesData(withVendors()), view);
  it('draws one dot per size and shown split with these values', () => {
    expect(layout.dots.map((d) => [d.split, Number(d.value.toFixed(6))])).toEqual(expected);
  });
  it('puts exactly those values in the data table, one row per size', () => {
    const perPanel = expected.length / layout.panels.length;
    expect(layout.table.rows.map((r) => r.slice(2))).toEqual(
      [0, 1, 2].map((i) => layout.panels.map((_, p) => expected[p * perPanel + i][1])),
    );
  });
});

describe('image sizes details', () => {
  const data = imageSizesData(withVendors());
  it('names a size without a vendor "Unknown vendor" and lists vendors in image order', () => {
    expect(data.vendors.map((v) => [v.key, v.color])).toEqual([
      ['SIEMENS', colorOf('vendor', 'SIEMENS')],
      ['Planmed', colorOf('vendor', 'Planmed')],
      ['Unknown vendor', UNKNOWN_COLOR],
    ]);
    expect(data.totals).toEqual({ training: 80, test: 20, all: 100 });
  });
  it('shows one grey in the legend: sizes of no known vendor join "Several or unknown vendors" when that is there too', () => {
    const stats = withVendors();
    stats.imageSizes.push({ rows: 4096, columns: 3328, vendor: null, byVendor: { SIEMENS: 2 }, unknownVendor: 3, training: 4, test: 1, all: 5 });
    const mixed = imageSizesData(stats);
    expect(mixed.vendors.map((v) => [v.key, v.color])).toEqual([
      ['SIEMENS', colorOf('vendor', 'SIEMENS')],
      ['Planmed', colorOf('vendor', 'Planmed')],
      ['Several or unknown vendors', UNKNOWN_COLOR],
    ]);
    expect(mixed.sizes.map((s) => s.vendor)).toEqual(['SIEMENS', 'Planmed', 'Several or unknown vendors', 'Several or unknown vendors']);
  });
  it('labels rows and tooltips with the size and vendor', () => {
    const layout = layoutImageSizes(data, { split: 'all', mode: 'percent' });
    expect(layout.table.rows[1].slice(0, 2)).toEqual(['2812 × 2012', 'Planmed']);
    expect(layout.dots[1].tip).toBe('2812 × 2012 px, Planmed · All: 20.00 % of images (20 images)');
    expect(layout.rowsExtent).toEqual([2812, 3580]);
    expect(layout.columnsExtent).toEqual([2012, 2800]);
  });
  it('gives an empty split shares of 0, not NaN', () => {
    const stats = withVendors();
    stats.imageSizes = stats.imageSizes.map((s) => ({ ...s, test: 0 }));
    expect(layoutImageSizes(imageSizesData(stats), { split: 'test', mode: 'percent' }).dots.map((d) => d.value)).toEqual([0, 0, 0]);
  });
});
