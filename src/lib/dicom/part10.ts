// Walking a DICOM Part 10 file's bytes (explicit VR little endian): the file meta group and the elements of a data
// set, without a full parser. The viewer asks these questions of files dwv's own parser throws on (a transfer
// syntax for its messages, a JPEG 2000 frame to decode itself), and of a file's first bytes while the rest is still
// on the wire. Pure.

/** VRs with a 2-byte reserved field and a 4-byte length (PS3.5 7.1.2). */
export const LONG_VRS: ReadonlySet<string> = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
export const UNDEFINED_LENGTH = 0xffffffff;
export const ITEM = 0xfffee000;
const ITEM_END = 0xfffee00d;
export const SEQUENCE_END = 0xfffee0dd;

/** Thrown by a Part10Reader when the bytes end too soon or do not hold together. */
export class Malformed extends Error {}

/** Reads tags and element headers, throwing Malformed instead of reading past the end. */
export class Part10Reader {
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
  /** The offset after the element at `offset` (a sequence of undefined length included). */
  skipElement(offset: number): number {
    const { length, value } = this.element(offset);
    if (length === UNDEFINED_LENGTH) return this.skipUndefinedSequence(value);
    this.need(value, length);
    return value + length;
  }
  /** The offset after a sequence (or UN) of undefined length whose first item starts at `offset`. */
  private skipUndefinedSequence(offset: number): number {
    for (;;) {
      const tag = this.tag(offset);
      const length = this.uint32(offset + 4);
      offset += 8;
      if (tag === SEQUENCE_END) return offset;
      if (tag !== ITEM) throw new Malformed();
      if (length !== UNDEFINED_LENGTH) {
        offset += length;
        continue;
      }
      // An item of undefined length: its elements, up to the item delimiter.
      while (this.tag(offset) !== ITEM_END) offset = this.skipElement(offset);
      offset += 8;
    }
  }
}

/** Whether the bytes carry the DICM marker at byte 128. */
export function hasDicmMarker(bytes: Uint8Array): boolean {
  return bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;
}

/** One element of the file meta group: its tag, VR, value and where the next element starts. */
interface MetaElement {
  tag: number;
  vr: string;
  value: number;
  length: number;
  next: number;
}

/** The file meta group's elements (group 0002, from byte 132), in order; throws Malformed where the bytes end. */
export function* fileMetaElements(r: Part10Reader): Generator<MetaElement> {
  let offset = 132;
  while (offset + 8 <= r.bytes.length && r.view.getUint16(offset, true) === 0x0002) {
    const tag = r.tag(offset);
    const { vr, length, value } = r.element(offset);
    const next = r.skipElement(offset);
    yield { tag, vr, value, length, next };
    offset = next;
  }
}

/** Where the data set starts: the byte after the file meta group. */
export function fileMetaEnd(r: Part10Reader): number {
  let end = 132;
  for (const element of fileMetaElements(r)) end = element.next;
  return end;
}

/**
 * The Transfer Syntax UID of a Part 10 file's meta group, or null when the group has none or the bytes end before
 * it (a file's first bytes will do). The DICM marker is the caller's to check.
 */
export function fileMetaTransferSyntax(bytes: Uint8Array): string | null {
  try {
    for (const { tag, value, length } of fileMetaElements(new Part10Reader(bytes))) {
      if (tag === 0x00020010) return new TextDecoder().decode(bytes.subarray(value, value + length)).replace(/[\0\s]+$/, '') || null;
    }
  } catch (error) {
    if (!(error instanceof Malformed)) throw error;
  }
  return null;
}
