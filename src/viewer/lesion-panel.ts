// The side panel's lesions: the study's boxes grouped into lesions across CC and MLO ("Lesion 1: Mass, RCC + RMLO",
// src/lib/lesions/), one focusable entry per box; hovering or focusing an entry outlines that box and its
// counterpart in the other view of the breast. Works over pixels and over the schematic alike: the caller says
// where a box is on screen (LocateBox), this module draws the outlines over the view.

import { studyLesions } from '../lib/lesions/study-lesions.ts';
import type { BoxLink, Lesion, StudyLesions } from '../lib/lesions/lesion-links.ts';
import type { SampleImage } from '../lib/types.ts';
import { el } from '../components/page-dom.ts';
import { BOX_OUTLINE_PAD } from '../lib/viewer/box-geometry.ts';
import { HANGING_SLOTS } from '../lib/viewer/hanging.ts';

/** Where a box is drawn: the view's canvas element and the box's rectangle in its pixels (CSS px), or null. */
type LocateBox = (imageId: string, line: number) => { canvas: HTMLElement; rect: { left: number; top: number; width: number; height: number } } | null;

/**
 * A LocateBox over the page's four view cells: `boxRect` gives a box's rectangle relative to the view's canvas
 * (slot index in hanging order, CSV line), e.g. from dwv's image → screen mapping or from the schematic's SVG.
 */
export function cellLocator(
  cells: readonly HTMLElement[],
  slotImages: readonly (SampleImage | null)[],
  boxRect: (slot: number, line: number, canvas: HTMLElement) => { left: number; top: number; right: number; bottom: number } | null,
): LocateBox {
  return (imageId, line) => {
    const slot = slotImages.findIndex((image) => image?.imageId === imageId);
    const canvas = slot >= 0 ? cells[slot]?.querySelector<HTMLElement>('.viewer-canvas') : null;
    if (!canvas) return null;
    const r = boxRect(slot, line, canvas);
    return r ? { canvas, rect: { left: r.left, top: r.top, width: r.right - r.left, height: r.bottom - r.top } } : null;
  };
}

/** A schematic box's rectangle relative to its canvas, from the SVG as laid out. */
export function schematicBoxRect(canvas: HTMLElement, line: number): { left: number; top: number; right: number; bottom: number } | null {
  const rect = canvas.querySelector(`.schematic-box[data-line="${line}"] rect`);
  if (!rect) return null;
  const box = rect.getBoundingClientRect();
  const origin = canvas.getBoundingClientRect();
  return { left: box.left - origin.left, top: box.top - origin.top, right: box.right - origin.left, bottom: box.bottom - origin.top };
}

const OUTLINE_CLASS = 'viewer-lesion-outline';

function viewLabel(image: SampleImage | undefined): string {
  return HANGING_SLOTS.find((slot) => slot.laterality === image?.laterality && slot.view === image?.view)?.label ?? '?';
}

function clearOutlines(): void {
  for (const outline of document.querySelectorAll(`.${OUTLINE_CLASS}`)) outline.remove();
}

/** Outlines a box over its view: `role` says whether it is the focused box or its counterpart. */
function outline(locate: LocateBox, imageId: string, line: number, role: 'focused' | 'counterpart'): void {
  const where = locate(imageId, line);
  if (!where) return;
  const div = el('div', { className: `${OUTLINE_CLASS} pointer-events-none absolute z-[16] rounded-sm ${role === 'counterpart' ? 'border-4 border-dashed border-yellow-300' : 'border-2 border-white'}` });
  div.setAttribute('aria-hidden', 'true');
  div.dataset.role = role;
  div.dataset.imageId = imageId;
  div.dataset.line = String(line);
  // The outline sits just outside the box so the box's own colour stays visible.
  const pad = BOX_OUTLINE_PAD[role];
  div.style.left = `${where.rect.left - pad}px`;
  div.style.top = `${where.rect.top - pad}px`;
  div.style.width = `${where.rect.width + 2 * pad}px`;
  div.style.height = `${where.rect.height + 2 * pad}px`;
  (where.canvas.parentElement ?? where.canvas).append(div);
}

/** Where a box's pixel spacing came from, as the title of its entry says it. */
const SPACING_SOURCE: Record<BoxLink['spacing']['source'], string> = {
  dicom: 'DICOM header',
  metadata: 'metadata.csv',
  vendor: "vendor's usual spacing",
  assumed: 'assumed spacing (vendor unknown)',
};

function boxEntry(link: BoxLink, images: ReadonlyMap<string, SampleImage>, locate: LocateBox): HTMLLIElement {
  const image = images.get(link.imageId);
  const box = image?.boxes.find((b) => b.line === link.line);
  const counterpart = link.counterpart;
  const partner = counterpart ? images.get(counterpart.imageId) : undefined;
  const detail = el('span', {
    className: 'block text-xs text-slate-700 dark:text-slate-300',
    text: counterpart
      ? `↔ ${viewLabel(partner)} line ${counterpart.line} (${counterpart.differenceMm.toFixed(0)} mm apart in depth)`
      : 'no box of its categories in the other view',
  });
  const button = el(
    'button',
    { className: 'viewer-lesion-box w-full rounded px-1 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-slate-800' },
    `${viewLabel(image)}: ${box?.categories.join(' + ') ?? ''} · line ${link.line} · ${link.chestWallMm.toFixed(0)} mm from the chest wall`,
    detail,
  );
  button.type = 'button';
  button.dataset.imageId = link.imageId;
  button.dataset.line = String(link.line);
  button.title = `${link.spacing.mm} mm/px from the ${SPACING_SOURCE[link.spacing.source]}`;
  const show = () => {
    clearOutlines();
    outline(locate, link.imageId, link.line, 'focused');
    if (counterpart) outline(locate, counterpart.imageId, counterpart.line, 'counterpart');
  };
  button.addEventListener('mouseenter', show);
  button.addEventListener('focus', show);
  button.addEventListener('mouseleave', () => {
    if (document.activeElement !== button) clearOutlines();
  });
  button.addEventListener('blur', clearOutlines);
  return el('li', {}, button);
}

function lesionItem(lesion: Lesion, links: readonly BoxLink[], images: ReadonlyMap<string, SampleImage>, locate: LocateBox): HTMLLIElement {
  const boxes = links.filter((l) => l.lesion === lesion.number).map((link) => boxEntry(link, images, locate));
  const item = el('li', {}, el('div', { className: 'font-medium', text: lesion.label }), el('ul', { className: 'ml-2 mt-1 space-y-1' }, ...boxes));
  item.dataset.lesion = String(lesion.number);
  return item;
}

/** Appends the Lesions section to the side panel (call after each renderDetails, which empties it). */
export function renderLesions(details: HTMLElement, study: { images: readonly SampleImage[]; lesions?: StudyLesions }, locate: LocateBox): void {
  clearOutlines();
  const { links, lesions } = study.lesions ?? studyLesions(study.images);
  const images = new Map(study.images.map((image) => [image.imageId, image]));
  const items = lesions.length > 0 ? lesions.map((lesion) => lesionItem(lesion, links, images, locate)) : [el('li', { text: 'No boxes, no lesions.' })];
  const section = el(
    'section',
    { className: 'viewer-lesions' },
    el('h2', { className: 'font-semibold', text: 'Lesions (CC ↔ MLO)' }),
    el('p', {
      className: 'text-xs text-slate-700 dark:text-slate-300',
      text: 'Boxes of the other view of the same breast sharing a category, paired by the closest depth from the chest wall. Hover or focus a box to outline it (white) and its counterpart (dashed yellow).',
    }),
    el('ul', { className: 'mt-1 space-y-2' }, ...items),
  );
  // After the Findings section: the first thing after the breasts is what was found, then how it pairs up.
  const findings = details.children[1];
  if (findings) findings.after(section);
  else details.append(section);
}
