// Collects data-quality findings while rows stream past: a count per rule and its first examples in the order
// they were reported. The rules, their severities and their order in stats.json come from src/lib/quality-rules.ts.

import { QUALITY_RULES, type QualityRule } from '../quality-rules.ts';
import type { QualityExample, QualityIssue } from '../types.ts';
import { detachString } from './interner.ts';

const MAX_EXAMPLES = 20;

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
