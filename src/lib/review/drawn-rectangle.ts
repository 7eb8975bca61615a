// A missed finding's rectangle as the reviewer draws it: from screen (container CSS pixels, where the mouse is) to
// image pixels through the view's affine transform (box-geometry.ts; a mirrored view has a negative unit x, a zoomed
// one a larger unit), and the keyboard's way to draw one: a default rectangle in the middle of the image, moved and
// resized by arrow keys in steps of a fraction of the image.

import type { Box } from '../types.ts';
import type { AffineTransform } from '../viewer/box-geometry.ts';

export interface ScreenPoint {
  x: number;
  y: number;
}

/** Image pixel (column, row) under a screen point. */
function screenToImage(point: ScreenPoint, t: AffineTransform): ScreenPoint {
  return { x: (point.x - t.originX) / t.unitX, y: (point.y - t.originY) / t.unitY };
}

/**
 * The image-pixel box spanned by two screen corners (in any order, any mirroring), clamped to the
 * `columns` × `rows` image and rounded to whole pixels; null when less than one pixel is left on either axis.
 */
export function screenRectToImage(a: ScreenPoint, b: ScreenPoint, t: AffineTransform, columns: number, rows: number): Box | null {
  const p = screenToImage(a, t);
  const q = screenToImage(b, t);
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, Math.round(v)));
  const box = {
    xmin: clamp(Math.min(p.x, q.x), columns),
    ymin: clamp(Math.min(p.y, q.y), rows),
    xmax: clamp(Math.max(p.x, q.x), columns),
    ymax: clamp(Math.max(p.y, q.y), rows),
  };
  return box.xmax - box.xmin >= 1 && box.ymax - box.ymin >= 1 ? box : null;
}

/** The keyboard's starting rectangle: a tenth of the image's longer side, square, in the middle. */
export function defaultRectangle(columns: number, rows: number): Box {
  const side = Math.max(1, Math.round(Math.max(columns, rows) / 10));
  const xmin = Math.round((columns - side) / 2);
  const ymin = Math.round((rows - side) / 2);
  return { xmin, ymin, xmax: xmin + side, ymax: ymin + side };
}

export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

/**
 * One arrow-key step in image pixels (1/50 of the longer side): moves the rectangle, or with `resize` moves its
 * bottom-right corner (never below one step wide or high). Stays inside the image. Directions are the image's own:
 * on a mirrored view the caller swaps left and right so the rectangle follows the key on screen.
 */
export function nudgeRectangle(box: Box, key: ArrowKey, resize: boolean, columns: number, rows: number): Box {
  const step = Math.max(1, Math.round(Math.max(columns, rows) / 50));
  const dx = key === 'ArrowLeft' ? -step : key === 'ArrowRight' ? step : 0;
  const dy = key === 'ArrowUp' ? -step : key === 'ArrowDown' ? step : 0;
  if (resize) {
    return {
      ...box,
      xmax: Math.min(columns, Math.max(box.xmin + step, box.xmax + dx)),
      ymax: Math.min(rows, Math.max(box.ymin + step, box.ymax + dy)),
    };
  }
  const x = Math.min(columns - (box.xmax - box.xmin), Math.max(0, box.xmin + dx));
  const y = Math.min(rows - (box.ymax - box.ymin), Math.max(0, box.ymin + dy));
  return { xmin: x, ymin: y, xmax: x + (box.xmax - box.xmin), ymax: y + (box.ymax - box.ymin) };
}

/** The key that moves a rectangle the way the arrow points on screen, for a view shown mirrored or not. */
export function screenArrow(key: ArrowKey, mirrored: boolean): ArrowKey {
  if (!mirrored) return key;
  return key === 'ArrowLeft' ? 'ArrowRight' : key === 'ArrowRight' ? 'ArrowLeft' : key;
}
