// Categorical tables of stats.json for the bar charts: Table 3 (breast BI-RADS, also in the paper's screening
// grouping), Table 4 (density), Table 5 (finding categories, percent = rate per 100 images) and Fig. 3 (finding
// BI-RADS per category, stacked). Categories follow the vocabulary's order; spellings the vocabulary does not know
// (another release) are appended, never dropped.

import { colorOf } from '../palette.ts';
import type { PerSplit, Stats } from '../types.ts';
import { BIRADS, DENSITIES, FINDING_BIRADS, FINDING_CATEGORIES, SCREENING_GROUPS } from '../vocabulary.ts';
import type { BarTable, Category } from './types.ts';

const SPLIT_KEYS = ['training', 'test', 'all'] as const;

/** Known keys in vocabulary order, then any other key present in the data, sorted. */
export function orderedKeys(known: readonly string[], present: Iterable<string>): string[] {
  const extra = [...new Set(present)].filter((k) => !known.includes(k)).sort();
  return [...known, ...extra];
}

function perSplit<T>(make: (split: (typeof SPLIT_KEYS)[number]) => T): PerSplit<T> {
  return { training: make('training'), test: make('test'), all: make('all') };
}

/** A one-series table from a per-split count record. */
function singleSeries(
  counts: PerSplit<Record<string, number>>,
  rows: Category[],
  fields: Omit<BarTable, 'rows' | 'series' | 'counts'>,
): BarTable {
  return {
    ...fields,
    rows,
    series: [{ key: 'count', label: fields.unit, color: '' }],
    counts: perSplit((split) => rows.map((row) => [counts[split]?.[row.key] ?? 0])),
  };
}

function presentKeys(counts: PerSplit<Record<string, unknown>>): string[] {
  return SPLIT_KEYS.flatMap((split) => Object.keys(counts[split] ?? {}));
}

const shareOfBreasts = { of: 'total', label: '% of breasts', decimals: 2 } as const;

/** Table 3: breasts per BI-RADS category. */
export function breastBiradsTable(stats: Stats): BarTable {
  const rows = orderedKeys(BIRADS, presentKeys(stats.breastBirads)).map((key) => ({
    key,
    label: `BI-RADS ${key}`,
    color: colorOf('birads', key),
  }));
  return singleSeries(stats.breastBirads, rows, {
    id: 'categories',
    label: 'BI-RADS 1–5',
    rowLabel: 'BI-RADS',
    unit: 'breasts',
    percent: shareOfBreasts,
  });
}

/** The paper's screening grouping: normal (1), benign (2), recall (3–5). Other digits (0, 6) are left out. */
export function screeningTable(stats: Stats): BarTable {
  const rows = SCREENING_GROUPS.map((g) => ({ key: g.key, label: g.label, color: colorOf('screening', g.key) }));
  const grouped = perSplit((split) =>
    Object.fromEntries(
      SCREENING_GROUPS.map((g) => [g.key, g.birads.reduce((sum, digit) => sum + (stats.breastBirads[split]?.[digit] ?? 0), 0)]),
    ),
  );
  return singleSeries(grouped, rows, {
    id: 'screening',
    label: 'Screening groups',
    rowLabel: 'Screening group',
    unit: 'breasts',
    percent: shareOfBreasts,
  });
}

/** Table 4: breasts per density category. */
export function breastDensityTable(stats: Stats): BarTable {
  const rows = orderedKeys(DENSITIES, presentKeys(stats.breastDensity)).map((key) => ({
    key,
    label: `Density ${key}`,
    color: colorOf('density', key),
  }));
  return singleSeries(stats.breastDensity, rows, {
    id: 'density',
    label: 'Density A–D',
    rowLabel: 'Density',
    unit: 'breasts',
    percent: shareOfBreasts,
  });
}

/** Table 5: boxes per finding category; percent mode is the paper's rate per 100 images of the split. */
export function findingCategoriesTable(stats: Stats): BarTable {
  const rows = orderedKeys(FINDING_CATEGORIES, presentKeys(stats.findingCategories)).map((key) => ({
    key,
    label: key,
    color: colorOf('finding', key),
  }));
  return singleSeries(stats.findingCategories, rows, {
    id: 'findings',
    label: 'Finding categories',
    rowLabel: 'Finding',
    unit: 'boxes',
    percent: { of: 'base', base: stats.counts.images, label: 'per 100 images', decimals: 3 },
  });
}

/** Fig. 3: boxes per finding category, stacked by the finding's own BI-RADS; percent is the share within a category. */
export function findingBiradsTable(stats: Stats): BarTable {
  const categoryKeys = orderedKeys(FINDING_CATEGORIES, presentKeys(stats.findingBirads));
  const rows = categoryKeys.map((key) => ({ key, label: key, color: colorOf('finding', key) }));
  const series = FINDING_BIRADS.map((key) => ({
    key,
    label: key === 'none' ? 'No BI-RADS' : `BI-RADS ${key}`,
    color: colorOf('findingBirads', key),
  }));
  return {
    id: 'finding-birads',
    label: 'Finding BI-RADS',
    rowLabel: 'Finding',
    rows,
    series,
    unit: 'boxes',
    counts: perSplit((split) => rows.map((row) => series.map((s) => stats.findingBirads[split]?.[row.key]?.[s.key as '3'] ?? 0))),
    percent: { of: 'row', label: '% of the category’s boxes', decimals: 2 },
  };
}
