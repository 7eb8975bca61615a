// Collects data-quality findings while rows stream past: a count per rule and its first examples in the order
// they were reported; with a writer attached, every instance is also handed on as a CSV line (quality-instances.ts). The rules, their severities and their order in stats.json come from src/lib/quality-rules.ts.

import { QUALITY_RULES, type QualityRule } from '../quality-rules.ts';
import type { QualityExample, QualityIssue, Severity } from '../types.ts';
import { detachString } from './interner.ts';
import { qualityInstanceLine, type QualityInstanceWriter } from './quality-instances.ts';

const MAX_EXAMPLES = 20;

export class QualityLog {
  private readonly counts = new Map<QualityRule, number>();
  private readonly examples = new Map<QualityRule, QualityExample[]>();
  private instances: QualityInstanceWriter | null = null;

  /** From now on every instance is also written out, as a line of data/quality-instances.csv. */
  streamInstances(writer: QualityInstanceWriter): void {
    this.instances = writer;
  }

  /** Counts one occurrence; the example is built only while fewer than MAX_EXAMPLES are kept or instances stream. */
  report(rule: QualityRule, example: () => QualityExample): void {
    this.counts.set(rule, (this.counts.get(rule) ?? 0) + 1);
    let kept = this.examples.get(rule);
    if (kept === undefined) {
      kept = [];
      this.examples.set(rule, kept);
    }
    if (kept.length >= MAX_EXAMPLES && this.instances === null) return;
    const built = example();
    if (this.instances !== null) this.instances.write(rule, qualityInstanceLine(rule, severityOf(rule), built));
    if (kept.length < MAX_EXAMPLES) kept.push(detachExample(built));
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

const SEVERITY = new Map<string, Severity>(QUALITY_RULES.map(({ rule, severity }) => [rule, severity]));
function severityOf(rule: QualityRule): Severity {
  return SEVERITY.get(rule) ?? 'info';
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
