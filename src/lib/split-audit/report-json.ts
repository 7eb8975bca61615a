// The report's bytes: two-space JSON with a trailing newline, so the command line's file and the browser's download
// are identical for the same inputs.

import type { SplitAuditReport } from './audit-report.ts';

export function serializeReport(report: SplitAuditReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
