// Box geometry for the viewer: clipping a CSV box to its image (the release has boxes that run outside) and
// mapping image pixels to screen pixels through a view's affine transform (scale, offset, optional mirror).

import type { Box } from '../types.ts';

type Edge = 'left' | 'top' | 'right' | 'bottom';

interface ClippedBox {
  box: Box;
  /** Edges that were cut back to the image border (empty when the box was inside). */
  clippedEdges: Edge[];
}

/**
 * The part of `box` inside a `columns` × `rows` image (pixel edges 0 … columns, 0 … rows), with the edges that
 * were cut. `null` when a coordinate is not a finite number, the corners are reversed, or nothing is left inside.
 */
export function clipBox(box: Box, columns: number, rows: number): ClippedBox | null {
  const { xmin, ymin, xmax, ymax } = box;
  if (![xmin, ymin, xmax, ymax].every(Number.isFinite) || xmax <= xmin || ymax <= ymin) return null;
  const clipped: Box = {
    xmin: Math.max(0, xmin),
    ymin: Math.max(0, ymin),
    xmax: Math.min(columns, xmax),
    ymax: Math.min(rows, ymax),
  };
  if (clipped.xmax <= clipped.xmin || clipped.ymax <= clipped.ymin) return null;
  const clippedEdges: Edge[] = [];
  if (xmin < 0) clippedEdges.push('left');
  if (ymin < 0) clippedEdges.push('top');
  if (xmax > columns) clippedEdges.push('right');
  if (ymax > rows) clippedEdges.push('bottom');
  return { box: clipped, clippedEdges };
}

/** screen = origin + image × unit, per axis; a mirrored view has a negative unit x. */
export interface AffineTransform {
  originX: number;
  originY: number;
  unitX: number;
  unitY: number;
}

/** Inverse of a display → image mapping sampled at display (0,0) and (1,1): image = a + display × b per axis. */
export function invertDisplayToImage(img00: { x: number; y: number }, img11: { x: number; y: number }): AffineTransform {
  const bx = img11.x - img00.x;
  const by = img11.y - img00.y;
  return { originX: -img00.x / bx, originY: -img00.y / by, unitX: 1 / bx, unitY: 1 / by };
}

/** Screen rectangle (left ≤ right, top ≤ bottom) covered by an image-coordinate box. */
export function boxToScreen(box: Box, t: AffineTransform): { left: number; top: number; right: number; bottom: number } {
  const x0 = t.originX + box.xmin * t.unitX;
  const x1 = t.originX + box.xmax * t.unitX;
  const y0 = t.originY + box.ymin * t.unitY;
  const y1 = t.originY + box.ymax * t.unitY;
  return { left: Math.min(x0, x1), right: Math.max(x0, x1), top: Math.min(y0, y1), bottom: Math.max(y0, y1) };
}

/** "(xmin, ymin)–(xmax, ymax)" rounded to whole pixels, for the side panel. */
export function formatBox(box: Box): string {
  const r = (v: number) => (Number.isFinite(v) ? String(Math.round(v * 10) / 10) : 'NaN');
  return `(${r(box.xmin)}, ${r(box.ymin)})–(${r(box.xmax)}, ${r(box.ymax)})`;
}

/**
 * How far outside a box, in screen pixels, the viewer draws the outlines around it: the lesion panel's focused box
 * (white) and its counterpart in the other view (dashed yellow), and the review overlay's verdict, "in question" halo
 * and focus ring.
 */
export const BOX_OUTLINE_PAD = { focused: 3, counterpart: 6, reviewVerdict: 2, reviewInQuestion: 4, reviewFocus: 7 } as const;

/**
 * The farthest any outline reaches outside its box: the widest pad plus half the 2 px stroke the review overlay
 * centres on its rectangles. Box labels keep out of this margin, over pixels and on the schematic.
 */
export const BOX_OUTLINE_REACH = Math.max(...Object.values(BOX_OUTLINE_PAD)) + 1;
