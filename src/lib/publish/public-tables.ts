// What each statistics page of a build that may be published shows: plain tables made from the public stats.json
// (public-stats.ts), every withheld count read as "< K" or "suppressed" and every share of one left out, never a
// number standing in for it. Pure: the page component (src/components/publish/PublicTables.astro) only lays them out.

import { formatCount, formatShare } from '../chart-data/format.ts';
import { QUALITY_RULES } from '../quality-rules.ts';
import { BALANCE_ATTRIBUTE_LABELS, formatLD, formatPValue } from '../split-balance/split-audit.ts';
import type { PerSplit } from '../types.ts';
import { isShownCount, type PublicCount } from './count-tables.ts';
import type { PublicStats } from './public-stats.ts';

interface PublicTable {
  id: string;
  caption: string;
  /** Header of the first column, then of the value columns. */
  columns: string[];
  rows: { label: string; cells: string[] }[];
  /** A sentence under the table (what a share is of, what was merged). */
  note?: string;
}

const SPLIT_COLUMNS = ['training', 'test', 'all'] as const;
const DASH = '—';

/** A count as shown: "1,234", "< 5", "suppressed". */
export function showCount(count: PublicCount): string {
  return isShownCount(count) ? formatCount(count) : count;
}

/** The share of a count in its total, or a dash when either is withheld (a share would give the count away). */
function share(count: PublicCount, total: PublicCount): string {
  if (!isShownCount(count) || !isShownCount(total)) return DASH;
  return total === 0 ? DASH : `${formatShare((count / total) * 100, 1)} %`;
}

/** Keys by split as rows: count and share of the split's total for training, test and all. */
function splitTable(id: string, caption: string, rowLabel: string, table: PerSplit<Record<string, PublicCount>>, totals: PerSplit<PublicCount>, label = (key: string) => key): PublicTable {
  return {
    id,
    caption,
    columns: [rowLabel, 'Training', '% of training', 'Test', '% of test', 'All', '% of all'],
    rows: Object.keys(table.all).map((key) => ({
      label: label(key),
      cells: SPLIT_COLUMNS.flatMap((split) => [showCount(table[split][key] ?? 0), share(table[split][key] ?? 0, totals[split])]),
    })),
  };
}

/** Outer × inner counts of one split (density × BI-RADS, category × finding BI-RADS). */
function crossTable(id: string, caption: string, rowLabel: string, table: Record<string, Record<string, PublicCount>>, innerLabel = (key: string) => key): PublicTable {
  const inners = [...new Set(Object.values(table).flatMap((row) => Object.keys(row)))];
  return {
    id,
    caption,
    columns: [rowLabel, ...inners.map(innerLabel)],
    rows: Object.entries(table).map(([outer, row]) => ({ label: outer, cells: inners.map((inner) => showCount(row[inner] ?? 0)) })),
  };
}

function perSplitRow(label: string, counts: PerSplit<PublicCount>): { label: string; cells: string[] } {
  return { label, cells: SPLIT_COLUMNS.map((split) => showCount(counts[split])) };
}

/** The tables of one statistics page (by its site path); empty for pages without public tables. */
export function publicTablesFor(path: string, stats: PublicStats): PublicTable[] {
  const { counts } = stats;
  switch (path) {
    case '/birads/':
      return [splitTable('birads', 'Breasts per BI-RADS category', 'BI-RADS', stats.breastBirads, counts.breasts)];
    case '/density/':
      return [splitTable('density', 'Breasts per density category', 'Density', stats.breastDensity, counts.breasts)];
    case '/findings/':
      return [
        {
          ...splitTable('findings', 'Boxes per finding category', 'Category', stats.findingCategories, counts.findings),
          note: 'A box with several categories counts once in each, so shares of a split’s boxes can add up to more than 100 %.',
        },
        {
          id: 'finding-rate',
          caption: 'Boxes per 100 images',
          columns: ['Category', 'Training', 'Test', 'All'],
          rows: Object.keys(stats.findingRatePer100Images.all).map((key) => ({
            label: key,
            cells: SPLIT_COLUMNS.map((split) => {
              const rate = stats.findingRatePer100Images[split][key];
              return rate === null || rate === undefined ? DASH : formatShare(rate, 3);
            }),
          })),
          note: 'A dash: the count the rate is made from is withheld.',
        },
        crossTable('finding-birads', 'Boxes per category and finding BI-RADS (all splits)', 'Category', stats.findingBirads.all, (key) => (key === 'none' ? 'none' : `BI-RADS ${key}`)),
      ];
    case '/age/':
      return [
        {
          id: 'age',
          caption: 'Studies per age group (years)',
          columns: ['Age', 'Training', 'Test', 'All'],
          rows: stats.age.bins.map((bin) => ({ label: bin.label, cells: SPLIT_COLUMNS.map((split) => showCount(bin[split])) })),
          note: 'The youngest and oldest groups are merged into open-ended ones until each holds enough studies; minimum and maximum age are not shown.',
        },
        {
          id: 'age-summary',
          caption: 'Age summary per split',
          columns: ['Statistic', 'Training', 'Test', 'All'],
          rows: [
            { label: 'Mean age', cells: SPLIT_COLUMNS.map((split) => (stats.age.summary[split] ? formatShare(stats.age.summary[split]!.mean, 1) : DASH)) },
            { label: 'Median age', cells: SPLIT_COLUMNS.map((split) => (stats.age.summary[split] ? formatShare(stats.age.summary[split]!.median, 1) : DASH)) },
            perSplitRow('Studies with a known age', stats.age.known),
            perSplitRow('Studies without an age', stats.age.missing),
          ],
        },
      ];
    case '/vendors/': {
      const vendors = splitTable('vendors', 'Images per manufacturer', 'Manufacturer', stats.vendors, counts.images);
      const unknown = SPLIT_COLUMNS.flatMap((split) => [showCount(stats.vendorsUnknown[split]), share(stats.vendorsUnknown[split], counts.images[split])]);
      return [
        { ...vendors, rows: [...vendors.rows, { label: 'unknown', cells: unknown }], note: 'Shares are of all the split’s images; an image whose manufacturer is unknown is counted as such, never imputed.' },
        {
          id: 'image-sizes',
          caption: 'Images per size (rows × columns)',
          columns: ['Size', 'Manufacturer', 'Training', 'Test', 'All'],
          rows: stats.imageSizes.map((size) => ({ label: `${size.rows} × ${size.columns}`, cells: [size.vendor ?? DASH, ...SPLIT_COLUMNS.map((split) => showCount(size[split]))] })),
        },
      ];
    }
    case '/density-birads/':
      return [crossTable('density-birads', 'Breasts per density (rows) and BI-RADS (columns), all splits', 'Density', stats.densityByBirads.all, (key) => `BI-RADS ${key}`)];
    case '/boxes/':
      return [
        {
          id: 'box-size',
          caption: 'Box size per category (pixels; medians, with the quartiles)',
          columns: ['Category', 'Boxes', 'Width', 'Height', 'Aspect (w / h)'],
          rows: Object.entries(stats.boxGeometry.size).map(([category, size]) => ({
            label: category,
            cells: [
              showCount(size.count),
              ...[size.widthPx, size.heightPx, size.aspect].map((five, i) => (five ? `${formatShare(five.median, i === 2 ? 2 : 0)} (${formatShare(five.q1, i === 2 ? 2 : 0)}–${formatShare(five.q3, i === 2 ? 2 : 0)})` : DASH)),
            ],
          })),
          note: 'A category with fewer boxes than the smallest count shown has no size summary.',
        },
        {
          id: 'box-location',
          caption: `Where box centres sit: boxes per cell of a ${stats.boxGeometry.location.cols} × ${stats.boxGeometry.location.rows} grid over the image (right-breast boxes mirrored), all categories`,
          columns: ['Row', ...Array.from({ length: stats.boxGeometry.location.cols }, (_, c) => `column ${c + 1}`)],
          rows: Array.from({ length: stats.boxGeometry.location.rows }, (_, r) => ({
            label: `row ${r + 1}`,
            cells: stats.boxGeometry.location.all.slice(r * stats.boxGeometry.location.cols, (r + 1) * stats.boxGeometry.location.cols).map(showCount),
          })),
        },
      ];
    case '/audit/split/':
      return [
        {
          id: 'split-tests',
          caption: 'Training against test, per attribute: Pearson’s χ² test of independence',
          columns: ['Attribute', 'χ²', 'df', 'p', 'Cramér’s V'],
          rows: Object.entries(stats.splitBalance.attributes).map(([name, a]) => ({
            label: BALANCE_ATTRIBUTE_LABELS[name] ?? name,
            cells: [formatShare(a.chi2, 2), String(a.df), formatPValue(a.pValue), formatShare(a.cramersV, 3)],
          })),
          note: 'Age is tested on the merged age groups of the age page.',
        },
        ...Object.entries(stats.splitBalance.attributes).map(([name, a]) => ({
          id: `split-${name}`,
          caption: `${BALANCE_ATTRIBUTE_LABELS[name] ?? name}: ${a.unit} counts per split`,
          columns: ['Category', 'Training', 'Test'],
          rows: a.categories.map((category, i) => ({ label: category, cells: [showCount(a.training[i]), showCount(a.test[i])] })),
        })),
        {
          id: 'split-ld',
          caption: 'Label and examples distribution (Sechidis et al. 2011)',
          columns: ['Measure', 'Value'],
          rows: [
            { label: 'Label distribution (LD)', cells: [formatLD(stats.splitBalance.labelDistribution)] },
            { label: 'Examples distribution (ED)', cells: [formatLD(stats.splitBalance.examplesDistribution)] },
            { label: `LD of ${formatCount(stats.splitBalance.randomBaseline.draws)} random splits, median`, cells: [formatLD(stats.splitBalance.randomBaseline.quantiles.p50)] },
            { label: 'Share of random splits with an LD at or below the actual one', cells: [`${formatShare(stats.splitBalance.randomBaseline.actualPercentile, 1)} %`] },
            { label: 'Studies in both splits', cells: [showCount(stats.splitBalance.leakage.studies)] },
            { label: 'Series in both splits', cells: [showCount(stats.splitBalance.leakage.series)] },
          ],
          note: 'Which studies and series are in both splits is not published: their ids identify them.',
        },
      ];
    case '/audit/quality/': {
      const counts = new Map(stats.quality.issues.map((issue) => [issue.rule, issue.count]));
      return [
        {
          id: 'quality',
          caption: 'Data-quality rules: how often each fired',
          columns: ['Rule', 'Severity', 'Count', 'What it means', 'Why it matters'],
          rows: QUALITY_RULES.map((rule) => ({ label: rule.title, cells: [rule.severity, showCount(counts.get(rule.rule) ?? 0), rule.meaning, rule.whyItMatters] })),
          note: 'The examples (file, line, study and image) are not published: they point at single rows of the release.',
        },
      ];
    }
    default:
      return [];
  }
}
