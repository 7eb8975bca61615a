// The viewer without pixels: fills the same four-view hanging with an SVG schematic per view — the CSV's
// height × width as an outline (the SVG's viewBox is the image's pixel grid, so each box sits exactly where the CSV
// puts it at any size), the chest wall on the inner edge, the boxes in the shared palette with the same labels as
// over the pixels — and wires the legend toggles, `b` (via setBoxesVisible) and enlarging. No dwv here.
//
//   const schematic = createSchematic(document.getElementById('main')!, record);

import { cellLocator, renderLesions, schematicBoxRect } from './lesion-panel.ts';
import { BOX_OUTLINE_REACH } from '../lib/viewer/box-geometry.ts';
import { HANGING_SLOTS, hangImages } from '../lib/viewer/hanging.ts';
import { placeLabels } from '../lib/viewer/label-placement.ts';
import { schematicView, type SchematicView } from '../lib/viewer/schematic-geometry.ts';
import { colorOf } from '../lib/palette.ts';
import type { StudyViewerRecord } from '../lib/studies/study-chunks.ts';
import { bindEnlarge, layoutCell } from './cell-layout.ts';
import { renderDetails, renderLegend, studyCategories } from './side-panel.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** The schematic's box labels: drawn once, so the review's tags keep clear of them (review-overlay.ts). */
export const SCHEMATIC_LABEL_CLASS = 'schematic-label';
const OUTLINE_FILL = '#0b1118';
const OUTLINE_STROKE = '#64748b';
const CHEST_WALL_STROKE = '#cbd5e1';
const CAPTION_FILL = '#cbd5e1';

export interface Schematic {
  /** Per slot the geometry drawn (null for a slot the study has no image for). */
  view(index: number): SchematicView | null;
  setBoxesVisible(visible: boolean): void;
  enlarge(index: number | null): void;
  destroy(): void;
}

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/** Outline units per screen pixel in `container` (the SVG fits it whole), or, before layout, as the grid usually shows it. */
function unitsPerPixel(container: HTMLElement, width: number, height: number, font: number): number {
  const scale = Math.min(container.clientWidth / width, container.clientHeight / height);
  return scale > 0 ? 1 / scale : font / 11;
}

/**
 * One view's SVG: outline, chest-wall edge, size caption, and one group (rectangle + label) per drawable box.
 * `container`'s size converts the outlines' screen-pixel margin (BOX_OUTLINE_REACH) to outline units; enlarging
 * the view only widens that margin on screen.
 */
function drawSchematicView(view: SchematicView, label: string, container: HTMLElement): SVGSVGElement {
  const { width, height } = view;
  // Text in outline units: about 3 % of the longer side reads as ~11 px in the four-view layout.
  const font = Math.max(width, height) * 0.03;
  const pixel = unitsPerPixel(container, width, height, font);
  const svg = svgEl('svg', {
    viewBox: `0 0 ${width} ${height}`,
    // Chest wall against the inner edge, as the pixel viewer aligns it.
    preserveAspectRatio: `${view.chestWall === 'right' ? 'xMax' : 'xMin'}YMid meet`,
    class: 'viewer-schematic absolute inset-0 h-full w-full',
    role: 'img',
    'aria-label': `${label}: outline ${height} × ${width} px from the CSV, ${view.boxes.length === 0 ? 'no boxes' : `${view.boxes.length} box(es)`}, chest wall on the ${view.chestWall}`,
  });
  svg.append(svgEl('rect', { x: 0, y: 0, width, height, fill: OUTLINE_FILL, stroke: OUTLINE_STROKE, 'stroke-width': 2, 'vector-effect': 'non-scaling-stroke', class: 'schematic-outline' }));
  const wallX = view.chestWall === 'right' ? width : 0;
  svg.append(svgEl('line', { x1: wallX, y1: 0, x2: wallX, y2: height, stroke: CHEST_WALL_STROKE, 'stroke-width': 5, 'vector-effect': 'non-scaling-stroke', class: 'schematic-chest-wall' }));
  // Along the chest-wall edge, mid-height, reading upwards (the view's name sits in the top corner).
  const wallTextX = view.chestWall === 'right' ? width - font * 0.5 : font * 1.2;
  const wallText = svgEl('text', {
    x: wallTextX,
    y: height / 2,
    'text-anchor': 'middle',
    'font-size': font,
    fill: CAPTION_FILL,
    transform: `rotate(-90 ${wallTextX} ${height / 2})`,
  });
  wallText.textContent = 'chest wall';
  const sizeText = svgEl('text', { x: width / 2, y: height - font * 0.6, 'text-anchor': 'middle', 'font-size': font, fill: CAPTION_FILL });
  sizeText.textContent = `${height} × ${width} px (CSV)`;
  svg.append(wallText, sizeText);

  // The labels are placed as over pixels (label-placement.ts), in outline units: off the other boxes, each other and
  // the captions, outside every box's outline margin (a focus or review outline drawn over the schematic covers no
  // label) and inside the outline. A glyph is ~0.6 em wide; a text's box reaches ~0.95 em above its baseline and
  // ~0.55 em below it.
  const textWidth = (text: string) => text.length * font * 0.6;
  const captions = [
    { left: wallTextX - font * 0.95, right: wallTextX + font * 0.55, top: height / 2 - textWidth(wallText.textContent) / 2, bottom: height / 2 + textWidth(wallText.textContent) / 2 },
    { left: (width - textWidth(sizeText.textContent)) / 2, right: (width + textWidth(sizeText.textContent)) / 2, top: height - font * 1.55, bottom: height },
  ];
  const drawn = view.boxes.filter((box) => box.drawn !== null);
  const spots = placeLabels(
    { width, height },
    drawn.map(({ drawn: d, label: text }) => ({ box: { left: d!.xmin, top: d!.ymin, right: d!.xmax, bottom: d!.ymax }, width: textWidth(text), height: font * 1.55 })),
    { obstacles: captions, gap: 2 * pixel, reach: BOX_OUTLINE_REACH * pixel },
  );
  drawn.forEach((box, i) => {
    const colour = colorOf('finding', box.source.categories[0] ?? '');
    const group = svgEl('g', { class: 'schematic-box', 'data-categories': box.source.categories.join('|'), 'data-line': box.source.line });
    const { xmin, ymin, xmax, ymax } = box.drawn!;
    group.append(svgEl('rect', {
      x: xmin, y: ymin, width: xmax - xmin, height: ymax - ymin,
      fill: 'none', stroke: colour, 'stroke-width': 2, 'vector-effect': 'non-scaling-stroke',
      ...(box.clipped ? { 'stroke-dasharray': '6 3' } : {}),
    }));
    // A dark halo keeps it legible over the outline and the boxes.
    const spot = spots[i] ?? { left: xmin, top: ymin };
    const text = svgEl('text', {
      class: SCHEMATIC_LABEL_CLASS,
      x: spot.left, y: spot.top + font * 0.95, 'font-size': font, fill: colour,
      stroke: '#000', 'stroke-width': font * 0.18, 'paint-order': 'stroke',
    });
    text.textContent = box.label;
    group.append(text);
    svg.append(group);
  });
  return svg;
}

export function createSchematic(root: HTMLElement, record: StudyViewerRecord): Schematic {
  const { slots: images } = hangImages(record.images);
  const cells = [...root.querySelectorAll<HTMLElement>('.viewer-cell')];
  const hidden = new Set<string>();
  let boxesOn = true;
  let enlarged: number | null = null;
  const cleanups: (() => void)[] = [];
  const views: (SchematicView | null)[] = [];

  cells.forEach((cell, index) => {
    const slot = HANGING_SLOTS[index];
    const image = images[index] ?? null;
    const container = cell.querySelector<HTMLElement>('.viewer-canvas')!;
    cell.querySelector('.viewer-preset')?.classList.add('hidden');
    if (!image) {
      views.push(null);
      const message = cell.querySelector<HTMLElement>('.viewer-message')!;
      message.textContent = `${slot.label}: this study has no ${slot.label} image.`;
      message.classList.remove('hidden', 'bg-red-900/90');
      message.classList.add('bg-slate-700/90');
      message.setAttribute('role', 'note');
      cell.dataset.state = 'empty';
      return;
    }
    const view = schematicView(image, slot.chestWall, null);
    views.push(view);
    container.replaceChildren(drawSchematicView(view, slot.label, container));
    const outside = view.boxes.filter((b) => !b.drawn);
    if (outside.length > 0) {
      const note = cell.querySelector<HTMLElement>('.viewer-note');
      if (note) {
        note.textContent = `⚠ ${outside.length === 1 ? 'One box lies' : `${outside.length} boxes lie`} wholly outside the CSV's ${image.rows} × ${image.columns} (CSV line ${outside.map((b) => b.source.line).join(', ')}): listed in the side panel.`;
        note.classList.remove('hidden');
      }
    }
    cell.dataset.state = 'schematic';
    cleanups.push(bindEnlarge(container, () => true, () => enlarged !== null, () => enlarge(enlarged === index ? null : index)));
  });

  function applyVisibility(): void {
    for (const group of root.querySelectorAll<SVGGElement>('.viewer-schematic .schematic-box')) {
      const categories = (group.dataset.categories ?? '').split('|');
      const visible = boxesOn && categories.some((c) => !hidden.has(c));
      group.setAttribute('visibility', visible ? 'visible' : 'hidden');
    }
  }

  function enlarge(index: number | null): void {
    enlarged = index;
    cells.forEach((cell, i) => layoutCell(cell, HANGING_SLOTS[i].label, index === i, index !== null && index !== i));
    if (index !== null) requestAnimationFrame(() => cells[index].querySelector<HTMLElement>('.viewer-canvas')?.focus());
  }

  const details = root.querySelector<HTMLElement>('#viewer-details');
  if (details) {
    renderDetails(details, record, new Map());
    renderLesions(details, record, cellLocator(cells, images, (_slot, line, canvas) => schematicBoxRect(canvas, line)));
  }
  const legend = root.querySelector<HTMLElement>('#viewer-legend');
  if (legend) {
    renderLegend(legend, studyCategories(record), (category, visible) => {
      if (visible) hidden.delete(category);
      else hidden.add(category);
      applyVisibility();
    });
  }
  applyVisibility();

  return {
    view: (i) => views[i] ?? null,
    setBoxesVisible(visible) {
      boxesOn = visible;
      applyVisibility();
    },
    enlarge,
    destroy() {
      for (const cleanup of cleanups) cleanup();
    },
  };
}
