// Tooltips for chart marks on pointer hover and on keyboard focus, and arrow-key movement between marks.
// A chart only marks its elements: class "mark" and a `data-tip` text; this module makes them focusable
// (one tab stop per chart, arrows inside, like a toolbar) and names them for screen readers.

const MARK = '.mark';

/** Gives every mark role, name and tabindex; the first mark (or the one at `keepIndex`) is the tab stop. */
export function enhanceMarks(canvas: HTMLElement, keepIndex = 0): void {
  const marks = [...canvas.querySelectorAll<SVGElement>(MARK)];
  marks.forEach((mark, i) => {
    mark.setAttribute('role', 'img');
    mark.setAttribute('aria-label', mark.dataset.tip ?? '');
    mark.setAttribute('tabindex', i === Math.min(keepIndex, marks.length - 1) ? '0' : '-1');
  });
}

export function wireTooltips(canvas: HTMLElement, tip: HTMLElement): void {
  const figure = tip.parentElement ?? canvas;

  const show = (mark: Element) => {
    tip.textContent = mark.getAttribute('data-tip') ?? '';
    tip.hidden = false;
    const box = mark.getBoundingClientRect();
    const host = figure.getBoundingClientRect();
    const width = tip.offsetWidth;
    const centre = box.left + box.width / 2 - host.left;
    const left = Math.max(0, Math.min(host.width - width, centre - width / 2));
    const above = box.top - host.top - tip.offsetHeight - 6;
    tip.style.left = `${left}px`;
    tip.style.top = `${above >= 0 ? above : box.bottom - host.top + 6}px`;
  };
  const hide = () => {
    tip.hidden = true;
  };
  const markOf = (target: EventTarget | null) => (target instanceof Element ? target.closest(MARK) : null);

  canvas.addEventListener('pointerover', (event) => {
    const mark = markOf(event.target);
    if (mark) show(mark);
  });
  canvas.addEventListener('pointerout', (event) => {
    if (markOf(event.target) && !markOf(event.relatedTarget)) hide();
  });
  canvas.addEventListener('focusin', (event) => {
    const mark = markOf(event.target);
    if (mark) show(mark);
  });
  canvas.addEventListener('focusout', hide);
  canvas.addEventListener('keydown', (event) => {
    const mark = markOf(event.target);
    if (!mark) return;
    if (event.key === 'Escape') return hide();
    const marks = [...canvas.querySelectorAll<SVGElement>(MARK)];
    const at = marks.indexOf(mark as SVGElement);
    const step: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -at, End: marks.length - 1 - at };
    if (!(event.key in step)) return;
    event.preventDefault();
    const next = marks[Math.max(0, Math.min(marks.length - 1, at + step[event.key]))];
    mark.setAttribute('tabindex', '-1');
    next.setAttribute('tabindex', '0');
    next.focus();
  });
}
