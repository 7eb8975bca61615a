import { describe, expect, it } from 'vitest';
import { previewFactor, renderPreview } from '../../../src/lib/viewer/preview-image.ts';

describe('the window of renderPreview', () => {
  it('follows the DICOM linear window (centre 2048, width 4096)', () => {
    // Stored 2047 rescaled by +0.5 is 2047.5: (2047.5 − 2047.5) / 4095 + 0.5 → 127.5 → 128; 0.5 → 0; 4095.5 → 255.
    const input = { rows: 1, columns: 3, rescaleSlope: 1, rescaleIntercept: 0.5, window: { center: 2048, width: 4096 }, padding: null, photometric: 'MONOCHROME2' as const };
    expect(renderPreview({ ...input, pixels: [0, 4095, 2047] }, 1).grey).toEqual(Uint8Array.from([0, 255, 128]));
  });
});

describe('previewFactor', () => {
  it('reduces 3518 rows to at most 720 with an integer factor and never enlarges', () => {
    expect(previewFactor(3518, 720)).toBe(5);
    expect(previewFactor(500, 720)).toBe(1);
  });
});

describe('renderPreview', () => {
  const base = { rows: 2, columns: 4, rescaleSlope: 1, rescaleIntercept: 0, window: { center: 2048, width: 4096 }, padding: null };

  it('averages factor × factor blocks of windowed values', () => {
    const out = renderPreview({ ...base, photometric: 'MONOCHROME2', pixels: [0, 0, 4095, 4095, 0, 0, 4095, 4095] }, 2);
    expect(out).toEqual({ width: 2, height: 1, grey: Uint8Array.from([0, 255]) });
  });

  it('inverts MONOCHROME1 and draws padding black in either interpretation', () => {
    const mono1 = renderPreview({ ...base, rows: 1, photometric: 'MONOCHROME1', padding: [0, 0], pixels: [0, 0, 4095, 1000] }, 1);
    // Padding 0 → black (not white); 4095 → black; 1000 → bright: 255 − round(((1000 − 2047.5) / 4095 + 0.5) × 255)
    // = 255 − round(62.27) = 193.
    expect([...mono1.grey]).toEqual([0, 0, 0, 193]);
  });

  it('applies Rescale Slope/Intercept before the window and stretches the data range without a window', () => {
    const out = renderPreview({ ...base, rows: 1, photometric: 'MONOCHROME2', window: null, rescaleSlope: 2, rescaleIntercept: -100, padding: [7, 7], pixels: [7, 100, 140, 200] }, 1);
    // Rescaled 100, 180, 300: the range 100…300 gives centre 200.5, width 201, so 180 → (−20/200 + 0.5) × 255 = 102;
    // padding (7) is left out of the range and drawn black.
    expect([...out.grey]).toEqual([0, 0, 102, 255]);
  });

  it('takes the Presentation LUT Shape over the photometric interpretation and the file window’s VOI LUT Function', () => {
    // MONOCHROME2 with INVERSE: inverted; SIGMOID at the centre 2048 → 127.5 → 128, inverted → 127.
    const out = renderPreview({ ...base, rows: 1, columns: 2, photometric: 'MONOCHROME2', presentationLutShape: 'INVERSE', voiFunction: 'SIGMOID', pixels: [2048, 0] }, 1);
    // 0 under SIGMOID 2048/4096: 255 / (1 + e^2) = 30.7 → 31, inverted → 224.
    expect([...out.grey]).toEqual([127, 255 - Math.round(255 / (1 + Math.exp(2)))]);
    const identity = renderPreview({ ...base, rows: 1, columns: 1, photometric: 'MONOCHROME1', presentationLutShape: 'IDENTITY', pixels: [4095] }, 1);
    expect([...identity.grey]).toEqual([255]);
  });
});
