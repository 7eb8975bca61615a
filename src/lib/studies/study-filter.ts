// What the study browser shows: the filter state, how it reads from and writes to the page URL (so links and
// back/forward keep the view), which studies pass it, their order, and which page of them is on screen.

import type { FindingBiradsKey, Split, StudySummary } from '../types.ts';
import { FINDING_BIRADS, NO_FINDING, SPLITS } from '../vocabulary.ts';
import { compareIds } from './study-index.ts';

export const SORT_KEYS = ['id', 'birads', 'density', 'boxes', 'findings', 'vendor'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Vendor filter value for studies whose Manufacturer is unknown. */
export const UNKNOWN_VENDOR = 'unknown';

export interface StudyFilter {
  split: Split | null;
  /** A breast BI-RADS digit: either breast has it. */
  birads: string | null;
  /** A density letter: either breast has it. */
  density: string | null;
  /** A finding category the study has, or 'No Finding' for studies without boxes. */
  finding: string | null;
  /** A finding BI-RADS key one of its boxes has. */
  findingBirads: FindingBiradsKey | null;
  /** A Manufacturer, or UNKNOWN_VENDOR. */
  vendor: string | null;
  /** Only studies whose DICOMs are in this build. */
  images: boolean;
  /** Id prefix, lower case. */
  idPrefix: string;
  sort: SortKey;
  descending: boolean;
  /** 1-based page. */
  page: number;
}

const DEFAULT_FILTER: Readonly<StudyFilter> = {
  split: null,
  birads: null,
  density: null,
  finding: null,
  findingBirads: null,
  vendor: null,
  images: false,
  idPrefix: '',
  sort: 'id',
  descending: false,
  page: 1,
};

/**
 * Reads the filter from a query string. Values it does not understand fall back to the default rather than
 * emptying the table; category and vendor names are kept as given (the index decides whether they match).
 */
export function parseFilterQuery(query: string | URLSearchParams): StudyFilter {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const text = (name: string): string | null => {
    const value = params.get(name)?.trim();
    return value ? value : null;
  };
  const split = text('split');
  const birads = text('birads');
  const density = text('density')?.toUpperCase() ?? null;
  const findingBirads = text('fbirads');
  const sortParam = text('sort') ?? '';
  const sortKey = sortParam.replace(/^-/, '');
  const page = Number(text('page') ?? '1');
  return {
    split: (SPLITS as readonly string[]).includes(split ?? '') ? (split as Split) : null,
    birads: birads !== null && /^[0-6]$/.test(birads) ? birads : null,
    density: density !== null && /^[A-D]$/.test(density) ? density : null,
    finding: text('finding'),
    findingBirads: (FINDING_BIRADS as readonly string[]).includes(findingBirads ?? '') ? (findingBirads as FindingBiradsKey) : null,
    vendor: text('vendor'),
    images: params.get('images') === '1',
    idPrefix: (text('q') ?? '').toLowerCase(),
    sort: (SORT_KEYS as readonly string[]).includes(sortKey) ? (sortKey as SortKey) : 'id',
    descending: sortParam.startsWith('-') && (SORT_KEYS as readonly string[]).includes(sortKey),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The query string for a filter (without "?"): defaults left out, parameters in a fixed order. */
export function serializeFilterQuery(filter: StudyFilter): string {
  const params = new URLSearchParams();
  if (filter.split) params.set('split', filter.split);
  if (filter.birads) params.set('birads', filter.birads);
  if (filter.density) params.set('density', filter.density);
  if (filter.finding) params.set('finding', filter.finding);
  if (filter.findingBirads) params.set('fbirads', filter.findingBirads);
  if (filter.vendor) params.set('vendor', filter.vendor);
  if (filter.images) params.set('images', '1');
  if (filter.idPrefix) params.set('q', filter.idPrefix);
  if (filter.sort !== 'id' || filter.descending) params.set('sort', (filter.descending ? '-' : '') + filter.sort);
  if (filter.page > 1) params.set('page', String(filter.page));
  return params.toString();
}

/** The studies that pass every set criterion, in their given order. */
export function filterStudies(studies: readonly StudySummary[], filter: StudyFilter): StudySummary[] {
  const prefix = filter.idPrefix.toLowerCase();
  return studies.filter((s) => {
    if (filter.split && s.split !== filter.split) return false;
    if (filter.birads && s.L?.birads !== filter.birads && s.R?.birads !== filter.birads) return false;
    if (filter.density && s.L?.density !== filter.density && s.R?.density !== filter.density) return false;
    if (filter.finding) {
      if (filter.finding === NO_FINDING ? s.boxes > 0 : !s.findings.includes(filter.finding)) return false;
    }
    if (filter.findingBirads && !s.findingBirads.includes(filter.findingBirads)) return false;
    if (filter.vendor && (s.vendor ?? UNKNOWN_VENDOR) !== filter.vendor) return false;
    if (filter.images && !s.hasImages) return false;
    if (prefix && !s.id.startsWith(prefix)) return false;
    return true;
  });
}

/** Highest BI-RADS / density of the two breasts ("" when neither has an image). */
export function highestBirads(s: StudySummary): string {
  return maxOf(s.L?.birads, s.R?.birads);
}

export function highestDensity(s: StudySummary): string {
  return maxOf(s.L?.density, s.R?.density);
}

function maxOf(a: string | undefined, b: string | undefined): string {
  const x = a ?? '';
  const y = b ?? '';
  return y > x ? y : x;
}

const SORT_VALUE: Record<SortKey, (s: StudySummary) => string | number> = {
  id: (s) => s.id,
  birads: highestBirads,
  density: highestDensity,
  boxes: (s) => s.boxes,
  findings: (s) => s.findings.length,
  vendor: (s) => s.vendor ?? '',
};

/**
 * A sorted copy. Ties always fall back to the id ascending, so an order is the same on every run and a descending
 * sort by BI-RADS still lists equal studies by id.
 */
export function sortStudies(studies: readonly StudySummary[], key: SortKey, descending: boolean): StudySummary[] {
  const value = SORT_VALUE[key];
  const direction = descending ? -1 : 1;
  return [...studies].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const primary = va < vb ? -1 : va > vb ? 1 : 0;
    return primary * direction || compareIds(a.id, b.id);
  });
}

export interface PageSlice {
  /** 1-based page actually shown (clamped into range). */
  page: number;
  pages: number;
  /** 0-based index range [start, end) into the filtered list. */
  start: number;
  end: number;
}

/** The page of `total` rows to show; an out-of-range page shows the last one, an empty list has one empty page. */
export function pageSlice(total: number, page: number, pageSize: number): PageSlice {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const shown = Math.min(Math.max(1, Math.floor(page)), pages);
  const start = (shown - 1) * pageSize;
  return { page: shown, pages, start, end: Math.min(total, start + pageSize) };
}

/** "312 of 5,000 studies" (en-US digit grouping, so the text is the same in every browser locale). */
export function countLabel(shown: number, total: number): string {
  const format = (n: number) => n.toLocaleString('en-US');
  return shown === total ? `${format(total)} studies` : `${format(shown)} of ${format(total)} studies`;
}
