// The four-view viewer: fills the page's fixed hanging (src/pages/viewer/index.astro) with one view slot per
// position (view-slot.ts: load, fail, presets, boxes), hides the build-time preview (previews.ts) once full
// resolution is drawn, and wires the legend, the side panel, enlarging, the tools and resizing. Each view fails on
// its own: a missing or broken file is a message in that view only.
//
//   const viewer = createViewer(document.getElementById('main')!, study, { files, previews });
//   …; viewer.destroy();

import { hangImages } from '../lib/viewer/hanging.ts';
import type { SampleStudy } from '../lib/types.ts';
import type { DrawnBox } from './annotations.ts';
import type { DwvView, LoadedInfo, Tool } from './dwv-view.ts';
import type { FileResult, PreviewManifest } from './prefetch.ts';
import { fetchDicom } from './fetch-file.ts';
import { boxToScreen } from '../lib/viewer/box-geometry.ts';
import { cellLocator, renderLesions } from './lesion-panel.ts';
import { renderDetails, renderLegend, studyCategories, type LoadedImageFacts } from './side-panel.ts';
import { bindEnlarge } from './cell-layout.ts';
import { ViewSlot, type ViewState } from './view-slot.ts';

export type { ViewState };

interface ViewerOptions {
  /** Already-started fetches by image URL; missing URLs are fetched on demand. */
  files?: ReadonlyMap<string, Promise<FileResult>>;
  previews?: PreviewManifest;
}

export interface Viewer {
  /** Per slot (RCC, LCC, RMLO, LMLO) the dwv view once drawn, for tests and the bench. */
  view(index: number): DwvView | null;
  state(index: number): ViewState;
  drawnBoxes(index: number): readonly DrawnBox[];
  /** What the file said once drawn (size, transfer syntax, presets, flip), or null. */
  info(index: number): LoadedInfo | null;
  /** Resolves when every slot is drawn or has failed. */
  settled: Promise<void>;
  setBoxesVisible(visible: boolean): void;
  setTool(tool: Tool): void;
  enlarge(index: number | null): void;
  reset(): void;
  destroy(): void;
}

export function createViewer(root: HTMLElement, study: SampleStudy, options: ViewerOptions = {}): Viewer {
  const { slots: images, extra } = hangImages(study.images);
  const facts = new Map<string, LoadedImageFacts>();
  const details = root.querySelector<HTMLElement>('#viewer-details');
  const legend = root.querySelector<HTMLElement>('#viewer-legend');
  const status = root.querySelector<HTMLElement>('#viewer-status');
  const boxes = { on: true, hidden: new Set<string>() };
  let tool: Tool = 'ZoomAndPan';
  let enlarged: number | null = null;
  const cleanups: (() => void)[] = [];

  const cells = [...root.querySelectorAll<HTMLElement>('.viewer-cell')];
  // Where a drawn box is on screen: dwv's image → container mapping, as the box labels use it.
  const locate = cellLocator(cells, images, (slot, line) => {
    const view = slots[slot]?.state === 'ready' ? slots[slot].view : null;
    const drawn = slots[slot]?.drawn.find((box) => box.line === line);
    return view && drawn ? boxToScreen(drawn.drawn, view.imageToContainer()) : null;
  });
  const refreshDetails = () => {
    if (details) {
      renderDetails(details, study, facts);
      renderLesions(details, study, locate);
    }
  };
  const onFacts = (imageId: string, next: LoadedImageFacts) => {
    facts.set(imageId, { ...facts.get(imageId), ...next });
    refreshDetails();
  };
  const slots = cells.map((cell, index) => new ViewSlot(cell, index, images[index] ?? null, onFacts));
  const applyVisibility = () => {
    for (const slot of slots) slot.applyBoxVisibility(boxes.on, boxes.hidden);
  };

  refreshDetails();
  if (legend) {
    renderLegend(legend, studyCategories(study), (category, visible) => {
      if (visible) boxes.hidden.delete(category);
      else boxes.hidden.add(category);
      applyVisibility();
    });
  }

  const fitVisible = () => {
    for (const slot of slots) slot.fit();
  };

  function enlarge(index: number | null): void {
    enlarged = index;
    for (const slot of slots) slot.layout(index === slot.index, index !== null && index !== slot.index);
    // Refit after the browser has applied the new layout.
    requestAnimationFrame(() => {
      fitVisible();
      if (index !== null) slots[index].container.focus();
    });
  }

  // A click (not a drag) on a view enlarges it; Enter toggles.
  for (const slot of slots) {
    cleanups.push(bindEnlarge(slot.container, () => slot.image !== null, () => enlarged !== null, () => enlarge(enlarged === slot.index ? null : slot.index)));
  }

  window.addEventListener('resize', fitVisible);
  cleanups.push(() => window.removeEventListener('resize', fitVisible));

  if (extra.length > 0 && status) {
    status.textContent = `This study has ${extra.length} more image(s) than the four views show: ${extra.map((i) => `${i.laterality}${i.view} ${i.imageId}`).join(', ')}.`;
  }

  const loads = slots.map((slot) => (slot.image ? slot.load(options.files?.get(slot.image.url) ?? fetchDicom(slot.image.url), options.previews, boxes, () => tool) : slot.showEmpty()));
  // Settled one frame after the last view's boxes, so that they are on screen too.
  const settled = Promise.all(loads).then(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));

  return {
    view: (i) => (slots[i]?.state === 'ready' ? slots[i].view : null),
    state: (i) => slots[i]?.state ?? 'empty',
    drawnBoxes: (i) => slots[i]?.drawn ?? [],
    info: (i) => slots[i]?.info ?? null,
    settled,
    setBoxesVisible(visible) {
      boxes.on = visible;
      applyVisibility();
    },
    setTool(next) {
      tool = next;
      for (const slot of slots) slot.setTool(next);
    },
    enlarge,
    reset() {
      for (const slot of slots) slot.reset();
    },
    destroy() {
      for (const cleanup of cleanups) cleanup();
      for (const slot of slots) slot.destroy();
    },
  };
}
