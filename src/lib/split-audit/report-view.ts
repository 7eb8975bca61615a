// The split audit report as tables (the chart kit's TableModel): what the page shows and what each table's CSV
// download holds. Raw numbers in the rows (the CSV keeps them), `decimals` for how the page shows them. Pure, so
// the page script and the tests share it.

import type { TableModel } from '../chart-data/types.ts';
import { AUDIT_ATTRIBUTES, type AuditAttribute } from './attribute-tables.ts';
import type { SplitAuditReport } from './audit-report.ts';

export interface ReportTable extends TableModel {
  /** Stable id: the table's element id and the CSV file name. */
  id: string;
}

const num = (label: string, decimals?: number) => ({ label, numeric: true, ...(decimals === undefined ? {} : { decimals }) });
const text = (label: string) => ({ label, numeric: false });

/** Testable attributes, largest Cramér's V first (then by key, for a stable order). */
function testedAttributes(report: SplitAuditReport): AuditAttribute[] {
  return AUDIT_ATTRIBUTES.filter((a) => report.attributes[a].untestable === null).sort(
    (a, b) => report.attributes[b].cramersV - report.attributes[a].cramersV || (a < b ? -1 : 1),
  );
}

function summaryTable(report: SplitAuditReport): ReportTable {
  return {
    id: 'attributes',
    caption: 'χ² test per attribute, largest Cramér’s V first (p adjusted for the attributes tested, Holm)',
    columns: [text('Attribute'), text('Counted per'), num('χ²', 2), num('df'), num('p', 3), num('p (Holm)', 3), num('Cramér’s V', 3), text('Largest |SMD|'), num('SMD', 3)],
    rows: testedAttributes(report).map((key) => {
      const a = report.attributes[key];
      const top = a.smd[0];
      return [a.label, a.unit, a.chi2, a.df, a.pValue, a.pHolm ?? 1, a.cramersV, top ? `${top.category} in ${top.subset}` : '—', top?.smd ?? '∞'];
    }),
  };
}

function notTestableTable(report: SplitAuditReport): ReportTable {
  return {
    id: 'not-testable',
    caption: 'Attributes that could not be tested, and why',
    columns: [text('Attribute'), text('Reason')],
    rows: report.notTestable.map(({ attribute, reason }) => [report.attributes[attribute].label, reason]),
  };
}

/** One attribute's k × c table: per category the count and share of each subset. */
function attributeTable(report: SplitAuditReport, key: AuditAttribute): ReportTable {
  const a = report.attributes[key];
  const names = report.subsets.map((s) => s.name);
  return {
    id: `attribute-${key}`,
    caption: `${a.label}: ${a.unit} counts and shares per subset`,
    columns: [text('Category'), ...names.flatMap((name) => [num(`${name} (n)`), num(`${name} (%)`, 1)])],
    rows: a.categories.map((category, j) => [category, ...a.counts.flatMap((row, i) => [row[j], a.shares[i][j]])]),
  };
}

/** Per category and subset the SMD against the other subsets, largest |SMD| first. */
function smdTable(report: SplitAuditReport, key: AuditAttribute): ReportTable {
  const a = report.attributes[key];
  return {
    id: `smd-${key}`,
    caption: `${a.label}: standardized mean difference of each subset against the rest, largest first`,
    columns: [text('Category'), text('Subset'), num('SMD', 3)],
    rows: a.smd.map((e) => [e.category, e.subset, e.smd ?? '∞']),
  };
}

function subsetsTable(report: SplitAuditReport): ReportTable {
  const total = report.subsets.reduce((sum, s) => sum + s.studies, 0);
  return {
    id: 'subsets',
    caption: 'Subsets: studies audited (known to the release, each counted in the subset of its first row)',
    columns: [text('Subset'), num('Studies'), num('Share (%)', 1)],
    rows: report.subsets.map((s) => [s.name, s.studies, total > 0 ? (s.studies / total) * 100 : 0]),
  };
}

function baselineTable(report: SplitAuditReport): ReportTable {
  const q = report.randomBaseline.quantiles;
  return {
    id: 'random-baseline',
    caption: `LD of ${report.randomBaseline.draws} random study-level splits of the same sizes (seed ${report.randomBaseline.seed})`,
    columns: [text('Measure'), num('LD', 4)],
    rows: [['1st percentile', q.p01], ['5th percentile', q.p05], ['Median', q.p50], ['95th percentile', q.p95], ['This split', report.labelDistribution], ['Its percentile (%)', report.randomBaseline.actualPercentile]],
  };
}

function leakageTable(report: SplitAuditReport): ReportTable {
  return {
    id: 'leakage',
    caption: 'Leakage: studies whose rows name two subsets, and series ids in two subsets',
    columns: [text('Kind'), text('Id'), text('Subsets')],
    rows: [
      ...report.leakage.studies.map((l) => ['study', l.id, l.subsets.join(' · ')]),
      ...report.leakage.series.map((l) => ['series', l.id, l.subsets.join(' · ')]),
    ],
  };
}

function unknownIdsTable(report: SplitAuditReport): ReportTable {
  return { id: 'unknown-ids', caption: 'Ids of the file that are not in this release', columns: [text('Id')], rows: report.unknownIds.ids.map((id) => [id]) };
}

/** Every table of the report, in page order. */
export function reportTables(report: SplitAuditReport): ReportTable[] {
  const tested = testedAttributes(report);
  return [
    subsetsTable(report),
    summaryTable(report),
    notTestableTable(report),
    ...tested.flatMap((key) => [attributeTable(report, key), smdTable(report, key)]),
    baselineTable(report),
    leakageTable(report),
    unknownIdsTable(report),
  ];
}
