// Each image's stated pixel spacing: the cell formats, the header's precedence, the Float32 read-back.
import { describe, expect, test } from 'vitest';
import { chooseSpacingMm, ImageSpacing, spacingCellsReader } from '../../../src/lib/release/image-spacing.ts';

describe('spacingCellsReader: metadata.csv’s Pixel Spacing and Imager Pixel Spacing cells → mm along a row', () => {
  test('list literal, DICOM backslashes, one value, empty, malformed (then the other cell)', () => {
    const spacing = spacingCellsReader();
    expect(spacing('[0.085, 0.07]', '')).toBe(0.07);
    expect(spacing(' 0.1\\0.094 ', '')).toBe(0.094);
    expect(spacing('8.3e-2', '')).toBe(0.083);
    expect(spacing('[]', '[0.05, 0.06]')).toBe(0.06);
    expect(spacing('', '0.04')).toBe(0.04);
    expect(spacing('[0.1, abc]', '0.03')).toBe(0.03);
    expect(spacing('0.1 mm', '')).toBeNaN();
  });

  test('remembers each pair of cells, and gives the same answers after forgetting them all (4,096 pairs)', () => {
    const spacing = spacingCellsReader();
    const answers = Array.from({ length: 5000 }, (_, i) => spacing(`[${i + 1}e-4, ${i + 1}e-4]`, ''));
    expect(answers[0]).toBeCloseTo(1e-4, 12);
    expect(answers[4999]).toBeCloseTo(0.5, 12);
    expect(spacing('[1e-4, 1e-4]', '')).toBe(answers[0]);
    expect(spacing('[5000e-4, 5000e-4]', '')).toBe(answers[4999]);
  });
});

describe('chooseSpacingMm(pixelSpacing, imagerPixelSpacing)', () => {
  test('the column value of Pixel Spacing, else of Imager Pixel Spacing', () => {
    expect(chooseSpacingMm([0.1, 0.07], [0.085, 0.085])).toBe(0.07);
    expect(chooseSpacingMm([], [0.094, 0.083])).toBe(0.083);
    expect(chooseSpacingMm(null, [0.05])).toBe(0.05);
    expect(chooseSpacingMm([-1, -1], [])).toBeNaN();
  });
});

describe('ImageSpacing', () => {
  test('a header replaces metadata.csv, never the reverse; the first metadata value wins; NaN is ignored', () => {
    const spacing = new ImageSpacing();
    spacing.set(0, 0.1, 'metadata', 2);
    spacing.set(0, 0.2, 'metadata', 2);
    expect(spacing.of(0)).toEqual({ mm: 0.1, source: 'metadata' });
    spacing.set(0, 0.085, 'dicom', 2);
    spacing.set(0, 0.3, 'metadata', 2);
    // 0.085 is stored as the Float32 0.08500000089406967 and read back as 0.085.
    expect(spacing.of(0)).toEqual({ mm: 0.085, source: 'dicom' });
    spacing.set(1, Number.NaN, 'dicom', 2);
    expect(spacing.of(1)).toBeNull();
    expect(spacing.of(2)).toBeNull();
    expect(spacing.of(5000)).toBeNull();
  });
});
