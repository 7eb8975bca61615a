// Choosing sample studies (greedy set cover, user lists). What each study shows comes from the release index
// (ReleaseStudies.features), tested with the build's data step in test/scripts/study-data.test.ts.
import { describe, expect, it } from 'vitest';
import { checkNamedStudies, chooseSamples, parseStudyList, uncoveredFeatures } from '../../../src/lib/studies/sample-selection.ts';

describe('chooseSamples', () => {
  const candidates = [
    { id: 'a', features: ['Mass', 'BI-RADS 4'] },
    { id: 'b', features: ['Mass', 'BI-RADS 5', 'density D'] },
    { id: 'c', features: ['Skin Thickening'] },
    { id: 'd', features: ['BI-RADS 4', 'Skin Thickening'] },
    { id: 'e', features: ['Mass'] },
  ];

  it('picks the largest gain first and says what each pick added', () => {
    // b adds 3 (Mass, BI-RADS 5, density D); then d adds 2 (BI-RADS 4, Skin Thickening) where a and c add 1.
    // Everything is covered: round two starts from nothing and a (2 labels) beats c and e (1 each).
    expect(chooseSamples(candidates, 3)).toEqual([
      { id: 'b', reason: 'covers Mass, BI-RADS 5, density D' },
      { id: 'd', reason: 'covers BI-RADS 4, Skin Thickening' },
      { id: 'a', reason: 'another example of Mass, BI-RADS 4' },
    ]);
  });

  it('keeps starting new rounds while picks remain', () => {
    // Round two: after a, c still adds Skin Thickening; e adds nothing, so round three starts with e.
    expect(chooseSamples(candidates, 5).slice(3)).toEqual([
      { id: 'c', reason: 'another example of Skin Thickening' },
      { id: 'e', reason: 'another example of Mass' },
    ]);
  });

  it('stops when candidates run out, and is empty without candidates', () => {
    expect(chooseSamples(candidates, 8)).toHaveLength(5);
    expect(chooseSamples([], 8)).toEqual([]);
  });

  it('does not depend on the candidates\' order', () => {
    expect(chooseSamples([...candidates].reverse(), 5)).toEqual(chooseSamples(candidates, 5));
  });

  it('fills with featureless studies by id', () => {
    expect(chooseSamples([{ id: 'y', features: [] }, { id: 'x', features: [] }], 2)).toEqual([
      { id: 'x', reason: 'fills the sample set (nothing left to cover)' },
      { id: 'y', reason: 'fills the sample set (nothing left to cover)' },
    ]);
  });

  it('uncoveredFeatures names what no pick shows', () => {
    expect(uncoveredFeatures(candidates, chooseSamples(candidates, 1))).toEqual(['BI-RADS 4', 'Skin Thickening']);
    expect(uncoveredFeatures(candidates, chooseSamples(candidates, 2))).toEqual([]);
  });
});

describe('parseStudyList', () => {
  it('reads one id per line with comments, blanks, CRLF, commas and duplicates', () => {
    const text = '# my samples\r\nabc\r\n\r\n  def  # a mass\nghi,jkl\nabc\n#xyz\n';
    expect(parseStudyList(text)).toEqual(['abc', 'def', 'ghi', 'jkl']);
    expect(parseStudyList('# nothing\n\n')).toEqual([]);
  });
});

describe('checkNamedStudies', () => {
  it('separates unknown ids from studies without images', () => {
    const known = new Set(['s0', 's1', 's2']);
    const images: Record<string, number> = { s1: 4, s2: 1 };
    expect(checkNamedStudies(['s1', 'nope', 's0', 's2'], (id) => known.has(id), (id) => images[id] ?? 0)).toEqual({
      unknown: ['nope'],
      withoutImages: ['s0'],
    });
  });
});
