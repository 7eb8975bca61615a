import { describe, expect, it } from 'vitest';
import { dataRangePreset, linearWindow, voiLutPresets, windowPresets } from '../../../src/lib/viewer/window-presets.ts';

describe('windowPresets', () => {
  it('pairs each centre with its width (the GIOTTO files carry two of each)', () => {
    expect(windowPresets([2037, 1800], [2310, 2500])).toEqual([
      { name: 'Header 1: centre 2037, width 2310', center: 2037, width: 2310, explanation: null, fn: 'LINEAR' },
      { name: 'Header 2: centre 1800, width 2500', center: 1800, width: 2500, explanation: null, fn: 'LINEAR' },
    ]);
  });

  it('adds the header’s explanation and a VOI LUT Function other than LINEAR to the name', () => {
    expect(windowPresets([1000, 1200], [2000, 800], ['NORMAL', ' HARDER '], 'SIGMOID')).toEqual([
      { name: 'Header 1: centre 1000, width 2000, sigmoid \u2014 NORMAL', center: 1000, width: 2000, explanation: 'NORMAL', fn: 'SIGMOID' },
      { name: 'Header 2: centre 1200, width 800, sigmoid \u2014 HARDER', center: 1200, width: 800, explanation: 'HARDER', fn: 'SIGMOID' },
    ]);
  });

  it('drops unpaired values, widths below 1, NaN and exact duplicates', () => {
    expect(windowPresets([2048, 2048, NaN, 100, 5], [4096, 4096, 10, 0]).map((p) => p.name)).toEqual(['Header 1: centre 2048, width 4096']);
  });

  it('gives no presets for a file without window values', () => {
    expect(windowPresets([], [])).toEqual([]);
  });
});

describe('voiLutPresets', () => {
  it('names each VOI LUT Sequence table by its size, first input and explanation; centre and width span its inputs', () => {
    const table = { firstMapped: 100, bits: 12, data: [0, 1, 2, 3] };
    const [preset] = voiLutPresets([{ table, explanation: 'LOG' }]);
    // Inputs 100…103: centre 100 + 4 / 2 = 102, width 4.
    expect(preset).toEqual({ name: 'Header LUT 1: 4 entries from 100 \u2014 LOG', center: 102, width: 4, explanation: 'LOG', fn: 'LINEAR', table });
  });

  it('drops an empty table', () => {
    expect(voiLutPresets([{ table: { firstMapped: 0, bits: 12, data: [] }, explanation: null }])).toEqual([]);
  });
});

describe('dataRangePreset', () => {
  it('spans the modality range exactly (LINEAR_EXACT: min → 0, max → 255)', () => {
    // Range −1024…3071: centre (−1024 + 3071) / 2 = 1023.5, width 4095.
    expect(dataRangePreset({ min: -1024, max: 3071 })).toEqual({ name: 'Data range: -1024 to 3071', center: 1023.5, width: 4095, explanation: null, fn: 'LINEAR_EXACT' });
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

