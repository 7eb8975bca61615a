// Each image's pixel spacing as the release states it (DICOM header, else metadata.csv), for the lesion links'
// chest-wall distances: one Float32 and one source byte per image, since the index may hold a million images.

import type { SpacingSource } from '../lesions/pixel-spacing.ts';
import { ensureCapacity } from './interner.ts';

/** Where a stated spacing came from, as stored per image (0: none stated). */
const SOURCE_CODES = ['dicom', 'metadata'] as const satisfies readonly SpacingSource[];
type StatedSource = (typeof SOURCE_CODES)[number];

/**
 * The numbers of a spacing value as metadata.csv writes it: DICOM multi-valued "0.085\0.085" or a list literal
 * "[0.085, 0.085]". Empty when the text holds no number; null when some part is not a number (a malformed cell).
 */
function parseSpacingCell(text: string): number[] | null {
  const inner = text.trim().replace(/^\[(.*)\]$/s, '$1').trim();
  if (inner === '') return [];
  const parts = inner.split(/\s*[\\,]\s*/);
  const values = parts.map((part) => (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(part) ? Number(part) : Number.NaN));
  return values.some((value) => Number.isNaN(value)) ? null : values;
}

/**
 * chooseSpacingMm of two spacing cells as metadata.csv writes them, remembered per pair of texts: a release states
 * a handful of spacings over its many rows, and parsing each cell again was a tenth of the stats command's time.
 */
export function spacingCellsReader(): (pixelSpacing: string, imagerPixelSpacing: string) => number {
  const known = new Map<string, number>();
  return (pixelSpacing, imagerPixelSpacing) => {
    const key = `${pixelSpacing}\u0000${imagerPixelSpacing}`;
    let mm = known.get(key);
    if (mm === undefined) {
      mm = chooseSpacingMm(parseSpacingCell(pixelSpacing), parseSpacingCell(imagerPixelSpacing));
      // A malformed release could state a new spacing on every row: keep the memory bounded.
      if (known.size >= 4096) known.clear();
      known.set(key, mm);
    }
    return mm;
  };
}

/**
 * Millimetres per pixel along a row, from a (row, column) spacing pair: the chest-wall distance runs along a row,
 * i.e. from one column to the next, so it is the second value (the column spacing, DICOM PS3.3 10.7.1.3); the
 * first when only one is given. NaN when there is none or it is not a positive number.
 */
function spacingAlongRowMm(values: readonly number[] | null): number {
  const mm = values === null || values.length === 0 ? Number.NaN : values.length > 1 ? values[1] : values[0];
  return Number.isFinite(mm) && mm > 0 ? mm : Number.NaN;
}

/**
 * One spacing from an image's Pixel Spacing (0028,0030) and Imager Pixel Spacing (0018,1164): Pixel Spacing when
 * usable, else Imager Pixel Spacing. For digital mammography (PS3.3 C.8.11.1) Imager Pixel Spacing is the pitch at
 * the detector and Pixel Spacing, when present, the one the modality calibrated for the patient (magnification
 * corrected); either keeps the CC/MLO ratio of distances, so what matters is that every image uses the same rule,
 * and Pixel Spacing is the nearer to true anatomical millimetres.
 */
export function chooseSpacingMm(pixelSpacing: readonly number[] | null, imagerPixelSpacing: readonly number[] | null): number {
  const pixel = spacingAlongRowMm(pixelSpacing);
  return Number.isNaN(pixel) ? spacingAlongRowMm(imagerPixelSpacing) : pixel;
}

/** Per-image stated spacing; a header's value replaces metadata.csv's (the file itself is the better witness). */
export class ImageSpacing {
  /** Millimetres per pixel along a row, NaN when nothing stated it. */
  mm: Float32Array = new Float32Array(0);
  /** 1 + index into SOURCE_CODES; 0 when nothing stated it. */
  source: Uint8Array = new Uint8Array(0);

  /** Records a usable spacing (NaN is ignored); `last` is the highest image id the index holds. */
  set(image: number, mm: number, source: StatedSource, last: number): void {
    if (!(mm > 0) || !Number.isFinite(mm)) return;
    const code = SOURCE_CODES.indexOf(source) + 1;
    const current = this.source[image] ?? 0;
    // The header beats metadata.csv; within one source the first stated value wins (metadata.csv's first row).
    if (current !== 0 && current <= code) return;
    this.mm = ensureCapacity(this.mm, last, Number.NaN);
    this.source = ensureCapacity(this.source, last);
    this.mm[image] = mm;
    this.source[image] = code;
  }

  /**
   * The stated spacing of an image, or null. Float32 keeps about 7 significant digits, so the stored value is read
   * back at that precision: 0.085 comes back as 0.085, not 0.08500000089406967.
   */
  of(image: number): { mm: number; source: StatedSource } | null {
    const code = this.source[image] ?? 0;
    if (code === 0) return null;
    return { mm: Number(this.mm[image].toPrecision(7)), source: SOURCE_CODES[code - 1] };
  }
}
