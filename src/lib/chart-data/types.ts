// Shapes shared by the chart kit: what a chart's view state is, what a categorical table is, and the data table
// every chart hands back (the exact numbers it drew). Pure types, used by src/charts/** and the tests.

import type { PerSplit, SplitKey } from '../types.ts';

/** Which split a chart shows; "side" draws training and test next to each other. */
export type SplitView = SplitKey | 'side';
/** Counts, or shares (the table decides of what: see BarTable.percent). */
export type ValueMode = 'count' | 'percent';

/** A chart's view state: split and mode, plus any chart-specific toggles (string → string). */
export interface ChartView {
  split: SplitView;
  mode: ValueMode;
  [toggle: string]: string;
}

/** One category of an axis or a stack, with its fixed colour. */
export interface Category {
  key: string;
  label: string;
  color: string;
}

/**
 * A categorical table: rows (one bar each) × series (stack segments) per split. A one-series table is a plain bar
 * chart coloured per row. `counts[split][row][series]`.
 */
export interface BarTable {
  /** Variant id, unique within a chart (a chart with several tables offers them as a "view" toggle). */
  id: string;
  /** Variant name shown on the toggle. */
  label: string;
  /** What a row is, e.g. "BI-RADS"; the first column of the data table. */
  rowLabel: string;
  rows: Category[];
  series: Category[];
  /** What one count is, plural: "breasts", "boxes". */
  unit: string;
  counts: PerSplit<number[][]>;
  percent: {
    /** Denominator: the split's total, the row's total, or a given number per split (e.g. images). */
    of: 'total' | 'row' | 'base';
    base?: PerSplit<number>;
    /** Column/axis wording, e.g. "% of breasts" or "per 100 images". */
    label: string;
    /** Decimals shown in tooltips and labels (the CSV keeps 6). */
    decimals: number;
  };
}

/** A plain data table: what the frame shows, reads to screen readers and writes as CSV. */
export interface TableModel {
  caption: string;
  /** `decimals`: how a numeric column is shown on the page (the CSV keeps the raw number). */
  columns: { label: string; numeric: boolean; decimals?: number }[];
  rows: (string | number)[][];
}
