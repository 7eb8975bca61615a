// The viewer's build-time preview: a mammogram's stored values → a small 8-bit greyscale image, displayed the way
// dwv will draw it (rescale, first window preset or the data range, MONOCHROME1 inverted, padding as background),
// box-filtered down so the four previews are drawn long before full resolution is parsed. Pure.

import { inverts, voiOf, type VoiFunction } from './greyscale.ts';
import { linearWindow } from './window-presets.ts';

interface PreviewInput {
  pixels: ArrayLike<number>;
  rows: number;
  columns: number;
  photometric: string | null;
  rescaleSlope: number;
  rescaleIntercept: number;
  /** First file preset, or null to stretch the data range (padding excluded). */
  window: { center: number; width: number } | null;
  /** Presentation LUT Shape (2050,0020) and VOI LUT Function (0028,1056) as the header gives them (greyscale.ts). */
  presentationLutShape?: string | null;
  voiFunction?: VoiFunction;
  /** Stored values [lo, hi] that are padding (drawn as background), or null. */
  padding: [number, number] | null;
}

interface PreviewImage {
  width: number;
  height: number;
  /** Row-major 8-bit grey. */
  grey: Uint8Array;
}

/** Integer reduction factor so the preview is at most `maxHeight` rows tall (never enlarges). */
export function previewFactor(rows: number, maxHeight: number): number {
  return Math.max(1, Math.ceil(rows / maxHeight));
}

export function renderPreview(input: PreviewInput, factor: number): PreviewImage {
  const { pixels, rows, columns, rescaleSlope, rescaleIntercept, padding } = input;
  const inverted = inverts(input.photometric, input.presentationLutShape ?? null);
  const isPad = (v: number) => padding !== null && v >= padding[0] && v <= padding[1];
  // Stored values are integers: one lookup table over their range replaces a window computation per pixel.
  let storedMin = Infinity;
  let storedMax = -Infinity;
  let dataMin = Infinity;
  let dataMax = -Infinity;
  for (let i = 0; i < pixels.length; i++) {
    const v = pixels[i];
    if (v < storedMin) storedMin = v;
    if (v > storedMax) storedMax = v;
    if (isPad(v)) continue;
    if (v < dataMin) dataMin = v;
    if (v > dataMax) dataMax = v;
  }
  let window = input.window;
  if (!window) {
    // The data range without padding, rescaled (a negative slope swaps the ends).
    const ends = [dataMin * rescaleSlope + rescaleIntercept, dataMax * rescaleSlope + rescaleIntercept];
    const min = Math.min(...ends);
    const max = Math.max(...ends);
    window = dataMin === Infinity ? { center: 0, width: 1 } : { center: (min + max) / 2 + 0.5, width: Math.max(1, max - min + 1) };
  }
  // The file's own window takes its VOI LUT Function, as the full view draws it; the data-range stretch is linear.
  const voi = input.window ? voiOf({ kind: 'window', center: window.center, width: window.width, fn: input.voiFunction ?? 'LINEAR' }) : linearWindow(window.center, window.width);
  const background = inverted ? 255 : 0;
  const lut = new Uint8Array(storedMin === Infinity ? 0 : storedMax - storedMin + 1);
  for (let v = storedMin; v <= storedMax; v++) lut[v - storedMin] = isPad(v) ? background : Math.round(voi(v * rescaleSlope + rescaleIntercept));
  const height = Math.ceil(rows / factor);
  const outWidth = Math.ceil(columns / factor);
  const grey = new Uint8Array(outWidth * height);
  for (let oy = 0; oy < height; oy++) {
    const y0 = oy * factor;
    const y1 = Math.min(rows, y0 + factor);
    for (let ox = 0; ox < outWidth; ox++) {
      const x0 = ox * factor;
      const x1 = Math.min(columns, x0 + factor);
      let sum = 0;
      for (let y = y0; y < y1; y++) {
        const base = y * columns;
        for (let x = x0; x < x1; x++) sum += lut[pixels[base + x] - storedMin];
      }
      const mean = Math.round(sum / ((y1 - y0) * (x1 - x0)));
      grey[oy * outWidth + ox] = inverted ? 255 - mean : mean;
    }
  }
  return { width: outWidth, height, grey };
}
