// One image's pixels: low-resolution tissue upsampled to the detector grid and mapped through the image's
// primary window to 12-bit stored values (inverted for MONOCHROME1, where bright means a low value) in one pass;
// then each group of overlapping boxes is re-rendered as a float patch with its lesions drawn in.

import { randomLcg } from 'd3-random';
import type { BoxPlan, ImagePlan } from '../plan-types.ts';
import type { Photometric } from '../vendors.ts';
import { drawBoxLesions } from './lesions.ts';
import type { Canvas } from './lesions.ts';
import { renderTissue } from './tissue.ts';
import type { LowResField } from './tissue.ts';

interface RenderRequest {
  image: ImagePlan;
  density: string;
  photometric: Photometric;
  textureSeed: number;
}

/** Detector pixels per low-resolution tissue pixel. */
const TISSUE_SCALE = 4;
const MAX_STORED = 4095;
const GRAIN_SIZE = 1 << 16;
/** Quantum noise, as a share of the window width. */
const GRAIN_AMPLITUDE = 0.03;

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The window mapping, as numbers for the hot loops: stored = offset + sign · (low + b · width), clamped. */
interface Mapping {
  low: number;
  width: number;
  invert: boolean;
}

function mapping(req: RenderRequest): Mapping {
  const width = req.image.window.widths[0];
  return { low: req.image.window.centers[0] - width / 2, width, invert: req.photometric === 'MONOCHROME1' };
}

/** Maps brightness (with grain in [-0.5, 0.5)) to a stored value; air sits below the window (above, inverted). */
function toStored(m: Mapping, b: number, grain: number): number {
  let value = b <= 0.01 ? 20 + grain * 24 : m.low + (b + grain * GRAIN_AMPLITUDE) * m.width;
  value = value < 0 ? 0 : value > MAX_STORED ? MAX_STORED : (value + 0.5) | 0;
  return m.invert ? MAX_STORED - value : value;
}

/** Per-pixel grain from a seeded table; each row starts at a hashed offset, so every pass agrees pixel for pixel. */
function grainTable(seed: number): Float32Array {
  const rand = randomLcg(seed);
  const table = new Float32Array(GRAIN_SIZE);
  for (let i = 0; i < GRAIN_SIZE; i++) table[i] = rand() - 0.5;
  return table;
}

const grainRowOffset = (y: number): number => Math.imul(y + 1, 0x9e3779b1) >>> 16;

/** Bilinear sampling positions of detector columns (or rows) on the low-res grid. */
function axis(from: number, count: number, scale: number, lowSize: number): { i0: Int32Array; w: Float32Array } {
  const i0 = new Int32Array(count);
  const w = new Float32Array(count);
  for (let k = 0; k < count; k++) {
    const f = Math.max(0, Math.min(lowSize - 1.001, (from + k + 0.5) / scale - 0.5));
    i0[k] = Math.floor(f);
    w[k] = f - i0[k];
  }
  return { i0, w };
}

/** Upsamples the rectangle [x0, x0 + w) × [y0, y0 + h) of the full image from the low-res field. */
function upsampleRegion(field: LowResField, scale: number, x0: number, y0: number, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  const xs = axis(x0, w, scale, field.width);
  const ys = axis(y0, h, scale, field.height);
  const src = field.data;
  for (let y = 0; y < h; y++) {
    const r0 = ys.i0[y] * field.width;
    const r1 = r0 + field.width;
    const wy = ys.w[y];
    for (let x = 0; x < w; x++) {
      const i = xs.i0[x];
      const wx = xs.w[x];
      const top = src[r0 + i] + (src[r0 + i + 1] - src[r0 + i]) * wx;
      const bottom = src[r1 + i] + (src[r1 + i + 1] - src[r1 + i]) * wx;
      out[y * w + x] = top + (bottom - top) * wy;
    }
  }
  return out;
}

/** Rectangles around the boxes, generous enough for spicules and skin strands; overlapping ones merged. */
function lesionRegions(boxes: readonly BoxPlan[], width: number, height: number): { rect: Rect; boxes: BoxPlan[] }[] {
  let groups = boxes.map((b) => {
    const m = Math.max(b.xmax - b.xmin, b.ymax - b.ymin) * 0.7 + 16;
    const rect = {
      x0: Math.max(0, Math.floor(b.xmin - m)),
      y0: Math.max(0, Math.floor(b.ymin - m)),
      x1: Math.min(width, Math.ceil(b.xmax + m)),
      y1: Math.min(height, Math.ceil(b.ymax + m)),
    };
    return { rect, boxes: [b] };
  });
  for (let merged = true; merged; ) {
    merged = false;
    outer: for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i].rect;
        const b = groups[j].rect;
        if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) {
          groups[i] = {
            rect: { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) },
            boxes: [...groups[i].boxes, ...groups[j].boxes],
          };
          groups = groups.filter((_, k) => k !== j);
          merged = true;
          break outer;
        }
      }
    }
  }
  return groups.filter((g) => g.rect.x1 > g.rect.x0 && g.rect.y1 > g.rect.y0);
}

export function renderStoredPixels(req: RenderRequest): Uint16Array {
  const { image } = req;
  const { width, height } = image;
  const tissue = renderTissue({
    shape: image.shape,
    density: req.density,
    seed: req.textureSeed,
    width: Math.ceil(width / TISSUE_SCALE),
    height: Math.ceil(height / TISSUE_SCALE),
    scale: TISSUE_SCALE,
    nipple: !image.boxes.some((b) => b.categories.includes('Nipple Retraction')),
  });
  const grain = grainTable(req.textureSeed ^ 0x5bd1e995);
  const m = mapping(req);
  const out = new Uint16Array(width * height);
  // Upsample and map in one pass with no full-size float buffer: each low-res row is stretched horizontally once,
  // then every output row blends two stretched rows.
  const xs = axis(0, width, TISSUE_SCALE, tissue.width);
  const ys = axis(0, height, TISSUE_SCALE, tissue.height);
  const stretch = (row: number, into: Float32Array) => {
    const base = row * tissue.width;
    const src = tissue.data;
    for (let x = 0; x < width; x++) {
      const i = base + xs.i0[x];
      into[x] = src[i] + (src[i + 1] - src[i]) * xs.w[x];
    }
  };
  let upper = new Float32Array(width);
  let lower = new Float32Array(width);
  let upperRow = -1;
  const mask = GRAIN_SIZE - 1;
  const { low, invert } = m;
  const span = m.width;
  for (let y = 0; y < height; y++) {
    const r = ys.i0[y];
    if (r !== upperRow) {
      if (r === upperRow + 1 && upperRow >= 0) {
        const t = upper;
        upper = lower;
        lower = t;
      } else {
        stretch(r, upper);
      }
      stretch(r + 1, lower);
      upperRow = r;
    }
    const wy = ys.w[y];
    const base = y * width;
    const g0 = grainRowOffset(y);
    for (let x = 0; x < width; x++) {
      const b = upper[x] + (lower[x] - upper[x]) * wy;
      const g = grain[(g0 + x) & mask];
      let value = b <= 0.01 ? 20 + g * 24 : low + (b + g * GRAIN_AMPLITUDE) * span;
      value = value < 0 ? 0 : value > MAX_STORED ? MAX_STORED : (value + 0.5) | 0;
      out[base + x] = invert ? MAX_STORED - value : value;
    }
  }
  for (const { rect, boxes } of lesionRegions(image.boxes, width, height)) {
    const w = rect.x1 - rect.x0;
    const h = rect.y1 - rect.y0;
    const canvas: Canvas = { data: upsampleRegion(tissue, TISSUE_SCALE, rect.x0, rect.y0, w, h), x0: rect.x0, y0: rect.y0, w, h, width, height, shape: image.shape };
    for (const box of boxes) drawBoxLesions(canvas, box, box.findingBirads);
    for (let y = 0; y < h; y++) {
      const g0 = grainRowOffset(rect.y0 + y);
      for (let x = 0; x < w; x++) {
        out[(rect.y0 + y) * width + rect.x0 + x] = toStored(m, canvas.data[y * w + x], grain[(g0 + rect.x0 + x) & (GRAIN_SIZE - 1)]);
      }
    }
  }
  return out;
}
