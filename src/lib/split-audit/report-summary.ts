// The split audit in a few lines of plain text, for the command line's stderr (and anyone who wants it short).

import { formatLD, formatPValue, formatPercent } from '../split-balance/split-audit.ts';
import { AUDIT_ATTRIBUTES } from './attribute-tables.ts';
import type { SplitAuditReport } from './audit-report.ts';

export function reportSummary(report: SplitAuditReport): string {
  const lines: string[] = [];
  const { studies, subsets } = report;
  lines.push(
    `${report.file.name}: ${report.file.rows} rows, ${subsets.length} subsets (${subsets.map((s) => `${s.name} ${s.studies}`).join(', ')}); ` +
      `${studies.audited} of ${studies.inRelease} release studies audited, ${studies.absentFromFile} not in the file`,
  );
  for (const key of AUDIT_ATTRIBUTES) {
    const a = report.attributes[key];
    if (a.untestable !== null) continue;
    const top = a.smd[0];
    const smd = top ? `, largest |SMD| ${top.smd === null ? '∞' : Math.abs(top.smd).toFixed(3)} (${top.category}, ${top.subset})` : '';
    lines.push(`  ${a.label}: χ² ${a.chi2.toFixed(2)}, df ${a.df}, p ${formatPValue(a.pValue)}, Holm p ${formatPValue(a.pHolm ?? 1)}, V ${a.cramersV.toFixed(3)}${smd}`);
  }
  for (const { attribute, reason } of report.notTestable) lines.push(`  not testable: ${report.attributes[attribute].label}: ${reason}`);
  const baseline = report.randomBaseline;
  lines.push(
    `  LD ${formatLD(report.labelDistribution)}, at or above the LD of ${formatPercent(baseline.actualPercentile)} of ${baseline.draws} random splits of the same sizes (seed ${baseline.seed}; lower is better); ED ${report.examplesDistribution.toFixed(2)}`,
  );
  lines.push(`  leakage: ${report.leakage.studies.length} studies in two subsets, ${report.leakage.series.length} series in two subsets; ${report.unknownIds.count} ids not in the release`);
  lines.push(`  ${report.conclusion}`);
  return lines.join('\n') + '\n';
}
