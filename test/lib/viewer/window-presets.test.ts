import { describe, expect, it } from 'vitest';
import { clampToDataRange, linearWindow, windowPresets } from '../../../src/lib/viewer/window-presets.ts';

describe('windowPresets', () => {
  it('pairs each centre with its width (the GIOTTO files carry two of each)', () => {
    expect(windowPresets([2047, 1800], [4095, 2500])).toEqual([
      { name: 'File 1', center: 2047, width: 4095 },
      { name: 'File 2', center: 1800, width: 2500 },
    ]);
  });

  it('names presets by the explanation when there is one', () => {
    expect(windowPresets([1000, 1200], [2000, 800], ['NORMAL', ' HARDER '])).toEqual([
      { name: 'NORMAL', center: 1000, width: 2000 },
      { name: 'HARDER', center: 1200, width: 800 },
    ]);
  });

  it('drops unpaired values, widths below 1, NaN and exact duplicates', () => {
    expect(windowPresets([2048, 2048, NaN, 100, 5], [4096, 4096, 10, 0])).toEqual([{ name: 'File 1', center: 2048, width: 4096 }]);
  });

  it('gives no presets for a file without window values', () => {
    expect(windowPresets([], [])).toEqual([]);
  });
});

describe('linearWindow', () => {
  it('maps centre 2048, width 4096 from 0 to 255 across the 12-bit range, with dwv’s half-pixel offsets', () => {
    const f = linearWindow(2048, 4096);
    expect(f(0)).toBe(0);
    expect(f(4095)).toBe(255);
    expect(f(2047.5)).toBeCloseTo(127.5, 10);
  });

  it('is a step at the centre for width 1', () => {
    const f = linearWindow(100, 1);
    expect([f(99), f(99.5), f(100)]).toEqual([0, 0, 255]);
  });
});

describe('clampToDataRange', () => {
  it('narrows a 2048/4096 window to data spanning 422…3674 as dwv does', () => {
    expect(clampToDataRange({ center: 2048, width: 4096 }, { min: 422, max: 3674 })).toEqual({ center: 2048, width: 3252 });
  });

  it('moves a centre outside the range to its nearest end and keeps a fitting window', () => {
    expect(clampToDataRange({ center: 5000, width: 100 }, { min: 0, max: 4095 })).toEqual({ center: 4095, width: 100 });
  });
});
