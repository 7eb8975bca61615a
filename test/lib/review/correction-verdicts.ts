// The review the corrected-CSV tests apply to the `counting` fixture release (test/fixtures/releases/counting), and
// what it should do there, worked out by hand from that file's 13 rows.
import { boxKey } from '../../../src/lib/review/verdict-keys.ts';
import type { Verdict } from '../../../src/lib/review/verdict-types.ts';
import { boxVerdict, imageProblem, missedFinding, studyReviewed } from './review-fixtures.ts';

const s1rcc = { studyId: 's1', imageId: 's1-rcc', laterality: 'R' as const, view: 'CC' as const };
const massBox = { xmin: 100, ymin: 200, xmax: 300, ymax: 500 };
const twoCategoryBox = { xmin: 1000.5, ymin: 1000, xmax: 1100.5, ymax: 1050 };
const lymphBox = { xmin: 2000, ymin: 100, xmax: 2100, ymax: 300 };
const focalBox = { xmin: 500, ymin: 600, xmax: 800, ymax: 900 };

export const COUNTING_REVIEW: Verdict[] = [
  // s1-rcc Mass (line 4): bea said correct at 10:00, ana "not a finding" at 10:30: the newer removes it.
  boxVerdict({ reviewer: 'bea', key: boxKey('s1-rcc', massBox), target: { ...s1rcc, box: massBox, categories: ['Mass'], findingBirads: '4' }, verdict: 'correct' }),
  boxVerdict({ key: boxKey('s1-rcc', massBox), time: '2026-12-01T10:30:00.000Z', target: { ...s1rcc, box: massBox, categories: ['Mass'], findingBirads: '4' }, verdict: 'not-a-finding' }),
  // s1-rcc Mass + Suspicious Calcification (line 5): only a Mass.
  boxVerdict({ key: boxKey('s1-rcc', twoCategoryBox), target: { ...s1rcc, box: twoCategoryBox, categories: ['Mass', 'Suspicious Calcification'], findingBirads: '4' }, verdict: 'wrong-category', corrected: { categories: ['Mass'] } }),
  // s1-rmlo lymph node (line 6): taller.
  boxVerdict({ key: boxKey('s1-rmlo', lymphBox), target: { ...s1rcc, imageId: 's1-rmlo', view: 'MLO', box: lymphBox, categories: ['Suspicious Lymph Node'], findingBirads: 'none' }, verdict: 'wrong-geometry', corrected: { box: { xmin: 2000, ymin: 100, xmax: 2150.25, ymax: 320 } } }),
  // s2-rcc focal asymmetry (line 9), the image's only box: removed, so the image gets a 'No Finding' row.
  boxVerdict({ key: boxKey('s2-rcc', focalBox), target: { studyId: 's2', imageId: 's2-rcc', laterality: 'R', view: 'CC', box: focalBox, categories: ['Focal Asymmetry'], findingBirads: '3' }, verdict: 'not-a-finding' }),
  // s2-rmlo had no box (line 10): a missed Mass, BI-RADS 3, replaces its 'No Finding' row.
  missedFinding({ key: 'missed:s2-rmlo:m1', target: { studyId: 's2', imageId: 's2-rmlo', laterality: 'R', view: 'MLO', box: { xmin: 10, ymin: 20, xmax: 30.5, ymax: 40 }, categories: ['Mass'], findingBirads: '3' } }),
  // A "correct" verdict changes nothing, nor do image problems and "reviewed".
  boxVerdict({ key: boxKey('s3-lmlo', { xmin: 50, ymin: 60, xmax: 250, ymax: 360 }), verdict: 'correct', corrected: { findingBirads: '3' } }),
  imageProblem(),
  studyReviewed(),
  // A box this file does not have.
  boxVerdict({ key: 'box:s1-rcc:1:2:3:4', verdict: 'not-a-finding' }),
];
