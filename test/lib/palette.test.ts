import { describe, expect, it } from 'vitest';
import { colorOf, contrastRatio, FINDING_COLORS, inkOn, PALETTE_KEYS, type PaletteName, UNKNOWN_COLOR } from '../../src/lib/palette.ts';

describe.each(Object.keys(PALETTE_KEYS) as PaletteName[])('palette %s', (name) => {
  it('has its own distinct colour for every vocabulary key', () => {
    const colours = PALETTE_KEYS[name].map((key) => colorOf(name, key));
    expect(colours).not.toContain(UNKNOWN_COLOR);
    expect(new Set(colours).size).toBe(colours.length);
  });
});

describe('palette', () => {
  it.each(Object.entries(FINDING_COLORS))('finding colour of %s (%s) reads on a black mammogram (contrast ≥ 3)', (_, colour) => {
    expect(contrastRatio(colour, '#000000')).toBeGreaterThanOrEqual(3);
  });
  it('gives unknown spellings the neutral fallback', () => {
    expect(colorOf('finding', 'Calcified Vessel')).toBe(UNKNOWN_COLOR);
  });
  it.each([
    ['#ffffff', '#000000', 21],
    ['#777777', '#777777', 1],
  ])('contrastRatio(%s, %s) = %d', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 5);
  });
  it('picks black ink on light colours and white on dark ones', () => {
    expect(inkOn('#F0B443')).toBe('#000000');
    expect(inkOn('#1F5A9E')).toBe('#ffffff');
  });
});
