// Window/level: the preset menu's choices from a file's Window Center / Window Width, which may be multi-valued (the
// GIOTTO model writes two of each: the n-th centre pairs with the n-th width), its VOI LUT Sequence, or its data range;
// and the linear VOI function and data-range clamp exactly as dwv 0.36 applies them (the build-time previews). Pure.

import type { VoiFunction, VoiLutTable } from './greyscale.ts';

/**
 * One choice of the view's preset menu: a window of the header (with the file's VOI LUT Function), a table of its VOI
 * LUT Sequence, or the data range when the header has neither. `name` is what the menu shows.
 */
export interface WindowPreset {
  name: string;
  center: number;
  width: number;
  /** The header's Window Center & Width Explanation or LUT Explanation, when it has one. */
  explanation: string | null;
  fn: VoiFunction;
  /** Set for a VOI LUT Sequence item: the table replaces the window. */
  table?: VoiLutTable;
}

const FUNCTION_WORDS: Record<VoiFunction, string> = { LINEAR: '', LINEAR_EXACT: ', linear exact', SIGMOID: ', sigmoid' };

function withExplanation(label: string, explanation: string | null): string {
  return explanation ? `${label} — ${explanation}` : label;
}

/**
 * One preset per (centre, width) pair, named "Header 1: centre 2037, width 2310" (plus the VOI LUT Function when it is
 * not LINEAR, and " — explanation" when the header explains the window). Pairs with a non-finite value or a width
 * below 1 are dropped (DICOM requires width ≥ 1); extra values without a partner are ignored; exact duplicates are
 * kept once.
 */
export function windowPresets(centers: readonly number[], widths: readonly number[], explanations: readonly string[] = [], fn: VoiFunction = 'LINEAR'): WindowPreset[] {
  const presets: WindowPreset[] = [];
  const n = Math.min(centers.length, widths.length);
  for (let i = 0; i < n; i++) {
    const center = centers[i];
    const width = widths[i];
    if (!Number.isFinite(center) || !Number.isFinite(width) || width < 1) continue;
    if (presets.some((p) => p.center === center && p.width === width)) continue;
    const explanation = explanations[i]?.trim() || null;
    const label = `Header ${presets.length + 1}: centre ${center}, width ${width}${FUNCTION_WORDS[fn]}`;
    presets.push({ name: withExplanation(label, explanation), center, width, explanation, fn });
  }
  return presets;
}

/**
 * One preset per table of a VOI LUT Sequence, named "Header LUT 1: 4096 entries from 0" plus its LUT Explanation.
 * Its centre and width span the table's input range (what window/level dragging starts from).
 */
export function voiLutPresets(tables: readonly { table: VoiLutTable; explanation: string | null }[]): WindowPreset[] {
  return tables
    .filter(({ table }) => table.data.length > 0 && table.bits > 0)
    .map(({ table, explanation }, i) => {
      const n = table.data.length;
      const label = `Header LUT ${i + 1}: ${n} entries from ${table.firstMapped}`;
      return { name: withExplanation(label, explanation?.trim() || null), center: table.firstMapped + n / 2, width: n, explanation: explanation?.trim() || null, fn: 'LINEAR' as const, table };
    });
}

/** The preset for a file without window or VOI LUT: its modality values' full range (LINEAR_EXACT spans it). */
export function dataRangePreset(range: { min: number; max: number }): WindowPreset {
  const width = Math.max(1, range.max - range.min);
  const center = (range.min + range.max) / 2;
  return { name: `Data range: ${range.min} to ${range.max}`, center, width, explanation: null, fn: 'LINEAR_EXACT' };
}

/**
 * dwv's linear VOI function (class S in dwv.min.js), DICOM PS3.3 C.11.2.1.2: 0 at or below c − 0.5 − (w − 1)/2,
 * 255 above c − 0.5 + (w − 1)/2, linear between (not rounded).
 */
export function linearWindow(center: number, width: number): (value: number) => number {
  const c = center - 0.5;
  const w = width - 1;
  const lo = c - w / 2;
  const hi = c + w / 2;
  const slope = 255 / w;
  const intercept = (-c / w + 0.5) * 255;
  return (x) => (x <= lo ? 0 : x > hi ? 255 : x * slope + intercept);
}
