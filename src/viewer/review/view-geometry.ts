// Where a view's image pixels are on screen, for the review overlay: over pixels, dwv's own view transform
// (DwvView.imageToContainer: zoom, pan and the hanging's flip included); on the schematic, the SVG's viewBox as the
// browser fits it (getScreenCTM), mirrored when the schematic mirrors its boxes. Both in the view container's CSS
// pixels, with a callback whenever that mapping changes.

import type { AffineTransform } from '../../lib/viewer/box-geometry.ts';
import type { SchematicView } from '../../lib/viewer/schematic-geometry.ts';
import type { DwvView } from '../dwv-view.ts';

export interface ViewGeometry {
  /** The view's container (.viewer-canvas): the overlay covers it and its coordinates are relative to it. */
  container: HTMLElement;
  /** Image pixel → container CSS pixel, as drawn now. */
  transform(): AffineTransform;
  /** Calls `listener` whenever the image moves on screen (zoom, pan, resize, enlarge). */
  onChange(listener: () => void): void;
}

function onResize(container: HTMLElement, listener: () => void): void {
  new ResizeObserver(listener).observe(container);
}

export function pixelGeometry(view: DwvView, container: HTMLElement): ViewGeometry {
  return {
    container,
    transform: () => view.imageToContainer(),
    onChange(listener) {
      view.onViewChange(listener);
      onResize(container, listener);
    },
  };
}

export function schematicGeometry(svg: SVGSVGElement, container: HTMLElement, view: SchematicView): ViewGeometry {
  return {
    container,
    transform() {
      const ctm = svg.getScreenCTM();
      const origin = container.getBoundingClientRect();
      if (!ctm) return { originX: 0, originY: 0, unitX: 1, unitY: 1 };
      const originX = ctm.e - origin.left;
      const originY = ctm.f - origin.top;
      // The schematic draws a mirrored view's boxes at width − x: the same mirror here.
      return view.mirrored
        ? { originX: originX + view.width * ctm.a, originY, unitX: -ctm.a, unitY: ctm.d }
        : { originX, originY, unitX: ctm.a, unitY: ctm.d };
    },
    onChange: (listener) => onResize(container, listener),
  };
}
