import { describe, expect, it } from 'vitest';
import { QUALITY_RULES, qualitySections } from '../../src/lib/quality-rules.ts';
import type { QualityIssue } from '../../src/lib/types.ts';

const example = (study: string, line: number) => ({ file: 'finding_annotations.csv', line, study_id: study, image_id: `img-${line}`, detail: 'x' });

describe('QUALITY_RULES', () => {
  it('names the eight rules of STATS.md first, then the project\'s own, with their severities', () => {
    expect(QUALITY_RULES.map((r) => `${r.rule}:${r.severity}`)).toEqual([
      'box-out-of-bounds:warning',
      'box-degenerate:error',
      'missing-view:warning',
      'view-label-disagreement:warning',
      'study-in-both-splits:error',
      'finding-on-negative-breast:error',
      'image-not-in-both-files:error',
      'age-missing:info',
      'duplicate-image:error',
      'finding-row-mismatch:warning',
      'metadata-image-unknown:info',
      'dicom-unreadable:warning',
      'dicom-size-mismatch:error',
      'finding-one-view-only:info',
    ]);
    for (const rule of QUALITY_RULES) expect(rule.meaning.length && rule.whyItMatters.length).toBeGreaterThan(20);
  });
});

describe('qualitySections(issues, viewableStudies)', () => {
  it('lists every rule, with 0 for rules that did not fire', () => {
    const sections = qualitySections([], new Set());
    expect(sections).toHaveLength(14);
    expect(sections.every((s) => s.count === 0 && s.examples.length === 0)).toBe(true);
    // errors first, then warnings, then info; catalogue order within a severity
    expect(sections.map((s) => s.rule)).toEqual([
      'box-degenerate',
      'study-in-both-splits',
      'finding-on-negative-breast',
      'image-not-in-both-files',
      'duplicate-image',
      'dicom-size-mismatch',
      'box-out-of-bounds',
      'missing-view',
      'view-label-disagreement',
      'finding-row-mismatch',
      'dicom-unreadable',
      'age-missing',
      'metadata-image-unknown',
      'finding-one-view-only',
    ]);
  });

  it('takes counts and examples from the issues, links only studies with images, and puts fired rules first', () => {
    const issues: QualityIssue[] = [
      { rule: 'box-out-of-bounds', severity: 'warning', count: 42, examples: [example('s1', 17), example('s2', 18)] },
      { rule: 'image-not-in-both-files', severity: 'error', count: 1, examples: [example('s3', 5)] },
    ];
    const sections = qualitySections(issues, new Set(['s2']));
    // fired rules first (errors before warnings), then the rest
    expect(sections.map((s) => s.rule).slice(0, 3)).toEqual(['image-not-in-both-files', 'box-out-of-bounds', 'box-degenerate']);
    expect(sections[0]).toMatchObject({ count: 1, id: 'rule-image-not-in-both-files' });
    const oob = sections.find((s) => s.rule === 'box-out-of-bounds');
    expect(oob?.count).toBe(42);
    expect(oob?.examples.map((e) => e.viewerHref)).toEqual([null, '/viewer/?study=s2']);
  });

  it('keeps a further rule the stats command reports, with its own severity', () => {
    const sections = qualitySections([{ rule: 'duplicate-box', severity: 'info', count: 2, examples: [] }], new Set());
    expect(sections).toHaveLength(15);
    // the only rule that fired comes first; the info rules that did not fire come last
    expect(sections[0]).toMatchObject({ rule: 'duplicate-box', severity: 'info', count: 2 });
    expect(sections[14].rule).toBe('finding-one-view-only');
  });
});
