import { describe, expect, it } from 'vitest';
import {
  atStudy,
  boxesInQuestion,
  queueFromCategory,
  queueFromFilter,
  queueFromRule,
  queuePositionLabel,
  resumeStudy,
  stepQueue,
  type QualityInstanceRow,
} from '../../../src/lib/review/review-queue.ts';
import type { SampleBox, StudySummary } from '../../../src/lib/types.ts';

const stamp = { id: 'q1', created: '2026-01-01T00:00:00.000Z' };

function summary(id: string, findings: string[] = []): StudySummary {
  return { id, split: 'training', L: null, R: null, findings, findingBirads: [], vendor: null, boxes: findings.length, hasImages: false };
}

function row(rule: string, study: string, file: string, line: string): QualityInstanceRow {
  return { rule, study, file, line };
}

describe('queueFromRule', () => {
  it('groups a rule’s instances by study in the order of their first instance, with the box lines sorted', () => {
    const rows = [
      row('box-out-of-bounds', 'b', 'finding_annotations.csv', '40'),
      row('box-degenerate', 'a', 'finding_annotations.csv', '7'),
      row('box-out-of-bounds', 'a', 'finding_annotations.csv', '12'),
      row('box-out-of-bounds', 'b', 'finding_annotations.csv', '9'),
      row('box-out-of-bounds', 'b', 'finding_annotations.csv', '40'),
    ];
    const queue = queueFromRule(rows, 'box-out-of-bounds', stamp);
    expect(queue.studies).toEqual([
      { studyId: 'b', boxLines: [9, 40] },
      { studyId: 'a', boxLines: [12] },
    ]);
    expect(queue.source).toEqual({ kind: 'rule', rule: 'box-out-of-bounds' });
    expect(queue.position).toBe(0);
  });

  it('keeps studies of instances in other files without box lines, and leaves out rows without a study', () => {
    const rows = [
      row('missing-view', 's1', 'breast-level_annotations.csv', '3'),
      row('missing-view', '', 'breast-level_annotations.csv', '4'),
      row('missing-view', 's2', 'finding_annotations.csv', ''),
    ];
    expect(queueFromRule(rows, 'missing-view', stamp).studies).toEqual([
      { studyId: 's1', boxLines: [] },
      { studyId: 's2', boxLines: [] },
    ]);
  });
});

describe('queueFromFilter and queueFromCategory', () => {
  it('keeps the browser’s order and names the filter', () => {
    const queue = queueFromFilter([summary('z'), summary('a')], 'split=training&finding=Mass', stamp);
    expect(queue.studies.map((s) => s.studyId)).toEqual(['z', 'a']);
    expect(queue.title).toBe('Studies where split=training, finding=Mass');
  });

  it('takes only studies with the category, and the category’s boxes are the ones in question', () => {
    const queue = queueFromCategory([summary('a', ['Mass']), summary('b', ['Asymmetry']), summary('c', ['Mass', 'Asymmetry'])], 'Mass', stamp);
    expect(queue.studies.map((s) => s.studyId)).toEqual(['a', 'c']);
    const box = (line: number, categories: string[]): SampleBox => ({ line, categories, findingBirads: '3', box: { xmin: 0, ymin: 0, xmax: 1, ymax: 1 }, outOfBounds: false });
    expect([...boxesInQuestion(queue, 'c', [box(5, ['Asymmetry']), box(6, ['Mass', 'Asymmetry'])])]).toEqual([6]);
    expect(boxesInQuestion(queue, 'b', [box(5, ['Asymmetry'])]).size).toBe(0);
  });
});

describe('stepQueue', () => {
  const queue = queueFromRule(['s1', 's2', 'gone', 's4'].map((s, i) => row('r', s, 'finding_annotations.csv', String(i + 2))), 'r', stamp);
  const known = new Set(['s1', 's2', 's4']);

  it('steps to the neighbours the release still has, skipping and listing a study it no longer has', () => {
    expect(stepQueue(queue, 's2', known)).toEqual({ position: 1, previous: 's1', next: 's4', skipped: ['gone'] });
    expect(stepQueue(queue, 's4', known)).toEqual({ position: 3, previous: 's2', next: null, skipped: ['gone'] });
    expect(stepQueue(queue, 's1', known).previous).toBeNull();
  });

  it('sends a study outside the queue to the saved position', () => {
    expect(stepQueue(atStudy(queue, 's2'), 'elsewhere', known)).toMatchObject({ position: -1, previous: null, next: 's2' });
  });
});

describe('resumeStudy and atStudy', () => {
  const queue = queueFromFilter([summary('a'), summary('b'), summary('c')], '', stamp);

  it('resumes at the saved position', () => {
    const moved = atStudy(queue, 'c');
    expect(moved.position).toBe(2);
    expect(resumeStudy(moved, new Set(['a', 'b', 'c']))).toBe('c');
  });

  it('resumes at the next study the release has, else the one before', () => {
    const atB = atStudy(queue, 'b');
    expect(resumeStudy(atB, new Set(['a', 'c']))).toBe('c');
    expect(resumeStudy(atStudy(queue, 'c'), new Set(['a']))).toBe('a');
    expect(resumeStudy(queue, new Set())).toBeNull();
  });

  it('leaves the queue as it was for a study it does not hold', () => {
    expect(atStudy(queue, 'x')).toBe(queue);
  });

  it('says the position as people count', () => {
    expect(queuePositionLabel(atStudy(queue, 'b'), 1)).toBe('2 of 3');
    expect(queuePositionLabel(queue, -1)).toBe('not in this queue (3 studies)');
  });
});
