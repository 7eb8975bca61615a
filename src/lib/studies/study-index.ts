// The study browser's index: one StudySummary per study, and the compact form it travels in as
// public/data/studies.json. The compact form turns each study into a short array and names each vendor and finding
// category once, so 5,000 studies stay near 300 KB raw (~100 KB gzip; the random hex ids are most of it).
//
// studies.json (version 1):
//   { "version": 1,
//     "categories": ["Mass", …],          finding categories, vocabulary order then unknown spellings A→Z
//     "vendors": ["Planmed", …],          Manufacturer values, A→Z
//     "sharedSeries": {"<series id>": ["<study id>", …]}   series ids found in more than one study
//     "rows": [ CompactStudyRow, … ] }   sorted by study id
// CompactStudyRow = [id, split, right, left, findings, findingBirads, vendor, boxes, hasImages, age, boxList]
//   split          0 training, 1 test
//   right, left    BI-RADS digit + density letter ("4C"), "" when that breast has no image
//   findings       indexes into "categories"
//   findingBirads  indexes into FINDING_BIRADS ("3", "4", "5", "none")
//   vendor         index into "vendors", -1 when unknown
//   boxes          number of boxes
//   hasImages      1 when this build holds the study's DICOMs (it opens in the viewer), else 0
//   age            the study's age in years (first known, as stats.json), -1 when unknown
//   boxList        per box [finding BI-RADS index, category index, …] (the split workbench's input)
// Every row is derived from the release index by ReleaseStudies.summary (src/lib/studies/release-studies.ts).

import type { StudySummary } from '../types.ts';
import { FINDING_BIRADS, FINDING_CATEGORIES, SPLITS } from '../vocabulary.ts';

export type CompactStudyRow = [
  id: string,
  split: number,
  right: string,
  left: string,
  findings: number[],
  findingBirads: number[],
  vendor: number,
  boxes: number,
  hasImages: 0 | 1,
  age?: number,
  boxList?: number[][],
];

export interface CompactStudyIndex {
  version: 1;
  categories: string[];
  vendors: string[];
  sharedSeries?: Record<string, string[]>;
  rows: CompactStudyRow[];
}

/** Ids compare by code unit, so the order is the same in every locale (and equals `sort` on hex ids). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Vocabulary order (Table 5) first, then spellings the vocabulary does not know, alphabetically. */
export function sortCategories(categories: string[]): string[] {
  const rank = (c: string) => {
    const i = FINDING_CATEGORIES.indexOf(c);
    return i === -1 ? FINDING_CATEGORIES.length : i;
  };
  return [...categories].sort((a, b) => rank(a) - rank(b) || compareIds(a, b));
}

/** The categories and vendors a set of studies names, in the index's order (Table 5 order; vendors A→Z). */
function indexNames(studies: Iterable<StudySummary>): { categories: string[]; vendors: string[] } {
  const categories = new Set<string>();
  const vendors = new Set<string>();
  for (const study of studies) {
    for (const category of study.findings) categories.add(category);
    if (study.vendor !== null) vendors.add(study.vendor);
  }
  return { categories: sortCategories([...categories]), vendors: [...vendors].sort(compareIds) };
}

function rowEncoder(categories: readonly string[], vendors: readonly string[]): (s: StudySummary) => CompactStudyRow {
  const categoryIndex = new Map(categories.map((c, i) => [c, i]));
  const vendorIndex = new Map(vendors.map((v, i) => [v, i]));
  return (s) => [
    s.id,
    SPLITS.indexOf(s.split),
    encodeBreast(s.R),
    encodeBreast(s.L),
    s.findings.map((c) => categoryIndex.get(c) ?? -1),
    s.findingBirads.map((k) => FINDING_BIRADS.indexOf(k)),
    s.vendor === null ? -1 : (vendorIndex.get(s.vendor) ?? -1),
    s.boxes,
    s.hasImages ? 1 : 0,
    s.ageYears ?? -1,
    (s.boxList ?? []).map((b) => [FINDING_BIRADS.indexOf(b.findingBirads), ...b.categories.map((c) => categoryIndex.get(c) ?? -1)]),
  ];
}

/**
 * studies.json for `count` studies in id order, as pieces of text to write one after another: each summary is made
 * on demand (twice: once for the names, once for its row), so a release of a million images never holds all its
 * summaries, nor the whole text, at once. One row per line, so a diff between two builds shows which studies changed.
 */
export function* studyIndexPieces(count: number, summaryAt: (i: number) => StudySummary, sharedSeries: Record<string, string[]> = {}): Generator<string> {
  const all = function* () {
    for (let i = 0; i < count; i++) yield summaryAt(i);
  };
  const { categories, vendors } = indexNames(all());
  const encode = rowEncoder(categories, vendors);
  yield `{"version":1,"categories":${JSON.stringify(categories)},"vendors":${JSON.stringify(vendors)},"sharedSeries":${JSON.stringify(sharedSeries)},"rows":[\n`;
  let i = 0;
  for (const summary of all()) yield `${i++ > 0 ? ',\n' : ''}${JSON.stringify(encode(summary))}`;
  yield '\n]}\n';
}

function encodeBreast(labels: StudySummary['L']): string {
  return labels ? labels.birads + labels.density : '';
}

/**
 * What the pages need of the study index at build time (the filter choices, the totals), so `astro build` never
 * loads the index itself: its memory stays the same whatever the release's size.
 */
export interface StudyIndexFacets {
  studies: number;
  /** Studies whose DICOMs this build holds. */
  withImages: number;
  categories: string[];
  vendors: string[];
  unknownVendor: boolean;
  biradsPresent: string[];
  densitiesPresent: string[];
  /** The study ids of stats.json's quality examples that the release lists: they open in the viewer. */
  examplesInRelease: string[];
}

export function studyIndexFacets(count: number, summaryAt: (i: number) => StudySummary, isStudy: (id: string) => boolean, exampleIds: Iterable<string>): StudyIndexFacets {
  const all = function* () {
    for (let i = 0; i < count; i++) yield summaryAt(i);
  };
  const { categories, vendors } = indexNames(all());
  let withImages = 0;
  let unknownVendor = false;
  const birads = new Set<string>();
  const densities = new Set<string>();
  for (const summary of all()) {
    if (summary.hasImages) withImages++;
    if (summary.vendor === null) unknownVendor = true;
    for (const breast of [summary.L, summary.R]) {
      if (!breast) continue;
      birads.add(breast.birads);
      densities.add(breast.density);
    }
  }
  return {
    studies: count,
    withImages,
    categories,
    vendors,
    unknownVendor,
    biradsPresent: [...birads].sort(compareIds),
    densitiesPresent: [...densities].sort(compareIds),
    examplesInRelease: [...new Set(exampleIds)].filter((id) => id !== '' && isStudy(id)).sort(compareIds),
  };
}

/** Reads studies.json back into summaries; a file of another shape throws one sentence saying what is wrong. */
export function decodeStudyIndex(data: unknown): StudySummary[] {
  if (!isRecord(data) || data.version !== 1 || !Array.isArray(data.rows)) {
    throw new Error('studies.json is not a version 1 study index (rebuild the site with `npm run build`)');
  }
  const categories = stringArray(data.categories, 'categories');
  const vendors = stringArray(data.vendors, 'vendors');
  return data.rows.map((row: unknown, i: number): StudySummary => {
    if (!Array.isArray(row) || (row.length !== 9 && row.length !== 11) || typeof row[0] !== 'string') {
      throw new Error(`studies.json: row ${i + 1} is not a 9-item study row`);
    }
    const [id, split, right, left, findings, findingBirads, vendor, boxes, hasImages, age, boxList] = row as CompactStudyRow;
    const workbench =
      boxList === undefined
        ? {}
        : {
            ageYears: age !== undefined && age >= 0 ? age : null,
            boxList: boxList.map(([birads, ...cats]) => ({ findingBirads: FINDING_BIRADS[birads] ?? 'none', categories: cats.map((c) => categories[c] ?? '?') })),
          };
    return {
      id,
      split: SPLITS[split] ?? 'training',
      L: decodeBreast(left),
      R: decodeBreast(right),
      findings: findings.map((c) => categories[c] ?? '?'),
      findingBirads: findingBirads.map((k) => FINDING_BIRADS[k] ?? 'none'),
      vendor: vendor >= 0 ? (vendors[vendor] ?? null) : null,
      boxes,
      hasImages: hasImages === 1,
      ...workbench,
    };
  });
}

function decodeBreast(code: string): StudySummary['L'] {
  return code ? { birads: code.slice(0, -1), density: code.slice(-1) } : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function stringArray(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new Error(`studies.json: "${name}" is not a list of strings`);
  }
  return value;
}
