import { describe, expect, it } from 'vitest';
import { placeLabels, type ScreenRect } from '../../../src/lib/viewer/label-placement.ts';

const view = { width: 400, height: 300 };
const rect = (left: number, top: number, right: number, bottom: number): ScreenRect => ({ left, top, right, bottom });

describe('placeLabels', () => {
  it.each<[string, ScreenRect, ScreenRect]>([
    // Label 80 × 16, gap 2: above left-aligned is (100, 100 − 16 − 2 = 82).
    ['a box in the open: above, left-aligned', rect(100, 100, 150, 140), rect(100, 82, 180, 98)],
    // At the top edge there is no room above: below, at 40 + 2 = 42.
    ['a box at the top edge: below', rect(100, 0, 150, 40), rect(100, 42, 180, 58)],
    // At the right edge (chest wall of a right-hanging view): pushed left to 400 − 80 = 320, still above.
    ['a box at the right edge: moved left inside the view', rect(370, 100, 400, 140), rect(320, 82, 400, 98)],
    // Filling the view: no spot outside it, the label goes inside the top-left corner (2, 2).
    ['a box filling the view: inside its top-left corner', rect(0, 0, 400, 300), rect(2, 2, 82, 18)],
  ])('%s', (_name, box, expected) => {
    expect(placeLabels(view, [{ box, width: 80, height: 16 }])).toEqual([expected]);
  });

  it('keeps clear of the view’s own name and menu: a box under them gets its label below', () => {
    // The menu covers (0, 0)–(300, 24); above-left (100, 82) is free, but a box at the top has only below: 30 + 2.
    const [placed] = placeLabels(view, [{ box: rect(100, 10, 150, 30), width: 80, height: 16 }], [rect(0, 0, 300, 24)]);
    expect(placed).toEqual(rect(100, 32, 180, 48));
  });

  it('keeps every label inside the view, even one wider than the view', () => {
    const [placed] = placeLabels({ width: 60, height: 300 }, [{ box: rect(10, 100, 50, 140), width: 80, height: 16 }]);
    expect(placed!.left).toBe(0);
    expect(placed!.top).toBe(82);
  });

  it('gives no label to a box entirely outside the view (zoomed or panned away)', () => {
    expect(placeLabels(view, [{ box: rect(500, 100, 550, 140), width: 80, height: 16 }])).toEqual([null]);
  });

  it('moves a label off a neighbouring box: the box just above takes the spot above, so the label goes below', () => {
    const lower = rect(100, 100, 150, 140);
    const upper = rect(100, 70, 150, 95);
    const [forLower] = placeLabels(view, [
      { box: lower, width: 80, height: 16 },
      { box: upper, width: 80, height: 16 },
    ]);
    // Above-left (100, 82…98) would cover the upper box (rows 82…95): below it is, at 140 + 2 = 142.
    expect(forLower).toEqual(rect(100, 142, 180, 158));
  });

  it('does not stack two labels: two boxes side by side at the top edge get labels that do not overlap', () => {
    const [a, b] = placeLabels(view, [
      { box: rect(100, 0, 140, 30), width: 80, height: 16 },
      { box: rect(150, 0, 190, 30), width: 80, height: 16 },
    ]);
    const overlapX = Math.min(a!.right, b!.right) - Math.max(a!.left, b!.left);
    const overlapY = Math.min(a!.bottom, b!.bottom) - Math.max(a!.top, b!.top);
    expect(overlapX <= 0 || overlapY <= 0).toBe(true);
  });
});
