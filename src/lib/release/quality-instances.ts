// Every instance of every quality rule as CSV (data/quality-instances.csv, the review contract): the header, one
// line per instance, and the writer the quality log streams instances to while rows go past (the log itself keeps
// only counts and the first examples, so a release with hundreds of thousands of instances costs no memory here).

import Papa from 'papaparse';
import type { QualityExample, Severity } from '../types.ts';

/** Receives each instance's CSV line as it is reported; the build keeps them in files, never in memory. */
export interface QualityInstanceWriter {
  write(rule: string, line: string): void;
}

/** The contract's header line: rule,severity,file,line,study,image,detail. */
export const QUALITY_INSTANCES_HEADER = 'rule,severity,file,line,study,image,detail\n';

/** One instance as a CSV line (RFC 4180 quoting by papaparse); a line number that does not apply is an empty cell. */
export function qualityInstanceLine(rule: string, severity: Severity, example: QualityExample): string {
  const line = Number.isInteger(example.line) && example.line > 0 ? String(example.line) : '';
  const cells = [rule, severity, example.file, line, example.study_id, example.image_id, example.detail];
  return `${Papa.unparse([cells], { newline: '\n' })}\n`;
}
