import { describe, expect, it } from 'vitest';
import { SHORT_CATEGORY, boxLabel } from '../../../src/lib/viewer/box-label.ts';
import type { SampleBox } from '../../../src/lib/types.ts';
import { FINDING_CATEGORIES } from '../../../src/lib/vocabulary.ts';

const box = (categories: string[], findingBirads: SampleBox['findingBirads']): SampleBox => ({
  categories,
  findingBirads,
  box: { xmin: 0, ymin: 0, xmax: 1, ymax: 1 },
  line: 2,
  outOfBounds: false,
});

describe('boxLabel', () => {
  it('joins short category names and adds the finding BI-RADS', () => {
    expect(boxLabel(box(['Suspicious Calcification', 'Architectural Distortion'], '5'), false)).toBe('Calc. + Distortion · B5');
  });

  it('leaves out an empty finding BI-RADS and marks a clipped box', () => {
    expect(boxLabel(box(['Suspicious Lymph Node'], 'none'), true)).toBe('Lymph node · ✂ clipped');
  });

  it('keeps a spelling outside the vocabulary as it is', () => {
    expect(boxLabel(box(['Calcified Vessel'], '3'), false)).toBe('Calcified Vessel · B3');
  });

  it('has a distinct short name for each of the ten categories', () => {
    const shorts = FINDING_CATEGORIES.map((c) => SHORT_CATEGORY[c]);
    expect(shorts.every(Boolean)).toBe(true);
    expect(new Set(shorts).size).toBe(10);
  });
});
