// The study browser's compact studies.json form. Each study's row comes from the release index
// (ReleaseStudies.summary), tested through the build's goldens (test/scripts/site-data-golden.test.ts).
import { describe, expect, it } from 'vitest';
import { decodeStudyIndex, sortCategories, studyIndexPieces, type CompactStudyIndex } from '../../../src/lib/studies/study-index.ts';
import type { StudySummary } from '../../../src/lib/types.ts';

const expected: StudySummary[] = [
  { id: 's0', split: 'training', L: { birads: '2', density: 'A' }, R: null, findings: [], findingBirads: [], vendor: null, boxes: 0, hasImages: false, ageYears: null, boxList: [] },
  {
    id: 's1', split: 'training', L: { birads: '1', density: 'B' }, R: { birads: '4', density: 'C' },
    findings: ['Mass', 'Suspicious Lymph Node'], findingBirads: ['4', 'none'], vendor: 'SIEMENS', boxes: 3, hasImages: true, ageYears: 53,
    boxList: [
      { categories: ['Mass'], findingBirads: '4' },
      { categories: ['Mass', 'Suspicious Lymph Node'], findingBirads: '4' },
      { categories: ['Suspicious Lymph Node'], findingBirads: 'none' },
    ],
  },
  {
    id: 's2', split: 'test', L: { birads: '5', density: 'D' }, R: { birads: '2', density: 'B' },
    findings: ['Mass', 'Architectural Distortion'], findingBirads: ['5'], vendor: 'Planmed', boxes: 2, hasImages: false, ageYears: 61,
    boxList: [{ categories: ['Architectural Distortion', 'Mass'], findingBirads: '5' }, { categories: ['Mass'], findingBirads: '5' }],
  },
];

describe('sortCategories', () => {
  it('orders by the vocabulary, unknown spellings last and alphabetical', () => {
    expect(sortCategories(['Zebra', 'Suspicious Lymph Node', 'Alpha', 'Mass'])).toEqual(['Mass', 'Suspicious Lymph Node', 'Alpha', 'Zebra']);
  });
});

const studyIndexText = (count: number, summaryAt: (i: number) => StudySummary) => [...studyIndexPieces(count, summaryAt)].join('');
const indexOf = (summaries: readonly StudySummary[]) => JSON.parse(studyIndexText(summaries.length, (i) => summaries[i])) as CompactStudyIndex;

describe('studyIndexPieces / decodeStudyIndex', () => {
  it('writes the documented compact rows', () => {
    const index = indexOf(expected);
    expect(index.categories).toEqual(['Mass', 'Architectural Distortion', 'Suspicious Lymph Node']);
    expect(index.vendors).toEqual(['Planmed', 'SIEMENS']);
    expect(index.sharedSeries).toEqual({});
    expect(index.rows).toEqual([
      ['s0', 0, '', '2A', [], [], -1, 0, 0, -1, []],
      // boxList: [finding BI-RADS index ("3" 0, "4" 1, "5" 2, none 3), category index, …]
      ['s1', 0, '4C', '1B', [0, 2], [1, 3], 1, 3, 1, 53, [[1, 0], [1, 0, 2], [3, 2]]],
      ['s2', 1, '2B', '5D', [0, 1], [2], 0, 2, 0, 61, [[2, 1, 0], [2, 0]]],
    ]);
  });

  it('round-trips, one study per line', () => {
    const text = studyIndexText(expected.length, (i) => expected[i]);
    expect(text.split('\n')).toHaveLength(6);
    expect(decodeStudyIndex(JSON.parse(text))).toEqual(expected);
  });

  it('rejects a file of another shape with a sentence', () => {
    expect(() => decodeStudyIndex({ rows: [] })).toThrow('studies.json is not a version 1 study index');
    expect(() => decodeStudyIndex({ version: 1, categories: [], vendors: [], rows: [['x', 0]] })).toThrow('row 1 is not a 9-item study row');
  });
});
