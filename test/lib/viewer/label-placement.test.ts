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
    const [placed] = placeLabels(view, [{ box: rect(100, 10, 150, 30), width: 80, height: 16 }], { obstacles: [rect(0, 0, 300, 24)] });
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

  it('keeps out of the outline margin (`reach`) of its own box: above it by reach + gap, still left-aligned', () => {
    // Reach 6, gap 2: the label's bottom is at 100 − 6 − 2 = 92, so an outline 6 px out (rows 94…100) covers none of it.
    expect(placeLabels(view, [{ box: rect(100, 100, 150, 140), width: 80, height: 16 }], { reach: 6 })).toEqual([rect(100, 76, 180, 92)]);
  });

  it("keeps out of a neighbour's outline margin: a spot clear of the box but within its reach is passed over", () => {
    // The neighbour sits 3 px to the right of the label's spot above-left (100…180 × 76…92): clear of the box itself,
    // inside its 6 px margin. Without reach the label goes there; with it, below (140 + 6 + 2 = 148).
    const own = rect(100, 100, 150, 140);
    const neighbour = rect(183, 60, 230, 95);
    const requests = [
      { box: own, width: 80, height: 16 },
      { box: neighbour, width: 40, height: 16 },
    ];
    expect(placeLabels(view, requests, { reach: 0 })[0]).toEqual(rect(100, 82, 180, 98));
    expect(placeLabels(view, requests, { reach: 6 })[0]).toEqual(rect(100, 148, 180, 164));
  });

  it("prefer 'below' (the review's tags) tries below first, and above when the view ends below the box", () => {
    // Reach 8, gap 2: below is 140 + 8 + 2 = 150; above for a box at the bottom edge is 260 − 8 − 2 − 15 = 235.
    expect(placeLabels(view, [{ box: rect(100, 100, 150, 140), width: 60, height: 15 }], { reach: 8, prefer: 'below' })).toEqual([rect(100, 150, 160, 165)]);
    expect(placeLabels(view, [{ box: rect(100, 260, 150, 300), width: 60, height: 15 }], { reach: 8, prefer: 'below' })).toEqual([rect(100, 235, 160, 250)]);
  });

  it('goes beside the box when above, below and inside are all taken', () => {
    // Labels of other boxes fill the rows above and below (obstacles), the box is too small to hold the label
    // inside without covering it: right of its margin it goes, at 150 + 8 + 2 = 160, top-aligned.
    const obstacles = [rect(0, 60, 400, 99), rect(0, 141, 400, 200)];
    expect(placeLabels(view, [{ box: rect(100, 100, 150, 140), width: 60, height: 15 }], { obstacles, reach: 8 })).toEqual([rect(160, 100, 220, 115)]);
  });
});
