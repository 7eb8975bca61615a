// The review's marks over one view, as an SVG above the image and its boxes: each verdict as a mark on its box's
// corner (and a cross over a box that is not a finding), a box's corrected position dashed in the verdict's colour,
// the boxes in question outlined until they have a verdict,
// the focused box, the reviewer's missed findings, the rectangle being drawn, and an image problem as a banner.
// Drawn in the view container's pixels through the view's geometry (view-geometry.ts), so the same code serves the
// pixel viewer (zoomed, panned, flipped) and the schematic. While drawing, it takes the mouse: a drag draws.

import { BOX_OUTLINE_PAD, BOX_OUTLINE_REACH, boxToScreen, clipBox, type AffineTransform } from '../../lib/viewer/box-geometry.ts';
import { screenRectToImage, type ScreenPoint } from '../../lib/review/drawn-rectangle.ts';
import { IN_QUESTION_COLOUR, MISSED_COLOUR, verdictMark } from '../../lib/review/verdict-marks.ts';
import type { Box } from '../../lib/types.ts';
import type { BoxVerdictKind } from '../../lib/review/verdict-types.ts';
import type { ViewGeometry } from './view-geometry.ts';
import { LABEL_OBSTACLE_CLASS, LABEL_OBSTACLES_CHANGED, rectsOver, VIEW_HEADER_SELECTOR } from '../box-labels.ts';
import { placeLabels, type ScreenRect } from '../../lib/viewer/label-placement.ts';
import { SCHEMATIC_LABEL_CLASS } from '../schematic.ts';

const SVG = 'http://www.w3.org/2000/svg';
const TAG_HEIGHT = 15;

/** A verdict or missed-finding tag waiting to be placed (placeTags). */
interface TagRequest {
  /** The box's or missed finding's key. */
  key: string;
  screen: ScreenRect;
  text: string;
  colour: string;
  /** The box's group, which the tag joins. */
  group: SVGGElement;
  width: number;
}

/** What the overlay shows for one view; the session hands it a new one after every change. */
interface OverlayState {
  boxes: { key: string; box: Box; inQuestion: boolean; verdict: BoxVerdictKind | null; focused: boolean; corrected: Box | null }[];
  missed: { key: string; box: Box; label: string }[];
  /** The rectangle being drawn (image pixels), or null. */
  draft: Box | null;
  imageProblem: string | null;
}

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

export class ReviewOverlay {
  readonly svg: SVGSVGElement;
  private state: OverlayState = { boxes: [], missed: [], draft: null, imageProblem: null };
  private frame = 0;
  private dragStart: ScreenPoint | null = null;
  private onDrawn: ((box: Box) => void) | null = null;

  constructor(
    private readonly geometry: ViewGeometry,
    private readonly columns: number,
    private readonly rows: number,
  ) {
    this.svg = svgEl('svg', { class: 'review-overlay pointer-events-none absolute inset-0 z-[16] h-full w-full overflow-hidden', 'aria-hidden': 'true' });
    (geometry.container.parentElement ?? geometry.container).append(this.svg);
    geometry.onChange(() => this.schedule());
    this.svg.addEventListener('pointerdown', (e) => this.pointerDown(e));
    this.svg.addEventListener('pointermove', (e) => this.pointerMove(e));
    this.svg.addEventListener('pointerup', (e) => this.pointerUp(e));
  }

  set(state: OverlayState): void {
    this.state = state;
    this.schedule();
  }

  /** Mouse drawing on (the overlay takes the pointer; a drag reports the image-pixel box) or off. */
  setDrawing(onDrawn: ((box: Box) => void) | null): void {
    this.onDrawn = onDrawn;
    this.svg.classList.toggle('pointer-events-none', onDrawn === null);
    this.svg.classList.toggle('cursor-crosshair', onDrawn !== null);
  }

  /** Whether the image is shown mirrored (the keyboard's left/right then swap). */
  mirrored(): boolean {
    return this.geometry.transform().unitX < 0;
  }

  private point(e: PointerEvent): ScreenPoint {
    const r = this.geometry.container.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private pointerDown(e: PointerEvent): void {
    if (!this.onDrawn || e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    this.svg.setPointerCapture(e.pointerId);
    this.dragStart = this.point(e);
  }

  private pointerMove(e: PointerEvent): void {
    if (!this.dragStart) return;
    const box = screenRectToImage(this.dragStart, this.point(e), this.geometry.transform(), this.columns, this.rows);
    this.set({ ...this.state, draft: box });
  }

  private pointerUp(e: PointerEvent): void {
    if (!this.dragStart) return;
    const box = screenRectToImage(this.dragStart, this.point(e), this.geometry.transform(), this.columns, this.rows);
    this.dragStart = null;
    e.stopPropagation();
    if (box && this.onDrawn) this.onDrawn(box);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  /** A box on screen through `t`, clipped to the image; null when no part of it is in the image. */
  private onScreen(box: Box, t: AffineTransform): ScreenRect | null {
    const clipped = clipBox(box, this.columns, this.rows);
    return clipped ? boxToScreen(clipped.box, t) : null;
  }

  private rect(box: Box, t: AffineTransform, attributes: Record<string, string | number>, pad = 0): SVGRectElement | null {
    const s = this.onScreen(box, t);
    if (!s) return null;
    return svgEl('rect', { x: s.left - pad, y: s.top - pad, width: s.right - s.left + 2 * pad, height: s.bottom - s.top + 2 * pad, fill: 'none', ...attributes });
  }

  /** A tag to place: its box on screen (null when the box lies outside the image) and the group it joins. */
  private tagRequest(key: string, box: Box, t: AffineTransform, text: string, colour: string, group: SVGGElement): TagRequest | null {
    const screen = this.onScreen(box, t);
    return screen ? { key, screen, text, colour, group, width: text.length * 6.6 + 8 } : null;
  }

  /**
   * Places the tags as the box labels are placed (label-placement.ts), below their boxes first (the labels go above
   * first), off each other, the other boxes, the view's header, the schematic's labels and the banner, outside the
   * outlines' margin and inside the view. The pixel view's box labels then keep clear of them (LABEL_OBSTACLE_CLASS).
   */
  private placeTags(tags: readonly TagRequest[], banner: ScreenRect | null, t: AffineTransform): void {
    const { container } = this.geometry;
    const tagged = new Set(tags.map((tag) => tag.key));
    const otherBoxes = this.state.boxes
      .filter((b) => !tagged.has(b.key))
      .map((b) => this.onScreen(b.box, t))
      .filter((r): r is ScreenRect => r !== null);
    // The schematic's labels are drawn once and stay: tags keep clear of them (the pixel view's labels move instead).
    const obstacles = [...rectsOver(container, `${VIEW_HEADER_SELECTOR}, .${SCHEMATIC_LABEL_CLASS}`), ...otherBoxes, ...(banner ? [banner] : [])];
    const placed = placeLabels(
      { width: container.clientWidth, height: container.clientHeight },
      tags.map((tag) => ({ box: tag.screen, width: tag.width, height: TAG_HEIGHT })),
      { obstacles, reach: BOX_OUTLINE_REACH, prefer: 'below' },
    );
    tags.forEach((request, i) => {
      const at = placed[i];
      if (!at) return;
      const tag = svgEl('g', { class: `review-mark ${LABEL_OBSTACLE_CLASS}` });
      tag.append(svgEl('rect', { x: at.left, y: at.top, width: request.width, height: TAG_HEIGHT, rx: 2, fill: '#000', 'fill-opacity': 0.85, stroke: request.colour }));
      const label = svgEl('text', { x: at.left + 4, y: at.top + 11.5, 'font-size': 11, fill: request.colour, 'font-family': 'system-ui, sans-serif' });
      label.textContent = request.text;
      tag.append(label);
      request.group.append(tag);
    });
  }

  render(): void {
    // Where the image is on screen, read once (on the schematic it reads the layout).
    const t = this.geometry.transform();
    const items: SVGElement[] = [];
    const tags: TagRequest[] = [];
    let banner: ScreenRect | null = null;
    for (const b of this.state.boxes) {
      const group = svgEl('g', { class: 'review-box', 'data-key': b.key, 'data-verdict': b.verdict ?? '', 'data-focused': String(b.focused), 'data-in-question': String(b.inQuestion) });
      if (b.inQuestion && !b.verdict) {
        const halo = this.rect(b.box, t, { stroke: IN_QUESTION_COLOUR, 'stroke-width': 2, 'stroke-dasharray': '5 3', class: 'review-in-question' }, BOX_OUTLINE_PAD.reviewInQuestion);
        if (halo) group.append(halo);
      }
      if (b.verdict) {
        const mark = verdictMark(b.verdict);
        const outline = this.rect(b.box, t, { stroke: mark.colour, 'stroke-width': 3, class: 'review-verdict' }, BOX_OUTLINE_PAD.reviewVerdict);
        if (outline) group.append(outline);
        if (b.verdict === 'not-a-finding' && outline) {
          const x = Number(outline.getAttribute('x'));
          const y = Number(outline.getAttribute('y'));
          const w = Number(outline.getAttribute('width'));
          const h = Number(outline.getAttribute('height'));
          group.append(svgEl('path', { d: `M${x} ${y}L${x + w} ${y + h}M${x + w} ${y}L${x} ${y + h}`, stroke: mark.colour, 'stroke-width': 2 }));
        }
        if (b.corrected) {
          const fix = this.rect(b.corrected, t, { stroke: mark.colour, 'stroke-width': 2, 'stroke-dasharray': '6 3', class: 'review-corrected' });
          if (fix) group.append(fix);
        }
        // Beside both the box and its correction, so the mark never hides the corrected edge.
        const under = b.corrected ? { xmin: Math.min(b.box.xmin, b.corrected.xmin), ymin: Math.min(b.box.ymin, b.corrected.ymin), xmax: Math.max(b.box.xmax, b.corrected.xmax), ymax: Math.max(b.box.ymax, b.corrected.ymax) } : b.box;
        const tag = this.tagRequest(b.key, under, t, mark.mark, mark.colour, group);
        if (tag) tags.push(tag);
      }
      if (b.focused) {
        const focus = this.rect(b.box, t, { stroke: '#ffffff', 'stroke-width': 2, 'stroke-dasharray': '2 2', class: 'review-focus' }, BOX_OUTLINE_PAD.reviewFocus);
        if (focus) group.append(focus);
      }
      items.push(group);
    }
    for (const m of this.state.missed) {
      const group = svgEl('g', { class: 'review-missed', 'data-key': m.key });
      const outline = this.rect(m.box, t, { stroke: MISSED_COLOUR, 'stroke-width': 2, 'stroke-dasharray': '8 4' });
      if (outline) group.append(outline);
      const tag = this.tagRequest(m.key, m.box, t, `+ missed: ${m.label}`, MISSED_COLOUR, group);
      if (tag) tags.push(tag);
      items.push(group);
    }
    if (this.state.draft) {
      const draft = this.rect(this.state.draft, t, { stroke: MISSED_COLOUR, 'stroke-width': 2, class: 'review-draft' });
      if (draft) items.push(draft);
    }
    if (this.state.imageProblem) {
      const width = this.geometry.container.clientWidth;
      const group = svgEl('g', { class: `review-image-problem ${LABEL_OBSTACLE_CLASS}` });
      banner = { left: 0, top: this.geometry.container.clientHeight - 20, right: width, bottom: this.geometry.container.clientHeight };
      group.append(svgEl('rect', { x: 0, y: banner.top, width, height: 20, fill: '#7f1d1d', 'fill-opacity': 0.9 }));
      const text = svgEl('text', { x: 6, y: this.geometry.container.clientHeight - 6, 'font-size': 12, fill: '#fff', 'font-family': 'system-ui, sans-serif' });
      text.textContent = `⚠ image problem: ${this.state.imageProblem}`;
      group.append(text);
      items.push(group);
    }
    this.svg.replaceChildren(...items);
    this.placeTags(tags, banner, t);
    // Its tags and banner moved or changed: the box labels are placed again around them.
    this.svg.dispatchEvent(new Event(LABEL_OBSTACLES_CHANGED, { bubbles: true }));
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.svg.remove();
  }
}
