// "Images available" at run time: in this build, or listed by the in-place server's served-release.json; and what
// counts as that server's answer (a static host's 404 page or any other JSON is not).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchServedRelease, servedHasStudy, withServedImages } from '../../../src/lib/studies/served-images.ts';
import { filterStudies, parseFilterQuery } from '../../../src/lib/studies/study-filter.ts';
import type { StudySummary } from '../../../src/lib/types.ts';

const row = (id: string, hasImages: boolean): StudySummary => ({
  id, split: 'training', L: { birads: '1', density: 'B' }, R: { birads: '1', density: 'B' },
  findings: [], findingBirads: [], vendor: null, boxes: 0, hasImages,
});
// a1 is a sample (in the build); b1 and b2 have DICOMs in the release; c1 has none anywhere.
const studies = [row('a1', true), row('b1', false), row('b2', false), row('c1', false)];
const served = { version: 1 as const, servedInPlace: true as const, studies: ['a1', 'b1', 'b2', 'z9'] };
const withImages = (list: StudySummary[]) => filterStudies(list, parseFilterQuery('?images=1')).map((s) => s.id);

describe('withServedImages(studies, served)', () => {
  it('a static build: only the studies in the build have images available', () => {
    expect(withImages(withServedImages(studies, null))).toEqual(['a1']);
  });

  it('served in place: the build’s plus the served release’s (an id the index lacks adds nothing)', () => {
    expect(withImages(withServedImages(studies, served))).toEqual(['a1', 'b1', 'b2']);
    // The index passed in is not changed.
    expect(studies.map((s) => s.hasImages)).toEqual([true, false, false, false]);
  });
});

describe('servedHasStudy(served, id)', () => {
  it.each([
    [null, 'b1', false],
    [served, 'b1', true],
    [served, 'c1', false],
  ] as const)('%j, %s → %s', (list, id, expected) => {
    expect(servedHasStudy(list, id)).toBe(expected);
  });
});

describe('fetchServedRelease()', () => {
  afterEach(() => vi.unstubAllGlobals());
  const answer = (body: unknown, status = 200) => vi.stubGlobal('fetch', vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })));

  it.each([
    ['the server’s list', served, 200, served],
    ['the static build’s copy', { version: 1, servedInPlace: false, studies: [] }, 200, null],
    ['a static host’s 404', '<html>404</html>', 404, null],
    ['HTML with status 200 (an SPA fallback)', '<html></html>', 200, null],
    ['another version', { version: 2, servedInPlace: true, studies: [] }, 200, null],
    ['ids that are not strings', { version: 1, servedInPlace: true, studies: [1, 2] }, 200, null],
  ] as const)('%s → %j', async (_, body, status, expected) => {
    answer(body, status);
    expect(await fetchServedRelease()).toEqual(expected);
  });

  it('no server answering → null, never a rejection', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    expect(await fetchServedRelease()).toBeNull();
  });
});
