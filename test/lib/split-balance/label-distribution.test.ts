import { describe, expect, it } from 'vitest';
import { examplesDistribution, labelDistribution } from '../../../src/lib/split-balance/label-distribution.ts';
import type { LabelledStudy } from '../../../src/lib/split-balance/label-distribution.ts';

const study = (split: LabelledStudy['split'], ...labels: string[]): LabelledStudy => ({ split, labels });

describe('labelDistribution(studies)', () => {
  it('computes a hand-worked example, including a subset where every study has a label', () => {
    // w is in every study → not informative, left out. x: D = 3 of |D| = 5 → 3/2 = 1.5; y: D = 2 → 2/3.
    // training (4 studies): x 2/(4−2) = 1, y 2/(4−2) = 1.
    // test (1 study): x 1/(1−1) → denominator 0, divided by 1 instead → 1; y 0/(1−0) = 0.
    // x: (|1 − 1.5| + |1 − 1.5|)/2 = 0.5; y: (|1 − 2/3| + |0 − 2/3|)/2 = 0.5; LD = (0.5 + 0.5)/2 = 0.5.
    const studies = [
      study('training', 'x', 'w'),
      study('training', 'x', 'y', 'w'),
      study('training', 'y', 'w'),
      study('training', 'w'),
      study('test', 'x', 'w'),
    ];
    expect(labelDistribution(studies)).toBeCloseTo(0.5, 12);
  });

  it.each([
    {
      name: 'a perfectly stratified split is 0',
      // x: D = 3 of 6 → 1; training 2/2 = 1; test 1/1 = 1 → 0.
      studies: [study('training', 'x'), study('training', 'x'), study('training'), study('training'), study('test', 'x'), study('test')],
      ld: 0,
    },
    {
      name: 'a label crowded into training',
      // x: D = 3 of 6 → 1; training 3/(4−3) = 3; test 0/2 = 0 → (2 + 1)/2 = 1.5.
      studies: [study('training', 'x'), study('training', 'x'), study('training', 'x'), study('training'), study('test'), study('test')],
      ld: 1.5,
    },
    {
      name: 'duplicate labels in a study count once',
      studies: [study('training', 'x', 'x'), study('training', 'x'), study('training'), study('training'), study('test', 'x', 'x'), study('test')],
      ld: 0,
    },
    { name: 'no studies', studies: [], ld: 0 },
    { name: 'no informative label (every study has x, none has anything else)', studies: [study('training', 'x'), study('test', 'x')], ld: 0 },
  ])('$name → $ld', ({ studies, ld }) => {
    expect(labelDistribution(studies)).toBeCloseTo(ld, 12);
  });

  it('stays finite when a subset is empty', () => {
    // x: D = 1 of 2 → 1; training 1/1 = 1; test is empty → 0/1 = 0 → (0 + 1)/2 = 0.5.
    expect(labelDistribution([study('training', 'x'), study('training')])).toBeCloseTo(0.5, 12);
  });
});

describe('examplesDistribution(sizes, aimedTrainingShare)', () => {
  it.each([
    { sizes: { training: 4000, test: 1000 }, share: 0.8, ed: 0 },
    { sizes: { training: 8, test: 2 }, share: 0.8, ed: 0 },
    // aimed 80 and 20 of 100: (|70 − 80| + |30 − 20|)/2 = 10.
    { sizes: { training: 70, test: 30 }, share: 0.8, ed: 10 },
    // aimed 3.75 and 1.25 of 5: (0.25 + 0.25)/2 = 0.25.
    { sizes: { training: 4, test: 1 }, share: 0.75, ed: 0.25 },
    { sizes: { training: 0, test: 0 }, share: 0.8, ed: 0 },
  ])('$sizes with share $share → $ed', ({ sizes, share, ed }) => {
    expect(examplesDistribution(sizes, share)).toBeCloseTo(ed, 12);
  });

  it('is exactly 0 for an exact 80/20 split (no floating-point residue)', () => {
    expect(examplesDistribution({ training: 4000, test: 1000 })).toBe(0);
  });

  it('defaults to an 80/20 aim', () => {
    expect(examplesDistribution({ training: 85, test: 15 })).toBeCloseTo(5, 12);
  });
});
