import { describe, expect, it } from 'vitest';
import { clipBox, formatBox, invertDisplayToImage } from '../../../src/lib/viewer/box-geometry.ts';

describe('clipBox', () => {
  it('leaves a box inside a 2800 × 3518 image alone', () => {
    expect(clipBox({ xmin: 2355.14, ymin: 1731.64, xmax: 2482.98, ymax: 1852.75 }, 2800, 3518)).toEqual({
      box: { xmin: 2355.14, ymin: 1731.64, xmax: 2482.98, ymax: 1852.75 },
      clippedEdges: [],
    });
  });

  it('cuts a box running off the left and bottom edges back to the border and names those edges', () => {
    expect(clipBox({ xmin: -40, ymin: 3400, xmax: 160, ymax: 3600 }, 2800, 3518)).toEqual({
      box: { xmin: 0, ymin: 3400, xmax: 160, ymax: 3518 },
      clippedEdges: ['left', 'bottom'],
    });
  });

  it('cuts the top and right edges', () => {
    expect(clipBox({ xmin: 2700, ymin: -5, xmax: 2880, ymax: 700 }, 2800, 3518)?.clippedEdges).toEqual(['top', 'right']);
  });

  it.each([
    ['a NaN coordinate', { xmin: NaN, ymin: 0, xmax: 10, ymax: 10 }],
    ['reversed corners', { xmin: 10, ymin: 0, xmax: 5, ymax: 10 }],
    ['a box wholly outside', { xmin: 2900, ymin: 0, xmax: 3000, ymax: 10 }],
    ['a zero-width box', { xmin: 5, ymin: 0, xmax: 5, ymax: 10 }],
  ])('returns null for %s', (_what, box) => {
    expect(clipBox(box, 2800, 3518)).toBeNull();
  });
});

describe('transforms', () => {
  it('inverts a display → image sampling: image = 2 × display − 40 becomes screen = (image + 40) / 2', () => {
    const t = invertDisplayToImage({ x: -40, y: -40 }, { x: -38, y: -38 });
    expect(t).toEqual({ originX: 20, originY: 20, unitX: 0.5, unitY: 0.5 });
    // image pixel 100 lands on screen (100 + 40) / 2 = 70
    expect(t.originX + 100 * t.unitX).toBe(70);
  });

  it('inverts a mirrored sampling (image x falls as display x grows) into a negative unit x', () => {
    // image x = 800 − 2 × display x, so screen x = (800 − image x) / 2: origin 400, unit −0.5
    const t = invertDisplayToImage({ x: 800, y: 0 }, { x: 798, y: 2 });
    expect(t).toEqual({ originX: 400, originY: -0, unitX: -0.5, unitY: 0.5 });
  });
});

describe('formatBox', () => {
  it('rounds to a tenth of a pixel and shows NaN as such', () => {
    expect(formatBox({ xmin: 2355.1398925781, ymin: 1731.64, xmax: 2482.98, ymax: 1852.75 })).toBe('(2355.1, 1731.6)–(2483, 1852.8)');
    expect(formatBox({ xmin: NaN, ymin: 1, xmax: 2, ymax: 3 })).toBe('(NaN, 1)–(2, 3)');
  });
});
