import { describe, expect, it } from 'vitest';
import { ageHistogramData, ageSummaryRows, layoutAgeHistogram } from '../../../src/lib/chart-data/age-histogram.ts';
import type { ChartView } from '../../../src/lib/chart-data/types.ts';
import type { Stats } from '../../../src/lib/types.ts';
import { statsFixture } from './stats-fixture.ts';

// Training: 4 known ages (3 in 40–44, 1 in 45–49), test: 1 known (40–44), all: 5.
function withAges(): Stats {
  const stats = statsFixture();
  stats.age = {
    unit: 'study',
    binWidth: 5,
    bins: [
      { from: 40, to: 45, training: 3, test: 1, all: 4 },
      { from: 45, to: 50, training: 1, test: 0, all: 1 },
    ],
    known: { training: 4, test: 1, all: 5 },
    missing: { training: 16, test: 4, all: 20 },
    summary: {
      training: { mean: 43.25, median: 42.5, min: 41, max: 47 },
      test: { mean: 42, median: 42, min: 42, max: 42 },
      all: { mean: 43, median: 42, min: 41, max: 47 },
    },
  };
  return stats;
}

const data = ageHistogramData(withAges());
const values = (view: ChartView) => layoutAgeHistogram(data, view).bars.map((b) => [b.from, b.split, Number(b.value.toFixed(6))]);

describe.each([
  { name: 'counts of one split', view: { split: 'test', mode: 'count' }, expected: [[40, 'test', 1], [45, 'test', 0]] },
  { name: 'share of the split’s known ages', view: { split: 'training', mode: 'percent' }, expected: [[40, 'training', 75], [45, 'training', 25]] },
  { name: 'all splits', view: { split: 'all', mode: 'percent' }, expected: [[40, 'all', 80], [45, 'all', 20]] },
  {
    name: 'side by side: training then test in each bin',
    view: { split: 'side', mode: 'percent' },
    expected: [[40, 'training', 75], [40, 'test', 100], [45, 'training', 25], [45, 'test', 0]],
  },
] as { name: string; view: ChartView; expected: [number, string, number][] }[])('layoutAgeHistogram: $name', ({ view, expected }) => {
  it('draws one bar per bin and shown split with these values', () => {
    expect(values(view)).toEqual(expected);
  });
  it('puts exactly those values in the data table, one row per bin', () => {
    const layout = layoutAgeHistogram(data, view);
    const perBin = expected.length / 2;
    expect(layout.table.rows).toEqual([
      ['40–44', ...expected.slice(0, perBin).map((e) => e[2])],
      ['45–49', ...expected.slice(perBin).map((e) => e[2])],
    ]);
    expect(layout.max).toBe(Math.max(...expected.map((e) => e[2])));
  });
});

describe('age histogram details', () => {
  it('gives a split without known ages shares of 0, not NaN', () => {
    const empty = ageHistogramData({ ...withAges(), age: { ...withAges().age, known: { training: 4, test: 0, all: 4 } } });
    expect(layoutAgeHistogram(empty, { split: 'test', mode: 'percent' }).bars.map((b) => b.value)).toEqual([0, 0]);
  });
  it('writes the exact value in each tooltip', () => {
    const layout = layoutAgeHistogram(data, { split: 'training', mode: 'percent' });
    expect(layout.bars[0].tip).toBe('Age 40–44 · Training: 75.00 % of studies with known age (3 studies)');
    expect(layoutAgeHistogram(data, { split: 'all', mode: 'count' }).bars[1].tip).toBe('Age 45–49 · All: 1 studies');
  });
  it('spans the x domain from the first bin to the last and carries the medians', () => {
    expect(layoutAgeHistogram(data, { split: 'all', mode: 'count' }).domain).toEqual([40, 50]);
    expect(data.medians).toEqual({ training: 42.5, test: 42, all: 42 });
  });
  it('labels a bin in whole years: [45, 50) is "45–49", a one-year bin [90, 91) just "90"', () => {
    const counts = { training: 1, test: 0, all: 1 };
    const bins = [{ ...data.bins[0], from: 45, to: 50, counts }, { ...data.bins[0], from: 90, to: 91, counts }];
    const layout = layoutAgeHistogram({ ...data, bins }, { split: 'all', mode: 'count' });
    expect(layout.bars.map((b) => b.label)).toEqual(['45–49', '90']);
    expect(layout.table.rows.map((row) => row[0])).toEqual(['45–49', '90']);
  });
  it('summarises each split, a fraction with one decimal and whole years as they are', () => {
    const rows = ageSummaryRows(withAges());
    expect(rows.map((r) => [r.label, r.values.training, r.values.test, r.values.all])).toEqual([
      ['Mean age', '43.3', '42', '43'],
      ['Median age', '42.5', '42', '42'],
      ['Youngest', '41', '42', '41'],
      ['Oldest', '47', '42', '47'],
      ['Known age', '4', '1', '5'],
      ['No age', '16', '4', '20'],
    ]);
  });
  it('shows a dash for a split without a summary', () => {
    const stats = withAges();
    stats.age.summary.test = null;
    expect(ageSummaryRows(stats)[0].values.test).toBe('–');
  });
});
