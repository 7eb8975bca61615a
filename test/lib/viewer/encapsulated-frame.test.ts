// A JPEG 2000 file's one frame found and the file rewritten with native pixels (src/lib/viewer/encapsulated-frame.ts):
// the committed GDCM fixtures decoded by OpenJPEG and read back by dcmjs, plus files edited byte by byte for the
// layouts GDCM does not write (split fragments, an undefined-length sequence, several frames).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dcmjs from 'dcmjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { singleEncapsulatedFrame, withNativePixels, type EncapsulatedFrame } from '../../../src/lib/viewer/encapsulated-frame.ts';
import { instantiateOpenJpeg, type OpenJpeg } from '../../../src/lib/viewer/openjpeg-region.ts';

const ROOT = process.cwd();
const FIXTURES = join(ROOT, 'test', 'fixtures', 'dicom');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

type Dict = Record<string, { vr: string; Value: unknown[] }>;
function read(bytes: Uint8Array | ArrayBuffer): { meta: Dict; dict: Dict } {
  const buffer = bytes instanceof ArrayBuffer ? bytes : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const file = dcmjs.data.DicomMessage.readFile(buffer);
  return { meta: file.meta as Dict, dict: file.dict as Dict };
}

/** Little-endian element bytes: tag, VR, length (short or long form), value. */
function element(group: number, elementNo: number, vr: string, value: Uint8Array, length = value.length): Uint8Array {
  const long = ['OB', 'OW', 'SQ', 'UN', 'UT'].includes(vr);
  const out = new Uint8Array((long ? 12 : 8) + value.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, group, true);
  view.setUint16(2, elementNo, true);
  out[4] = vr.charCodeAt(0);
  out[5] = vr.charCodeAt(1);
  if (long) view.setUint32(8, length, true);
  else view.setUint16(6, length, true);
  out.set(value, long ? 12 : 8);
  return out;
}
function item(tagElement: number, value: Uint8Array, length = value.length): Uint8Array {
  const out = new Uint8Array(8 + value.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfffe, true);
  view.setUint16(2, tagElement, true);
  view.setUint32(4, length, true);
  out.set(value, 8);
  return out;
}
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const ascii = (text: string) => new TextEncoder().encode(text);

/** The fixture with `inserted` before Pixel Data and its fragments replaced by `fragments`. */
function edited(bytes: Uint8Array, frame: EncapsulatedFrame, inserted: Uint8Array, fragments: Uint8Array[]): Uint8Array {
  return concat(
    bytes.subarray(0, frame.pixelDataStart),
    inserted,
    element(0x7fe0, 0x0010, 'OB', new Uint8Array(0), 0xffffffff),
    item(0xe000, new Uint8Array(0)),
    ...fragments.map((f) => item(0xe000, f)),
    item(0xe0dd, new Uint8Array(0)),
  );
}

let openJpeg: OpenJpeg;
beforeAll(async () => {
  openJpeg = await instantiateOpenJpeg(await WebAssembly.compile(fixture('../../../vendor/openjpeg/openjpeg-region.wasm')));
});

describe('singleEncapsulatedFrame', () => {
  it('finds the GDCM fixture’s codestream and the header fields its native copy must agree with', () => {
    const frame = singleEncapsulatedFrame(fixture('jpeg2000.dicom'))!;
    expect([frame.rows, frame.columns, frame.signed]).toEqual([160, 128, false]);
    expect(Array.from(frame.codestream.subarray(0, 4))).toEqual([0xff, 0x4f, 0xff, 0x51]);
    // The fragment ends with the codestream's EOC marker (FF D9), its padding aside.
    expect(Array.from(frame.codestream.subarray(-2))).toEqual([0xff, 0xd9]);
  });

  it('is null for what dwv reads itself: native pixels, no DICM marker, a truncated file, several frames', () => {
    const j2k = fixture('jpeg2000.dicom');
    const frame = singleEncapsulatedFrame(j2k)!;
    expect(singleEncapsulatedFrame(fixture('uncompressed.dicom'))).toBeNull();
    expect(singleEncapsulatedFrame(fixture('not-dicom.dicom'))).toBeNull();
    expect(singleEncapsulatedFrame(j2k.subarray(0, j2k.length - 100))).toBeNull();
    expect(singleEncapsulatedFrame(edited(j2k, frame, element(0x0028, 0x0008, 'IS', ascii('2 ')), [frame.codestream]))).toBeNull();
    expect(singleEncapsulatedFrame(edited(j2k, frame, element(0x0028, 0x0008, 'IS', ascii('1 ')), [frame.codestream]))).not.toBeNull();
  });

  it('joins a frame split over several fragments, past a sequence of undefined length', () => {
    const j2k = fixture('jpeg2000.dicom');
    const frame = singleEncapsulatedFrame(j2k)!;
    const half = 1000;
    // (0040,0275) SQ of undefined length: one item of undefined length holding one element, then the delimiters.
    const sequence = concat(
      element(0x0040, 0x0275, 'SQ', new Uint8Array(0), 0xffffffff),
      item(0xe000, new Uint8Array(0), 0xffffffff),
      element(0x0008, 0x0100, 'SH', ascii('ABC ')),
      item(0xe00d, new Uint8Array(0)),
      item(0xe0dd, new Uint8Array(0)),
    );
    const split = edited(j2k, frame, sequence, [frame.codestream.subarray(0, half), frame.codestream.subarray(half)]);
    const found = singleEncapsulatedFrame(split)!;
    expect(found.pixelDataStart).toBe(frame.pixelDataStart + sequence.length);
    expect(Array.from(found.codestream)).toEqual(Array.from(frame.codestream));
  });
});

describe('withNativePixels', () => {
  it('gives the same file with native pixels: explicit VR little endian, every other element unchanged, dcmjs reads it', () => {
    const j2k = fixture('jpeg2000.dicom');
    const frame = singleEncapsulatedFrame(j2k)!;
    const whole = openJpeg.decodeRows(frame.codestream);
    const native = withNativePixels(j2k, frame, [whole.pixels]);
    const before = read(j2k);
    const after = read(native);
    expect(after.meta['00020010'].Value).toEqual(['1.2.840.10008.1.2.1']);
    // The group length counts the meta group after itself, as rewritten.
    const bytes = new Uint8Array(native);
    const view = new DataView(native);
    expect(view.getUint16(132, true)).toBe(0x0002);
    expect(view.getUint16(134, true)).toBe(0x0000);
    const metaEnd = 132 + 12 + view.getUint32(140, true);
    expect(view.getUint16(metaEnd, true)).not.toBe(0x0002);
    // The data set up to Pixel Data byte for byte, then Pixel Data (a 12-byte header and the pixels), nothing after.
    expect(bytes.subarray(metaEnd, metaEnd + frame.pixelDataStart - frame.datasetStart)).toEqual(j2k.subarray(frame.datasetStart, frame.pixelDataStart));
    expect(native.byteLength).toBe(metaEnd + (frame.pixelDataStart - frame.datasetStart) + 12 + 160 * 128 * 2);
    // Pixels: exactly the uncompressed fixture's.
    const expected = new Uint16Array(read(fixture('uncompressed.dicom')).dict['7FE00010'].Value[0] as ArrayBuffer);
    expect(Array.from(new Uint16Array(after.dict['7FE00010'].Value[0] as ArrayBuffer))).toEqual(Array.from(expected));
    expect(after.dict['7FE00010'].vr).toBe('OW');
    // Every other element, and the rest of the meta group, as they were.
    const { ['7FE00010']: _pixels, ...rest } = before.dict;
    const { ['7FE00010']: _native, ...restAfter } = after.dict;
    expect(restAfter).toEqual(rest);
    const { ['00020010']: _s, ['00020000']: _l, ...metaBefore } = before.meta;
    const { ['00020010']: _s2, ['00020000']: _l2, ...metaAfter } = after.meta;
    expect(metaAfter).toEqual(metaBefore);
  });

  it('writes bands top to bottom: two bands give the same bytes as the whole image', () => {
    const j2k = fixture('jpeg2000-tall.dicom');
    const frame = singleEncapsulatedFrame(j2k)!;
    expect(frame.rows).toBe(640);
    const whole = new Uint8Array(withNativePixels(j2k, frame, [openJpeg.decodeRows(frame.codestream).pixels]));
    const bands = new Uint8Array(withNativePixels(j2k, frame, [openJpeg.decodeRows(frame.codestream, 0, 320).pixels, openJpeg.decodeRows(frame.codestream, 320, 640).pixels]));
    expect(bands.length).toBe(whole.length);
    expect(bands).toEqual(whole);
    const expected = new Uint16Array(read(fixture('uncompressed-tall.dicom')).dict['7FE00010'].Value[0] as ArrayBuffer);
    expect(Array.from(new Uint16Array(read(bands).dict['7FE00010'].Value[0] as ArrayBuffer))).toEqual(Array.from(expected));
  });
});
