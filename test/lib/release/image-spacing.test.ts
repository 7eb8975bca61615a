// Each image's stated pixel spacing: the cell formats, the header's precedence, the Float32 read-back.
import { describe, expect, test } from 'vitest';
import { chooseSpacingMm, ImageSpacing, parseSpacingCell } from '../../../src/lib/release/image-spacing.ts';

describe('parseSpacingCell', () => {
  test('list literal, DICOM backslashes, one value, empty, malformed', () => {
    expect(parseSpacingCell('[0.085, 0.085]')).toEqual([0.085, 0.085]);
    expect(parseSpacingCell(' 0.1\\0.094 ')).toEqual([0.1, 0.094]);
    expect(parseSpacingCell('8.3e-2')).toEqual([0.083]);
    expect(parseSpacingCell('[]')).toEqual([]);
    expect(parseSpacingCell('')).toEqual([]);
    expect(parseSpacingCell('[0.1, abc]')).toBeNull();
    expect(parseSpacingCell('0.1 mm')).toBeNull();
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
