import { describe, expect, it } from 'vitest';
import { backgroundValue, paddingRange, replacePadding } from '../../../src/lib/viewer/pixel-padding.ts';

describe('paddingRange', () => {
  it('is the single value without a range limit, and the ordered pair with one', () => {
    expect(paddingRange(0)).toEqual([0, 0]);
    expect(paddingRange(4095, 4000)).toEqual([4000, 4095]);
    expect(paddingRange(10, 20)).toEqual([10, 20]);
  });
});

describe('backgroundValue', () => {
  it('is the darkest storable value: lowest in MONOCHROME2, highest in MONOCHROME1', () => {
    expect(backgroundValue('MONOCHROME2', 12, false)).toBe(0);
    expect(backgroundValue('MONOCHROME1', 12, false)).toBe(4095);
    expect(backgroundValue('MONOCHROME2', 16, true)).toBe(-32768);
    expect(backgroundValue('MONOCHROME1', 16, true)).toBe(32767);
  });
});

describe('replacePadding', () => {
  it('rewrites a MONOCHROME1 file’s padding value 0 (which would show white) to the darkest value', () => {
    const pixels = Uint16Array.from([0, 0, 1500, 2600, 0]);
    // Three zeros become 4095; the words left are 4095, 1500 and 2600.
    expect(replacePadding(pixels, 0, 4095)).toEqual({ changed: 3, min: 1500, max: 4095 });
    expect([...pixels]).toEqual([4095, 4095, 1500, 2600, 4095]);
  });

  it('honours a Pixel Padding Range Limit and counts only changed pixels', () => {
    const pixels = Uint16Array.from([10, 15, 20, 21, 0]);
    // 10, 15 and 20 fall in [10, 20] and become 0; the 0 already there is not counted; 21 is the highest left.
    expect(replacePadding(pixels, 20, 0, 10)).toEqual({ changed: 3, min: 0, max: 21 });
    expect([...pixels]).toEqual([0, 0, 0, 21, 0]);
  });

  it('reports the range of signed words after the rewrite', () => {
    const pixels = Int16Array.from([-2000, 300, -2000, -5]);
    expect(replacePadding(pixels, -2000, -32768)).toEqual({ changed: 2, min: -32768, max: 300 });
  });
});
