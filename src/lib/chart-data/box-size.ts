// Box size and aspect per finding category (stats.boxGeometry.size, all splits): the five-number summary of the
// chosen measure (width, height in pixels, or aspect = width / height) per category, for a box-plot-like chart.

import { colorOf } from '../palette.ts';
import type { FiveNumber, Stats } from '../types.ts';
import { FINDING_CATEGORIES } from '../vocabulary.ts';
import { orderedKeys } from './bar-tables.ts';
import { csvNumber, formatCount, formatShare } from './format.ts';
import type { ChartView, TableModel } from './types.ts';

type BoxMeasure = 'width' | 'height' | 'aspect';
export const BOX_MEASURES: readonly { key: BoxMeasure; label: string; field: 'widthPx' | 'heightPx' | 'aspect'; unit: string; decimals: number }[] = [
  { key: 'width', label: 'Width', field: 'widthPx', unit: 'px', decimals: 1 },
  { key: 'height', label: 'Height', field: 'heightPx', unit: 'px', decimals: 1 },
  { key: 'aspect', label: 'Aspect (width ÷ height)', field: 'aspect', unit: '', decimals: 2 },
];
const FIVE_NUMBER_KEYS = ['min', 'q1', 'median', 'q3', 'max'] as const;
const STAT_LABELS: Record<(typeof FIVE_NUMBER_KEYS)[number], string> = { min: 'minimum', q1: 'lower quartile', median: 'median', q3: 'upper quartile', max: 'maximum' };

export interface BoxSizeData {
  categories: { key: string; label: string; color: string; count: number; widthPx: FiveNumber; heightPx: FiveNumber; aspect: FiveNumber }[];
}

export function boxSizeData(stats: Stats): BoxSizeData {
  const size = stats.boxGeometry.size;
  return {
    categories: orderedKeys(FINDING_CATEGORIES, Object.keys(size))
      .filter((key) => size[key] && size[key].count > 0)
      .map((key) => ({ key, label: key, color: colorOf('finding', key), ...size[key] })),
  };
}

interface BoxStatMark {
  category: string;
  stat: (typeof FIVE_NUMBER_KEYS)[number];
  value: number;
  count: number;
  tip: string;
}

interface BoxSizeLayout {
  measure: (typeof BOX_MEASURES)[number];
  rows: { key: string; label: string; color: string; count: number; five: FiveNumber; marks: BoxStatMark[] }[];
  /** Smallest and largest value over all categories (the axis domain). */
  extent: [number, number];
  /** Aspect is a ratio: drawn on a log axis so 0.5 and 2 sit equally far from 1 (square). */
  log: boolean;
  table: TableModel;
}

function formatMeasure(value: number, measure: (typeof BOX_MEASURES)[number]): string {
  return `${formatShare(value, measure.decimals)}${measure.unit ? ` ${measure.unit}` : ''}`;
}

export function layoutBoxSize(data: BoxSizeData, view: ChartView): BoxSizeLayout {
  const measure = BOX_MEASURES.find((m) => m.key === view.measure) ?? BOX_MEASURES[0];
  const name = measure.key === 'aspect' ? 'aspect' : measure.key;
  const rows = data.categories.map((c) => {
    const five = c[measure.field];
    return {
      key: c.key,
      label: c.label,
      color: c.color,
      count: c.count,
      five,
      marks: FIVE_NUMBER_KEYS.map((stat) => ({
        category: c.key,
        stat,
        value: five[stat],
        count: c.count,
        tip: `${c.label} · ${name}, ${STAT_LABELS[stat]}: ${formatMeasure(five[stat], measure)} (${formatCount(c.count)} boxes)`,
      })),
    };
  });
  const values = rows.flatMap((r) => FIVE_NUMBER_KEYS.map((k) => r.five[k]));
  const unit = measure.unit ? ` (${measure.unit})` : '';
  return {
    measure,
    rows,
    extent: values.length ? [Math.min(...values), Math.max(...values)] : [0, 1],
    log: measure.key === 'aspect',
    table: {
      caption: `Box ${measure.label.toLowerCase()} per finding category, all splits: five-number summary${unit}`,
      columns: [
        { label: 'Finding', numeric: false },
        { label: 'Boxes', numeric: true, decimals: 0 },
        ...FIVE_NUMBER_KEYS.map((k) => ({ label: `${STAT_LABELS[k][0].toUpperCase()}${STAT_LABELS[k].slice(1)}${unit}`, numeric: true, decimals: measure.decimals })),
      ],
      rows: rows.map((r) => [r.label, r.count, ...FIVE_NUMBER_KEYS.map((k) => csvNumber(r.five[k]))]),
    },
  };
}
