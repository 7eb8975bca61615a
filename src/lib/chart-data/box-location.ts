// Where boxes sit on the image: the cols × rows grid of box centres (stats.boxGeometry.location, all splits, right
// breasts mirrored onto the left's orientation), for all boxes or one finding category. Percent is the share of
// the shown boxes in each cell.

import { colorOf } from '../palette.ts';
import type { Stats } from '../types.ts';
import { FINDING_CATEGORIES } from '../vocabulary.ts';
import { orderedKeys } from './bar-tables.ts';
import { csvNumber, formatCount, formatShare } from './format.ts';
import { heatColor, type HeatCell, type HeatLayout } from './heat-layout.ts';
import type { Category, ChartView, TableModel } from './types.ts';

const ALL_CATEGORIES = 'all';
const PERCENT_DECIMALS = 2;

export interface BoxLocationData {
  cols: number;
  rows: number;
  /** The choices of the category toggle: "all" first, then categories in Table 5 order (URL-safe keys). */
  choices: (Category & { counts: number[] })[];
}

/** "Suspicious Calcification" → "suspicious-calcification": a category as a URL value. */
function categorySlug(category: string): string {
  return category.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function boxLocationData(stats: Stats): BoxLocationData {
  const { cols, rows, all, byCategory } = stats.boxGeometry.location;
  const categories = orderedKeys(FINDING_CATEGORIES, Object.keys(byCategory)).filter((key) => byCategory[key]);
  return {
    cols,
    rows,
    choices: [
      { key: ALL_CATEGORIES, label: 'All categories', color: colorOf('split', 'all'), counts: all },
      ...categories.map((key) => ({ key: categorySlug(key), label: key, color: colorOf('finding', key), counts: byCategory[key] })),
    ],
  };
}

/** "20–30 %": a grid band as a share of the image's width or height. */
function band(index: number, of: number): string {
  const pct = (i: number) => formatShare((i / of) * 100, Number.isInteger((100 / of) * i) ? 0 : 1);
  return `${pct(index)}–${pct(index + 1)} %`;
}

export function layoutBoxLocation(data: BoxLocationData, view: ChartView): { heat: HeatLayout; table: TableModel; choice: BoxLocationData['choices'][number] } {
  const choice = data.choices.find((c) => c.key === view.category) ?? data.choices[0];
  const percent = view.mode === 'percent';
  const total = choice.counts.reduce((a, b) => a + b, 0);
  const unit = percent ? `% of ${choice.key === ALL_CATEGORIES ? 'all' : 'the category’s'} boxes` : 'boxes';
  const cells: Omit<HeatCell, 'color'>[] = [];
  for (let row = 0; row < data.rows; row++) {
    for (let col = 0; col < data.cols; col++) {
      const count = choice.counts[row * data.cols + col] ?? 0;
      const value = percent ? (total > 0 ? (count / total) * 100 : 0) : count;
      const where = `across ${band(col, data.cols)}, down ${band(row, data.rows)}`;
      const text = percent ? `${formatShare(value, PERCENT_DECIMALS)} ${unit} (${formatCount(count)} boxes)` : `${formatCount(count)} boxes`;
      cells.push({
        panel: 0,
        row,
        col,
        rowKey: String(row),
        colKey: String(col),
        split: 'all',
        count,
        value,
        label: percent ? formatShare(value, 1) : formatCount(count),
        tip: `${choice.label} · ${where}: ${text}`,
      });
    }
  }
  const max = Math.max(0, ...cells.map((c) => c.value));
  const heat: HeatLayout = {
    panels: [{ split: 'all', title: choice.label }],
    rowLabels: Array.from({ length: data.rows }, (_, r) => band(r, data.rows)),
    colLabels: Array.from({ length: data.cols }, (_, c) => band(c, data.cols)),
    cells: cells.map((c) => ({ ...c, color: heatColor(c.value, max) })),
    max,
    unit,
    scale: 'linear',
  };
  const table: TableModel = {
    caption: `Box centres on a ${data.cols} × ${data.rows} grid over the image (rows: down, columns: across; right breasts mirrored), ${choice.label.toLowerCase()}, all splits: ${unit}`,
    columns: [
      { label: 'Down ↓ / across →', numeric: false },
      ...heat.colLabels.map((label) => ({ label, numeric: true, decimals: percent ? PERCENT_DECIMALS : 0 })),
    ],
    rows: heat.rowLabels.map((label, row) => [label, ...heat.cells.filter((c) => c.row === row).map((c) => csvNumber(c.value))]),
  };
  return { heat, table, choice };
}
