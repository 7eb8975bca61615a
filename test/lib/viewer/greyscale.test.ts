import { describe, expect, it } from 'vitest';
import {
  greyscalePipeline,
  greyscaleTable,
  inverts,
  modalityRange,
  storedValue,
  voiFunction,
  voiOf,
  type GreyscaleHeader,
  type VoiLutTable,
} from '../../../src/lib/viewer/greyscale.ts';

// The standard's VOI functions, reached through the one dispatcher the viewer uses.
const voiLinear = (center: number, width: number) => voiOf({ kind: 'window', center, width, fn: 'LINEAR' });
const voiLinearExact = (center: number, width: number) => voiOf({ kind: 'window', center, width, fn: 'LINEAR_EXACT' });
const voiSigmoid = (center: number, width: number) => voiOf({ kind: 'window', center, width, fn: 'SIGMOID' });
const voiTable = (table: VoiLutTable) => voiOf({ kind: 'table', table });

const plain: GreyscaleHeader = { bitsStored: 12, highBit: 11, signed: false, slope: 1, intercept: 0, photometric: 'MONOCHROME2', presentationLutShape: null };

describe('storedValue', () => {
  it.each([
    // [raw word, bits stored, high bit, signed, stored value, why]
    [0x0abc, 12, 11, false, 0x0abc, 'plain 12 bits'],
    [0xf123, 12, 11, false, 0x0123, 'junk in the high 4 bits is masked: 0xF123 & 0x0FFF'],
    [0x0fff, 12, 11, true, -1, 'signed 12 bits: 4095 − 4096'],
    [0x0800, 12, 11, true, -2048, 'the 12-bit sign bit alone: 2048 − 4096'],
    [0x07ff, 12, 11, true, 2047, 'largest positive 12-bit value'],
    [0xffff, 16, 15, true, -1, 'signed 16 bits'],
    [0xa800, 12, 11, true, -2048, 'junk and sign: 0xA800 & 0x0FFF = 0x800 → −2048'],
    [0x0ab0, 8, 11, false, 0xab, 'high bit 11, 8 bits stored: bits 4…11 → 0xAB'],
    [4294967295, 32, 31, true, -1, '32-bit signed'],
    [4294967295, 32, 31, false, 4294967295, '32-bit unsigned'],
  ])('raw %i with %i bits stored (high bit %i, signed %s) is %i: %s', (raw, bitsStored, highBit, signed, expected) => {
    expect(storedValue(raw, { bitsStored, highBit, signed })).toBe(expected);
  });
});

describe('VOI functions (PS3.3 C.11.2.1.2, output 0…255)', () => {
  it('LINEAR: c 2048, w 4096 → 0 at or below c − 0.5 − (w − 1)/2 = 0, 255 above 4095, ((x − 2047.5)/4095 + 0.5)·255 between', () => {
    const f = voiLinear(2048, 4096);
    expect(f(0)).toBe(0);
    expect(f(4095.5)).toBe(255);
    expect(f(1000)).toBeCloseTo(((1000 - 2047.5) / 4095 + 0.5) * 255, 10);
  });

  it('LINEAR_EXACT: c 2000, w 1000 → 0 at or below 1500, 255 above 2500, ((x − 2000)/1000 + 0.5)·255 between', () => {
    const f = voiLinearExact(2000, 1000);
    expect(f(1500)).toBe(0);
    expect(f(1750)).toBeCloseTo(0.25 * 255, 10);
    expect(f(2500)).toBeCloseTo(255, 10);
    expect(f(2501)).toBe(255);
  });

  it('SIGMOID: 255 / (1 + exp(−4(x − c)/w)): half at the centre, 255/(1 + e^−4) one width/… above', () => {
    const f = voiSigmoid(2000, 1000);
    expect(f(2000)).toBeCloseTo(127.5, 10);
    expect(f(3000)).toBeCloseTo(255 / (1 + Math.exp(-4)), 10);
    expect(f(1500)).toBeCloseTo(255 / (1 + Math.exp(2)), 10);
  });

  it('a VOI LUT table: below the first mapped value the first entry, above the last the last, scaled from 2^bits − 1', () => {
    const f = voiTable({ firstMapped: 10, bits: 8, data: [0, 51, 255] });
    expect([f(0), f(10), f(11), f(12), f(99)]).toEqual([0, 0, 51, 255, 255]);
    const g = voiTable({ firstMapped: 0, bits: 12, data: [4095, 0] });
    expect(g(0)).toBe(255);
  });

  it('reads the VOI LUT Function, LINEAR when absent or unknown', () => {
    expect([voiFunction('SIGMOID'), voiFunction(' linear_exact '), voiFunction(null), voiFunction('LOG')]).toEqual(['SIGMOID', 'LINEAR_EXACT', 'LINEAR', 'LINEAR']);
  });
});

describe('inverts (presentation LUT)', () => {
  it.each([
    ['MONOCHROME2', null, false],
    ['MONOCHROME1', null, true],
    ['MONOCHROME2', 'INVERSE', true],
    ['MONOCHROME1', 'IDENTITY', false],
    ['MONOCHROME1', 'INVERSE', true],
  ])('%s with Presentation LUT Shape %s inverts: %s (the shape decides, as dcmtk)', (photometric, shape, expected) => {
    expect(inverts(photometric, shape)).toBe(expected);
  });
});

describe('greyscalePipeline', () => {
  it('rescales, windows, then inverts: raw 1000, slope 2, intercept −1000 → 1000 → LINEAR 1000/2000 → 255 − ((1000 − 999.5)/1999 + 0.5)·255', () => {
    const f = greyscalePipeline({ ...plain, slope: 2, intercept: -1000, photometric: 'MONOCHROME1' }, { kind: 'window', center: 1000, width: 2000, fn: 'LINEAR' });
    expect(f(1000)).toBeCloseTo(255 - ((1000 - 999.5) / 1999 + 0.5) * 255, 10);
  });

  it('masks junk high bits before the window: 0xF800 reads as 2048, mid-grey in 2048/4096', () => {
    const f = greyscalePipeline(plain, { kind: 'window', center: 2048, width: 4096, fn: 'LINEAR_EXACT' });
    expect(f(0xf800)).toBeCloseTo(127.5, 10);
  });

  it('reads signed words: 0xFC00 with 16 bits signed is −1024, the bottom of a −1024…1024 exact window', () => {
    const f = greyscalePipeline({ ...plain, bitsStored: 16, highBit: 15, signed: true }, { kind: 'window', center: 0, width: 2048, fn: 'LINEAR_EXACT' });
    expect(f(0xfc00)).toBe(0);
    expect(f(0)).toBeCloseTo(127.5, 10);
  });
});

describe('greyscaleTable', () => {
  it('tabulates every 8-bit word, rounded', () => {
    const table = greyscaleTable({ ...plain, bitsStored: 8, highBit: 7 }, { kind: 'window', center: 128, width: 256, fn: 'LINEAR_EXACT' }, 8);
    expect(table.length).toBe(256);
    // ((x − 128)/256 + 0.5)·255 at x = 64 → 63.75 → 64.
    expect(table[64]).toBe(64);
    expect(table[0]).toBe(0);
  });
});

describe('modalityRange', () => {
  it('spans stored values after masking and rescale, skipping padding', () => {
    const pixels = new Uint16Array([0xf010, 0x0020, 0x0fff]);
    // Stored 16, 32, 4095; 4095 skipped as padding; slope −1, intercept 100 → −… ends 84 and 68.
    expect(modalityRange(pixels, { ...plain, slope: -1, intercept: 100 }, (raw) => raw === 0x0fff)).toEqual({ min: 68, max: 84 });
  });

  it('is null for an image that is all padding', () => {
    expect(modalityRange(new Uint16Array([5, 5]), plain, () => true)).toBeNull();
  });
});
