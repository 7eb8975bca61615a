// The four-view viewer: fills the page's fixed hanging (src/pages/viewer/index.astro) with one dwv view per slot,
// hides the build-time preview (previews.ts) once full resolution is drawn, overlays the boxes, and wires the
// legend, the tools and the keyboard. Each view fails on its own: a missing or broken file is a message in that
// view only.
//
//   const viewer = createViewer(document.getElementById('main')!, study, { files, previews });
//   …; viewer.destroy();

import { HANGING_SLOTS, hangImages } from '../lib/viewer/hanging.ts';
import type { SampleImage, SampleStudy } from '../lib/types.ts';
import { addBoxes, applyBoxVisibility, type DrawnBox } from './annotations.ts';
import { DwvView, type LoadedInfo, type Tool } from './dwv-view.ts';
import type { FileResult, PreviewManifest } from './prefetch.ts';
import { fetchFile } from './prefetch.ts';
import { renderDetails, renderLegend, studyCategories, type ImageFacts } from './side-panel.ts';
import { renderViewMessage } from './view-message.ts';

export interface ViewerOptions {
  /** Already-started fetches by image URL; missing URLs are fetched on demand. */
  files?: ReadonlyMap<string, Promise<FileResult>>;
  previews?: PreviewManifest;
}

export type ViewState = 'empty' | 'loading' | 'preview' | 'ready' | 'error';

interface Slot {
  index: number;
  cell: HTMLElement;
  container: HTMLElement;
  preview: HTMLImageElement;
  message: HTMLElement;
  presetSelect: HTMLSelectElement;
  image: SampleImage | null;
  view: DwvView | null;
  info: LoadedInfo | null;
  drawn: DrawnBox[];
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

function setState(slot: Slot, state: ViewState): void {
  slot.cell.dataset.state = state;
}

export function createViewer(root: HTMLElement, study: SampleStudy, options: ViewerOptions = {}): Viewer {
  const cells = [...root.querySelectorAll<HTMLElement>('.viewer-cell')];
  const { slots: images, extra } = hangImages(study.images);
  const facts = new Map<string, ImageFacts>();
  const details = root.querySelector<HTMLElement>('#viewer-details');
  const legend = root.querySelector<HTMLElement>('#viewer-legend');
  const status = root.querySelector<HTMLElement>('#viewer-status');
  const hidden = new Set<string>();
  let boxesOn = true;
  let enlarged: number | null = null;
  let destroyed = false;
  const cleanups: (() => void)[] = [];

  const slots: Slot[] = cells.map((cell, index) => ({
    index,
    cell,
    container: cell.querySelector<HTMLElement>('.viewer-canvas')!,
    preview: cell.querySelector<HTMLImageElement>('.viewer-preview')!,
    message: cell.querySelector<HTMLElement>('.viewer-message')!,
    presetSelect: cell.querySelector<HTMLSelectElement>('.viewer-preset')!,
    image: images[index] ?? null,
    view: null,
    info: null,
    drawn: [],
  }));

  const refreshDetails = () => {
    if (details) renderDetails(details, study, facts);
  };
  refreshDetails();
  if (legend) {
    renderLegend(legend, studyCategories(study), (category, visible) => {
      if (visible) hidden.delete(category);
      else hidden.add(category);
      applyVisibility();
    });
  }

  function applyVisibility(): void {
    for (const slot of slots) if (slot.view && slot.drawn.length > 0) applyBoxVisibility(slot.view, slot.drawn, boxesOn, hidden);
  }

  function fail(slot: Slot, reason: string, detail: string | null = null): void {
    const label = HANGING_SLOTS[slot.index].label;
    renderViewMessage(slot.message, label, reason, detail);
    slot.message.classList.remove('hidden');
    slot.preview.classList.add('hidden');
    setState(slot, 'error');
    if (slot.image) {
      facts.set(slot.image.imageId, { ...facts.get(slot.image.imageId), error: reason });
      refreshDetails();
    }
  }

  function fillPresets(slot: Slot, info: LoadedInfo): void {
    const select = slot.presetSelect;
    select.replaceChildren();
    for (const preset of info.presets) {
      const option = document.createElement('option');
      option.value = preset.name;
      option.textContent = preset.name;
      select.append(option);
    }
    if (info.presets.length > 0) {
      select.disabled = false;
      select.classList.remove('hidden');
      const onChange = () => slot.view?.setPreset(select.value);
      select.addEventListener('change', onChange);
    }
  }

  async function loadSlot(slot: Slot): Promise<void> {
    const image = slot.image;
    const label = HANGING_SLOTS[slot.index].label;
    if (!image) {
      slot.message.textContent = `${label}: this study has no ${label} image.`;
      slot.message.classList.remove('hidden', 'bg-red-900/90');
      slot.message.classList.add('bg-slate-700/90');
      slot.message.setAttribute('role', 'note');
      setState(slot, 'empty');
      return;
    }
    if (slot.cell.dataset.state !== 'preview') setState(slot, 'loading');
    const file = await (options.files?.get(image.url) ?? fetchFile(image.url));
    if (destroyed) return;
    if (!file.ok) return fail(slot, file.reason);
    performance.mark(`viewer:file:${slot.index}`);
    const view = new DwvView(slot.container);
    slot.view = view;
    try {
      const stored = options.previews?.images[image.imageId]?.chestWall;
      const info = await view.load(file.buffer, HANGING_SLOTS[slot.index].chestWall, stored);
      if (destroyed) return;
      slot.info = info;
      slot.drawn = addBoxes(view, image.boxes, info.columns, info.rows).drawn;
      applyBoxVisibility(view, slot.drawn, boxesOn, hidden);
      view.setTool(currentTool);
      fillPresets(slot, info);
      slot.preview.classList.add('hidden');
      setState(slot, 'ready');
      requestAnimationFrame(() => performance.mark(`viewer:ready:${slot.index}`));
      facts.set(image.imageId, {
        transferSyntax: info.transferSyntax,
        presets: info.presets.map((p) => p.name).join('; '),
        flipped: info.flipped,
        paddedPixels: info.paddedPixels,
      });
      refreshDetails();
    } catch (error) {
      if (!destroyed) fail(slot, error instanceof Error ? error.message : String(error), (error as { detail?: string | null }).detail ?? null);
    }
  }

  let currentTool: Tool = 'ZoomAndPan';

  function enlarge(index: number | null): void {
    enlarged = index;
    for (const slot of slots) {
      const on = index === slot.index;
      slot.cell.classList.toggle('col-span-2', on);
      slot.cell.classList.toggle('hidden', index !== null && !on);
      const frame = slot.cell.querySelector('.viewer-frame');
      frame?.classList.toggle('h-[clamp(16rem,40vh,34rem)]', !on);
      frame?.classList.toggle('h-[78vh]', on);
      slot.container.setAttribute('aria-label', `${HANGING_SLOTS[slot.index].label} view, ${on ? 'press Escape for all four views' : 'press Enter to enlarge'}`);
    }
    // Refit after the browser has applied the new layout.
    requestAnimationFrame(() => {
      fitVisible();
      if (index !== null) slots[index].container.focus();
    });
  }

  // A click (not a drag) on a view enlarges it.
  for (const slot of slots) {
    let down: { x: number; y: number } | null = null;
    const onDown = (e: PointerEvent) => {
      down = { x: e.clientX, y: e.clientY };
    };
    const onUp = (e: PointerEvent) => {
      if (down && Math.hypot(e.clientX - down.x, e.clientY - down.y) < 4 && enlarged === null && slot.image) enlarge(slot.index);
      down = null;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && slot.image) {
        e.preventDefault();
        enlarge(enlarged === slot.index ? null : slot.index);
      }
    };
    slot.container.addEventListener('pointerdown', onDown);
    slot.container.addEventListener('pointerup', onUp);
    slot.container.addEventListener('keydown', onKey);
    cleanups.push(() => {
      slot.container.removeEventListener('pointerdown', onDown);
      slot.container.removeEventListener('pointerup', onUp);
      slot.container.removeEventListener('keydown', onKey);
    });
  }

  // dwv refuses (and logs) a fit into a hidden, zero-sized container: only visible views are refitted.
  function fitVisible(): void {
    for (const slot of slots) if (slot.cell.dataset.state === 'ready' && slot.container.offsetWidth > 0) slot.view?.fit();
  }
  const onResize = () => fitVisible();
  window.addEventListener('resize', onResize);
  cleanups.push(() => window.removeEventListener('resize', onResize));

  if (extra.length > 0 && status) {
    status.textContent = `This study has ${extra.length} more image(s) than the four views show: ${extra.map((i) => `${i.laterality}${i.view} ${i.imageId}`).join(', ')}.`;
  }

  // Settled one frame after the last view: its 'viewer:ready' mark (taken at the next frame) is then recorded.
  const settled = Promise.all(slots.map((slot) => loadSlot(slot))).then(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));

  return {
    view: (i) => (slots[i]?.cell.dataset.state === 'ready' ? slots[i].view : null),
    state: (i) => (slots[i]?.cell.dataset.state as ViewState | undefined) ?? 'empty',
    drawnBoxes: (i) => slots[i]?.drawn ?? [],
    info: (i) => slots[i]?.info ?? null,
    settled,
    setBoxesVisible(visible) {
      boxesOn = visible;
      applyVisibility();
    },
    setTool(tool) {
      currentTool = tool;
      for (const slot of slots) slot.view?.setTool(tool);
    },
    enlarge,
    reset() {
      for (const slot of slots) slot.view?.reset(slot.info?.presets[0]);
      for (const slot of slots) {
        if (slot.info?.presets[0]) slot.presetSelect.value = slot.info.presets[0].name;
      }
    },
    destroy() {
      destroyed = true;
      for (const cleanup of cleanups) cleanup();
      for (const slot of slots) slot.view?.destroy();
    },
  };
}
