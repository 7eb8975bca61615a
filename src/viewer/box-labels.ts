// The boxes' labels as HTML over one view, instead of dwv's canvas text: in the site's font, the same size at every
// zoom, never mirrored in a flipped view, and placed by src/lib/viewer/label-placement.ts inside the view and off the
// other boxes and labels. Re-placed whenever dwv's view moves (zoom, pan, fit, render) and when the frame resizes.

import { BOX_OUTLINE_REACH, boxToScreen } from '../lib/viewer/box-geometry.ts';
import { placeLabels, type ScreenRect } from '../lib/viewer/label-placement.ts';
import type { DwvView } from './dwv-view.ts';

/**
 * What else is drawn over a view and labels keep clear of: elements with this class in the view's frame (the review
 * overlay's verdict and missed-finding tags). Whoever draws them dispatches LABEL_OBSTACLES_CHANGED (bubbling) from
 * inside the frame, and the labels are placed again.
 */
export const LABEL_OBSTACLE_CLASS = 'viewer-label-obstacle';
export const LABEL_OBSTACLES_CHANGED = 'viewer:label-obstacles-changed';
/** The view's name and preset menu, drawn over the image's top-left corner. */
export const VIEW_HEADER_SELECTOR = 'h2, .viewer-preset';

/** Where the visible elements of the view's cell that match `selector` are, in `container`'s pixels. */
export function rectsOver(container: HTMLElement, selector: string): ScreenRect[] {
  const origin = container.getBoundingClientRect();
  return [...(container.closest('.viewer-cell')?.querySelectorAll<Element>(selector) ?? [])]
    .filter((el) => !el.classList.contains('hidden'))
    .map((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left - origin.left, top: r.top - origin.top, right: r.right - origin.left, bottom: r.bottom - origin.top };
    });
}

interface LabelledBox {
  id: string;
  label: string;
  colour: string;
  drawn: { xmin: number; ymin: number; xmax: number; ymax: number };
}

export class BoxLabels {
  private readonly overlay: HTMLElement;
  private readonly spans = new Map<string, HTMLElement>();
  private readonly hidden = new Set<string>();
  private frame = 0;
  private readonly observer: ResizeObserver;

  constructor(
    private readonly view: DwvView,
    private readonly container: HTMLElement,
    private readonly boxes: readonly LabelledBox[],
  ) {
    this.overlay = document.createElement('div');
    this.overlay.className = 'viewer-labels pointer-events-none absolute inset-0 z-[15] overflow-hidden';
    this.overlay.setAttribute('aria-hidden', 'true');
    for (const box of boxes) {
      const span = document.createElement('span');
      span.className = 'viewer-label absolute left-0 top-0 rounded-sm border-l-4 bg-black/80 px-1 text-xs leading-4 text-white';
      span.style.borderLeftColor = box.colour;
      span.textContent = box.label;
      span.dataset.boxId = box.id;
      this.spans.set(box.id, span);
      this.overlay.append(span);
    }
    const frame = container.parentElement ?? container;
    frame.append(this.overlay);
    frame.addEventListener(LABEL_OBSTACLES_CHANGED, this.onObstacles);
    this.observer = new ResizeObserver(() => this.schedule());
    this.observer.observe(container);
    view.onViewChange(() => this.schedule());
    this.schedule();
  }

  private readonly onObstacles = (): void => this.schedule();

  setVisible(id: string, visible: boolean): void {
    if (visible) this.hidden.delete(id);
    else this.hidden.add(id);
    this.schedule();
  }

  /** Places the labels at the next frame (several dwv events in one frame cost one layout). */
  schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.layout();
    });
  }

  /** Measures the visible labels, places them, and hides those whose box is off screen. */
  layout(): void {
    const width = this.container.clientWidth;
    const height = this.container.clientHeight;
    if (width === 0 || height === 0) return;
    const transform = this.view.imageToContainer();
    const shown = this.boxes.filter((b) => !this.hidden.has(b.id));
    for (const box of this.boxes) this.spans.get(box.id)!.classList.toggle('hidden', this.hidden.has(box.id));
    const requests = shown.map((box) => {
      const span = this.spans.get(box.id)!;
      span.style.maxWidth = `${width}px`;
      span.style.width = '';
      const size = span.getBoundingClientRect();
      span.style.width = `${Math.ceil(size.width)}px`;
      return { box: boxToScreen(box.drawn, transform) as ScreenRect, width: Math.ceil(size.width), height: Math.ceil(size.height) };
    });
    // The view's name and preset menu, and the review's tags and banner: labels keep clear of them.
    const obstacles = rectsOver(this.container, `${VIEW_HEADER_SELECTOR}, .${LABEL_OBSTACLE_CLASS}`);
    // Off every box's outline margin too: focusing a lesion entry or reviewing a box then covers no label.
    const placed = placeLabels({ width, height }, requests, { obstacles, reach: BOX_OUTLINE_REACH });
    shown.forEach((box, i) => {
      const span = this.spans.get(box.id)!;
      const rect = placed[i];
      span.classList.toggle('hidden', rect === null);
      if (rect) span.style.transform = `translate(${rect.left}px, ${rect.top}px)`;
    });
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    (this.container.parentElement ?? this.container).removeEventListener(LABEL_OBSTACLES_CHANGED, this.onObstacles);
    this.observer.disconnect();
    this.overlay.remove();
  }
}
