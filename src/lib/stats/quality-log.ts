// Collects data-quality findings while rows stream past: a count per rule and its first examples in the order
// they were reported. Rules are listed here once, with their severity, and appear in stats.json in this order.

import type { QualityExample, QualityIssue, Severity } from '../types.ts';
import { detachString } from './interner.ts';

export const MAX_EXAMPLES = 20;

/** The eight rules of the stats.json contract first, then this project's own. */
export const QUALITY_RULES = [
  { rule: 'box-out-of-bounds', severity: 'warning' },
  { rule: 'box-degenerate', severity: 'error' },
  { rule: 'missing-view', severity: 'warning' },
  { rule: 'view-label-disagreement', severity: 'warning' },
  { rule: 'study-in-both-splits', severity: 'error' },
  { rule: 'finding-on-negative-breast', severity: 'error' },
  { rule: 'image-not-in-both-files', severity: 'error' },
  { rule: 'age-missing', severity: 'info' },
  // A breast-level row repeating an image id already listed: ignored for counting.
  { rule: 'duplicate-image', severity: 'error' },
  // A finding row whose study, laterality, view, labels or split differ from the breast-level row of its image.
  { rule: 'finding-row-mismatch', severity: 'warning' },
  // A metadata.csv row for an image the breast-level file does not list.
  { rule: 'metadata-image-unknown', severity: 'info' },
  // An image whose DICOM header could not be read (ages and vendors come from there without metadata.csv).
  { rule: 'dicom-unreadable', severity: 'warning' },
] as const satisfies readonly { rule: string; severity: Severity }[];

export type QualityRule = (typeof QUALITY_RULES)[number]['rule'];

export class QualityLog {
  private readonly counts = new Map<QualityRule, number>();
  private readonly examples = new Map<QualityRule, QualityExample[]>();

  /** Counts one occurrence; the example is built only while fewer than MAX_EXAMPLES are kept. */
  report(rule: QualityRule, example: () => QualityExample): void {
    this.counts.set(rule, (this.counts.get(rule) ?? 0) + 1);
    let kept = this.examples.get(rule);
    if (kept === undefined) {
      kept = [];
      this.examples.set(rule, kept);
    }
    if (kept.length < MAX_EXAMPLES) kept.push(detachExample(example()));
  }

  count(rule: QualityRule): number {
    return this.counts.get(rule) ?? 0;
  }

  /** Rules that fired, in QUALITY_RULES order. */
  issues(): QualityIssue[] {
    return QUALITY_RULES.filter(({ rule }) => this.count(rule) > 0).map(({ rule, severity }) => ({
      rule,
      severity,
      count: this.count(rule),
      examples: this.examples.get(rule) ?? [],
    }));
  }
}

/** Examples outlive the rows they describe: copy their strings so they do not pin the parser's input chunks. */
function detachExample(example: QualityExample): QualityExample {
  return {
    file: detachString(example.file),
    line: example.line,
    study_id: detachString(example.study_id),
    image_id: detachString(example.image_id),
    detail: detachString(example.detail),
  };
}
