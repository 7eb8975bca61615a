// One mammogram view backed by its own dwv App: loads a DICOM from an ArrayBuffer, fixes what dwv 0.36 ignores
// (Pixel Padding Value), mirrors the view when the chest wall is stored on the wrong edge, and exposes the few
// operations the viewer needs (window presets, tools, zoom, reset, the image → screen mapping the tests check).
// Every dwv failure ends as a rejected promise with a readable reason, never as an uncaught error.

import { App, AppOptions, Point2D, hasDicomPrefix, ToolConfig, ViewConfig, WindowLevel, type DataElement, type ViewLayer } from 'dwv';
import { invertDisplayToImage, type AffineTransform } from '../lib/viewer/box-geometry.ts';
import { chestWallSide, needsFlip, type Side } from '../lib/viewer/hanging.ts';
import { backgroundValue, replacePadding } from '../lib/viewer/pixel-padding.ts';
import { inverts } from '../lib/viewer/greyscale.ts';
import { fileMetaTransferSyntax } from '../lib/dicom/part10.ts';
import { explainLoadFailure, LOAD_TIMEOUT_MS, timedOut } from '../lib/viewer/load-failure.ts';
import type { WindowPreset } from '../lib/viewer/window-presets.ts';
import { firstString, greyscaleHeader, numbers, presetMenu } from './dicom-elements.ts';
import { installFastRender, registerDataRange, registerGreyscale, selectPreset } from './fast-render.ts';
import { installLeanDrawLayer } from './lean-draw-layer.ts';
import { ViewLoadError, errorText } from './view-load-error.ts';


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


/** A worker's error arrives without dwv's load end: wait this long for dwv to finish on its own, then fail. */
const AFTER_ERROR_MS = 500;

export class DwvView {
  readonly app = new App();
  readonly divId: string;
  private dataId: string | null = null;
  private flipped = false;
  private columns = 0;
  private chestWall: Side = 'left';
  private presets: WindowPreset[] = [];
  private readonly destroyCallbacks: (() => void)[] = [];
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
      const bytes = new Uint8Array(buffer);
      const prefixed = buffer.byteLength >= 132 && hasDicomPrefix(buffer);
      const facts = { dicomPrefix: prefixed, transferSyntax: prefixed ? fileMetaTransferSyntax(bytes) : null };
      let settled = false;
      let failure: string | null = null;
      let loaded: string | null = null;
      const timers: ReturnType<typeof setTimeout>[] = [];
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        for (const t of timers) clearTimeout(t);
        outcome();
      };
      const fail = (raw: string) =>
        finish(() => {
          this.app.abortAllLoads();
          reject(new ViewLoadError(explainLoadFailure(raw, facts)));
        });
      const app = this.app;
      app.addEventListener('error', (event: { error?: unknown }) => {
        failure ??= errorText(event.error);
        // A decoder worker's crash never reaches dwv's load end: do not wait for it.
        timers.push(setTimeout(() => fail(failure ?? 'the file could not be read'), AFTER_ERROR_MS));
      });
      app.addEventListener('load', (event: { dataid: string }) => {
        loaded = event.dataid;
      });
      app.addEventListener('loadend', () => {
        if (settled) return;
        performance.mark(`viewer:parsed:${this.divId}`);
        if (failure !== null || loaded === null) return fail(failure ?? 'dwv produced no image');
        try {
          const info = this.show(loaded, wantedChestWall, knownStoredSide);
          finish(() => resolve(info));
        } catch (error) {
          fail(errorText(error));
        }
      });
      timers.push(setTimeout(() => fail(timedOut()), LOAD_TIMEOUT_MS));
      try {
        app.loadImageObject([{ 'Content-Type': 'application/dicom', filename: 'image.dcm', data: buffer }]);
      } catch (error) {
        fail(errorText(error));
      }
    });
  }

  private show(dataId: string, wantedChestWall: Side, knownStoredSide: Side | null | undefined): LoadedInfo {
    this.dataId = dataId;
    const meta = this.app.getMetaData(dataId) as Record<string, DataElement>;
    const image = this.app.getData(dataId)?.image;
    if (!meta || !image) throw new Error('dwv produced no image');
    const photometric = firstString(meta, '00280004');
    const samples = numbers(meta, '00280002')[0] ?? 1;
    const bitsAllocated = numbers(meta, '00280100')[0] ?? 16;
    const frames = numbers(meta, '00280008')[0] ?? 1;
    if (samples === 1 && bitsAllocated === 32 && frames > 1) throw new Error(`32-bit pixel data in ${frames} frames: this viewer shows single-frame 32-bit images only`);
    const rows = numbers(meta, '00280010')[0] ?? 0;
    const columns = numbers(meta, '00280011')[0] ?? 0;
    const dwvBuffer = image.getBuffer() as unknown as { length: number; [i: number]: number };
    // dwv 0.36 reads 32-bit integer Pixel Data (7FE0,0010) as Float32Array: the same bytes, read as the words they are.
    const buffer = dwvBuffer instanceof Float32Array && bitsAllocated === 32 && meta['7FE00010'] !== undefined
      ? new Uint32Array(dwvBuffer.buffer, dwvBuffer.byteOffset, dwvBuffer.length)
      : dwvBuffer;
    const header = greyscaleHeader(meta, photometric);
    const monochrome = samples === 1 && (photometric === null || photometric.startsWith('MONOCHROME'));
    const padding = numbers(meta, '00280120')[0];
    const paddingLimit = numbers(meta, '00280121')[0];
    // Padding becomes the stored value drawn darkest: the lowest unless the presentation inverts.
    const darkest = inverts(photometric, header.presentationLutShape) ? 'MONOCHROME1' : 'MONOCHROME2';
    const padded = padding !== undefined && Number.isFinite(padding) && monochrome
      ? replacePadding(buffer, padding, backgroundValue(darkest, header.bitsStored, header.signed), paddingLimit)
      : null;
    const paddedPixels = padded?.changed ?? 0;
    // The pass just read every word of dwv's own buffer: its range spares dwv a second pass (one frame only).
    if (padded && buffer === dwvBuffer && frames === 1) registerDataRange(dwvBuffer, padded);
    const stored = knownStoredSide !== undefined ? knownStoredSide : monochrome ? chestWallSide(buffer, rows, columns) : null;

    const { presets, fn } = presetMenu(meta, header, buffer, monochrome);
    if (monochrome) registerGreyscale(image, header, fn, presets[0] ?? null, buffer);
    // dwv 0.36 tabulates its own VOI over 2^BitsStored values at every window read: 4 billion iterations for 32-bit
    // pixels (the page hangs). Our drawing path reads the header above, so dwv's table only needs to be small.
    const dwvMeta = (image as unknown as { getMeta(): { BitsStored?: number } }).getMeta();
    if (monochrome && (dwvMeta.BitsStored ?? 0) > 16) dwvMeta.BitsStored = 16;
    this.presets = presets;
    if (presets.length > 0) {
      this.config.windowCenter = presets[0].center;
      this.config.windowWidth = presets[0].width;
    }
    performance.mark(`viewer:prepared:${this.divId}`);
    this.app.render(dataId);
    performance.mark(`viewer:rendered:${this.divId}`);
    this.app.setTool('ZoomAndPan');
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

  /** Draws the menu's preset `name` (a window of the header, a VOI LUT table, or the data range). */
  setPreset(name: string): void {
    const preset = this.presets.find((p) => p.name === name);
    if (this.dataId === null || !preset) return;
    const layer = this.viewLayer();
    const vc = layer.getViewController();
    const image = this.app.getData(this.dataId)?.image;
    if (image) selectPreset(image, preset);
    const before = vc.getWindowLevel();
    vc.setWindowLevel(new WindowLevel(preset.center, preset.width));
    const after = vc.getWindowLevel();
    // Same window as before (two presets dwv clamps alike, a table after a window): dwv sees no change, redraw anyway.
    if (before.center === after.center && before.width === after.width) {
      (layer as unknown as { onimagecontentchange(e: { dataid: string }): void }).onimagecontentchange({ dataid: this.dataId });
    }
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
    if (firstPreset) this.setPreset(firstPreset.name);
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

  /** Calls `listener` whenever the view moves on screen (zoom, pan, fit, a new render). */
  onViewChange(listener: () => void): void {
    for (const type of ['zoomchange', 'offsetchange', 'renderend']) this.app.addEventListener(type, listener);
  }

  onDestroy(callback: () => void): void {
    this.destroyCallbacks.push(callback);
  }

  destroy(): void {
    for (const callback of this.destroyCallbacks.splice(0)) callback();
    try {
      this.app.abortAllLoads();
      this.app.reset();
    } catch {
      // A view that never loaded has nothing to release.
    }
  }
}
