// The public stats.json of a build that may be published, made from the full one in one function: every count
// from 1 to K − 1 written "< K", the counts that would give one away written "suppressed" (count-tables.ts), rates
// of a withheld count null, age bins merged at the ends (age-bins.ts) without minimum and maximum age, box sizes of
// a category under K dropped, quality examples and leakage id lists dropped for their counts. README "stats.json".

import { balanceAttribute } from '../split-balance/balance-attribute.ts';
import type { BalanceAttribute, ChiSquareResult, FiveNumber, PerSplit, QualityIssue, RandomBaseline, Stats } from '../types.ts';
import { ageBinLabel, mergeAgeBins, type MergedAgeBin } from './age-bins.ts';
import { CountTables, type CountId, type PublicCount } from './count-tables.ts';

type PublicSplitTable = PerSplit<Record<string, PublicCount>>;

interface PublicBalanceAttribute extends ChiSquareResult {
  unit: string;
  categories: string[];
  training: PublicCount[];
  test: PublicCount[];
}

export interface PublicStats {
  schemaVersion: 1;
  public: true;
  /** K: the smallest count shown; 1 … K − 1 read "< K". */
  minCell: number;
  source: Omit<Stats['source'], 'images'> & { images: { folder: boolean; withFile: PublicCount; completeStudies: PublicCount } };
  counts: Record<keyof Stats['counts'], PerSplit<PublicCount>>;
  breastBirads: PublicSplitTable;
  breastDensity: PublicSplitTable;
  findingCategories: PublicSplitTable;
  /** null where the count it is made from is withheld. */
  findingRatePer100Images: PerSplit<Record<string, number | null>>;
  findingBirads: PerSplit<Record<string, Record<string, PublicCount>>>;
  age: {
    unit: 'study';
    /** 5-year bins, the extreme ones merged and open-ended (age-bins.ts). */
    bins: PublicAgeBin[];
    known: PerSplit<PublicCount>;
    missing: PerSplit<PublicCount>;
    /** Mean and median only: the minimum and maximum are one patient's age each. */
    summary: PerSplit<{ mean: number; median: number } | null>;
  };
  splitBalance: {
    attributes: Record<string, PublicBalanceAttribute>;
    labelDistribution: number;
    examplesDistribution: number;
    randomBaseline: RandomBaseline;
    /** How many studies and series are in both splits (their ids are not published). */
    leakage: { studies: PublicCount; series: PublicCount };
  };
  /** Each rule's count, without its examples (they name studies, images and file lines). */
  quality: { issues: (Omit<QualityIssue, 'count' | 'examples'> & { count: PublicCount })[] };
  vendors: PublicSplitTable;
  vendorsUnknown: PerSplit<PublicCount>;
  imageSizes: (Pick<Stats['imageSizes'][number], 'rows' | 'columns' | 'vendor'> & {
    byVendor: Record<string, PublicCount>;
    unknownVendor: PublicCount;
    training: PublicCount;
    test: PublicCount;
    all: PublicCount;
  })[];
  densityByBirads: PerSplit<Record<string, Record<string, PublicCount>>>;
  boxGeometry: {
    /** A category with fewer than K boxes keeps only its (withheld) count. */
    size: Record<string, { count: PublicCount; widthPx: FiveNumber | null; heightPx: FiveNumber | null; aspect: FiveNumber | null }>;
    location: { cols: number; rows: number; all: PublicCount[]; byCategory: Record<string, PublicCount[]> };
  };
}

interface PublicAgeBin {
  /** null: open below ("< to"); `to` null: open above ("≥ from"). */
  from: number | null;
  to: number | null;
  label: string;
  training: PublicCount;
  test: PublicCount;
  all: PublicCount;
}

const SPLITS = ['training', 'test', 'all'] as const;
/** The unknown-vendor row's key beside the manufacturers (no manufacturer is spelled so). */
const UNKNOWN = '\u0000unknown';

/** The full stats.json → the public one, K = minCell. */
export function publicStats(stats: Stats, minCell: number): PublicStats {
  const t = new CountTables(minCell);
  const keysOf = (table: PerSplit<Record<string, unknown>>) => Object.keys(table.all);

  // ---- add every table to one problem
  const counts = {
    studies: t.perSplit(stats.counts.studies, true),
    images: t.perSplit(stats.counts.images, true),
    breasts: t.perSplit(stats.counts.breasts, true),
    findings: t.perSplit(stats.counts.findings, true),
  };
  const images = { withFile: t.single(stats.source.images.withFile), completeStudies: t.single(stats.source.images.completeStudies) };
  const birads = t.splitTable(stats.breastBirads, keysOf(stats.breastBirads), linked(t, stats.breastBirads, counts.breasts));
  const density = t.splitTable(stats.breastDensity, keysOf(stats.breastDensity), linked(t, stats.breastDensity, counts.breasts));
  // A box with several categories counts in each: the categories do not add up to the boxes, so no link there.
  const categories = t.splitTable(stats.findingCategories, keysOf(stats.findingCategories));
  const vendorKeys = keysOf(stats.vendors);
  const vendors = t.splitRows(stats.vendors, vendorKeys);
  const vendorsUnknown = t.perSplit(stats.vendorsUnknown);
  const withUnknown: PerSplit<Record<string, CountId>> = {
    training: { ...vendors.training, [UNKNOWN]: vendorsUnknown.training },
    test: { ...vendors.test, [UNKNOWN]: vendorsUnknown.test },
    all: { ...vendors.all, [UNKNOWN]: vendorsUnknown.all },
  };
  t.linkTotals(withUnknown, [...vendorKeys, UNKNOWN], counts.images);
  const findingBirads = nested(t, stats.findingBirads, categories);
  const densityByBirads = nested(t, stats.densityByBirads, density, birads);

  const bins = mergeAgeBins(stats.age.bins, minCell);
  const binKeys = bins.map((_, i) => String(i));
  const known = t.perSplit(stats.age.known);
  const missing = t.perSplit(stats.age.missing);
  const ageTable = Object.fromEntries(SPLITS.map((split) => [split, Object.fromEntries(bins.map((bin, i) => [String(i), bin[split]]))])) as PerSplit<Record<string, number>>;
  const ageRows = t.splitTable(ageTable, binKeys, known);
  t.sum(counts.studies.all, [known.all, missing.all]);

  // The split audit's tables repeat the tables above: the same counts, so the same ids (else a count withheld in
  // one table could be shown in the other).
  const same: Record<string, { ids: PerSplit<Record<string, CountId>>; keyOf: (category: string, i: number) => string }> = {
    breastBirads: { ids: birads, keyOf: (c) => c },
    breastDensity: { ids: density, keyOf: (c) => c },
    findingCategories: { ids: categories, keyOf: (c) => c },
    findingBirads: { ids: findingBirads.innerTotals, keyOf: (c) => c },
    vendor: { ids: vendors, keyOf: (c) => c },
    ageBins: { ids: ageRows, keyOf: (_, i) => String(i) },
  };
  const attributes = Object.entries(stats.splitBalance.attributes).map(([name, attribute]) => {
    const table = name === 'ageBins' ? mergedAgeAttribute(attribute, bins) : attribute;
    const reuse = same[name];
    const rows = table.categories.map((category, i) => {
      const key = reuse?.keyOf(category, i);
      const ids = key === undefined ? undefined : { training: reuse.ids.training[key], test: reuse.ids.test[key] };
      if (ids && ids.training !== undefined && t.valueOf(ids.training) === table.training[i] && t.valueOf(ids.test) === table.test[i]) return ids;
      return t.perSplit({ training: table.training[i], test: table.test[i], all: table.training[i] + table.test[i] });
    });
    t.totalOf([t.totalOf(rows.map((row) => row.training)), t.totalOf(rows.map((row) => row.test))], true);
    return { name, table, rows };
  });
  const leakage = { studies: t.single(stats.splitBalance.leakage.studies.length), series: t.single(stats.splitBalance.leakage.series.length) };
  const quality = stats.quality.issues.map((issue) => t.single(issue.count));

  const sizes = stats.imageSizes.map((size) => {
    const ids = t.perSplit(size);
    const byVendor = Object.fromEntries(Object.entries(size.byVendor).map(([vendor, n]) => [vendor, t.single(n)]));
    const unknownVendor = t.single(size.unknownVendor);
    t.sum(ids.all, [...Object.values(byVendor), unknownVendor]);
    return { size, ids, byVendor, unknownVendor };
  });
  for (const split of SPLITS) {
    const parts = sizes.map(({ ids }) => ids[split]);
    if (parts.reduce((sum, id) => sum + t.valueOf(id), 0) === t.valueOf(counts.images[split])) t.sum(counts.images[split], parts);
  }
  const boxCounts = Object.entries(stats.boxGeometry.size).map(([category, size]) => ({ category, size, id: t.single(size.count) }));
  const { location } = stats.boxGeometry;
  const locationAll = t.grid(location.all, location.cols);
  const locationBy = Object.entries(location.byCategory).map(([category, cells]) => ({ category, ids: t.grid(cells, location.cols) }));

  t.solve();

  // ---- read the results back
  const rates = {} as PublicStats['findingRatePer100Images'];
  for (const split of SPLITS) {
    rates[split] = Object.fromEntries(Object.entries(stats.findingRatePer100Images[split]).map(([key, rate]) => [key, t.shown(categories[split][key]) ? rate : null]));
  }
  return {
    schemaVersion: 1,
    public: true,
    minCell,
    source: { ...stats.source, images: { folder: stats.source.images.folder, withFile: t.count(images.withFile), completeStudies: t.count(images.completeStudies) } },
    counts: { studies: t.splitCount(counts.studies), images: t.splitCount(counts.images), breasts: t.splitCount(counts.breasts), findings: t.splitCount(counts.findings) },
    breastBirads: t.splitRecord(birads),
    breastDensity: t.splitRecord(density),
    findingCategories: t.splitRecord(categories),
    findingRatePer100Images: rates,
    findingBirads: nestedBack(t, findingBirads.ids),
    age: {
      unit: 'study',
      bins: bins.map((bin, i) => ({ from: bin.from, to: bin.to, label: ageBinLabel(bin), training: t.count(ageRows.training[i]), test: t.count(ageRows.test[i]), all: t.count(ageRows.all[i]) })),
      known: t.splitCount(known),
      missing: t.splitCount(missing),
      summary: {
        training: meanMedian(stats.age.summary.training),
        test: meanMedian(stats.age.summary.test),
        all: meanMedian(stats.age.summary.all),
      },
    },
    splitBalance: {
      attributes: Object.fromEntries(
        attributes.map(({ name, table, rows }) => [
          name,
          { ...table, training: rows.map((row) => t.count(row.training)), test: rows.map((row) => t.count(row.test)) },
        ]),
      ),
      labelDistribution: stats.splitBalance.labelDistribution,
      examplesDistribution: stats.splitBalance.examplesDistribution,
      randomBaseline: stats.splitBalance.randomBaseline,
      leakage: { studies: t.count(leakage.studies), series: t.count(leakage.series) },
    },
    quality: { issues: stats.quality.issues.map((issue, i) => ({ rule: issue.rule, severity: issue.severity, count: t.count(quality[i]) })) },
    vendors: t.splitRecord(vendors),
    vendorsUnknown: t.splitCount(vendorsUnknown),
    imageSizes: sizes.map(({ size, ids, byVendor, unknownVendor }) => ({
      rows: size.rows,
      columns: size.columns,
      vendor: size.vendor,
      byVendor: t.record(byVendor),
      unknownVendor: t.count(unknownVendor),
      ...t.splitCount(ids),
    })),
    densityByBirads: nestedBack(t, densityByBirads.ids),
    boxGeometry: {
      size: Object.fromEntries(
        boxCounts.map(({ category, size, id }) => {
          const shown = size.count >= minCell;
          return [category, { count: t.count(id), widthPx: shown ? size.widthPx : null, heightPx: shown ? size.heightPx : null, aspect: shown ? size.aspect : null }];
        }),
      ),
      location: {
        cols: location.cols,
        rows: location.rows,
        all: locationAll.map((id) => t.count(id)),
        byCategory: Object.fromEntries(locationBy.map(({ category, ids }) => [category, ids.map((id) => t.count(id))])),
      },
    },
  };
}

/**
 * A per-split outer × inner table (density × BI-RADS, category × finding BI-RADS) with all its margins: the outer
 * and inner totals given when they are published tables (linked to them), else made here.
 */
function nested(
  t: CountTables,
  table: PerSplit<Record<string, Record<string, number>>>,
  outerTotals?: PerSplit<Record<string, CountId>>,
  innerTotals?: PerSplit<Record<string, CountId>>,
): { ids: PerSplit<Record<string, Record<string, CountId>>>; innerTotals: PerSplit<Record<string, CountId>> } {
  const outers = Object.keys(table.all);
  const inners = [...new Set(outers.flatMap((outer) => Object.keys(table.all[outer])))];
  const ids = { training: {}, test: {}, all: {} } as PerSplit<Record<string, Record<string, CountId>>>;
  for (const outer of outers) {
    for (const split of SPLITS) ids[split][outer] = {};
    for (const inner of inners) {
      const cell = t.perSplit({ training: table.training[outer]?.[inner] ?? 0, test: table.test[outer]?.[inner] ?? 0, all: table.all[outer]?.[inner] ?? 0 });
      for (const split of SPLITS) ids[split][outer][inner] = cell[split];
    }
  }
  const totals = { training: {}, test: {}, all: {} } as PerSplit<Record<string, CountId>>;
  for (const split of SPLITS) {
    const margin = (given: CountId | undefined, parts: CountId[]) => {
      const sum = parts.reduce((s, id) => s + t.valueOf(id), 0);
      if (given !== undefined && t.valueOf(given) === sum) {
        t.sum(given, parts);
        return given;
      }
      return t.totalOf(parts);
    };
    const rowTotals = outers.map((outer) => margin(outerTotals?.[split][outer], inners.map((inner) => ids[split][outer][inner])));
    const colTotals = inners.map((inner) => margin(innerTotals?.[split][inner], outers.map((outer) => ids[split][outer][inner])));
    inners.forEach((inner, i) => (totals[split][inner] = colTotals[i]));
    const grand = t.totalOf(rowTotals, split === 'all');
    t.sum(grand, colTotals);
  }
  for (const inner of inners) t.sum(totals.all[inner], [totals.training[inner], totals.test[inner]]);
  return { ids, innerTotals: totals };
}

function nestedBack(t: CountTables, ids: PerSplit<Record<string, Record<string, CountId>>>): PerSplit<Record<string, Record<string, PublicCount>>> {
  const back = (split: keyof typeof ids) => Object.fromEntries(Object.entries(ids[split]).map(([outer, row]) => [outer, t.record(row)]));
  return { training: back('training'), test: back('test'), all: back('all') };
}

/** A table's published per-split totals, when its counts add up to them (else its totals are made from the table). */
function linked(t: CountTables, table: PerSplit<Record<string, number>>, totals: PerSplit<CountId>): PerSplit<CountId> | undefined {
  const adds = SPLITS.every((split) => Object.values(table[split]).reduce((a, b) => a + b, 0) === t.valueOf(totals[split]));
  return adds ? totals : undefined;
}

/** The age attribute of the split audit, over the merged bins (its χ² recomputed on them). */
function mergedAgeAttribute(attribute: BalanceAttribute, bins: readonly MergedAgeBin[]): BalanceAttribute {
  return balanceAttribute(attribute.unit, bins.map((bin) => ageBinLabel(bin)), bins.map((bin) => bin.training), bins.map((bin) => bin.test));
}

function meanMedian(summary: { mean: number; median: number } | null): { mean: number; median: number } | null {
  return summary ? { mean: summary.mean, median: summary.median } : null;
}

/** True for the stats.json of a build that may be published. */
export function isPublicStats(stats: Stats | PublicStats): stats is PublicStats {
  return 'public' in stats && stats.public === true;
}
