// The viewer's JPEG 2000 decoder (src/lib/viewer/openjpeg-region.ts, OpenJPEG 2.5.4 in vendor/openjpeg/): the
// committed fixture GDCM compressed (test/fixtures/dicom/jpeg2000.dicom) against the same image uncompressed, whole
// and as two bands of rows, and a damaged codestream.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dcmjs from 'dcmjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { codestreamHeight, instantiateOpenJpeg, type OpenJpeg } from '../../../src/lib/viewer/openjpeg-region.ts';

const ROOT = process.cwd();
const FIXTURES = join(ROOT, 'test', 'fixtures', 'dicom');

function pixelData(name: string): ArrayBuffer {
  const bytes = readFileSync(join(FIXTURES, name));
  const dict = dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer).dict as Record<string, { Value: ArrayBuffer[] }>;
  return dict['7FE00010'].Value[0];
}

let openJpeg: OpenJpeg;
const codestream = new Uint8Array(pixelData('jpeg2000.dicom'));
const expected = new Uint16Array(pixelData('uncompressed.dicom'));

beforeAll(async () => {
  openJpeg = await instantiateOpenJpeg(await WebAssembly.compile(new Uint8Array(readFileSync(join(ROOT, 'vendor', 'openjpeg', 'openjpeg-region.wasm')))));
});

describe('instantiateOpenJpeg(…).decodeRows', () => {
  test('the whole image: exactly the uncompressed fixture’s 160 × 128 pixels', () => {
    const decoded = openJpeg.decodeRows(codestream);
    expect([decoded.width, decoded.height, decoded.imageHeight, decoded.signed, decoded.components]).toEqual([128, 160, 160, false, 1]);
    expect(decoded.pixels).toBeInstanceOf(Uint16Array);
    expect(Array.from(decoded.pixels)).toEqual(Array.from(expected));
    expect(new Set(expected).size).toBeGreaterThan(20);
  });

  test('two bands of rows, top and bottom, are the image’s rows 0–79 and 80–159', () => {
    const top = openJpeg.decodeRows(codestream, 0, 80);
    const bottom = openJpeg.decodeRows(codestream, 80, 160);
    expect([top.height, bottom.height]).toEqual([80, 80]);
    expect(Array.from(top.pixels)).toEqual(Array.from(expected.subarray(0, 80 * 128)));
    expect(Array.from(bottom.pixels)).toEqual(Array.from(expected.subarray(80 * 128)));
    // An uneven cut too.
    expect(Array.from(openJpeg.decodeRows(codestream, 0, 33).pixels)).toEqual(Array.from(expected.subarray(0, 33 * 128)));
  });

  test('a resolution level down: half the width and height, close to the 2 × 2 block means; more levels than the codestream has are capped', () => {
    const half = openJpeg.decodeRows(codestream, 0, 0, 1);
    expect([half.width, half.height, half.imageHeight]).toEqual([64, 80, 160]);
    let absolute = 0;
    let sum = 0;
    for (let y = 0; y < 80; y++) {
      for (let x = 0; x < 64; x++) {
        const at = (dx: number, dy: number) => expected[(2 * y + dy) * 128 + 2 * x + dx];
        absolute += Math.abs(half.pixels[y * 64 + x] - (at(0, 0) + at(1, 0) + at(0, 1) + at(1, 1)) / 4);
        sum += half.pixels[y * 64 + x];
      }
    }
    // The 5/3 wavelet's low band is a smoothed half-size image (a 5-tap filter, not the block mean): measured 18.5
    // grey levels from the block means on average over a range of 0–3252, and a mean 0.9 % above the image's.
    const range = Math.max(...expected) - Math.min(...expected);
    const mean = expected.reduce((a, b) => a + b, 0) / expected.length;
    expect(absolute / (64 * 80)).toBeLessThan(0.01 * range);
    expect(Math.abs(sum / (64 * 80) - mean)).toBeLessThan(0.015 * mean);
    const least = openJpeg.decodeRows(codestream, 0, 0, 30);
    expect(least.width).toBeGreaterThan(0);
    expect(least.width).toBeLessThan(16);
    expect(128 / least.width).toBe(160 / least.height);
  });

  test('a damaged codestream throws OpenJPEG’s words; the next decode works', () => {
    const damaged = codestream.slice();
    damaged.set([0, 0, 0, 2], 0);
    expect(() => openJpeg.decodeRows(damaged)).toThrow(/SOC|marker|codestream/i);
    expect(() => openJpeg.decodeRows(codestream.subarray(0, 200))).toThrow();
    expect(openJpeg.decodeRows(codestream).pixels.length).toBe(expected.length);
  });
});

test('a 640-row image, as the viewer’s worker cuts it (two bands of 320 rows), is exactly the uncompressed one', () => {
  const tall = new Uint8Array(pixelData('jpeg2000-tall.dicom'));
  const plain = new Uint16Array(pixelData('uncompressed-tall.dicom'));
  expect(codestreamHeight(tall)).toBe(640);
  const top = openJpeg.decodeRows(tall, 0, 320);
  const bottom = openJpeg.decodeRows(tall, 320, 640);
  const joined = new Uint16Array(plain.length);
  joined.set(top.pixels);
  joined.set(bottom.pixels, top.pixels.length);
  expect(Array.from(joined)).toEqual(Array.from(plain));
  expect(Array.from(openJpeg.decodeRows(tall).pixels)).toEqual(Array.from(plain));
});

test('codestreamHeight reads Ysiz − YOsiz from the SIZ marker segment', () => {
  expect(codestreamHeight(codestream)).toBe(160);
  expect(codestreamHeight(new Uint8Array(64))).toBeNull();
});
