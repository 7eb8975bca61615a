// The viewer's side panel and legend, as DOM built from the study (no dwv here): each breast's BI-RADS and density,
// each finding with its box coordinates, each image's size and vendor, and one toggle per finding category.

import { clipBox, formatBox } from '../lib/viewer/box-geometry.ts';
import { HANGING_SLOTS } from '../lib/viewer/hanging.ts';
import { colorOf } from '../lib/palette.ts';
import type { SampleImage, SampleStudy } from '../lib/types.ts';
import { SHORT_CATEGORY } from '../lib/viewer/box-label.ts';
import { FINDING_CATEGORIES } from '../lib/vocabulary.ts';
import { transferSyntaxLabel } from '../lib/dicom/transfer-syntax.ts';

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A colour swatch as SVG: a presentation attribute, not a style attribute, so the CSP has nothing to block. */
function swatch(colour: string): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '12');
  svg.setAttribute('height', '12');
  svg.setAttribute('aria-hidden', 'true');
  const rect = document.createElementNS(SVG, 'rect');
  rect.setAttribute('width', '12');
  rect.setAttribute('height', '12');
  rect.setAttribute('rx', '2');
  rect.setAttribute('fill', colour);
  svg.append(rect);
  return svg;
}

/** The study's categories, vocabulary order first, unknown spellings after (alphabetically). */
export function studyCategories(study: SampleStudy): string[] {
  const seen = new Set<string>();
  for (const image of study.images) for (const box of image.boxes) for (const c of box.categories) seen.add(c);
  const known = FINDING_CATEGORIES.filter((c) => seen.has(c));
  const unknown = [...seen].filter((c) => !FINDING_CATEGORIES.includes(c)).sort();
  return [...known, ...unknown];
}

/** Fills the legend with one toggle button per category; `onToggle` gets the category and its new visibility. */
export function renderLegend(list: HTMLElement, categories: readonly string[], onToggle: (category: string, visible: boolean) => void): void {
  list.replaceChildren();
  const note = list.parentElement?.querySelector('.viewer-legend-note');
  if (note) note.textContent = 'Box labels: category · finding BI-RADS (B3–B5); ✂ marks a box cut at the image edge. Click a category to hide or show its boxes.';
  if (categories.length === 0) {
    list.append(el('li', 'No boxes in this study.', 'text-slate-700 dark:text-slate-300'));
    return;
  }
  for (const category of categories) {
    const button = el('button', undefined, 'flex w-full items-center gap-2 rounded px-1 text-left hover:bg-slate-100 aria-[pressed=false]:opacity-60 dark:hover:bg-slate-800');
    button.type = 'button';
    button.setAttribute('aria-pressed', 'true');
    button.dataset.category = category;
    const short = SHORT_CATEGORY[category];
    button.append(swatch(colorOf('finding', category)), el('span', short && short !== category ? `${category} (${short})` : category));
    button.addEventListener('click', () => {
      const visible = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', String(visible));
      onToggle(category, visible);
    });
    const item = el('li');
    item.append(button);
    list.append(item);
  }
}

function breastSummary(images: readonly SampleImage[], laterality: 'L' | 'R'): string {
  const mine = images.filter((i) => i.laterality === laterality);
  if (mine.length === 0) return 'no image';
  const birads = [...new Set(mine.map((i) => i.birads))];
  const density = [...new Set(mine.map((i) => i.density))];
  const disagree = birads.length > 1 || density.length > 1 ? ' (its images disagree)' : '';
  return `BI-RADS ${birads.join(' / ')}, density ${density.join(' / ')}${disagree}`;
}

/** Per image: what the file says once loaded (filled in by the viewer). */
export interface LoadedImageFacts {
  transferSyntax?: string | null;
  presets?: string;
  flipped?: boolean;
  paddedPixels?: number;
  error?: string;
  /** The file's size when it is not the CSV's height × width. */
  dicomSize?: { rows: number; columns: number };
  /** CSV lines of boxes with no part inside the file's pixels (listed, never dropped). */
  outsideLines?: number[];
}

export function renderDetails(root: HTMLElement, study: SampleStudy, facts: ReadonlyMap<string, LoadedImageFacts>): void {
  root.replaceChildren();
  const breasts = el('section');
  breasts.append(el('h2', 'Breasts', 'font-semibold'));
  const dl = el('dl', undefined, 'mt-1 grid grid-cols-[auto_1fr] gap-x-2');
  for (const [lat, name] of [['R', 'Right'], ['L', 'Left']] as const) dl.append(el('dt', name, 'font-medium'), el('dd', breastSummary(study.images, lat)));
  breasts.append(dl);
  const meta = el('p', `${study.split === 'training' ? 'Training' : 'Test'} split${study.ageYears !== null ? ` · age ${study.ageYears}` : ''}`, 'mt-1 text-slate-700 dark:text-slate-300');
  breasts.append(meta);

  const findings = el('section');
  findings.append(el('h2', 'Findings', 'font-semibold'));
  const list = el('ul', undefined, 'mt-1 space-y-2');
  for (const slot of HANGING_SLOTS) {
    for (const image of study.images.filter((i) => i.laterality === slot.laterality && i.view === slot.view)) {
      for (const box of image.boxes) {
        const item = el('li', undefined, 'flex gap-2');
        item.append(swatch(colorOf('finding', box.categories[0] ?? '')));
        const text = el('div');
        const birads = box.findingBirads === 'none' ? 'no BI-RADS' : `BI-RADS ${box.findingBirads}`;
        text.append(el('div', `${slot.label}: ${box.categories.join(' + ')} · ${birads}`, 'font-medium'));
        text.append(el('div', `box ${formatBox(box.box)} px · CSV line ${box.line}`, 'font-mono text-xs'));
        if (box.outOfBounds) {
          const inside = clipBox(box.box, image.columns, image.rows) !== null;
          const text2 = inside ? '✂ runs outside the image: drawn clipped' : '⚠ wholly outside the image (CSV size): not drawn';
          text.append(el('div', text2, 'text-xs text-amber-800 dark:text-amber-300'));
        }
        const dicom = facts.get(image.imageId)?.dicomSize;
        if (dicom && facts.get(image.imageId)?.outsideLines?.includes(box.line)) {
          const note = el('div', `⚠ outside this DICOM's ${dicom.rows} × ${dicom.columns} px: not drawn on the image`, 'viewer-outside-box text-xs font-medium text-red-800 dark:text-red-300');
          text.append(note);
        }
        item.append(text);
        list.append(item);
      }
    }
  }
  if (list.childElementCount === 0) list.append(el('li', 'No findings (no boxes).'));
  findings.append(list);

  const imagesSection = el('section');
  imagesSection.append(el('h2', 'Images', 'font-semibold'));
  const imageList = el('ul', undefined, 'mt-1 space-y-2');
  for (const image of study.images) {
    const f = facts.get(image.imageId) ?? {};
    const item = el('li');
    item.append(el('div', `${image.laterality}${image.view} · ${image.rows} × ${image.columns} px (rows × columns)`, 'font-medium'));
    item.append(el('div', [image.vendor ?? 'vendor unknown', image.model, image.photometric].filter(Boolean).join(' · ')));
    const extra = [
      f.transferSyntax ? `transfer syntax ${transferSyntaxLabel(f.transferSyntax)}` : null,
      f.presets ? `window ${f.presets}` : null,
      f.flipped ? 'mirrored for the hanging' : null,
      f.paddedPixels ? `${f.paddedPixels.toLocaleString('en')} padding pixels shown as background` : null,
    ].filter(Boolean);
    if (extra.length > 0) item.append(el('div', extra.join(' · '), 'text-xs text-slate-700 dark:text-slate-300'));
    if (f.dicomSize) {
      const warning = `⚠ the DICOM is ${f.dicomSize.rows} × ${f.dicomSize.columns} px, not the CSV's ${image.rows} × ${image.columns}`;
      item.append(el('div', warning, 'text-xs font-medium text-red-800 dark:text-red-300'));
    }
    if (f.error) item.append(el('div', `Not displayed: ${f.error}`, 'text-xs text-red-800 dark:text-red-300'));
    item.append(el('div', image.imageId, 'font-mono text-xs break-all text-slate-700 dark:text-slate-300'));
    imageList.append(item);
  }
  imagesSection.append(imageList);
  root.append(breasts, findings, imagesSection);
}
