// What a bar chart draws for one view: per row, one bar per shown split, each a stack of segments with its count,
// its displayed value (count or share) and its tooltip text; plus the data table of exactly those values.

import type { SplitKey } from '../types.ts';
import { csvNumber, formatCount, formatShare, SPLIT_LABELS, splitsOf } from './format.ts';
import type { BarTable, ChartView, TableModel } from './types.ts';

interface BarSegment {
  rowKey: string;
  seriesKey: string;
  split: SplitKey;
  count: number;
  /** The number drawn: the count, or the share in percent (per 100). */
  value: number;
  /** Stack extent in value units. */
  y0: number;
  y1: number;
  color: string;
  tip: string;
}

interface BarGroup {
  rowKey: string;
  rowLabel: string;
  bars: { split: SplitKey; total: number; segments: BarSegment[] }[];
}

interface BarLayout {
  groups: BarGroup[];
  /** Largest stacked value, for the scale's domain. */
  max: number;
  /** Axis title, e.g. "breasts" or "% of breasts". */
  axisLabel: string;
  table: TableModel;
}

function denominator(table: BarTable, split: SplitKey, row: number): number {
  const counts = table.counts[split];
  if (table.percent.of === 'row') return counts[row].reduce((a, b) => a + b, 0);
  if (table.percent.of === 'base') return table.percent.base?.[split] ?? 0;
  return counts.flat().reduce((a, b) => a + b, 0);
}

/** Share in percent; 0 when the denominator is 0 (an empty split has no shares, not NaN). */
function share(count: number, of: number): number {
  return of > 0 ? (count / of) * 100 : 0;
}

export function layoutBars(table: BarTable, view: ChartView): BarLayout {
  const splits = splitsOf(view.split);
  const percent = view.mode === 'percent';
  const single = table.series.length === 1;
  const valueText = (count: number, value: number) =>
    percent
      ? `${formatShare(value, table.percent.decimals)} ${table.percent.label} (${formatCount(count)} ${table.unit})`
      : `${formatCount(count)} ${table.unit}`;

  const groups: BarGroup[] = table.rows.map((row, r) => ({
    rowKey: row.key,
    rowLabel: row.label,
    bars: splits.map((split) => {
      const of = denominator(table, split, r);
      let y = 0;
      const segments = table.series.map((series, s) => {
        const count = table.counts[split][r][s];
        const value = percent ? share(count, of) : count;
        const name = single ? row.label : `${row.label}, ${series.label}`;
        const segment: BarSegment = {
          rowKey: row.key,
          seriesKey: series.key,
          split,
          count,
          value,
          y0: y,
          y1: y + value,
          color: single ? row.color : series.color,
          tip: `${name} · ${SPLIT_LABELS[split]}: ${valueText(count, value)}`,
        };
        y += value;
        return segment;
      });
      return { split, total: y, segments };
    }),
  }));

  const max = Math.max(0, ...groups.flatMap((g) => g.bars.map((b) => b.total)));
  const unitLabel = percent ? table.percent.label : table.unit;
  const columns = [
    { label: table.rowLabel, numeric: false },
    ...splits.flatMap((split) =>
      table.series.map((series) => ({
        label: single ? `${SPLIT_LABELS[split]} (${unitLabel})` : `${SPLIT_LABELS[split]}: ${series.label} (${unitLabel})`,
        numeric: true,
        decimals: percent ? table.percent.decimals : 0,
      })),
    ),
  ];
  const rows = groups.map((g) => [g.rowLabel, ...g.bars.flatMap((b) => b.segments.map((s) => csvNumber(s.value)))]);
  return {
    groups,
    max,
    axisLabel: unitLabel,
    table: { caption: `${table.label}: ${unitLabel}, ${SPLIT_LABELS[view.split].toLowerCase()}`, columns, rows },
  };
}
