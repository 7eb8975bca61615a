// One mammogram view backed by its own dwv App: loads a DICOM from an ArrayBuffer, fixes what dwv 0.36 ignores
// (Pixel Padding Value), mirrors the view when the chest wall is stored on the wrong edge, and exposes the few
// operations the viewer needs (window presets, tools, zoom, reset, the image → screen mapping the tests check).
// Every dwv failure ends as a rejected promise with a readable reason, never as an uncaught error.

import { App, AppOptions, Point2D, hasDicomPrefix, ToolConfig, ViewConfig, WindowLevel, type DataElement, type ViewLayer } from 'dwv';
import { invertDisplayToImage, type AffineTransform } from '../lib/viewer/box-geometry.ts';
import { chestWallSide, needsFlip, type Side } from '../lib/viewer/hanging.ts';
import { backgroundValue, replacePadding } from '../lib/viewer/pixel-padding.ts';
import { windowPresets, type WindowPreset } from '../lib/viewer/window-presets.ts';
import { installFastRender, registerFilePresets } from './fast-render.ts';
import { installLeanDrawLayer } from './lean-draw-layer.ts';

export type Tool = 'ZoomAndPan' | 'WindowLevel';

export interface LoadedInfo {
  /** Image Laterality and View Position as the file states them (null when absent). */
  laterality: string | null;
  viewPosition: string | null;
  rows: number;
  columns: number;
  photometric: string | null;
  transferSyntax: string | null;
  manufacturer: string | null;
  presets: WindowPreset[];
  flipped: boolean;
  paddedPixels: number;
}

/** dwv reports errors as strings, Errors or Events (see notes/dwv.md). */
function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof Error) return error.message;
  if (error instanceof Event) return `a decoder worker failed (${error.type})`;
  return String(error);
}

/** Readable reason for the message shown in the view. */
function describeLoadError(raw: string): string {
  if (/DICM|not a valid DICOM/i.test(raw)) return 'this is not a DICOM file';
  if (/RangeError|typed array|offset is out of bounds|out of range/i.test(raw)) return 'the DICOM file is truncated or damaged';
  if (/No loader/i.test(raw)) return 'no loader accepts this file';
  if (/transfer syntax|not supported|unsupported/i.test(raw)) return `its compression is not supported (${raw})`;
  return raw;
}

function firstString(meta: Record<string, DataElement>, key: string): string | null {
  const value = meta[key]?.value as unknown;
  if (Array.isArray(value) && value.length > 0) return String(value[0]).trim();
  return null;
}

function numbers(meta: Record<string, DataElement>, key: string): number[] {
  const value = meta[key]?.value as unknown;
  return Array.isArray(value) ? value.map((v) => Number(v)) : [];
}

export class DwvView {
  readonly app = new App();
  readonly divId: string;
  private dataId: string | null = null;
  private flipped = false;
  private columns = 0;
  private chestWall: Side = 'left';
  private readonly container: HTMLElement;
  private readonly config: ViewConfig;

  constructor(container: HTMLElement) {
    if (!container.id) throw new Error('a dwv view container needs an id');
    installFastRender();
    installLeanDrawLayer();
    this.divId = container.id;
    this.container = container;
    this.config = new ViewConfig(this.divId);
    const options = new AppOptions({ '*': [this.config] });
    options.tools = { ZoomAndPan: new ToolConfig(), WindowLevel: new ToolConfig() };
    // We render ourselves after fixing the pixel padding.
    options.viewOnFirstLoadItem = false;
    this.app.init(options);
  }

  /** Parses and draws `buffer`; `wantedChestWall` is the edge the chest wall must face on screen. */
  load(buffer: ArrayBuffer, wantedChestWall: Side, knownStoredSide: Side | null | undefined): Promise<LoadedInfo> {
    return new Promise<LoadedInfo>((resolve, reject) => {
      // A file without the DICM marker that dwv also fails on is "not DICOM", whatever dwv's own error says.
      const prefixed = buffer.byteLength >= 132 && hasDicomPrefix(buffer);
      const explain = (raw: string) => (prefixed ? describeLoadError(raw) : 'this is not a DICOM file (no DICM marker at byte 128)');
      let failure: string | null = null;
      let loaded: string | null = null;
      const app = this.app;
      app.addEventListener('error', (event: { error?: unknown }) => {
        failure ??= errorText(event.error);
      });
      app.addEventListener('load', (event: { dataid: string }) => {
        loaded = event.dataid;
      });
      app.addEventListener('loadend', () => {
        performance.mark(`viewer:parsed:${this.divId}`);
        if (failure !== null || loaded === null) {
          reject(new Error(explain(failure ?? 'the file could not be read')));
          return;
        }
        try {
          resolve(this.show(loaded, wantedChestWall, knownStoredSide));
        } catch (error) {
          reject(new Error(explain(errorText(error))));
        }
      });
      try {
        app.loadImageObject([{ 'Content-Type': 'application/dicom', filename: 'image.dcm', data: buffer }]);
      } catch (error) {
        reject(new Error(explain(errorText(error))));
      }
    });
  }

  private show(dataId: string, wantedChestWall: Side, knownStoredSide: Side | null | undefined): LoadedInfo {
    this.dataId = dataId;
    const meta = this.app.getMetaData(dataId) as Record<string, DataElement>;
    const image = this.app.getData(dataId)?.image;
    if (!meta || !image) throw new Error('dwv produced no image');
    const photometric = firstString(meta, '00280004');
    const rows = numbers(meta, '00280010')[0] ?? 0;
    const columns = numbers(meta, '00280011')[0] ?? 0;
    const buffer = image.getBuffer() as unknown as { length: number; [i: number]: number };
    const padding = numbers(meta, '00280120')[0];
    const paddingLimit = numbers(meta, '00280121')[0];
    const bitsStored = numbers(meta, '00280101')[0] ?? 16;
    const signed = numbers(meta, '00280103')[0] === 1;
    const paddedPixels = padding !== undefined && Number.isFinite(padding) && photometric?.startsWith('MONOCHROME')
      ? replacePadding(buffer, padding, backgroundValue(photometric, bitsStored, signed), paddingLimit)
      : 0;
    const stored = knownStoredSide !== undefined ? knownStoredSide : photometric?.startsWith('MONOCHROME') ? chestWallSide(buffer, rows, columns) : null;

    // dwv keeps only the last of several unnamed file presets; ours pair every centre with its width. The first
    // one goes into the view config so the first render already uses it (each render costs a full pass).
    const presets = windowPresets(numbers(meta, '00281050'), numbers(meta, '00281051'), (meta['00281055']?.value as string[] | undefined) ?? []);
    registerFilePresets(image, presets);
    if (presets.length > 0) {
      this.config.windowCenter = presets[0].center;
      this.config.windowWidth = presets[0].width;
    }
    performance.mark(`viewer:prepared:${this.divId}`);
    this.app.render(dataId);
    performance.mark(`viewer:rendered:${this.divId}`);
    this.app.setTool('ZoomAndPan');
    if (presets.length > 0) {
      const dwvPresets: Record<string, { wl: WindowLevel[]; name: string }> = {};
      for (const p of presets) dwvPresets[p.name] = { wl: [new WindowLevel(p.center, p.width)], name: p.name };
      this.viewLayer().getViewController().addWindowLevelPresets(dwvPresets);
    }
    if (needsFlip(stored, wantedChestWall)) this.flip();
    this.columns = columns;
    this.chestWall = wantedChestWall;
    this.alignChestWall();
    return {
      laterality: firstString(meta, '00200062'),
      viewPosition: firstString(meta, '00185101'),
      rows,
      columns,
      photometric,
      transferSyntax: firstString(meta, '00020010'),
      manufacturer: firstString(meta, '00080070'),
      presets,
      flipped: this.flipped,
      paddedPixels,
    };
  }

  /** Mirrors every layer of the group (view and draw layers); call at scale 1, after adding draw layers. */
  private flip(): void {
    const group = this.app.getLayerGroupByDivId(this.divId);
    if (!group) return;
    for (const layer of [...group.getViewLayers(), ...group.getDrawLayers()]) {
      layer.addFlipOffsetX();
      layer.flipScaleX();
      layer.setScale(group.getScale());
    }
    group.draw();
    this.flipped = !this.flipped;
  }

  /**
   * Moves the fitted image sideways so its chest wall touches the view's inner edge (dwv centres it): the breasts
   * then sit back to back as on a viewing station. Measures the shift one offset unit gives, then applies the rest.
   */
  alignChestWall(): void {
    const group = this.app.getLayerGroupByDivId(this.divId);
    const width = this.container.clientWidth;
    if (!group || this.dataId === null || width === 0 || this.columns === 0) return;
    const imageEdges = () => {
      const t = this.imageToContainer();
      const a = t.originX;
      const b = t.originX + this.columns * t.unitX;
      return { left: Math.min(a, b), right: Math.max(a, b) };
    };
    const target = (e: { left: number; right: number }) => (this.chestWall === 'right' ? width - e.right : -e.left);
    const before = imageEdges();
    const wanted = target(before);
    if (Math.abs(wanted) < 0.5) return;
    group.addTranslation({ x: 1, y: 0, z: 0 });
    const perUnit = imageEdges().left - before.left;
    if (Math.abs(perUnit) < 1e-9) return;
    group.addTranslation({ x: (wanted - perUnit) / perUnit, y: 0, z: 0 });
    group.draw();
  }

  /** Re-applies the flip to layers created after it (a draw layer added later is not mirrored by dwv). */
  flipLayersAddedAfter(before: Set<unknown>): void {
    if (!this.flipped) return;
    const group = this.app.getLayerGroupByDivId(this.divId);
    if (!group) return;
    for (const layer of group.getDrawLayers()) {
      if (before.has(layer)) continue;
      layer.addFlipOffsetX();
      layer.flipScaleX();
      layer.setScale(group.getScale());
    }
    group.draw();
  }

  getDataId(): string | null {
    return this.dataId;
  }

  isFlipped(): boolean {
    return this.flipped;
  }

  viewLayer(): ViewLayer {
    if (this.dataId === null) throw new Error('no image loaded');
    return this.app.getViewLayersByDataId(this.dataId)[0];
  }

  setTool(tool: Tool): void {
    if (this.dataId !== null) this.app.setTool(tool);
  }

  setPreset(name: string): void {
    if (this.dataId !== null) this.viewLayer().getViewController().setWindowLevelPreset(name);
  }

  /** dwv's current window (clamped by dwv to the data range). */
  windowLevel(): { center: number; width: number } | null {
    if (this.dataId === null) return null;
    const wl = this.viewLayer().getViewController().getWindowLevel();
    return { center: wl.center, width: wl.width };
  }

  /** Zooms the view by `step` (0.5 = +50 %) about a point given in the container's CSS pixels. */
  zoom(step: number, x: number, y: number): void {
    const group = this.app.getLayerGroupByDivId(this.divId);
    if (!group || this.dataId === null) return;
    const layer = this.viewLayer();
    const plane = layer.displayToPlanePos(new Point2D(x, y));
    const vc = layer.getViewController();
    const centre = vc.getPlanePositionFromPlanePoint(plane);
    group.addScale(step, centre);
    group.draw();
  }

  /** Back to the fitted view: zoom and pan reset, first window preset. */
  reset(firstPreset: WindowPreset | undefined): void {
    if (this.dataId === null) return;
    const group = this.app.getLayerGroupByDivId(this.divId);
    group?.resetZoomPan();
    this.alignChestWall();
    if (firstPreset) this.viewLayer().getViewController().setWindowLevel(new WindowLevel(firstPreset.center, firstPreset.width));
    group?.draw();
  }

  /** Refits the image after the container changed size (enlarge / restore, window resize). */
  fit(): void {
    if (this.dataId === null) return;
    this.app.onResize();
    this.alignChestWall();
  }

  /**
   * Image pixel → container CSS pixel, read from dwv's own view layer: display → plane position (in image pixels)
   * at two display points, inverted.
   */
  imageToContainer(): AffineTransform {
    const layer = this.viewLayer();
    const p0 = layer.displayToPlanePos(new Point2D(0, 0));
    const p1 = layer.displayToPlanePos(new Point2D(1, 1));
    return invertDisplayToImage({ x: p0.getX(), y: p0.getY() }, { x: p1.getX(), y: p1.getY() });
  }

  destroy(): void {
    try {
      this.app.abortAllLoads();
      this.app.reset();
    } catch {
      // A view that never loaded has nothing to release.
    }
  }
}
