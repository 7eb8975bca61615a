// CC↔MLO links on a hand-worked study: distances from the chest wall worked out below, pairs and lesions by hand.
import { describe, expect, test } from 'vitest';
import { linkLesions, seenInOtherView, type LesionBox } from '../../../src/lib/lesions/lesion-links.ts';
import type { PixelSpacing } from '../../../src/lib/lesions/pixel-spacing.ts';

const siemens: PixelSpacing = { mm: 0.085, source: 'vendor' };
const planmed: PixelSpacing = { mm: 0.1, source: 'metadata' };
const right = (imageId: string, view: 'CC' | 'MLO', line: number, categories: string[], xmin: number, xmax: number): LesionBox => ({
  imageId, laterality: 'R', view, line, categories, box: { xmin, ymin: 100, xmax, ymax: 300 }, columns: 2800, spacing: siemens,
});
const left = (imageId: string, view: 'CC' | 'MLO', line: number, categories: string[], xmin: number, xmax: number): LesionBox => ({
  imageId, laterality: 'L', view, line, categories, box: { xmin, ymin: 100, xmax, ymax: 300 }, columns: 2012, spacing: planmed,
});

// Right breast (chest wall on the right edge, x = 2800; 0.085 mm):
//   A RCC Mass, centre 2100 → 700 px → 59.5 mm      B RCC Mass, centre 1100 → 1700 px → 144.5 mm
//   C RMLO Mass, centre 1400 → 1400 px → 119 mm     D RMLO calcification (no calcification on RCC)
// Left breast (chest wall on the left edge, x = 0; 0.1 mm):
//   E LCC Mass + Architectural Distortion, centre 400 → 40 mm     F LMLO Architectural Distortion, centre 500 → 50 mm
const A = right('rcc', 'CC', 10, ['Mass'], 2000, 2200);
const B = right('rcc', 'CC', 11, ['Mass'], 1000, 1200);
const C = right('rmlo', 'MLO', 12, ['Mass'], 1300, 1500);
const D = right('rmlo', 'MLO', 13, ['Suspicious Calcification'], 500, 700);
const E = left('lcc', 'CC', 14, ['Mass', 'Architectural Distortion'], 300, 500);
const F = left('lmlo', 'MLO', 15, ['Architectural Distortion'], 400, 600);

const chestWallDistanceMm = (box: LesionBox) => linkLesions([box]).links[0].chestWallMm;

describe('chestWallMm', () => {
  test('from the right edge for a right breast, the left edge for a left one, times the spacing', () => {
    expect(chestWallDistanceMm(A)).toBeCloseTo(700 * 0.085, 9);
    expect(chestWallDistanceMm(C)).toBeCloseTo(119, 9);
    expect(chestWallDistanceMm(E)).toBeCloseTo(40, 9);
  });

  test('a chest wall the pixels put on the other edge is measured from there', () => {
    expect(chestWallDistanceMm({ ...A, chestWall: 'left' })).toBeCloseTo(2100 * 0.085, 9);
  });
});

describe('linkLesions', () => {
  const { links, lesions } = linkLesions([F, D, C, B, A, E]);
  const link = (line: number) => links.find((l) => l.line === line)!;

  test('closest pair first (B–C, 25.5 mm apart); A, left over, still points at the only RMLO mass', () => {
    expect(link(11).counterpart).toMatchObject({ imageId: 'rmlo', line: 12 });
    expect(link(11).counterpart!.differenceMm).toBeCloseTo(144.5 - 119, 9);
    expect(link(12).counterpart).toMatchObject({ imageId: 'rcc', line: 11 });
    expect(link(10).counterpart).toMatchObject({ imageId: 'rmlo', line: 12 });
    expect(link(10).counterpart!.differenceMm).toBeCloseTo(119 - 59.5, 9);
  });

  test('a box whose category is not on the other view has no counterpart; a shared category is enough', () => {
    expect(link(13).counterpart).toBeNull();
    expect(link(14).counterpart).toMatchObject({ imageId: 'lmlo', line: 15 });
    expect(link(14).counterpart!.differenceMm).toBeCloseTo(10, 9);
    expect(link(15).counterpart).toMatchObject({ imageId: 'lcc', line: 14 });
  });

  test('lesions: right breast first, by lowest line; labelled with the shared categories and views', () => {
    expect(lesions.map((l) => l.label)).toEqual([
      'Lesion 1: Mass, RCC + RMLO',
      'Lesion 2: Suspicious Calcification, RMLO only',
      'Lesion 3: Architectural Distortion, LCC + LMLO',
    ]);
    expect(links.map((l) => [l.line, l.lesion])).toEqual([[10, 1], [11, 1], [12, 1], [13, 2], [14, 3], [15, 3]]);
    expect(link(14).spacing).toEqual(planmed);
  });

  test('no boxes, no lesions', () => {
    expect(linkLesions([])).toEqual({ links: [], lesions: [] });
  });
});

describe('seenInOtherView', () => {
  test('per box: one of its categories on the other view of the same breast', () => {
    expect(seenInOtherView([A, B, C, D, E, F])).toEqual([true, true, true, false, true, true]);
    // The same category on the other breast does not count; a box without categories never does.
    expect(seenInOtherView([A, { ...F, categories: ['Mass'] }, { ...C, categories: [] }])).toEqual([false, false, false]);
  });
});
