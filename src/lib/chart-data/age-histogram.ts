// Fig. 4: patients' age per split as a histogram of stats.age.bins (one count per study, 5-year bins), with the
// summary statistics beside it. Percent is the share of the split's studies with a known age, so training and
// test can be compared side by side although their sizes differ.

import { colorOf } from '../palette.ts';
import type { PerSplit, SplitKey, Stats } from '../types.ts';
import { csvNumber, formatCount, formatShare, SPLIT_LABELS, splitsOf } from './format.ts';
import type { ChartView, TableModel } from './types.ts';

export interface AgeHistogramData {
  binWidth: number;
  bins: { from: number; to: number; counts: PerSplit<number> }[];
  /** Studies with a known age per split: the percent denominator. */
  known: PerSplit<number>;
  missing: PerSplit<number>;
  /** Median age per split (null without known ages), drawn as a reference line. */
  medians: PerSplit<number | null>;
}

interface AgeBar {
  bin: number;
  from: number;
  to: number;
  /** "45–49": whole years, upper edge exclusive. */
  label: string;
  split: SplitKey;
  count: number;
  /** The number drawn: the count, or the share of the split's studies with a known age (per 100). */
  value: number;
  color: string;
  tip: string;
}

interface AgeHistogramLayout {
  splits: SplitKey[];
  bars: AgeBar[];
  /** Lower edge of the first bin and upper edge of the last (the x domain). */
  domain: [number, number];
  max: number;
  axisLabel: string;
  table: TableModel;
}

const AGE_PERCENT_LABEL = '% of studies with known age';
const PERCENT_DECIMALS = 2;

export function ageHistogramData(stats: Stats): AgeHistogramData {
  return {
    binWidth: stats.age.binWidth,
    bins: stats.age.bins.map((b) => ({ from: b.from, to: b.to, counts: { training: b.training, test: b.test, all: b.all } })),
    known: stats.age.known,
    missing: stats.age.missing,
    medians: {
      training: stats.age.summary.training?.median ?? null,
      test: stats.age.summary.test?.median ?? null,
      all: stats.age.summary.all?.median ?? null,
    },
  };
}

/** A bin's label in whole years: [45, 50) → "45–49"; a one-year bin is just "45". */
function binLabel(from: number, to: number): string {
  return to - from <= 1 ? `${from}` : `${from}–${to - 1}`;
}

export function layoutAgeHistogram(data: AgeHistogramData, view: ChartView): AgeHistogramLayout {
  const splits = splitsOf(view.split);
  const percent = view.mode === 'percent';
  const bars = data.bins.flatMap((bin, i) =>
    splits.map((split): AgeBar => {
      const count = bin.counts[split];
      const known = data.known[split];
      const value = percent ? (known > 0 ? (count / known) * 100 : 0) : count;
      const label = binLabel(bin.from, bin.to);
      const text = percent
        ? `${formatShare(value, PERCENT_DECIMALS)} ${AGE_PERCENT_LABEL} (${formatCount(count)} studies)`
        : `${formatCount(count)} studies`;
      return { bin: i, from: bin.from, to: bin.to, label, split, count, value, color: colorOf('split', split), tip: `Age ${label} · ${SPLIT_LABELS[split]}: ${text}` };
    }),
  );
  const unit = percent ? AGE_PERCENT_LABEL : 'studies';
  const table: TableModel = {
    caption: `Patients' age in ${data.binWidth}-year bins: ${unit}, ${SPLIT_LABELS[view.split].toLowerCase()}`,
    columns: [
      { label: 'Age (years)', numeric: false },
      ...splits.map((split) => ({ label: `${SPLIT_LABELS[split]} (${unit})`, numeric: true, decimals: percent ? PERCENT_DECIMALS : 0 })),
    ],
    rows: data.bins.map((bin, i) => [binLabel(bin.from, bin.to), ...bars.filter((b) => b.bin === i).map((b) => csvNumber(b.value))]),
  };
  const first = data.bins[0];
  const last = data.bins[data.bins.length - 1];
  return {
    splits,
    bars,
    domain: first && last ? [first.from, last.to] : [0, 1],
    max: Math.max(0, ...bars.map((b) => b.value)),
    axisLabel: unit,
    table,
  };
}

export interface AgeSummaryRow {
  label: string;
  values: PerSplit<string>;
}

/** The summary statistics beside the histogram, as display text ("–" where a split has no known age). */
export function ageSummaryRows(stats: Stats): AgeSummaryRow[] {
  const { summary, known, missing } = stats.age;
  // Whole years as they are (a median of 49 is "49"); a fraction with one decimal ("49.5").
  const years = (pick: 'mean' | 'median' | 'min' | 'max') => {
    const per = (split: SplitKey) => {
      const s = summary[split];
      return s ? formatShare(s[pick], Number.isInteger(s[pick]) ? 0 : 1) : '–';
    };
    return { training: per('training'), test: per('test'), all: per('all') };
  };
  const counts = (record: PerSplit<number>) => ({ training: formatCount(record.training), test: formatCount(record.test), all: formatCount(record.all) });
  return [
    { label: 'Mean age', values: years('mean') },
    { label: 'Median age', values: years('median') },
    { label: 'Youngest', values: years('min') },
    { label: 'Oldest', values: years('max') },
    { label: 'Known age', values: counts(known) },
    { label: 'No age', values: counts(missing) },
  ];
}
