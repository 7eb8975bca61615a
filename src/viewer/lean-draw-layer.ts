// Creates dwv's annotation (draw) layers without their full-image-size canvases. dwv 0.36 builds each draw layer's
// Konva stage at the image's pixel size (four canvases: scene, hit and two buffers, 3518×2800 each for a SIEMENS
// mammogram) and resizes it to the view container right after, in the same task. Allocating and clearing those
// ≈150 MB cost ≈180 ms of main thread per view (CPU profile, headless Chromium), for canvases nobody draws on.
// Here the stage starts at 1×1; dwv's fitToContainer, which always follows initialise (App.addDrawLayer), then sizes
// it to the container exactly as before. The stage size feeds nothing else at that point: the zoom offset it
// scales is still zero. The real image size stays available through getBaseSize (dwv's shape editors read it).

import { DrawLayer } from 'dwv';

interface Size2D {
  x: number;
  y: number;
}

type Initialise = (size: Size2D, spacing: Size2D, refLayerId: string) => void;

let installed = false;

/** Installs the patch once per page (idempotent). */
export function installLeanDrawLayer(): void {
  if (installed) return;
  installed = true;
  const proto = DrawLayer.prototype as unknown as { initialise: Initialise; getBaseSize(): Size2D };
  const original = proto.initialise;
  proto.initialise = function (this: { getBaseSize(): Size2D }, size: Size2D, spacing: Size2D, refLayerId: string) {
    original.call(this, { x: 1, y: 1 }, spacing, refLayerId);
    this.getBaseSize = () => size;
  };
}
