// The viewer's greyscale drawing, replacing dwv 0.36's View.generateImageData for single-frame greyscale images: the
// standard's pipeline (src/lib/viewer/greyscale.ts: stored bits, rescale, VOI window with its function or VOI LUT
// table, presentation LUT) built once per window as a table over every raw word, then one 32-bit RGBA word written per
// pixel (≈20 ms for 3518×2800). dwv's own loop allocates an iterator result per pixel (≈1–2 s here) and ignores
// SIGMOID's exactness, VOI LUT Sequences, Presentation LUT Shape and junk high bits. 32-bit words take the pipeline
// per pixel. Anything else (colour, multi-frame, reoriented) falls back to dwv's original method unchanged.
// Also dwv's Image.calculateDataRange (min/max before the first window is set), which reads every pixel through a
// method call (≈30 ms per image in a CPU profile): the range the padding pass already found (registerDataRange), else
// the same min/max over the same pixels, straight off the buffer.

import { Image, View } from 'dwv';
import { greyscalePipeline, greyscaleTable, type GreyscaleHeader, type Voi, type VoiFunction } from '../lib/viewer/greyscale.ts';
import type { WindowPreset } from '../lib/viewer/window-presets.ts';

interface ViewLike {
  getImage(): {
    getNumberOfComponents(): number;
    getBuffer(): ArrayLike<number> & { length: number };
    getGeometry(): { getSize(): { get(i: number): number; length(): number } };
  };
  isAquisitionOrientation(): boolean;
  getWindowLevel(): { center: number; width: number } | undefined;
  setWindowLevelPresetById(id: number, silent?: boolean): void;
}

/**
 * Per dwv image: its header's greyscale pipeline, the preset chosen in the menu and the window dwv reported for it
 * (dwv clamps every window to its data range, so a 2048/4096 preset may come back as 2048/3252). While dwv's window is
 * the one reported for the preset, the preset itself is drawn (its exact window, or its VOI LUT table); after a
 * window/level drag, dwv's window is drawn with the file's VOI LUT Function.
 */
interface GreyscaleState {
  header: GreyscaleHeader;
  fn: VoiFunction;
  selected: WindowPreset | null;
  selectedWindow: { center: number; width: number } | null;
  cache: { key: string; lut: Uint32Array } | null;
  /** The pixel words as the header says they are (dwv's buffer may read 32-bit integers as floats). */
  words: ArrayLike<number>;
}

const states = new WeakMap<object, GreyscaleState>();

export function registerGreyscale(image: object, header: GreyscaleHeader, fn: VoiFunction, first: WindowPreset | null, words: ArrayLike<number>): void {
  states.set(image, { header, fn, selected: first, selectedWindow: null, cache: null, words });
}

/** The menu chose `preset`: drawn as such from the next render on (until the window is dragged). */
export function selectPreset(image: object, preset: WindowPreset): void {
  const state = states.get(image);
  if (!state) return;
  state.selected = preset;
  state.selectedWindow = null;
}

function currentVoi(state: GreyscaleState, wl: { center: number; width: number }): Voi {
  const selected = state.selected;
  if (selected && (state.selectedWindow === null || (state.selectedWindow.center === wl.center && state.selectedWindow.width === wl.width))) {
    state.selectedWindow = { center: wl.center, width: wl.width };
    return selected.table ? { kind: 'table', table: selected.table } : { kind: 'window', center: selected.center, width: selected.width, fn: selected.fn };
  }
  state.selected = null;
  return { kind: 'window', center: wl.center, width: wl.width, fn: state.fn };
}

function greyWord(g: number): number {
  // Little-endian RGBA word: A in the high byte.
  return ((0xff << 24) | (g << 16) | (g << 8) | g) >>> 0;
}

/** The raw words of a pixel buffer read as unsigned (a signed buffer's bytes through an unsigned view). */
function unsignedWords(buffer: ArrayLike<number>): Uint16Array | Uint8Array | null {
  if (buffer instanceof Uint16Array || buffer instanceof Uint8Array) return buffer;
  if (buffer instanceof Int16Array) return new Uint16Array(buffer.buffer, buffer.byteOffset, buffer.length);
  if (buffer instanceof Int8Array) return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
  return null;
}

let installed = false;

interface ImageLike {
  getBuffer(): ArrayLike<number>;
  getGeometry(): { getSize(): { length(): number; getTotalSize(): number; getDimSize(i: number): number } };
}

/** Data ranges already known per dwv pixel buffer (a single frame's words). */
const knownRanges = new WeakMap<object, { min: number; max: number }>();

/** `buffer` (dwv's own, a single frame) holds words from `range.min` to `range.max`: dwv need not read it again. */
export function registerDataRange(buffer: object, range: { min: number; max: number }): void {
  if (Number.isFinite(range.min) && Number.isFinite(range.max)) knownRanges.set(buffer, { min: range.min, max: range.max });
}

/** dwv's calculateDataRange with the per-pixel getValueAtOffset(i) (which is buffer[i]) read directly. */
function installFastDataRange(): void {
  const proto = Image.prototype as unknown as { calculateDataRange(): { min: number; max: number } };
  const original = proto.calculateDataRange;
  proto.calculateDataRange = function (this: ImageLike) {
    const buffer = this.getBuffer();
    const known = knownRanges.get(buffer);
    if (known) return { ...known };
    if (!(buffer instanceof Uint16Array || buffer instanceof Uint8Array || buffer instanceof Int16Array)) return original.call(this);
    const size = this.getGeometry().getSize();
    // As dwv: the first frame only.
    const length = Math.min(buffer.length, size.length() >= 3 ? size.getDimSize(3) : size.getTotalSize());
    let min = buffer[0];
    let max = min;
    for (let i = 1; i < length; i++) {
      const value = buffer[i];
      if (value > max) max = value;
      else if (value < min) min = value;
    }
    return { min, max };
  };
}

/** Installs the fast paths once per page (idempotent). */
export function installFastRender(): void {
  if (installed) return;
  installed = true;
  installFastDataRange();
  const proto = View.prototype as unknown as { generateImageData(data: ImageData, index?: unknown): void };
  const original = proto.generateImageData;
  proto.generateImageData = function (this: ViewLike, data: ImageData, index?: unknown) {
    const image = this.getImage();
    const state = states.get(image);
    const size = image.getGeometry().getSize();
    const buffer = state?.words ?? image.getBuffer();
    const pixels = data.width * data.height;
    const ours =
      state !== undefined &&
      image.getNumberOfComponents() === 1 &&
      this.isAquisitionOrientation() &&
      (size.length() < 3 || size.get(2) === 1) &&
      buffer.length === pixels;
    if (!ours) return original.call(this, data, index);
    if (this.getWindowLevel() === undefined) this.setWindowLevelPresetById(0, true);
    const wl = this.getWindowLevel();
    if (!wl) return original.call(this, data, index);
    const voi = currentVoi(state, wl);
    const out = new Uint32Array(data.data.buffer, data.data.byteOffset, pixels);
    const words = unsignedWords(buffer);
    if (!words) {
      // 32-bit words: no table over 2^32 values, the pipeline per pixel (a few hundred ms for a mammogram).
      const pipeline = greyscalePipeline(state.header, voi);
      for (let i = 0; i < pixels; i++) out[i] = greyWord(Math.min(255, Math.max(0, Math.round(pipeline(buffer[i])))));
      return;
    }
    const wordBits = words instanceof Uint8Array ? 8 : 16;
    const key = voi.kind === 'table' ? `table/${state.selected?.name}/${wordBits}` : `${voi.fn}/${voi.center}/${voi.width}/${wordBits}`;
    if (state.cache?.key !== key) {
      const grey = greyscaleTable(state.header, voi, wordBits);
      const lut = new Uint32Array(grey.length);
      for (let v = 0; v < grey.length; v++) lut[v] = greyWord(grey[v]);
      state.cache = { key, lut };
    }
    const lut = state.cache.lut;
    // One loop per buffer type keeps each loop's element reads monomorphic.
    if (words instanceof Uint16Array) for (let i = 0; i < pixels; i++) out[i] = lut[words[i]];
    else for (let i = 0; i < pixels; i++) out[i] = lut[words[i]];
  };
}
