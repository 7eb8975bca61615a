import { describe, expect, it } from 'vitest';
import { MANUFACTURERS } from '../../src/lib/demo/vendors.ts';
import { colorOf, inkOn, type PaletteName, UNKNOWN_COLOR } from '../../src/lib/palette.ts';
import { BIRADS, DENSITIES, FINDING_BIRADS, FINDING_CATEGORIES, SCREENING_GROUPS } from '../../src/lib/vocabulary.ts';

/** Every key the vocabulary defines, per palette. */
const VOCABULARY: Record<PaletteName, readonly string[]> = {
  finding: FINDING_CATEGORIES,
  birads: BIRADS,
  findingBirads: FINDING_BIRADS,
  density: DENSITIES,
  split: ['training', 'test', 'all'],
  screening: SCREENING_GROUPS.map((g) => g.key),
  vendor: MANUFACTURERS,
};

/** WCAG 2 contrast ratio of two #rrggbb colours, written out here so the test does not trust the palette's own. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) =>
    [0, 1, 2]
      .map((i) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
      .reduce((sum, c, i) => sum + [0.2126, 0.7152, 0.0722][i] * c, 0);
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe.each(Object.keys(VOCABULARY) as PaletteName[])('palette %s', (name) => {
  it('has its own distinct colour for every vocabulary key', () => {
    const colours = VOCABULARY[name].map((key) => colorOf(name, key));
    expect(colours).not.toContain(UNKNOWN_COLOR);
    expect(new Set(colours).size).toBe(colours.length);
  });
});

describe('palette', () => {
  it.each(FINDING_CATEGORIES.map((category) => [category, colorOf('finding', category)]))('finding colour of %s (%s) reads on a black mammogram (contrast ≥ 3)', (_, colour) => {
    expect(contrast(colour, '#000000')).toBeGreaterThanOrEqual(3);
  });
  it('gives unknown spellings the neutral fallback', () => {
    expect(colorOf('finding', 'Calcified Vessel')).toBe(UNKNOWN_COLOR);
  });
  it.each([
    ['#ffffff', '#000000', 21],
    ['#777777', '#777777', 1],
  ])('the WCAG contrast of %s on %s is %d (the check above)', (a, b, ratio) => {
    expect(contrast(a, b)).toBeCloseTo(ratio, 5);
  });
  it('picks black ink on light colours and white on dark ones', () => {
    expect(inkOn('#F0B443')).toBe('#000000');
    expect(inkOn('#1F5A9E')).toBe('#ffffff');
  });
});
