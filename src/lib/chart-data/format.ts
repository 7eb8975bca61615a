// Number and label formatting shared by charts, tooltips, tables and CSV, so every surface shows the same value.

import { format } from 'd3-format';
import type { SplitKey } from '../types.ts';
import type { SplitView, ValueMode } from './types.ts';

export const SPLIT_LABELS: Readonly<Record<SplitView, string>> = {
  training: 'Training',
  test: 'Test',
  all: 'All',
  side: 'Side by side',
};

export const MODE_LABELS: Readonly<Record<ValueMode, string>> = { count: 'Counts', percent: 'Percent' };

const grouped = format(',');

/** 5362 → "5,362". */
export function formatCount(n: number): string {
  return grouped(n);
}

/**
 * Rounds half away from zero at `decimals`, as the paper's tables do. A nudge of 1e-9 keeps binary noise from
 * turning an exact half down: 46 / 16000 * 100 is 0.28749999… in floating point, and the paper prints 0.288.
 */
function roundHalfUp(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * scale + 1e-9)) / scale;
}

/** A share with a fixed number of decimals, rounded like the paper: (0.2875, 3) → "0.288". */
export function formatShare(value: number, decimals: number): string {
  return format(`,.${decimals}f`)(roundHalfUp(value, decimals));
}

/** The number written to CSV: integers as they are, shares rounded to 6 decimals without trailing noise. */
export function csvNumber(value: number): number {
  return Number.isInteger(value) ? value : Number(value.toFixed(6));
}

/** Splits a view draws, in order. */
export function splitsOf(view: SplitView): SplitKey[] {
  return view === 'side' ? ['training', 'test'] : [view];
}
