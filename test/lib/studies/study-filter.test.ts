// The study browser's filter, URL form, order and paging, on hand-made summaries.
import { describe, expect, it } from 'vitest';
import {
  countLabel,
  filterStudies,
  pageSlice,
  parseFilterQuery,
  serializeFilterQuery,
  sortStudies,
  type StudyFilter,
} from '../../../src/lib/studies/study-filter.ts';
import type { StudySummary } from '../../../src/lib/types.ts';

/** The browser's filter when the address names none. */
const DEFAULT = parseFilterQuery('');

const row = (id: string, over: Partial<StudySummary>): StudySummary => ({
  id, split: 'training', L: { birads: '1', density: 'B' }, R: { birads: '1', density: 'B' },
  findings: [], findingBirads: [], vendor: 'SIEMENS', boxes: 0, hasImages: false, ...over,
});

const studies: StudySummary[] = [
  row('a1', {}),
  row('a2', { split: 'test', R: { birads: '4', density: 'C' }, findings: ['Mass'], findingBirads: ['4'], boxes: 2, hasImages: true }),
  row('b1', { L: { birads: '5', density: 'D' }, findings: ['Mass', 'Suspicious Calcification'], findingBirads: ['5', 'none'], boxes: 3, vendor: 'Planmed' }),
  row('b2', { R: null, vendor: null, split: 'test' }),
  row('c1', { L: { birads: '3', density: 'A' }, findings: ['Skin Thickening'], findingBirads: ['none'], boxes: 1, vendor: 'Planmed', hasImages: true }),
];
const ids = (list: StudySummary[]) => list.map((s) => s.id);
const filter = (over: Partial<StudyFilter>) => ({ ...DEFAULT, ...over });

describe('filterStudies', () => {
  it.each<[string, Partial<StudyFilter>, string[]]>([
    ['no criteria', {}, ['a1', 'a2', 'b1', 'b2', 'c1']],
    ['split', { split: 'test' }, ['a2', 'b2']],
    ['breast BI-RADS on either side', { birads: '4' }, ['a2']],
    ['breast BI-RADS on the left only', { birads: '3' }, ['c1']],
    ['density on either side', { density: 'D' }, ['b1']],
    ['finding category', { finding: 'Mass' }, ['a2', 'b1']],
    ['studies without boxes', { finding: 'No Finding' }, ['a1', 'b2']],
    ['finding BI-RADS', { findingBirads: 'none' }, ['b1', 'c1']],
    ['vendor', { vendor: 'Planmed' }, ['b1', 'c1']],
    ['unknown vendor', { vendor: 'unknown' }, ['b2']],
    ['images in this build', { images: true }, ['a2', 'c1']],
    ['id prefix', { idPrefix: 'b' }, ['b1', 'b2']],
    ['criteria combine with AND', { finding: 'Mass', split: 'test' }, ['a2']],
    ['nothing matches', { birads: '2' }, []],
  ])('%s', (_name, over, expected) => {
    expect(ids(filterStudies(studies, filter(over)))).toEqual(expected);
  });
});

describe('sortStudies', () => {
  it.each<[Parameters<typeof sortStudies>[1], boolean, string[]]>([
    ['id', false, ['a1', 'a2', 'b1', 'b2', 'c1']],
    ['id', true, ['c1', 'b2', 'b1', 'a2', 'a1']],
    // Highest BI-RADS of the two breasts: b1 5, a2 4, c1 3, a1 1, b2 1; ties by id ascending.
    ['birads', true, ['b1', 'a2', 'c1', 'a1', 'b2']],
    ['birads', false, ['a1', 'b2', 'c1', 'a2', 'b1']],
    ['density', true, ['b1', 'a2', 'a1', 'b2', 'c1']],
    ['boxes', true, ['b1', 'a2', 'c1', 'a1', 'b2']],
    ['findings', true, ['b1', 'a2', 'c1', 'a1', 'b2']],
    // Unknown vendor sorts first ascending.
    ['vendor', false, ['b2', 'b1', 'c1', 'a1', 'a2']],
  ])('by %s (descending %s)', (key, descending, expected) => {
    expect(ids(sortStudies(studies, key, descending))).toEqual(expected);
  });
});

describe('parseFilterQuery / serializeFilterQuery', () => {
  it('round-trips every criterion', () => {
    const full: StudyFilter = {
      split: 'test', birads: '5', density: 'D', finding: 'Suspicious Calcification', findingBirads: 'none', vendor: 'IMS s.r.l.',
      images: true, idPrefix: 'ab', sort: 'boxes', descending: true, page: 3,
    };
    const query = serializeFilterQuery(full);
    expect(query).toBe('split=test&birads=5&density=D&finding=Suspicious+Calcification&fbirads=none&vendor=IMS+s.r.l.&images=1&q=ab&sort=-boxes&page=3');
    expect(parseFilterQuery(query)).toEqual(full);
    expect(parseFilterQuery(`?${query}`)).toEqual(full);
  });

  it('leaves defaults out of the URL', () => {
    expect(serializeFilterQuery(DEFAULT)).toBe('');
    expect(serializeFilterQuery(filter({ sort: 'id', descending: true }))).toBe('sort=-id');
  });

  it('ignores values it does not understand instead of emptying the table', () => {
    expect(parseFilterQuery('split=validation&birads=9&density=e&fbirads=2&sort=-size&page=0&images=yes')).toEqual(DEFAULT);
    expect(parseFilterQuery('page=2.5').page).toBe(1);
  });

  it('lower-cases the id prefix and the density letter', () => {
    expect(parseFilterQuery('q=AB12&density=c')).toMatchObject({ idPrefix: 'ab12', density: 'C' });
  });
});

describe('pageSlice', () => {
  it.each([
    [5000, 1, 50, { page: 1, pages: 100, start: 0, end: 50 }],
    [5000, 100, 50, { page: 100, pages: 100, start: 4950, end: 5000 }],
    [312, 7, 50, { page: 7, pages: 7, start: 300, end: 312 }],
    [312, 9, 50, { page: 7, pages: 7, start: 300, end: 312 }],
    [0, 3, 50, { page: 1, pages: 1, start: 0, end: 0 }],
  ])('%i rows, page %i of %i', (total, page, size, expected) => {
    expect(pageSlice(total, page, size)).toEqual(expected);
  });
});

describe('countLabel', () => {
  it('says how many pass out of all, with digit grouping', () => {
    expect(countLabel(312, 5000)).toBe('312 of 5,000 studies');
    expect(countLabel(5000, 5000)).toBe('5,000 studies');
  });
});
