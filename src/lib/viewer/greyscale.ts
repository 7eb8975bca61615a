// The greyscale pipeline of DICOM PS3.3 C.11 for one stored pixel value, as the viewer draws it:
// stored value (Bits Stored / High Bit / Pixel Representation) → modality LUT (Rescale Slope/Intercept) → VOI
// (window with the VOI LUT Function LINEAR, LINEAR_EXACT or SIGMOID, or a VOI LUT Sequence table) → presentation LUT
// (IDENTITY or INVERSE; absent, MONOCHROME1 is inverted). Pure: the viewer's fast drawing path, the build-time
// previews and the tests all use these functions, so one rule decides each step once.
//
// Hand-written rather than taken from a library: the formulas are a few lines of the standard, and the codecs we
// could use (dwv's own, cornerstone's) either ignore SIGMOID/Presentation LUT Shape or bring a whole rendering stack.

export type VoiFunction = 'LINEAR' | 'LINEAR_EXACT' | 'SIGMOID';

/** One VOI LUT of a VOI LUT Sequence (0028,3010): LUT Descriptor (0028,3002) and LUT Data (0028,3006). */
export interface VoiLutTable {
  /** First input value mapped (descriptor value 2). */
  firstMapped: number;
  /** Bits per output entry (descriptor value 3). */
  bits: number;
  data: ArrayLike<number>;
}

/** What the VOI step does: a window with its function, or a table. */
export type Voi = { kind: 'window'; center: number; width: number; fn: VoiFunction } | { kind: 'table'; table: VoiLutTable };

interface PixelFormat {
  bitsStored: number;
  /** High Bit (0028,0102); the stored bits are highBit − bitsStored + 1 … highBit. */
  highBit: number;
  signed: boolean;
}

export interface GreyscaleHeader extends PixelFormat {
  slope: number;
  intercept: number;
  photometric: string | null;
  /** Presentation LUT Shape (2050,0020) as written, or null. */
  presentationLutShape: string | null;
}

/**
 * The stored value of a raw pixel word: only the Bits Stored bits count (the bits above may hold junk, e.g. overlay
 * bits), sign-extended when Pixel Representation is 1 (two's complement in Bits Stored bits).
 */
export function storedValue(raw: number, format: PixelFormat): number {
  const shift = Math.max(0, format.highBit + 1 - format.bitsStored);
  const bits = Math.min(format.bitsStored, 32);
  const span = 2 ** bits;
  // Arithmetic rather than bit operators: correct for 32-bit words too.
  const unsigned = (((Math.floor(raw / 2 ** shift) % span) + span) % span);
  return format.signed && unsigned >= span / 2 ? unsigned - span : unsigned;
}

/** C.11.2.1.2.1, the default VOI LUT Function LINEAR (width ≥ 1), output 0…255 unrounded. */
function voiLinear(center: number, width: number): (x: number) => number {
  const c = center - 0.5;
  const w = Math.max(width, 1) - 1;
  return (x) => {
    if (w === 0) return x <= c ? 0 : 255;
    if (x <= c - w / 2) return 0;
    if (x > c + w / 2) return 255;
    return ((x - c) / w + 0.5) * 255;
  };
}

/** C.11.2.1.3.2, LINEAR_EXACT (width > 0), output 0…255 unrounded. */
function voiLinearExact(center: number, width: number): (x: number) => number {
  return (x) => {
    if (x <= center - width / 2) return 0;
    if (x > center + width / 2) return 255;
    return ((x - center) / width + 0.5) * 255;
  };
}

/** C.11.2.1.3.1, SIGMOID, output 0…255 unrounded. */
function voiSigmoid(center: number, width: number): (x: number) => number {
  return (x) => 255 / (1 + Math.exp((-4 * (x - center)) / width));
}

/**
 * C.11.2.1.1, a VOI LUT table: inputs below the first mapped value take the first entry, above the last mapped value
 * the last entry; entries are scaled from 0…2^bits − 1 to 0…255.
 */
function voiTable(table: VoiLutTable): (x: number) => number {
  const n = table.data.length;
  const top = 2 ** table.bits - 1;
  return (x) => {
    if (n === 0) return 0;
    const i = Math.min(n - 1, Math.max(0, Math.floor(x) - table.firstMapped));
    return (Math.min(table.data[i], top) / top) * 255;
  };
}

export function voiOf(voi: Voi): (x: number) => number {
  if (voi.kind === 'table') return voiTable(voi.table);
  if (voi.fn === 'SIGMOID') return voiSigmoid(voi.center, voi.width);
  if (voi.fn === 'LINEAR_EXACT') return voiLinearExact(voi.center, voi.width);
  return voiLinear(voi.center, voi.width);
}

/** A header's VOI LUT Function (0028,1056); anything else is LINEAR, the standard's default. */
export function voiFunction(value: string | null | undefined): VoiFunction {
  const v = value?.trim().toUpperCase();
  return v === 'SIGMOID' || v === 'LINEAR_EXACT' ? v : 'LINEAR';
}

/**
 * Whether the displayed grey is inverted: the Presentation LUT Shape decides when present (it is the pipeline's last
 * step, as dcmtk renders it, even where it contradicts the photometric interpretation); absent, MONOCHROME1 is.
 */
export function inverts(photometric: string | null, presentationLutShape: string | null): boolean {
  const shape = presentationLutShape?.trim().toUpperCase();
  if (shape === 'INVERSE') return true;
  if (shape === 'IDENTITY') return false;
  return photometric?.trim().toUpperCase() === 'MONOCHROME1';
}

/** Raw pixel word → displayed grey 0…255, unrounded. */
export function greyscalePipeline(header: GreyscaleHeader, voi: Voi): (raw: number) => number {
  const window = voiOf(voi);
  const invert = inverts(header.photometric, header.presentationLutShape);
  return (raw) => {
    const grey = window(storedValue(raw, header) * header.slope + header.intercept);
    return invert ? 255 - grey : grey;
  };
}

/**
 * The pipeline as a lookup table over every raw word of `wordBits` bits (8 or 16), indexed by the word read as
 * unsigned (an Int16Array's bytes read through a Uint16Array). Uint8ClampedArray rounds to the nearest grey.
 */
export function greyscaleTable(header: GreyscaleHeader, voi: Voi, wordBits: 8 | 16): Uint8ClampedArray {
  const size = 2 ** wordBits;
  const pipeline = greyscalePipeline(header, voi);
  const table = new Uint8ClampedArray(size);
  for (let raw = 0; raw < size; raw++) table[raw] = pipeline(raw);
  return table;
}

/**
 * The modality values' range of an image (for a default window when the file has none), over stored values, so junk
 * high bits and signed words are read right. `skip` leaves out padding. 8- and 16-bit words are first collected as a
 * set (one pass over the pixels without arithmetic), then decoded once per distinct word.
 */
export function modalityRange(pixels: ArrayLike<number>, header: GreyscaleHeader, skip?: (raw: number) => boolean): { min: number; max: number } | null {
  let lo = Infinity;
  let hi = -Infinity;
  const consider = (raw: number) => {
    if (skip?.(raw)) return;
    const v = storedValue(raw, header);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  if (pixels instanceof Uint16Array || pixels instanceof Uint8Array) {
    const seen = new Uint8Array(pixels instanceof Uint8Array ? 256 : 65536);
    for (let i = 0; i < pixels.length; i++) seen[pixels[i]] = 1;
    for (let raw = 0; raw < seen.length; raw++) if (seen[raw]) consider(raw);
  } else {
    for (let i = 0; i < pixels.length; i++) consider(pixels[i]);
  }
  if (lo > hi) return null;
  const ends = [lo * header.slope + header.intercept, hi * header.slope + header.intercept];
  return { min: Math.min(...ends), max: Math.max(...ends) };
}
