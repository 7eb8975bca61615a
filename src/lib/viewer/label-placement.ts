// Where each box's label goes on screen: inside the view, beside its box (above or below, left- or right-aligned),
// choosing the candidate that covers the fewest other boxes and already placed labels, and pushed back inside the
// view where the box touches an edge. Works in screen pixels, so a flipped or zoomed view needs nothing special.
// Pure; a greedy placement (boxes are few per view: a handful at most), which a labelling library would overdo.

export interface ScreenRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface LabelRequest {
  /** The box on screen. */
  box: ScreenRect;
  /** The label's measured size in CSS pixels. */
  width: number;
  height: number;
}

function area(a: ScreenRect): number {
  return Math.max(0, a.right - a.left) * Math.max(0, a.bottom - a.top);
}

function overlap(a: ScreenRect, b: ScreenRect): number {
  return area({ left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) });
}

/** `rect` grown by `by` pixels on every side. */
function grown(rect: ScreenRect, by: number): ScreenRect {
  return { left: rect.left - by, top: rect.top - by, right: rect.right + by, bottom: rect.bottom + by };
}

/** A label's rectangle at (x, y), moved inside the view (a label wider than the view starts at its left edge). */
function inside(x: number, y: number, width: number, height: number, view: { width: number; height: number }): ScreenRect {
  const left = Math.max(0, Math.min(x, view.width - width));
  const top = Math.max(0, Math.min(y, view.height - height));
  return { left, top, right: left + width, bottom: top + height };
}

/**
 * One rectangle per request, in request order, or null for a box with no part inside the view (its label would point
 * at nothing). Placed top to bottom; each takes the first best of: above left-aligned, below left-aligned, above
 * right-aligned, below right-aligned, inside the box's top-left or bottom-left corner, beside it right or left
 * (`prefer: 'below'` tries below before above: the review's verdict tags, so that they and the box labels take
 * opposite sides). `obstacles` are what else the view draws over the image (its name and preset menu, the review's
 * tags, the schematic's captions): labels avoid them like other labels. `reach`: how far outside a box the view may
 * draw around it (focus and review outlines); labels keep out of that margin of every box, their own included, so
 * an outline drawn later covers no label.
 */
export function placeLabels(
  view: { width: number; height: number },
  requests: readonly LabelRequest[],
  {
    obstacles = [],
    gap = 2,
    reach = 0,
    prefer = 'above',
  }: { obstacles?: readonly ScreenRect[]; gap?: number; reach?: number; prefer?: 'above' | 'below' } = {},
): (ScreenRect | null)[] {
  const frame: ScreenRect = { left: 0, top: 0, right: view.width, bottom: view.height };
  const placed: (ScreenRect | null)[] = requests.map(() => null);
  const order = requests.map((_, i) => i).sort((a, b) => requests[a].box.top - requests[b].box.top || requests[a].box.left - requests[b].box.left);
  const taken: ScreenRect[] = [];
  const margins = requests.map((request) => grown(request.box, reach));
  for (const i of order) {
    const { box, width, height } = requests[i];
    if (overlap(box, frame) === 0) continue;
    // Aligned with the box's sides, above or below its margin; then inside the box itself; then beside its margin.
    const margin = margins[i];
    const above = margin.top - height - gap;
    const below = margin.bottom + gap;
    const [first, second] = prefer === 'above' ? [above, below] : [below, above];
    const candidates: [number, number][] = [
      [box.left, first],
      [box.left, second],
      [box.right - width, first],
      [box.right - width, second],
      [box.left + gap, box.top + gap],
      [box.left + gap, box.bottom - height - gap],
      // Beside the box, last: chosen only where it covers less than every spot above, below or inside.
      [margin.right + gap, box.top],
      [margin.left - width - gap, box.top],
    ];
    let best: ScreenRect | null = null;
    let bestCost = Infinity;
    for (const [x, y] of candidates) {
      const rect = inside(x, y, width, height, view);
      let cost = 0;
      for (let j = 0; j < requests.length; j++) if (j !== i) cost += 4 * overlap(rect, margins[j]);
      cost += overlap(rect, margin);
      for (const other of [...taken, ...obstacles]) cost += 8 * overlap(rect, other);
      // Prefer the spot nearest where the candidate wanted to be (little pushed by the view's edges).
      cost += 0.01 * (Math.abs(rect.left - x) + Math.abs(rect.top - y));
      if (cost < bestCost - 1e-9) {
        best = rect;
        bestCost = cost;
      }
    }
    placed[i] = best;
    if (best) taken.push(best);
  }
  return placed;
}
