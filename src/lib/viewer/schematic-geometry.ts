// Where a view's outline and boxes go when the viewer has no pixels: the CSV's height × width as the outline (in
// image pixel units, so an SVG viewBox of that size puts every box exactly where the CSV says), the chest wall on
// the edge the hanging wants, and each box clipped to the outline like over the pixels. Mirroring follows
// hanging.ts: without pixels the stored chest-wall side is unknown, so the image is taken as conventionally stored
// (needsFlip(null, …) is false) — one rule for both viewers.

import type { Box, SampleBox } from '../types.ts';
import { clipBox } from './box-geometry.ts';
import { boxLabel } from './box-label.ts';
import { needsFlip, type Side } from './hanging.ts';

interface SchematicBox {
  source: SampleBox;
  /** The drawn box in outline units (clipped, mirrored when the view is); null when no part is inside the outline. */
  drawn: Box | null;
  clipped: boolean;
  label: string;
}

export interface SchematicView {
  /** Outline size in image pixels: the CSV's width (columns) and height (rows). */
  width: number;
  height: number;
  /** The outline's edge that is the chest wall on screen. */
  chestWall: Side;
  mirrored: boolean;
  boxes: SchematicBox[];
}

/** Mirrors a box across the vertical centre line of a `width`-wide image. */
function mirrorBox(box: Box, width: number): Box {
  return { xmin: width - box.xmax, ymin: box.ymin, xmax: width - box.xmin, ymax: box.ymax };
}

export function schematicView(
  image: { rows: number; columns: number; boxes: readonly SampleBox[] },
  wantedChestWall: Side,
  storedChestWall: Side | null = null,
): SchematicView {
  const mirrored = needsFlip(storedChestWall, wantedChestWall);
  const boxes = image.boxes.map((source): SchematicBox => {
    const clip = clipBox(source.box, image.columns, image.rows);
    const clipped = clip !== null && (clip.clippedEdges.length > 0 || source.outOfBounds);
    const drawn = clip ? (mirrored ? mirrorBox(clip.box, image.columns) : clip.box) : null;
    return { source, drawn, clipped, label: boxLabel(source, clipped) };
  });
  return { width: image.columns, height: image.rows, chestWall: wantedChestWall, mirrored, boxes };
}
