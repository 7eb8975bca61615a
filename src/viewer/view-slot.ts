// One view slot of the four-view hanging (RCC, LCC, RMLO, LMLO) as a unit with a surface: it loads its image's
// DICOM into a dwv view, shows why when it cannot, fills its window presets, draws the CSV's boxes and switches
// their visibility, and says when the file's size is not the CSV's (boxes stay where the CSV puts them; a box with
// no part inside the file's pixels is reported, never silently dropped). The viewer (viewer.ts) only orchestrates.

import { HANGING_SLOTS } from '../lib/viewer/hanging.ts';
import type { SampleBox, SampleImage } from '../lib/types.ts';
import { addBoxes, applyBoxVisibility, type DrawnBox } from './annotations.ts';
import { DwvView, type LoadedInfo, type Tool } from './dwv-view.ts';
import type { FileResult, PreviewManifest } from './prefetch.ts';
import { layoutCell } from './cell-layout.ts';
import { createDecodeSlots, needsDecoder } from '../lib/viewer/decode-slots.ts';
import { fileMetaTransferSyntax } from '../lib/dicom/part10.ts';
import type { LoadedImageFacts } from './side-panel.ts';
import { renderViewMessage } from './view-message.ts';
import { decodedJpeg2000File } from './jpeg2000-view.ts';

export type ViewState = 'empty' | 'loading' | 'preview' | 'ready' | 'error';

/** One set of decoder slots for the page's four views. */
const withDecodeSlot = createDecodeSlots(typeof navigator !== 'undefined' && navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2);

/** The file's size when it differs from the CSV's height × width, or null when they agree. */
function sizeMismatch(image: Pick<SampleImage, 'rows' | 'columns'>, info: Pick<LoadedInfo, 'rows' | 'columns'>): { rows: number; columns: number } | null {
  return image.rows === info.rows && image.columns === info.columns ? null : { rows: info.rows, columns: info.columns };
}

export class ViewSlot {
  readonly index: number;
  readonly label: string;
  readonly cell: HTMLElement;
  readonly container: HTMLElement;
  readonly image: SampleImage | null;
  view: DwvView | null = null;
  info: LoadedInfo | null = null;
  drawn: DrawnBox[] = [];
  /** Boxes with no part inside the file's pixels (only when the file's size is not the CSV's). */
  outside: SampleBox[] = [];
  private readonly preview: HTMLImageElement;
  private readonly message: HTMLElement;
  private readonly note: HTMLElement | null;
  private readonly presetSelect: HTMLSelectElement;
  private destroyed = false;

  /** `onFacts` receives what the file said (or why it failed) for the side panel. */
  constructor(cell: HTMLElement, index: number, image: SampleImage | null, private readonly onFacts: (imageId: string, facts: LoadedImageFacts) => void) {
    this.index = index;
    this.label = HANGING_SLOTS[index].label;
    this.cell = cell;
    this.image = image;
    this.container = cell.querySelector<HTMLElement>('.viewer-canvas')!;
    this.preview = cell.querySelector<HTMLImageElement>('.viewer-preview')!;
    this.message = cell.querySelector<HTMLElement>('.viewer-message')!;
    this.note = cell.querySelector<HTMLElement>('.viewer-note');
    this.presetSelect = cell.querySelector<HTMLSelectElement>('.viewer-preset')!;
  }

  get state(): ViewState {
    return (this.cell.dataset.state as ViewState | undefined) ?? 'empty';
  }

  private setState(state: ViewState): void {
    this.cell.dataset.state = state;
  }

  /** A slot the study has no image for: a grey note, not an error. */
  showEmpty(): void {
    this.message.textContent = `${this.label}: this study has no ${this.label} image.`;
    this.message.classList.remove('hidden', 'bg-red-900/90');
    this.message.classList.add('bg-slate-700/90');
    this.message.setAttribute('role', 'note');
    this.setState('empty');
  }

  /** A plain statement of what is wrong, with the library's own words (`detail`) behind a disclosure. */
  fail(reason: string, detail: string | null = null): void {
    renderViewMessage(this.message, this.label, reason, detail);
    this.message.classList.remove('hidden');
    this.preview.classList.add('hidden');
    this.setState('error');
    if (this.image) this.onFacts(this.image.imageId, { error: reason });
  }

  /** Loads `file` (already fetched or still on the wire) and draws it with its boxes. */
  async load(file: Promise<FileResult>, previews: PreviewManifest | undefined, boxes: { on: boolean; hidden: ReadonlySet<string> }, tool: () => Tool): Promise<void> {
    const image = this.image;
    if (!image) return this.showEmpty();
    if (this.state !== 'preview') this.setState('loading');
    const result = await file;
    if (this.destroyed) return;
    if (!result.ok) return this.fail(result.reason);
    performance.mark(`viewer:file:${this.index}`);
    const view = new DwvView(this.container);
    this.view = view;
    try {
      const stored = previews?.images[image.imageId]?.chestWall;
      const syntax = result.buffer.byteLength >= 132 ? fileMetaTransferSyntax(new Uint8Array(result.buffer)) : null;
      // A JPEG 2000 view is decoded by the page's own threads and reaches dwv uncompressed; the side panel still
      // names the file's own transfer syntax.
      const decoded = await decodedJpeg2000File(result.buffer, syntax);
      if (decoded) performance.mark(`viewer:decoded:${this.index}`);
      if (this.destroyed) return;
      const load = (buffer: ArrayBuffer) => view.load(buffer, HANGING_SLOTS[this.index].chestWall, stored);
      const info = decoded ? { ...(await load(decoded)), transferSyntax: syntax } : await (needsDecoder(syntax) ? withDecodeSlot(() => load(result.buffer)) : load(result.buffer));
      if (this.destroyed) return;
      this.info = info;
      this.preview.classList.add('hidden');
      // The image's frame first, then the boxes and their labels (built and placed once, after that paint): the
      // annotation layer and the labels' layout no longer hold the full-resolution image back.
      await new Promise<void>((resolve) =>
        requestAnimationFrame(() => {
          performance.mark(`viewer:ready:${this.index}`);
          setTimeout(resolve, 0);
        }),
      );
      if (this.destroyed) return;
      const added = addBoxes(view, image.boxes, info.columns, info.rows);
      this.drawn = added.drawn;
      this.outside = added.skipped;
      applyBoxVisibility(view, this.drawn, boxes.on, boxes.hidden);
      view.setTool(tool());
      this.fillPresets(info);
      this.setState('ready');
      requestAnimationFrame(() => performance.mark(`viewer:boxes:${this.index}`));
      const dicomSize = sizeMismatch(image, info);
      if (dicomSize) this.warnSize(image, dicomSize);
      this.onFacts(image.imageId, {
        transferSyntax: info.transferSyntax,
        presets: info.presets.map((p) => p.name).join('; '),
        flipped: info.flipped,
        paddedPixels: info.paddedPixels,
        dicomSize: dicomSize ?? undefined,
        outsideLines: this.outside.map((b) => b.line),
      });
    } catch (error) {
      if (!this.destroyed) this.fail(error instanceof Error ? error.message : String(error), (error as { detail?: string | null }).detail ?? null);
    }
  }

  /** The visible warning on this view: both sizes, and the boxes that fall outside the file's pixels. */
  private warnSize(image: SampleImage, dicom: { rows: number; columns: number }): void {
    if (!this.note) return;
    const outside = this.outside.length > 0
      ? ` ${this.outside.length === 1 ? 'One box falls' : `${this.outside.length} boxes fall`} outside the file's pixels (CSV line ${this.outside.map((b) => b.line).join(', ')}): listed in the side panel.`
      : '';
    this.note.textContent = `⚠ ${this.label}: the DICOM is ${dicom.rows} × ${dicom.columns} px but the CSV says ${image.rows} × ${image.columns} (rows × columns); boxes are drawn at the CSV's coordinates.${outside}`;
    this.note.classList.remove('hidden');
    this.cell.dataset.sizeMismatch = 'true';
  }

  private fillPresets(info: LoadedInfo): void {
    const select = this.presetSelect;
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
      select.addEventListener('change', () => this.view?.setPreset(select.value));
    }
  }

  applyBoxVisibility(on: boolean, hidden: ReadonlySet<string>): void {
    if (this.view && this.drawn.length > 0) applyBoxVisibility(this.view, this.drawn, on, hidden);
  }

  setTool(tool: Tool): void {
    this.view?.setTool(tool);
  }

  /** Enlarged (spans both columns, tall) or one of the four; `hidden` when another view is enlarged. */
  layout(enlarged: boolean, hidden: boolean): void {
    layoutCell(this.cell, this.label, enlarged, hidden);
  }

  /** dwv refuses (and logs) a fit into a hidden, zero-sized container: only a drawn, visible view is refitted. */
  fit(): void {
    if (this.state === 'ready' && this.container.offsetWidth > 0) this.view?.fit();
  }

  reset(): void {
    const first = this.info?.presets[0];
    this.view?.reset(first);
    if (first) this.presetSelect.value = first.name;
  }

  destroy(): void {
    this.destroyed = true;
    this.view?.destroy();
  }
}
