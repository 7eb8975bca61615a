import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingBoxLines } from '../../../src/lib/review/finding-lines.ts';
import { readRuleInstances } from '../../../src/lib/review/rule-instances.ts';
import { summarizeReview } from '../../../src/lib/review/review-summary.ts';
import { COUNTING_REVIEW } from './correction-verdicts.ts';

const COUNTING = readFileSync(join('test', 'fixtures', 'releases', 'counting', 'finding_annotations.csv'), 'utf8');
/** A hand-written quality-instances.csv in the contract's shape: one rule on two boxes, one on an image. */
const INSTANCES = [
  'rule,severity,file,line,study,image,detail',
  'finding-one-view-only,info,finding_annotations.csv,9,s2,s2-rcc,Focal Asymmetry',
  'finding-one-view-only,info,finding_annotations.csv,6,s1,s1-rmlo,"Suspicious Lymph Node, MLO only"',
  'image-odd,warning,breast-level_annotations.csv,4,s1,s1-lmlo,',
  '',
].join('\n');

describe('findingBoxLines(text)', () => {
  it('gives each box row’s 1-based line by key, and none for No Finding rows', () => {
    const lines = findingBoxLines(COUNTING);
    expect([...lines]).toEqual([
      ['box:s1-rcc:100:200:300:500', [4]],
      ['box:s1-rcc:1000.5:1000:1100.5:1050', [5]],
      ['box:s1-rmlo:2000:100:2100:300', [6]],
      ['box:s2-rcc:500:600:800:900', [9]],
      ['box:s3-lcc:10:20:110:220', [11]],
      ['box:s3-lmlo:50:60:250:360', [12]],
    ]);
  });
});

describe('summarizeReview(verdicts, boxLines, rules)', () => {
  const rules = readRuleInstances(INSTANCES);
  if ('error' in rules) throw new Error(rules.error);
  const summary = summarizeReview(COUNTING_REVIEW, findingBoxLines(COUNTING), rules);

  it('counts verdicts per category, each category of a box once', () => {
    const mass = summary.perCategory.find((row) => row.category === 'Mass')!.counts;
    // correct: bea on s1-rcc's Mass + ana on s3-lmlo (a Mass target) = 2; not-a-finding: ana on s1-rcc's Mass + the
    // unmatched box (a Mass target) = 2; wrong-category: the Mass + Calcification box = 1; missed: s2-rmlo's Mass = 1.
    expect(mass).toEqual({ correct: 1 + 1, 'wrong-geometry': 0, 'wrong-category': 1, 'wrong-birads': 0, 'not-a-finding': 1 + 1, missed: 1 });
    expect(summary.perCategory.find((row) => row.category === 'Suspicious Calcification')!.counts['wrong-category']).toBe(1);
    expect(summary.perCategory.map((row) => row.category)).not.toContain('No Finding');
  });

  it('counts verdicts per rule through the boxes’ lines and the images', () => {
    expect(summary.perRule).toEqual([
      { rule: 'finding-one-view-only', severity: 'info', instances: 2, counts: expect.objectContaining({ 'not-a-finding': 1, 'wrong-geometry': 1, correct: 0 }) },
      { rule: 'image-odd', severity: 'warning', instances: 1, counts: expect.objectContaining({ 'image-problem': 1 }) },
    ]);
  });

  it('lists the box two reviewers judged differently, and only that one', () => {
    expect(summary.disagreements.map((d) => [d.key, d.verdicts.map((v) => `${v.reviewer}:${v.verdict}`)])).toEqual([
      ['box:s1-rcc:100:200:300:500', ['ana:not-a-finding', 'bea:correct']],
    ]);
    expect(summary.reviewers).toEqual([{ name: 'ana', verdicts: 9 }, { name: 'bea', verdicts: 1 }]);
  });

  it('has no rule table without quality-instances.csv, and refuses one without the contract’s columns', () => {
    expect(summarizeReview([], new Map(), null).perRule).toBeNull();
    expect(readRuleInstances('rule,count\nx,1\n')).toEqual({ error: 'quality-instances.csv has no column severity, file, line, study, image' });
  });
});
