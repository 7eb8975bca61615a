// Where a finding's boxes go and how big they are. One lesion has one depth from the chest wall, so its CC and
// MLO boxes sit at the same depth; across the breast each view places it independently. Sizes follow the
// release's medians per category (DATASET.md), in pixels of a 0.085 mm detector, scaled to the vendor's spacing.

import type { ViewPosition } from '../types.ts';
import { outlineDepth, pectoralDepth, rowsAtDepth, toPixel } from './geometry.ts';
import type { BreastShape } from './geometry.ts';
import type { LesionKind } from './plan-types.ts';
import type { Rng } from './rng.ts';

const KIND_OF: Record<string, LesionKind> = {
  Mass: 'mass',
  'Suspicious Calcification': 'calcification',
  'Architectural Distortion': 'distortion',
  Asymmetry: 'asymmetry',
  'Focal Asymmetry': 'focal-asymmetry',
  'Global Asymmetry': 'global-asymmetry',
  'Skin Thickening': 'skin-thickening',
  'Skin Retraction': 'skin-retraction',
  'Nipple Retraction': 'nipple-retraction',
  'Suspicious Lymph Node': 'lymph-node',
};

/** Skin and nipple findings fix where a box sits: a mass with nipple retraction is drawn at the nipple. */
const PLACEMENT_PRIORITY: LesionKind[] = ['nipple-retraction', 'skin-retraction', 'skin-thickening'];

/** The kind that places and sizes a box: its skin/nipple category if any, else its first category. */
export function lesionKind(categories: readonly string[]): LesionKind {
  const kinds = categories.map((k) => KIND_OF[k] ?? 'mass');
  return PLACEMENT_PRIORITY.find((k) => kinds.includes(k)) ?? kinds[0] ?? 'mass';
}

/** Median box width × height in pixels at 0.085 mm. */
const MEDIAN_SIZE: Record<LesionKind, [number, number]> = {
  mass: [215, 205],
  calcification: [200, 190],
  distortion: [225, 230],
  asymmetry: [270, 290],
  'focal-asymmetry': [320, 350],
  'global-asymmetry': [570, 1040],
  'skin-thickening': [200, 480],
  'skin-retraction': [190, 200],
  'nipple-retraction': [210, 200],
  'lymph-node': [195, 205],
};

/** A finding's view-independent traits, drawn once. */
interface LesionTraits {
  kind: LesionKind;
  /** Depth from the chest wall as a share of the breast's depth. */
  depthShare: number;
  /** Size factor shared by both views. */
  scale: number;
}

export function drawLesionTraits(categories: readonly string[], rng: Rng): LesionTraits {
  const kind = lesionKind(categories);
  const depthShare = kind === 'lymph-node' ? rng.uniform(0.05, 0.2) : rng.uniform(0.2, 0.82);
  return { kind, depthShare, scale: Math.exp(rng.normal(0, 0.33)) };
}

export interface PixelBox {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}

/** The box of a lesion on one view, before any deliberate out-of-image shift; kept inside the image. */
export function placeBox(
  traits: LesionTraits,
  shape: BreastShape,
  view: ViewPosition,
  width: number,
  height: number,
  pixelSpacingMm: number,
  rng: Rng,
): PixelBox {
  const [mw, mh] = MEDIAN_SIZE[traits.kind];
  const k = (traits.scale * 0.085) / pixelSpacingMm;
  const w = mw * k * Math.exp(rng.normal(0, 0.08));
  const h = mh * k * Math.exp(rng.normal(0, 0.08));
  let u: number;
  let v: number;
  switch (traits.kind) {
    case 'nipple-retraction':
      u = shape.depth * (1 + rng.normal(0, 0.01)) - (0.4 * w) / width;
      v = shape.nippleV + rng.normal(0, 0.01);
      break;
    case 'skin-thickening':
    case 'skin-retraction': {
      // On the skin line in front of the breast, where the outline runs roughly along the box's long side.
      v = shape.nippleV + rng.uniform(0.07, 0.2) * (rng.chance(0.5) ? -1 : 1);
      u = outlineDepth(shape, v) - (0.4 * w) / width;
      break;
    }
    case 'lymph-node':
      if (view === 'MLO') {
        // Axilla: upper breast, just in front of the pectoral muscle.
        v = rng.uniform(0.08, 0.26);
        u = pectoralDepth(shape, v) + rng.uniform(0.02, 0.06);
      } else {
        const rows = rowsAtDepth(shape, 0.06) ?? { from: 0.2, to: 0.8 };
        u = rng.uniform(0.03, 0.09);
        v = rows.from + (rows.to - rows.from) * rng.uniform(0.1, 0.25);
      }
      break;
    default: {
      u = traits.depthShare * shape.depth;
      const rows = rowsAtDepth(shape, u) ?? { from: shape.nippleV - 0.1, to: shape.nippleV + 0.1 };
      const half = (rows.to - rows.from) / 2;
      const margin = Math.min(0.45, (0.6 * h) / height / Math.max(half, 1e-3));
      const bias = view === 'MLO' ? -0.15 : 0; // upper outer quadrant
      const s = Math.max(-1 + margin, Math.min(1 - margin, rng.normal(bias, 0.4)));
      v = (rows.from + rows.to) / 2 + s * half * 0.9;
      if (traits.kind === 'global-asymmetry') v = (rows.from + rows.to) / 2 + rng.normal(0, 0.04);
    }
  }
  const c = toPixel(shape, u, v, width, height);
  const x0 = Math.max(0, Math.min(width - w, c.x - w / 2));
  const y0 = Math.max(0, Math.min(height - h, c.y - h / 2));
  return { xmin: x0, ymin: y0, xmax: x0 + Math.min(w, width), ymax: y0 + Math.min(h, height) };
}

/** Distance from a box to the nearest image edge, in pixels. */
export function edgeDistance(box: PixelBox, width: number, height: number): number {
  return Math.min(box.xmin, box.ymin, width - box.xmax, height - box.ymax);
}

/** Stretches a box over its nearest image edge, as 42 boxes of the release run outside their image. */
export function pushOutOfImage(box: PixelBox, width: number, height: number, rng: Rng): PixelBox {
  const over = rng.uniform(3, 60);
  const gaps = [box.xmin, box.ymin, width - box.xmax, height - box.ymax];
  const nearest = gaps.indexOf(Math.min(...gaps));
  if (nearest === 0) return { ...box, xmin: -over };
  if (nearest === 1) return { ...box, ymin: -over };
  if (nearest === 2) return { ...box, xmax: width + over };
  return { ...box, ymax: height + over };
}

/** The release's coordinates are float32 values of two-decimal numbers (e.g. 2355.1398925781). */
export function releaseCoordinate(x: number): number {
  return Math.fround(Math.round(x * 100) / 100);
}
