// Pixel Padding Value (0028,0120), optionally with Pixel Padding Range Limit (0028,0121), marks the stored values
// outside the breast. dwv 0.36 ignores both, so the viewer rewrites padded pixels to the darkest storable value
// (the lowest in MONOCHROME2, the highest in MONOCHROME1) before the first draw: padding then shows
// as background whatever value the vendor chose and whatever window is applied.

/** Stored values considered padding: [padding, limit] in either order, or the single padding value. */
export function paddingRange(paddingValue: number, rangeLimit?: number | null): [number, number] {
  if (rangeLimit === undefined || rangeLimit === null || !Number.isFinite(rangeLimit)) return [paddingValue, paddingValue];
  return paddingValue <= rangeLimit ? [paddingValue, rangeLimit] : [rangeLimit, paddingValue];
}

/**
 * Rewrites padded values in place to `background`; returns how many pixels changed and the lowest and highest word
 * left in the buffer (the data range dwv would otherwise find in a second pass over ten million pixels). Pass the
 * darkest stored value the file can hold (see `backgroundValue`) so padding stays black under every window.
 */
export function replacePadding(
  pixels: { length: number; [i: number]: number },
  paddingValue: number,
  background: number,
  rangeLimit?: number | null,
): { changed: number; min: number; max: number } {
  const [lo, hi] = paddingRange(paddingValue, rangeLimit);
  let changed = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < pixels.length; i++) {
    let v = pixels[i];
    if (v >= lo && v <= hi && v !== background) {
      pixels[i] = background;
      v = background;
      changed++;
    }
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { changed, min, max };
}

/**
 * The stored value that displays darkest: the lowest a file with `bitsStored` bits can hold in MONOCHROME2, the
 * highest in MONOCHROME1 (bright = low).
 */
export function backgroundValue(photometric: string | null, bitsStored: number, signed: boolean): number {
  const lowest = signed ? -(2 ** (bitsStored - 1)) : 0;
  const highest = signed ? 2 ** (bitsStored - 1) - 1 : 2 ** bitsStored - 1;
  return photometric === 'MONOCHROME1' ? highest : lowest;
}
