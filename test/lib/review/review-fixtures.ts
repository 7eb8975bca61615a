// Hand-written verdicts for the review tests: one of each kind, on a two-image study.
import type { BoxVerdict, ImageProblem, MissedFinding, StudyReviewed, Verdict } from '../../../src/lib/review/verdict-types.ts';

export const MASS_BOX = { xmin: 100, ymin: 200, xmax: 300, ymax: 500 };

export function boxVerdict(overrides: Partial<BoxVerdict> = {}): BoxVerdict {
  return {
    kind: 'box',
    key: 'box:s1-rcc:100:200:300:500',
    reviewer: 'ana',
    time: '2026-12-01T10:00:00.000Z',
    comment: '',
    target: { studyId: 's1', imageId: 's1-rcc', laterality: 'R', view: 'CC', box: MASS_BOX, categories: ['Mass'], findingBirads: '4' },
    verdict: 'correct',
    ...overrides,
  };
}

export function missedFinding(overrides: Partial<MissedFinding> = {}): MissedFinding {
  return {
    kind: 'missed',
    key: 'missed:s1-lcc:a1b2c3d4',
    reviewer: 'ana',
    time: '2026-12-01T10:05:00.000Z',
    comment: 'faint, upper outer',
    target: { studyId: 's1', imageId: 's1-lcc', laterality: 'L', view: 'CC', box: { xmin: 10, ymin: 20, xmax: 110.5, ymax: 220 }, categories: ['Suspicious Calcification'], findingBirads: '3' },
    ...overrides,
  };
}

export function imageProblem(overrides: Partial<ImageProblem> = {}): ImageProblem {
  return {
    kind: 'image-problem',
    key: 'image:s1-lmlo',
    reviewer: 'ana',
    time: '2026-12-01T10:06:00.000Z',
    comment: '',
    target: { studyId: 's1', imageId: 's1-lmlo', laterality: 'L', view: 'MLO' },
    problem: 'artefact',
    ...overrides,
  };
}

export function studyReviewed(overrides: Partial<StudyReviewed> = {}): StudyReviewed {
  return { kind: 'reviewed', key: 'study:s1', reviewer: 'ana', time: '2026-12-01T10:07:00.000Z', comment: '', target: { studyId: 's1' }, ...overrides };
}

export function oneOfEach(): Verdict[] {
  return [boxVerdict(), missedFinding(), imageProblem(), studyReviewed()];
}
