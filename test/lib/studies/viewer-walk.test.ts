import { describe, expect, it } from 'vitest';
import { parseFilterQuery } from '../../../src/lib/studies/study-filter.ts';
import { filterOfViewerUrl, studyListHref, walkStudies } from '../../../src/lib/studies/viewer-walk.ts';
import { studyViewerHref as viewerHref } from '../../../src/lib/site-pages.ts';
import type { StudySummary } from '../../../src/lib/types.ts';

/** The browser's filter when the address names none. */
const DEFAULT = parseFilterQuery('');

function study(id: string, split: 'training' | 'test', boxes: number): StudySummary {
  return { id, split, L: { birads: '1', density: 'B' }, R: { birads: '1', density: 'B' }, findings: [], findingBirads: [], vendor: null, boxes, hasImages: false };
}
const STUDIES = [study('a', 'test', 0), study('b', 'training', 3), study('c', 'test', 5), study('d', 'test', 1)];

describe('studyViewerHref(studyId, filterQuery)', () => {
  it('carries the filter after the study id', () => {
    expect(viewerHref('a b', 'split=test&birads=5')).toBe('/viewer/?study=a%20b&split=test&birads=5');
    expect(viewerHref('x')).toBe('/viewer/?study=x');
  });
});

describe('filterOfViewerUrl(search)', () => {
  it('reads the browser filter, ignoring the study id and the page', () => {
    const filter = filterOfViewerUrl('?study=c&split=test&sort=-boxes&page=3');
    expect(filter).toEqual({ ...DEFAULT, split: 'test', sort: 'boxes', descending: true, page: 1 });
    expect(studyListHref(filter)).toBe('/studies/?split=test&sort=-boxes');
    expect(studyListHref(DEFAULT)).toBe('/studies/');
  });
});

describe('walkStudies(studies, filter, id)', () => {
  const testByBoxesDesc = filterOfViewerUrl('?split=test&sort=-boxes');
  it('steps through the filter in its order: test studies by boxes descending are c (5), d (1), a (0)', () => {
    expect(walkStudies(STUDIES, testByBoxesDesc, 'd')).toEqual({ ids: ['c', 'd', 'a'], position: 1, previous: 'c', next: 'a' });
  });
  it('wraps around at both ends', () => {
    expect(walkStudies(STUDIES, testByBoxesDesc, 'a')).toMatchObject({ previous: 'd', next: 'c' });
    expect(walkStudies(STUDIES, testByBoxesDesc, 'c')).toMatchObject({ previous: 'a', next: 'd' });
  });
  it('from a study the filter leaves out goes to its first and last', () => {
    expect(walkStudies(STUDIES, testByBoxesDesc, 'b')).toEqual({ ids: ['c', 'd', 'a'], position: -1, previous: 'a', next: 'c' });
  });
  it('an empty filter result has no neighbours', () => {
    expect(walkStudies(STUDIES, filterOfViewerUrl('?q=zz'), 'a')).toEqual({ ids: [], position: -1, previous: null, next: null });
  });
  it('a single matching study is its own neighbour', () => {
    expect(walkStudies(STUDIES, filterOfViewerUrl('?split=training'), 'b')).toMatchObject({ previous: 'b', next: 'b' });
  });
});
