// The audit of any split (k subsets) of the release's studies: per attribute the k × c table, shares, χ² with df,
// p and Holm's adjusted p, Cramér's V and per category each subset's SMD against the rest; LD and ED with the random
// baseline; leakage and ids the release does not know. Names follow stats.json's where they mean the same. The command
// line (`npm run audit-split`) and the browser page both call auditSplit, so their reports are the same bytes.

import { ATTRIBUTE_NAMES, AUDIT_ATTRIBUTES, attributeTables, type AuditAttribute } from './attribute-tables.ts';
import { binarySmd, chiSquareTable, holmAdjust, keptColumns } from './contingency.ts';
import type { SplitAssignment } from './split-file.ts';
import { presenceLabels, type StudyAttributes } from './study-attributes.ts';
import { encodeSubsets, examplesDistributionK, labelDistributionOf, subsetRandomBaseline, type SubsetRandomBaseline } from './subset-balance.ts';

/** What a subset lacks when its row of the table is empty. */
const MISSING_NOUN: Readonly<Record<AuditAttribute, string>> = {
  breastBirads: 'breasts',
  breastDensity: 'breasts',
  findingCategories: 'boxes',
  findingBirads: 'boxes',
  age: 'studies with a known age',
  vendor: 'studies with a known vendor',
};

interface SmdEntry {
  category: string;
  subset: string;
  /** null when one side has the category everywhere and the other nowhere (no finite SMD). */
  smd: number | null;
}

interface AuditedAttribute {
  label: string;
  unit: string;
  categories: string[];
  /** counts[subset][category], zero-total categories left out. */
  counts: number[][];
  /** Percent of each subset's known counts (0–100). */
  shares: number[][];
  chi2: number;
  df: number;
  pValue: number;
  /** Holm-adjusted over the testable attributes; null when this one is not testable. */
  pHolm: number | null;
  cramersV: number;
  /** Largest |SMD| first; empty when not testable. */
  smd: SmdEntry[];
  /** Why there is nothing to test, or null. */
  untestable: string | null;
}

export interface SplitAuditReport {
  reportVersion: 1;
  file: { name: string; rows: number; sha256: string; idColumn: string; subsetColumn: string };
  subsets: { name: string; studies: number }[];
  studies: { inRelease: number; audited: number; absentFromFile: number; absentIds?: string[] };
  attributes: Record<AuditAttribute, AuditedAttribute>;
  notTestable: { attribute: AuditAttribute; reason: string }[];
  labelDistribution: number;
  examplesDistribution: number;
  randomBaseline: SubsetRandomBaseline;
  leakage: { studies: { id: string; subsets: string[] }[]; series: { id: string; subsets: string[] }[] };
  unknownIds: { count: number; ids: string[] };
  conclusion: string;
}

interface AuditOptions {
  fileFacts: { name: string; sha256: string };
  /** Series ids that occur in more than one study → those studies. */
  sharedSeries?: ReadonlyMap<string, readonly string[]>;
  draws?: number;
  seed?: number;
  listAbsent?: boolean;
}

export function auditSplit(release: readonly StudyAttributes[], assignment: SplitAssignment, options: AuditOptions): SplitAuditReport {
  const k = assignment.subsets.length;
  const audited = release.filter((study) => assignment.subsetOf.has(study.id));
  const subsetOf = audited.map((study) => assignment.subsetOf.get(study.id)!);
  const names = assignment.subsets;

  const tables = attributeTables(audited, subsetOf, k);
  const tested = AUDIT_ATTRIBUTES.map((attribute) => {
    const table = tables[attribute];
    const kept = keptColumns(table.counts);
    const counts = table.counts.map((row) => kept.map((j) => row[j]));
    return { attribute, unit: table.unit, categories: kept.map((j) => table.categories[j]), counts, test: chiSquareTable(counts, names.map((n) => `Subset "${n}"`), MISSING_NOUN[attribute]) };
  });
  const pHolm = holmAdjust(tested.map(({ test }) => (test.untestable === null ? test.pValue : null)));
  const attributes = {} as Record<AuditAttribute, AuditedAttribute>;
  tested.forEach(({ attribute, unit, categories, counts, test }, a) => {
    const rowTotals = counts.map((row) => row.reduce((sum, n) => sum + n, 0));
    attributes[attribute] = {
      label: ATTRIBUTE_NAMES[attribute],
      unit,
      categories,
      counts,
      shares: counts.map((row, i) => row.map((n) => (rowTotals[i] > 0 ? (n / rowTotals[i]) * 100 : 0))),
      chi2: test.chi2,
      df: test.df,
      pValue: test.pValue,
      pHolm: pHolm[a],
      cramersV: test.cramersV,
      smd: test.untestable === null ? smdEntries(categories, counts, names) : [],
      untestable: test.untestable,
    };
  });

  const encoded = encodeSubsets(subsetOf, audited.map(presenceLabels), k);
  const labelDistribution = labelDistributionOf(encoded);
  const fileTotal = assignment.fileSizes.reduce((sum, n) => sum + n, 0);
  const notTestable = AUDIT_ATTRIBUTES.filter((a) => attributes[a].untestable !== null).map((attribute) => ({ attribute, reason: attributes[attribute].untestable! }));
  const absent = release.filter((study) => !assignment.subsetOf.has(study.id)).map((study) => study.id);
  return {
    reportVersion: 1,
    file: { name: options.fileFacts.name, rows: assignment.rows, sha256: options.fileFacts.sha256, idColumn: assignment.idColumn, subsetColumn: assignment.subsetColumn },
    subsets: names.map((name, i) => ({ name, studies: encoded.sizes[i] })),
    studies: { inRelease: release.length, audited: audited.length, absentFromFile: absent.length, ...(options.listAbsent ? { absentIds: absent } : {}) },
    attributes,
    notTestable,
    labelDistribution,
    examplesDistribution: examplesDistributionK(encoded.sizes, assignment.fileSizes.map((n) => n / fileTotal)),
    randomBaseline: subsetRandomBaseline(encoded, labelDistribution, options.draws ?? 1000, options.seed ?? 2011),
    leakage: {
      studies: [...assignment.conflicts].map(([id, subsets]) => ({ id, subsets })).sort(byId),
      series: seriesLeaks(options.sharedSeries, assignment),
    },
    unknownIds: { count: assignment.unknownIds.length, ids: [...assignment.unknownIds] },
    conclusion: conclusionOf(attributes, notTestable),
  };
}

/** Per category and subset: SMD of "this count is in the category" for the subset against all other subsets. */
function smdEntries(categories: readonly string[], counts: readonly number[][], names: readonly string[]): SmdEntry[] {
  const rowTotals = counts.map((row) => row.reduce((sum, n) => sum + n, 0));
  const total = rowTotals.reduce((sum, n) => sum + n, 0);
  const entries: SmdEntry[] = [];
  categories.forEach((category, j) => {
    const columnTotal = counts.reduce((sum, row) => sum + row[j], 0);
    counts.forEach((row, i) => {
      const p1 = row[j] / rowTotals[i];
      const p2 = (columnTotal - row[j]) / (total - rowTotals[i]);
      entries.push({ category, subset: names[i], smd: binarySmd(p1, p2) });
    });
  });
  const size = (e: SmdEntry) => (e.smd === null ? Infinity : Math.abs(e.smd));
  return entries.sort((a, b) => size(b) - size(a));
}

function seriesLeaks(shared: ReadonlyMap<string, readonly string[]> | undefined, assignment: SplitAssignment): { id: string; subsets: string[] }[] {
  const leaks: { id: string; subsets: string[] }[] = [];
  for (const [id, studies] of shared ?? []) {
    const subsets = new Set<number>();
    for (const study of studies) {
      const subset = assignment.subsetOf.get(study);
      if (subset !== undefined) subsets.add(subset);
    }
    if (subsets.size > 1) leaks.push({ id, subsets: [...subsets].sort((a, b) => a - b).map((i) => assignment.subsets[i]) });
  }
  return leaks.sort(byId);
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One paragraph: which tested attributes differ after Holm's adjustment, and which attributes it leaves out. */
function conclusionOf(attributes: Record<AuditAttribute, AuditedAttribute>, notTestable: readonly { attribute: AuditAttribute }[]): string {
  const tested = AUDIT_ATTRIBUTES.filter((a) => attributes[a].untestable === null);
  const differing = tested.filter((a) => (attributes[a].pHolm ?? 1) < 0.05);
  const list = (keys: readonly AuditAttribute[]) => keys.map((a) => attributes[a].label).join(', ');
  let text =
    tested.length === 0
      ? 'No attribute could be tested.'
      : differing.length === 0
        ? `None of the ${tested.length} tested attributes (${list(tested)}) differs between the subsets beyond chance (Holm-adjusted p ≥ 0.05).`
        : `${differing.length} of the ${tested.length} tested attributes differ between the subsets beyond chance (Holm-adjusted p < 0.05): ${list(differing)}.`;
  if (notTestable.length > 0) text += ` This leaves out ${list(notTestable.map((n) => n.attribute))}, which could not be tested (listed apart, with the reason).`;
  return text;
}
