// The CSV's boxes as native dwv annotations on one view: in image pixel coordinates (so they follow zoom, pan and
// flip), one colour per finding category from the shared palette, clipped to the image and marked when they run
// outside. Their labels (categories and finding BI-RADS) are HTML placed by box-labels.ts, not dwv's canvas text.
// Visibility is switched per category from the legend.

import { Annotation, Point2D, Rectangle } from 'dwv';
import { clipBox } from '../lib/viewer/box-geometry.ts';
import { colorOf } from '../lib/palette.ts';
import { boxLabel } from '../lib/viewer/box-label.ts';
import type { SampleBox } from '../lib/types.ts';
import { BoxLabels } from './box-labels.ts';
import type { DwvView } from './dwv-view.ts';

export interface DrawnBox {
  id: string;
  /** 1-based line in finding_annotations.csv (with the image, names the box). */
  line: number;
  categories: string[];
  /** The drawn (clipped) box in image pixels. */
  drawn: { xmin: number; ymin: number; xmax: number; ymax: number };
  clipped: boolean;
  colour: string;
  label: string;
}

const labelsOf = new WeakMap<DwvView, BoxLabels>();

/** Adds the boxes to the view; returns what was drawn and the boxes that could not be (no area inside the image). */
export function addBoxes(view: DwvView, boxes: readonly SampleBox[], columns: number, rows: number): { drawn: DrawnBox[]; skipped: SampleBox[] } {
  const drawn: DrawnBox[] = [];
  const skipped: SampleBox[] = [];
  const dataId = view.getDataId();
  if (dataId === null || boxes.length === 0) return { drawn, skipped: [...boxes] };
  const app = view.app;
  const vc = view.viewLayer().getViewController();
  const data = app.createAnnotationData(dataId);
  const group = data.annotationGroup;
  if (!group) return { drawn, skipped: [...boxes] };
  for (const box of boxes) {
    const clip = clipBox(box.box, columns, rows);
    if (!clip) {
      skipped.push(box);
      continue;
    }
    const clipped = clip.clippedEdges.length > 0 || box.outOfBounds;
    const colour = colorOf('finding', box.categories[0] ?? '');
    const annotation = new Annotation();
    annotation.colour = colour;
    annotation.init(vc);
    annotation.mathShape = new Rectangle(new Point2D(clip.box.xmin, clip.box.ymin), new Point2D(clip.box.xmax, clip.box.ymax));
    // No canvas text: dwv's label is scaled with the zoom, mirrored with a flip and cut at the view's edge.
    annotation.textExpr = '';
    group.add(annotation);
    drawn.push({ id: annotation.trackingUid, line: box.line, categories: box.categories, drawn: clip.box, clipped, colour, label: boxLabel(box, clipped) });
  }
  group.setEditable(false);
  const before = new Set<unknown>(app.getLayerGroupByDivId(view.divId)?.getDrawLayers() ?? []);
  app.addAndRenderAnnotationData(data, view.divId, dataId);
  view.flipLayersAddedAfter(before);
  // The boxes are read-only: tools (zoom/pan, window/level) act on the image layer, and the draw layer lets the
  // pointer through to it (pointer-events: none on .drawLayer, set on the page's view containers).
  app.getLayerGroupByDivId(view.divId)?.setActiveLayerByDataId(dataId);
  const container = document.getElementById(view.divId);
  if (container && drawn.length > 0) {
    const labels = new BoxLabels(view, container, drawn);
    labelsOf.set(view, labels);
    view.onDestroy(() => labels.destroy());
  }
  return { drawn, skipped };
}

/** Shows a box when boxes are on and at least one of its categories is enabled in the legend. */
export function applyBoxVisibility(view: DwvView, drawn: readonly DrawnBox[], boxesOn: boolean, hidden: ReadonlySet<string>): void {
  const group = view.app.getLayerGroupByDivId(view.divId);
  const layer = group?.getDrawLayers()[0];
  if (!layer) return;
  for (const box of drawn) {
    const visible = boxesOn && box.categories.some((c) => !hidden.has(c));
    layer.setAnnotationVisibility(box.id, visible);
    labelsOf.get(view)?.setVisible(box.id, visible);
  }
  layer.draw();
}
