// A JPEG 2000 file as the viewer hands it to dwv once its own decoders have read the codestream: the file's one
// compressed frame found (PS3.5 A.4: Pixel Data of undefined length, a Basic Offset Table item, then fragments), and
// the same file rewritten with native pixels (explicit VR little endian, Pixel Data as OW). dwv then reads it as an
// uncompressed file and starts no decoder worker of its own; the header and every element before Pixel Data are kept
// byte for byte. Only what the viewer draws qualifies (one frame, one sample, 16 bits allocated); anything else is
// left to dwv and its worker. Pure.

import { hasDicmMarker, fileMetaElements, fileMetaEnd, ITEM, LONG_VRS, Malformed, Part10Reader, SEQUENCE_END, UNDEFINED_LENGTH } from '../dicom/part10.ts';
import { EXPLICIT_VR_LITTLE_ENDIAN } from '../dicom/transfer-syntax.ts';

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

const PIXEL_DATA = 0x7fe00010;

/**
 * The file's one compressed frame, or null when the file is not a single-frame, single-sample, 16-bit image with
 * encapsulated pixel data (dwv's own path reads those) or does not hold together (dwv then says why).
 */
export function singleEncapsulatedFrame(bytes: Uint8Array): EncapsulatedFrame | null {
  if (!hasDicmMarker(bytes)) return null;
  const r = new Part10Reader(bytes);
  try {
    const datasetStart = fileMetaEnd(r);
    const us: Record<number, number> = {};
    let frames = 1;
    let offset = datasetStart;
    while (offset < bytes.length) {
      const tag = r.tag(offset);
      const { vr, length, value } = r.element(offset);
      if (tag === PIXEL_DATA) {
        if (length !== UNDEFINED_LENGTH) return null;
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
      offset = r.skipElement(offset);
    }
    return null;
  } catch (error) {
    if (error instanceof Malformed) return null;
    throw error;
  }
}

function framePixels(
  r: Part10Reader,
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
    if (tag !== ITEM || length === UNDEFINED_LENGTH) return null;
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
  const pixelBytes = bands.reduce((sum, band) => sum + band.byteLength, 0);
  const syntax = new TextEncoder().encode(`${EXPLICIT_VR_LITTLE_ENDIAN}\0`);
  // The meta group, element by element, with the new syntax; its group length (0002,0000) is set once the rest is.
  const meta = [...fileMetaElements(new Part10Reader(bytes))].map(({ tag, vr, value, length }) => ({
    tag,
    vr,
    value: tag === 0x00020010 ? syntax : bytes.subarray(value, value + length),
  }));
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
