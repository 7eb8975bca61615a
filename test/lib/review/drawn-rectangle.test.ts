import { describe, expect, it } from 'vitest';
import { defaultRectangle, nudgeRectangle, screenArrow, screenRectToImage } from '../../../src/lib/review/drawn-rectangle.ts';
import { boxToScreen, type AffineTransform } from '../../../src/lib/viewer/box-geometry.ts';

// A 3000 × 4000 (columns × rows) image shown at 0.1 px per image pixel from (20, 10): 300 × 400 on screen.
const plain: AffineTransform = { originX: 20, originY: 10, unitX: 0.1, unitY: 0.1 };
// The same image mirrored: image x = 0 sits at screen x = 20 + 300 = 320 and x grows to the left.
const mirrored: AffineTransform = { originX: 320, originY: 10, unitX: -0.1, unitY: 0.1 };
// Mirrored and zoomed ×4 (0.4 px per image pixel) and panned: origin at (1000, -500).
const zoomedMirror: AffineTransform = { originX: 1000, originY: -500, unitX: -0.4, unitY: 0.4 };

describe('screenRectToImage', () => {
  it('maps screen corners to image pixels on a plain view', () => {
    // (70, 60) → ((70 − 20) / 0.1, (60 − 10) / 0.1) = (500, 500); (120, 110) → (1000, 1000).
    expect(screenRectToImage({ x: 70, y: 60 }, { x: 120, y: 110 }, plain, 3000, 4000)).toEqual({ xmin: 500, ymin: 500, xmax: 1000, ymax: 1000 });
  });

  it('puts xmin on the right of the screen on a mirrored view, whichever corner was dragged first', () => {
    // screen x 270 → (270 − 320) / −0.1 = 500; screen x 220 → 1000.
    const box = { xmin: 500, ymin: 500, xmax: 1000, ymax: 1000 };
    expect(screenRectToImage({ x: 270, y: 60 }, { x: 220, y: 110 }, mirrored, 3000, 4000)).toEqual(box);
    expect(screenRectToImage({ x: 220, y: 110 }, { x: 270, y: 60 }, mirrored, 3000, 4000)).toEqual(box);
  });

  it('maps through zoom and mirror, and comes back to the same screen rectangle', () => {
    // screen x 800 → (800 − 1000) / −0.4 = 500, x 600 → 1000; y 100 → (100 + 500) / 0.4 = 1500, y 300 → 2000.
    const box = screenRectToImage({ x: 800, y: 100 }, { x: 600, y: 300 }, zoomedMirror, 3000, 4000)!;
    expect(box).toEqual({ xmin: 500, ymin: 1500, xmax: 1000, ymax: 2000 });
    expect(boxToScreen(box, zoomedMirror)).toEqual({ left: 600, right: 800, top: 100, bottom: 300 });
    // The image's top-right corner (3000, 0) is at screen (1000 − 3000 × 0.4, −500) = (−200, −500), off screen left.
    expect(screenRectToImage({ x: -200, y: -500 }, { x: -160, y: -460 }, zoomedMirror, 3000, 4000)).toEqual({ xmin: 2900, ymin: 0, xmax: 3000, ymax: 100 });
  });

  it('clamps to the image and refuses a rectangle under one pixel', () => {
    // (0, 0) → (−200, −100) clamps to (0, 0); (30, 20) → (100, 100).
    expect(screenRectToImage({ x: 0, y: 0 }, { x: 30, y: 20 }, plain, 3000, 4000)).toEqual({ xmin: 0, ymin: 0, xmax: 100, ymax: 100 });
    expect(screenRectToImage({ x: 70, y: 60 }, { x: 70.04, y: 90 }, plain, 3000, 4000)).toBeNull();
  });
});

describe('keyboard rectangle', () => {
  it('starts as a centred square a tenth of the longer side', () => {
    // side 4000 / 10 = 400; xmin (3000 − 400) / 2 = 1300; ymin (4000 − 400) / 2 = 1800.
    expect(defaultRectangle(3000, 4000)).toEqual({ xmin: 1300, ymin: 1800, xmax: 1700, ymax: 2200 });
  });

  it('moves and resizes by 1/50 of the longer side, inside the image', () => {
    const box = defaultRectangle(3000, 4000);
    // step 4000 / 50 = 80.
    expect(nudgeRectangle(box, 'ArrowRight', false, 3000, 4000)).toEqual({ xmin: 1380, ymin: 1800, xmax: 1780, ymax: 2200 });
    expect(nudgeRectangle(box, 'ArrowDown', true, 3000, 4000)).toEqual({ xmin: 1300, ymin: 1800, xmax: 1700, ymax: 2280 });
    expect(nudgeRectangle({ xmin: 0, ymin: 0, xmax: 100, ymax: 100 }, 'ArrowLeft', false, 3000, 4000).xmin).toBe(0);
    expect(nudgeRectangle({ xmin: 0, ymin: 0, xmax: 100, ymax: 100 }, 'ArrowLeft', true, 3000, 4000).xmax).toBe(80);
  });

  it('swaps left and right on a mirrored view so the rectangle follows the arrow on screen', () => {
    expect(screenArrow('ArrowLeft', true)).toBe('ArrowRight');
    expect(screenArrow('ArrowUp', true)).toBe('ArrowUp');
    expect(screenArrow('ArrowLeft', false)).toBe('ArrowLeft');
  });
});
