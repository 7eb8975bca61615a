import { describe, expect, it } from 'vitest';
import { schematicView } from '../../../src/lib/viewer/schematic-geometry.ts';
import type { SampleBox } from '../../../src/lib/types.ts';

function box(xmin: number, ymin: number, xmax: number, ymax: number, outOfBounds = false): SampleBox {
  return { categories: ['Mass'], findingBirads: '4', box: { xmin, ymin, xmax, ymax }, line: 7, outOfBounds };
}

describe('schematicView(image, wanted, stored)', () => {
  it('outlines the CSV size and keeps an inside box where the CSV says (no pixels: taken as conventionally stored)', () => {
    const view = schematicView({ rows: 3518, columns: 2800, boxes: [box(100, 200, 400, 600)] }, 'right');
    expect([view.width, view.height, view.chestWall, view.mirrored]).toEqual([2800, 3518, 'right', false]);
    expect(view.boxes[0].drawn).toEqual({ xmin: 100, ymin: 200, xmax: 400, ymax: 600 });
    expect(view.boxes[0].clipped).toBe(false);
    expect(view.boxes[0].label).toBe('Mass · B4');
  });

  it('clips a box that runs past the right edge and marks it', () => {
    const view = schematicView({ rows: 100, columns: 80, boxes: [box(70, 10, 95, 30, true)] }, 'left');
    expect(view.boxes[0].drawn).toEqual({ xmin: 70, ymin: 10, xmax: 80, ymax: 30 });
    expect(view.boxes[0].clipped).toBe(true);
    expect(view.boxes[0].label).toBe('Mass · B4 · ✂ clipped');
  });

  it('keeps a box wholly outside the outline in the list with nothing to draw', () => {
    const view = schematicView({ rows: 100, columns: 80, boxes: [box(90, 10, 120, 30, true)] }, 'left');
    expect(view.boxes).toHaveLength(1);
    expect(view.boxes[0].drawn).toBeNull();
  });

  it('mirrors when the stored chest wall is known to be on the other edge (80 − x)', () => {
    const view = schematicView({ rows: 100, columns: 80, boxes: [box(10, 5, 30, 25)] }, 'right', 'left');
    expect(view.mirrored).toBe(true);
    // xmin' = 80 − 30 = 50, xmax' = 80 − 10 = 70.
    expect(view.boxes[0].drawn).toEqual({ xmin: 50, ymin: 5, xmax: 70, ymax: 25 });
  });
});

