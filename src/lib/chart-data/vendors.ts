// Vendors and image sizes: images per manufacturer (a plain bar table for the kit's bar chart) and the distinct
// image sizes (rows × columns) with their vendor and counts, laid out as dots on a columns × rows plane.

import { colorOf, UNKNOWN_COLOR } from '../palette.ts';
import type { PerSplit, SplitKey, Stats } from '../types.ts';
import { csvNumber, formatCount, formatShare, SPLIT_LABELS, splitsOf } from './format.ts';
import type { BarTable, Category, ChartView, TableModel } from './types.ts';

const SPLIT_KEYS = ['training', 'test', 'all'] as const;
const UNKNOWN_VENDOR = 'Unknown vendor';
/** A size whose images name several vendors, or some none: never imputed to the most common one. */
const MIXED_VENDOR = 'Several or unknown vendors';

/** Vendors, most images first (ties by name), so the biggest bar is on top whatever the release. */
function vendorOrder(stats: Stats): string[] {
  const names = new Set(SPLIT_KEYS.flatMap((s) => Object.keys(stats.vendors[s] ?? {})));
  const total = (name: string) => stats.vendors.all?.[name] ?? 0;
  return [...names].sort((a, b) => total(b) - total(a) || a.localeCompare(b));
}

/**
 * Images per vendor (Manufacturer) per split, and a last row of images whose vendor is unknown when there are any:
 * unknown stays visible with its count. Percent is the share of all the split's images.
 */
export function vendorsTable(stats: Stats): BarTable {
  const rows: Category[] = vendorOrder(stats).map((key) => ({ key, label: key, color: colorOf('vendor', key) }));
  const unknown = stats.vendorsUnknown ?? { training: 0, test: 0, all: 0 };
  if (rows.length > 0 && unknown.all > 0) rows.push({ key: UNKNOWN_VENDOR, label: UNKNOWN_VENDOR, color: UNKNOWN_COLOR });
  const count = (split: SplitKey, key: string) => (key === UNKNOWN_VENDOR ? unknown[split] : (stats.vendors[split]?.[key] ?? 0));
  const counts = Object.fromEntries(SPLIT_KEYS.map((split) => [split, rows.map((row) => [count(split, row.key)])])) as PerSplit<number[][]>;
  return {
    id: 'vendors',
    label: 'Vendors',
    rowLabel: 'Vendor',
    rows,
    series: [{ key: 'count', label: 'images', color: '' }],
    unit: 'images',
    counts,
    percent: { of: 'total', label: '% of images', decimals: 2 },
  };
}

export interface ImageSizesData {
  sizes: { rows: number; columns: number; vendor: string; counts: PerSplit<number> }[];
  vendors: Category[];
  /** Images per split over all sizes: the percent denominator. */
  totals: PerSplit<number>;
}

/** What a size's dot says of its vendor: the one every image names, else unknown or mixed (never the most common). */
function sizeVendorLabel(size: Stats['imageSizes'][number]): string {
  return size.vendor ?? (size.unknownVendor === size.all ? UNKNOWN_VENDOR : MIXED_VENDOR);
}

export function imageSizesData(stats: Stats): ImageSizesData {
  const labels = stats.imageSizes.map(sizeVendorLabel);
  // Both greys in one legend would look alike: sizes of no known vendor then join the mixed ones.
  const oneGrey = labels.includes(UNKNOWN_VENDOR) && labels.includes(MIXED_VENDOR);
  const sizes = stats.imageSizes.map((s, i) => ({
    rows: s.rows,
    columns: s.columns,
    vendor: oneGrey && labels[i] === UNKNOWN_VENDOR ? MIXED_VENDOR : labels[i],
    counts: { training: s.training, test: s.test, all: s.all },
  }));
  const order = vendorOrder(stats);
  const present = [...new Set(sizes.map((s) => s.vendor))].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib) || a.localeCompare(b);
  });
  const vendors = present.map((key) => ({ key, label: key, color: key === UNKNOWN_VENDOR || key === MIXED_VENDOR ? UNKNOWN_COLOR : colorOf('vendor', key) }));
  const totals = Object.fromEntries(SPLIT_KEYS.map((split) => [split, sizes.reduce((sum, s) => sum + s.counts[split], 0)])) as PerSplit<number>;
  return { sizes, vendors, totals };
}

interface SizeDot {
  /** Index into data.sizes. */
  size: number;
  rows: number;
  columns: number;
  vendor: string;
  split: SplitKey;
  count: number;
  value: number;
  color: string;
  tip: string;
}

interface ImageSizesLayout {
  /** One panel per shown split. */
  panels: SplitKey[];
  dots: SizeDot[];
  /** Largest value drawn (dot area scale) and the extents of rows and columns over all sizes. */
  max: number;
  rowsExtent: [number, number];
  columnsExtent: [number, number];
  unit: string;
  table: TableModel;
}

const PERCENT_DECIMALS = 2;

function sizeLabel(rows: number, columns: number): string {
  return `${rows} × ${columns}`;
}

export function layoutImageSizes(data: ImageSizesData, view: ChartView): ImageSizesLayout {
  const panels = splitsOf(view.split);
  const percent = view.mode === 'percent';
  const unit = percent ? '% of images' : 'images';
  const colorOfVendor = new Map(data.vendors.map((v) => [v.key, v.color]));
  const dots = panels.flatMap((split) =>
    data.sizes.map((s, i): SizeDot => {
      const count = s.counts[split];
      const total = data.totals[split];
      const value = percent ? (total > 0 ? (count / total) * 100 : 0) : count;
      const text = percent ? `${formatShare(value, PERCENT_DECIMALS)} % of images (${formatCount(count)} images)` : `${formatCount(count)} images`;
      return {
        size: i,
        rows: s.rows,
        columns: s.columns,
        vendor: s.vendor,
        split,
        count,
        value,
        color: colorOfVendor.get(s.vendor) ?? UNKNOWN_COLOR,
        tip: `${sizeLabel(s.rows, s.columns)} px, ${s.vendor} · ${SPLIT_LABELS[split]}: ${text}`,
      };
    }),
  );
  const extent = (pick: (s: ImageSizesData['sizes'][number]) => number): [number, number] =>
    data.sizes.length ? [Math.min(...data.sizes.map(pick)), Math.max(...data.sizes.map(pick))] : [0, 1];
  const table: TableModel = {
    caption: `Image sizes (rows × columns in pixels) with their vendor: ${unit}, ${SPLIT_LABELS[view.split].toLowerCase()}`,
    columns: [
      { label: 'Size (rows × columns)', numeric: false },
      { label: 'Vendor', numeric: false },
      ...panels.map((split) => ({ label: `${SPLIT_LABELS[split]} (${unit})`, numeric: true, decimals: percent ? PERCENT_DECIMALS : 0 })),
    ],
    rows: data.sizes.map((s, i) => [
      sizeLabel(s.rows, s.columns),
      s.vendor,
      ...panels.map((split) => csvNumber(dots.find((d) => d.size === i && d.split === split)?.value ?? 0)),
    ]),
  };
  return {
    panels,
    dots,
    max: Math.max(0, ...dots.map((d) => d.value)),
    rowsExtent: extent((s) => s.rows),
    columnsExtent: extent((s) => s.columns),
    unit,
    table,
  };
}
