// The standard mammography hanging: RCC | LCC on top, RMLO | LMLO below, chest walls facing each other.
// Pure: which image goes in which slot, which edge the chest wall touches in the stored pixels, and whether a
// view must be mirrored so that the right breast's chest wall sits on its right edge and the left's on its left.

import type { Laterality, ViewPosition } from '../types.ts';

interface HangingSlot {
  laterality: Laterality;
  view: ViewPosition;
  /** "RCC", "LMLO", … */
  label: string;
  /** The edge the chest wall must touch on screen (facing the other breast). */
  chestWall: Side;
}

export type Side = 'left' | 'right';

export const HANGING_SLOTS: readonly HangingSlot[] = [
  { laterality: 'R', view: 'CC', label: 'RCC', chestWall: 'right' },
  { laterality: 'L', view: 'CC', label: 'LCC', chestWall: 'left' },
  { laterality: 'R', view: 'MLO', label: 'RMLO', chestWall: 'right' },
  { laterality: 'L', view: 'MLO', label: 'LMLO', chestWall: 'left' },
];

/**
 * Places images into the four slots (first image of each laterality × view wins); an image that fits no slot or
 * repeats one (the release has a study with two L-CC) is returned in `extra` so the page can say so.
 */
export function hangImages<T extends { laterality: string; view: string }>(images: readonly T[]): { slots: (T | null)[]; extra: T[] } {
  const slots: (T | null)[] = HANGING_SLOTS.map(() => null);
  const extra: T[] = [];
  for (const image of images) {
    const i = HANGING_SLOTS.findIndex((s) => s.laterality === image.laterality && s.view === image.view);
    if (i === -1 || slots[i] !== null) extra.push(image);
    else slots[i] = image;
  }
  return { slots, extra };
}

/**
 * Which edge of the stored image the chest wall touches. The breast fills the chest-wall edge from top to bottom
 * while the nipple edge is mostly background, whatever the photometric interpretation or the background value:
 * the background is taken as the median of the image's border pixels (background covers most of the border in CC
 * and MLO views alike), and the side whose edge strip has more pixels far from it (over 10 % of the sampled
 * range) wins.
 * Samples every `rowStep`-th row of a strip `stripFraction` of the width wide. `null` when the strips tie.
 */
export function chestWallSide(
  pixels: ArrayLike<number>,
  rows: number,
  columns: number,
  options: { stripFraction?: number; rowStep?: number } = {},
): Side | null {
  if (rows < 1 || columns < 2 || pixels.length < rows * columns) return null;
  const strip = Math.max(1, Math.min(Math.floor(columns / 2), Math.round(columns * (options.stripFraction ?? 0.05))));
  const rowStep = Math.max(1, options.rowStep ?? 8);
  const border: number[] = [];
  const step = Math.max(1, Math.floor(Math.min(rows, columns) / 256));
  for (let x = 0; x < columns; x += step) border.push(pixels[x], pixels[(rows - 1) * columns + x]);
  for (let y = 0; y < rows; y += step) border.push(pixels[y * columns], pixels[y * columns + columns - 1]);
  border.sort((a, b) => a - b);
  const background = border[Math.floor(border.length / 2)];
  let min = Infinity;
  let max = -Infinity;
  for (let y = 0; y < rows; y += rowStep) {
    const base = y * columns;
    for (let x = 0; x < strip; x++) {
      const l = pixels[base + x];
      const r = pixels[base + columns - 1 - x];
      min = Math.min(min, l, r);
      max = Math.max(max, l, r);
    }
  }
  const tolerance = (max - min) * 0.1;
  let left = 0;
  let right = 0;
  for (let y = 0; y < rows; y += rowStep) {
    const base = y * columns;
    for (let x = 0; x < strip; x++) {
      if (Math.abs(pixels[base + x] - background) > tolerance) left++;
      if (Math.abs(pixels[base + columns - 1 - x] - background) > tolerance) right++;
    }
  }
  if (left === right) return null;
  return left > right ? 'left' : 'right';
}

/** True when the stored image must be mirrored to put its chest wall on `wanted`; unknown side → conventional storage, no flip. */
export function needsFlip(stored: Side | null, wanted: Side): boolean {
  return stored !== null && stored !== wanted;
}
