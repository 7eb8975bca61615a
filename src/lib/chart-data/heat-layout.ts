// What a heatmap draws, shared by the density × BI-RADS table and the box-location grid: panels (one per shown
// split), a grid of cells each with its count, displayed value, colour and tooltip, and the colour ramp.

import { interpolateBlues } from 'd3-scale-chromatic';
import type { SplitKey } from '../types.ts';

export interface HeatCell {
  /** Index of the panel (split) the cell belongs to. */
  panel: number;
  row: number;
  col: number;
  rowKey: string;
  colKey: string;
  split: SplitKey;
  count: number;
  /** The number drawn: the count or a share (per 100). */
  value: number;
  /** Short text printed in the cell when it fits, e.g. "299" or "4.1". */
  label: string;
  color: string;
  tip: string;
}

export interface HeatLayout {
  panels: { split: SplitKey; title: string }[];
  rowLabels: string[];
  colLabels: string[];
  /** Panel by panel, row by row, column by column (reading order). */
  cells: HeatCell[];
  /** The value the darkest colour stands for (shared by all panels, so they compare). */
  max: number;
  /** What a value is, e.g. "breasts" or "% of the density's breasts". */
  unit: string;
  /** How values map onto the ramp: counts spread over orders of magnitude read better on a square-root ramp. */
  scale: HeatScale;
}

type HeatScale = 'linear' | 'sqrt';

/**
 * Sequential single-hue ramp (ColorBrewer Blues, colour-blind safe) from a pale tint at 0 to dark blue at `max`.
 * A non-zero value never gets the zero tint, so an empty cell stays distinguishable from a small one.
 */
export function heatColor(value: number, max: number, scale: HeatScale = 'linear'): string {
  const share = Math.min(1, value / max);
  const t = !(max > 0) || value <= 0 ? 0.04 : 0.14 + 0.81 * (scale === 'sqrt' ? Math.sqrt(share) : share);
  return toHex(interpolateBlues(t));
}

/** "rgb(8, 48, 107)" → "#08306b" (the palette's contrast helpers read hex). */
function toHex(rgb: string): string {
  const channels = rgb.match(/\d+/g)?.slice(0, 3).map(Number) ?? [0, 0, 0];
  return `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
