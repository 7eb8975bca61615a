// The viewer's RLE decoder (src/lib/viewer/rle-decode.ts): PackBits runs by hand, and the committed fixture that
// GDCM compressed (test/fixtures/dicom/rle.dicom) against the same image uncompressed, pixel for pixel.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dcmjs from 'dcmjs';
import { describe, expect, test } from 'vitest';
import { decodeRleFrame } from '../../../src/lib/viewer/rle-decode.ts';

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'dicom');

/** A frame: the 64-byte header (segment count, offsets) and the segments. */
function frame(...segments: number[][]): Uint8Array {
  const bytes = new Uint8Array(64 + segments.reduce((n, s) => n + s.length, 0));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, segments.length, true);
  let at = 64;
  segments.forEach((segment, i) => {
    view.setUint32(4 * (i + 1), at, true);
    bytes.set(segment, at);
    at += segment.length;
  });
  return bytes;
}

const grey = (bitsAllocated: number, sliceSize: number) => ({ bitsAllocated, isSigned: false, sliceSize, samplesPerPixel: 1, planarConfiguration: 0 });

describe('decodeRleFrame', () => {
  test('literal runs (n + 1 bytes), replicate runs (257 − n times) and the no-op 128', () => {
    // 2 literals [7, 9]; no-op; 3 × 5; 1 literal [1].
    const out = decodeRleFrame(frame([1, 7, 9, 128, 254, 5, 0, 1]), grey(8, 6));
    expect(Array.from(out)).toEqual([7, 9, 5, 5, 5, 1]);
  });

  test('16 bits: the first segment holds the high bytes, the second the low bytes', () => {
    const out = decodeRleFrame(frame([2, 0x01, 0x00, 0xff], [254, 0x34]), grey(16, 3));
    expect(out).toBeInstanceOf(Uint16Array);
    expect(Array.from(out)).toEqual([0x0134, 0x0034, 0xff34]);
    expect(Array.from(decodeRleFrame(frame([0, 0xff], [0, 0xfe]), { ...grey(16, 1), isSigned: true }))).toEqual([-2]);
  });

  test('colour: interleaved per pixel, or planar when Planar Configuration is 1', () => {
    const rgb = frame([1, 10, 11], [1, 20, 21], [1, 30, 31]);
    expect(Array.from(decodeRleFrame(rgb, { ...grey(8, 2), samplesPerPixel: 3 }))).toEqual([10, 20, 30, 11, 21, 31]);
    expect(Array.from(decodeRleFrame(rgb, { ...grey(8, 2), samplesPerPixel: 3, planarConfiguration: 1 }))).toEqual([10, 11, 20, 21, 30, 31]);
  });

  test('damaged input: a clear error, never a write past the image', () => {
    expect(() => decodeRleFrame(new Uint8Array(10), grey(8, 4))).toThrow('the RLE frame is shorter than its 64-byte header');
    expect(() => decodeRleFrame(frame([0, 1]), grey(16, 1))).toThrow('the RLE frame has 1 segments where 2 were expected');
    expect(() => decodeRleFrame(frame([0, 1]), grey(32, 1))).toThrow('RLE with 32 bits allocated is not supported');
    const outside = frame([0, 1]);
    new DataView(outside.buffer).setUint32(4, 500, true);
    expect(() => decodeRleFrame(outside, grey(8, 1))).toThrow('RLE segment 1 lies outside the frame (offset 500)');
    // Runs longer than the image are cut at its end; a segment that ends early leaves zeros.
    expect(Array.from(decodeRleFrame(frame([5, 1, 2, 3, 4, 5, 6]), grey(8, 3)))).toEqual([1, 2, 3]);
    expect(Array.from(decodeRleFrame(frame([129, 9]), grey(8, 3)))).toEqual([9, 9, 9]);
    expect(Array.from(decodeRleFrame(frame([0, 4]), grey(8, 3)))).toEqual([4, 0, 0]);
  });
});

function read(name: string): Record<string, { Value?: unknown[] }> {
  const bytes = readFileSync(join(FIXTURES, name));
  return dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer).dict as never;
}

test('the GDCM-compressed fixture decodes to exactly the uncompressed image', () => {
  const rle = read('rle.dicom');
  const plain = read('uncompressed.dicom');
  const [rows, columns, bits] = ['00280010', '00280011', '00280100'].map((tag) => rle[tag].Value![0] as number);
  // dcmjs hands the encapsulated frame as one buffer (this fixture has one fragment).
  const fragment = new Uint8Array(rle['7FE00010'].Value![0] as ArrayBuffer);
  const pixels = decodeRleFrame(fragment, { ...grey(bits, rows * columns), isSigned: false });
  const expected = new Uint16Array(plain['7FE00010'].Value![0] as ArrayBuffer);
  expect([rows, columns, bits]).toEqual([160, 128, 16]);
  expect(pixels.length).toBe(expected.length);
  expect(Array.from(pixels)).toEqual(Array.from(expected));
  expect(new Set(expected).size).toBeGreaterThan(20);
});
