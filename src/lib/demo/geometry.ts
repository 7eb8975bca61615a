// The breast silhouette of one view, shared by the planner (boxes sit inside the breast) and the renderer
// (pixels). Canonical coordinates: u = distance from the chest wall as a share of the image width, v = row as a
// share of the image height. Left breasts have the chest wall at the image's left edge, right breasts at its right.

import type { Laterality, ViewPosition } from '../types.ts';
import type { Rng } from './rng.ts';

export interface BreastShape {
  view: ViewPosition;
  laterality: Laterality;
  /** Nipple depth from the chest wall (share of width). */
  depth: number;
  /** Nipple row (share of height). */
  nippleV: number;
  /** Rows where the outline meets the chest wall; MLO's top lies above the image (the axillary tail is cut). */
  top: number;
  bottom: number;
  /** Superellipse exponent of the outline: larger is boxier. */
  exponent: number;
  /** MLO pectoral muscle: its width along the top edge and its height along the chest wall (0 on CC). */
  pectoralTop: number;
  pectoralSide: number;
  /** Gentle outline waviness. */
  wobbleAmp: number;
  wobblePhase: number;
}

export function drawShape(view: ViewPosition, laterality: Laterality, rng: Rng): BreastShape {
  const exponent = rng.uniform(1.9, 2.5);
  const wobbleAmp = rng.uniform(0.005, 0.02);
  const wobblePhase = rng.uniform(0, Math.PI * 2);
  if (view === 'CC') {
    const nippleV = rng.uniform(0.46, 0.54);
    return {
      view,
      laterality,
      depth: rng.uniform(0.58, 0.78),
      nippleV,
      top: nippleV - rng.uniform(0.34, 0.42),
      bottom: nippleV + rng.uniform(0.34, 0.42),
      exponent,
      pectoralTop: 0,
      pectoralSide: 0,
      wobbleAmp,
      wobblePhase,
    };
  }
  return {
    view,
    laterality,
    depth: rng.uniform(0.6, 0.8),
    nippleV: rng.uniform(0.5, 0.6),
    top: rng.uniform(-0.22, -0.08),
    bottom: rng.uniform(0.86, 0.95),
    exponent,
    pectoralTop: rng.uniform(0.28, 0.42),
    pectoralSide: rng.uniform(0.38, 0.58),
    wobbleAmp,
    wobblePhase,
  };
}

/** How far the breast reaches from the chest wall at row v (share of width); 0 outside the breast's rows. */
export function outlineDepth(shape: BreastShape, v: number): number {
  const { nippleV, top, bottom, exponent, depth } = shape;
  if (v <= top || v >= bottom) return 0;
  const t = v < nippleV ? (nippleV - v) / (nippleV - top) : (v - nippleV) / (bottom - nippleV);
  const base = depth * Math.pow(1 - Math.pow(t, exponent), 1 / exponent);
  return base * (1 + shape.wobbleAmp * Math.sin(v * 9.0 + shape.wobblePhase));
}

/** Depth of the pectoral muscle's edge at row v (share of width); 0 below it and on CC views. */
export function pectoralDepth(shape: BreastShape, v: number): number {
  if (shape.pectoralTop === 0 || v >= shape.pectoralSide) return 0;
  const t = 1 - v / shape.pectoralSide;
  // Slightly convex edge, as the muscle usually bulges into the breast.
  return shape.pectoralTop * Math.pow(t, 0.85);
}

/**
 * Rows (share of height) the breast covers at depth u, from the outline's formula (ignoring its slight
 * waviness) and, on MLO, below the pectoral muscle; null when the breast does not reach u.
 */
export function rowsAtDepth(shape: BreastShape, u: number): { from: number; to: number } | null {
  const { nippleV, top, bottom, exponent, depth } = shape;
  if (u >= depth) return null;
  const t = Math.pow(1 - Math.pow(Math.max(0, u) / depth, exponent), 1 / exponent);
  let from = Math.max(0, nippleV - t * (nippleV - top));
  const to = Math.min(1, nippleV + t * (bottom - nippleV));
  if (shape.pectoralTop > 0 && u < shape.pectoralTop) {
    // pectoralDepth(v) = pectoralTop * (1 - v / pectoralSide)^0.85, solved for v.
    from = Math.max(from, shape.pectoralSide * (1 - Math.pow(u / shape.pectoralTop, 1 / 0.85)));
  }
  return from < to ? { from, to } : null;
}

/** Canonical (u, v) to pixel (x, y): mirrors right breasts so their chest wall is at the right edge. */
export function toPixel(shape: BreastShape, u: number, v: number, width: number, height: number): { x: number; y: number } {
  return { x: shape.laterality === 'L' ? u * width : (1 - u) * width, y: v * height };
}
