import { describe, expect, it } from 'vitest';
import { mergeVerdicts } from '../../../src/lib/review/verdict-merge.ts';
import { boxVerdict, imageProblem, missedFinding, studyReviewed } from './review-fixtures.ts';

describe('mergeVerdicts(stored, incoming)', () => {
  it('adds a verdict of a new (reviewer, key), even when another reviewer judged the same box', () => {
    const stored = [boxVerdict()];
    const bea = boxVerdict({ reviewer: 'bea', verdict: 'not-a-finding' });
    const outcome = mergeVerdicts(stored, [bea, missedFinding()]);
    expect(outcome).toEqual({ toStore: [bea, missedFinding()], added: 2, updated: 0, conflicting: 0, unchanged: 0 });
  });

  it('replaces the stored verdict when the file’s is newer, keeps it when the file’s is older or as new', () => {
    const stored = [boxVerdict(), imageProblem(), studyReviewed()];
    const newer = boxVerdict({ verdict: 'wrong-birads', time: '2026-12-01T11:00:00.000Z', corrected: { findingBirads: '5' } });
    const older = imageProblem({ problem: 'other', time: '2026-12-01T09:00:00.000Z' });
    const sameTime = studyReviewed({ comment: 'again' });
    const outcome = mergeVerdicts(stored, [newer, older, sameTime]);
    expect(outcome).toEqual({ toStore: [newer], added: 0, updated: 1, conflicting: 2, unchanged: 0 });
  });

  it('counts an identical verdict (key order and all) as unchanged and stores nothing', () => {
    const stored = [boxVerdict()];
    const reordered = JSON.parse(JSON.stringify({ ...boxVerdict() }, ['verdict', 'time', 'target', 'studyId', 'imageId', 'laterality', 'view', 'box', 'xmin', 'ymin', 'xmax', 'ymax', 'categories', 'findingBirads', 'reviewer', 'key', 'kind', 'comment']));
    expect(mergeVerdicts(stored, [reordered])).toEqual({ toStore: [], added: 0, updated: 0, conflicting: 0, unchanged: 1 });
  });

  it('compares times as instants, not as text (+01:00 offsets)', () => {
    const stored = [boxVerdict({ time: '2026-12-01T10:30:00.000Z' })];
    // 11:00+01:00 is 10:00Z: older than the stored 10:30Z although its text sorts later.
    const outcome = mergeVerdicts(stored, [boxVerdict({ verdict: 'wrong-geometry', time: '2026-12-01T11:00:00+01:00' })]);
    expect([outcome.updated, outcome.conflicting]).toEqual([0, 1]);
  });

  it('merges an empty file into anything as nothing', () => {
    expect(mergeVerdicts([boxVerdict()], [])).toEqual({ toStore: [], added: 0, updated: 0, conflicting: 0, unchanged: 0 });
  });
});
