// A JPEG 2000 file as the viewer hands it to dwv once its own decoders have read the codestream: the file's one
// compressed frame found (PS3.5 A.4: Pixel Data of undefined length, a Basic Offset Table item, then fragments), and
// the same file rewritten with native pixels (explicit VR little endian, Pixel Data as OW). dwv then reads it as an
// uncompressed file and starts no decoder worker of its own; the header and every element before Pixel Data are kept
// byte for byte. Only what the viewer draws qualifies (one frame, one sample, 16 bits allocated); anything else is
// left to dwv and its worker. Pure.

/** The file's single compressed frame and the header fields its native copy must agree with. */
export interface EncapsulatedFrame {
  /** Where the data set starts: the byte after the file meta group. */
  datasetStart: number;
  /** Where the Pixel Data element's tag starts: everything before it is kept. */
  pixelDataStart: number;
  /** The frame's fragments, joined. */
  codestream: Uint8Array;
  rows: number;
  columns: number;
  signed: boolean;
}

/** Explicit VR little endian: the data set encoding of every encapsulated transfer syntax the viewer decodes. */
const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

/** VRs with a 2-byte reserved field and a 4-byte length (PS3.5 7.1.2). */
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const UNDEFINED = 0xffffffff;
const ITEM = 0xfffee000;
const ITEM_END = 0xfffee00d;
const SEQUENCE_END = 0xfffee0dd;
const PIXEL_DATA = 0x7fe00010;

/** Thrown inside the walk when the bytes do not hold together; the walk then answers null. */
class Malformed extends Error {}

class Reader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(offset: number, length: number): void {
    if (offset < 0 || offset + length > this.bytes.length) throw new Malformed();
  }
  tag(offset: number): number {
    this.need(offset, 4);
    return ((this.view.getUint16(offset, true) << 16) | this.view.getUint16(offset + 2, true)) >>> 0;
  }
  uint32(offset: number): number {
    this.need(offset, 4);
    return this.view.getUint32(offset, true);
  }
  /** An explicit VR element's header: its VR, value length and where its value starts. */
  element(offset: number): { vr: string; length: number; value: number } {
    this.need(offset, 8);
    const vr = String.fromCharCode(this.bytes[offset + 4], this.bytes[offset + 5]);
    if (LONG_VRS.has(vr)) return { vr, length: this.uint32(offset + 8), value: offset + 12 };
    return { vr, length: this.view.getUint16(offset + 6, true), value: offset + 8 };
  }
}

/** The offset after a sequence (or UN) of undefined length whose first item starts at `offset`. */
function skipUndefinedSequence(r: Reader, offset: number): number {
  for (;;) {
    const tag = r.tag(offset);
    const length = r.uint32(offset + 4);
    offset += 8;
    if (tag === SEQUENCE_END) return offset;
    if (tag !== ITEM) throw new Malformed();
    if (length !== UNDEFINED) {
      offset += length;
      continue;
    }
    // An item of undefined length: its elements, up to the item delimiter.
    for (;;) {
      if (r.tag(offset) === ITEM_END) {
        offset += 8;
        break;
      }
      offset = skipElement(r, offset);
    }
  }
}

function skipElement(r: Reader, offset: number): number {
  const { length, value } = r.element(offset);
  if (length === UNDEFINED) return skipUndefinedSequence(r, value);
  r.need(value, length);
  return value + length;
}

/** The end of the Part 10 file meta group (explicit VR little endian, group 0002), or null without the DICM marker. */
function fileMetaEnd(r: Reader): number | null {
  const b = r.bytes;
  if (b.length < 132 || b[128] !== 0x44 || b[129] !== 0x49 || b[130] !== 0x43 || b[131] !== 0x4d) return null;
  let offset = 132;
  while (offset + 8 <= b.length && r.view.getUint16(offset, true) === 0x0002) offset = skipElement(r, offset);
  return offset;
}

/**
 * The file's one compressed frame, or null when the file is not a single-frame, single-sample, 16-bit image with
 * encapsulated pixel data (dwv's own path reads those) or does not hold together (dwv then says why).
 */
export function singleEncapsulatedFrame(bytes: Uint8Array): EncapsulatedFrame | null {
  const r = new Reader(bytes);
  try {
    const datasetStart = fileMetaEnd(r);
    if (datasetStart === null) return null;
    const us: Record<number, number> = {};
    let frames = 1;
    let offset = datasetStart;
    while (offset < bytes.length) {
      const tag = r.tag(offset);
      const { vr, length, value } = r.element(offset);
      if (tag === PIXEL_DATA) {
        if (length !== UNDEFINED) return null;
        return framePixels(r, value, {
          datasetStart,
          pixelDataStart: offset,
          frames,
          samples: us[0x00280002] ?? 1,
          rows: us[0x00280010],
          columns: us[0x00280011],
          bitsAllocated: us[0x00280100],
          signed: us[0x00280103] === 1,
        });
      }
      if (vr === 'US' && length === 2 && tag >>> 16 === 0x0028) us[tag] = r.view.getUint16(value, true);
      if (tag === 0x00280008) frames = Number.parseInt(new TextDecoder().decode(bytes.subarray(value, value + length)), 10);
      offset = skipElement(r, offset);
    }
    return null;
  } catch (error) {
    if (error instanceof Malformed) return null;
    throw error;
  }
}

function framePixels(
  r: Reader,
  offset: number,
  header: { datasetStart: number; pixelDataStart: number; frames: number; samples: number; rows?: number; columns?: number; bitsAllocated?: number; signed: boolean },
): EncapsulatedFrame | null {
  const { rows, columns } = header;
  if (header.frames !== 1 || header.samples !== 1 || header.bitsAllocated !== 16 || !rows || !columns) return null;
  // The Basic Offset Table (empty or not: one frame starts at the first fragment), then the fragments.
  if (r.tag(offset) !== ITEM) return null;
  offset += 8 + r.uint32(offset + 4);
  const fragments: Uint8Array[] = [];
  for (;;) {
    const tag = r.tag(offset);
    const length = r.uint32(offset + 4);
    offset += 8;
    if (tag === SEQUENCE_END) break;
    if (tag !== ITEM || length === UNDEFINED) return null;
    r.need(offset, length);
    fragments.push(r.bytes.subarray(offset, offset + length));
    offset += length;
  }
  if (fragments.length === 0) return null;
  let codestream = fragments[0];
  if (fragments.length > 1) {
    codestream = new Uint8Array(fragments.reduce((sum, f) => sum + f.length, 0));
    let at = 0;
    for (const f of fragments) {
      codestream.set(f, at);
      at += f.length;
    }
  }
  return { datasetStart: header.datasetStart, pixelDataStart: header.pixelDataStart, codestream, rows, columns, signed: header.signed };
}

/** Writes an explicit VR little endian element header (short or long form) at `at`; returns where its value goes. */
function writeHeader(out: Uint8Array, at: number, tag: number, vr: string, length: number): number {
  const view = new DataView(out.buffer, out.byteOffset);
  view.setUint16(at, tag >>> 16, true);
  view.setUint16(at + 2, tag & 0xffff, true);
  out[at + 4] = vr.charCodeAt(0);
  out[at + 5] = vr.charCodeAt(1);
  if (!LONG_VRS.has(vr)) {
    view.setUint16(at + 6, length, true);
    return at + 8;
  }
  view.setUint16(at + 6, 0, true);
  view.setUint32(at + 8, length, true);
  return at + 12;
}

/**
 * The file with `bands` (the frame's rows, top to bottom, 16-bit samples) as native Pixel Data: the meta group's
 * Transfer Syntax UID becomes explicit VR little endian (its group length follows), the data set is kept up to
 * Pixel Data, and what followed Pixel Data (trailing padding) is left out.
 */
export function withNativePixels(bytes: Uint8Array, frame: EncapsulatedFrame, bands: readonly (Uint16Array | Int16Array)[]): ArrayBuffer {
  const r = new Reader(bytes);
  const pixelBytes = bands.reduce((sum, band) => sum + band.byteLength, 0);
  const syntax = new TextEncoder().encode(`${EXPLICIT_VR_LITTLE_ENDIAN}\0`);
  // The meta group, element by element, with the new syntax; its group length (0002,0000) is set once the rest is.
  const meta: { tag: number; vr: string; value: Uint8Array }[] = [];
  for (let offset = 132; offset < frame.datasetStart; ) {
    const tag = r.tag(offset);
    const { vr, length, value } = r.element(offset);
    meta.push({ tag, vr, value: tag === 0x00020010 ? syntax : bytes.subarray(value, value + length) });
    offset = value + length;
  }
  const headerLength = (vr: string) => (LONG_VRS.has(vr) ? 12 : 8);
  const metaLength = meta.reduce((sum, e) => sum + headerLength(e.vr) + e.value.length, 0);
  const datasetLength = frame.pixelDataStart - frame.datasetStart;
  const out = new Uint8Array(132 + metaLength + datasetLength + 12 + pixelBytes);
  out.set(bytes.subarray(0, 132));
  let at = 132;
  const groupLength = meta.find((e) => e.tag === 0x00020000);
  const lengthAfterGroupLength = groupLength ? metaLength - headerLength(groupLength.vr) - groupLength.value.length : 0;
  for (const e of meta) {
    let value = e.value;
    if (e === groupLength && value.length === 4) {
      value = new Uint8Array(4);
      new DataView(value.buffer).setUint32(0, lengthAfterGroupLength, true);
    }
    at = writeHeader(out, at, e.tag, e.vr, value.length);
    out.set(value, at);
    at += value.length;
  }
  out.set(bytes.subarray(frame.datasetStart, frame.pixelDataStart), at);
  at = writeHeader(out, at + datasetLength, PIXEL_DATA, 'OW', pixelBytes);
  for (const band of bands) {
    out.set(new Uint8Array(band.buffer, band.byteOffset, band.byteLength), at);
    at += band.byteLength;
  }
  return out.buffer;
}
