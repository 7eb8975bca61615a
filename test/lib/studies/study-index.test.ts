// The study browser's index: grouping rows by study (the stats.json counting rules) and the compact studies.json form.
import { describe, expect, it } from 'vitest';
import { createStudyCollector, studyAgeYears, studyVendor } from '../../../src/lib/studies/study-records.ts';
import { decodeStudyIndex, encodeStudyIndex, serializeStudyIndex, sortCategories, summarizeStudy } from '../../../src/lib/studies/study-index.ts';
import type { StudySummary } from '../../../src/lib/types.ts';
import { breastRows, findingRows, metadataOf } from './study-fixtures.ts';

function collect() {
  const collector = createStudyCollector();
  for (const row of breastRows) collector.addBreastRow(row);
  for (const row of findingRows) collector.addFindingRow(row);
  return collector.studies();
}

const expected: StudySummary[] = [
  { id: 's0', split: 'training', L: { birads: '2', density: 'A' }, R: null, findings: [], findingBirads: [], vendor: null, boxes: 0, hasImages: false },
  {
    id: 's1', split: 'training', L: { birads: '1', density: 'B' }, R: { birads: '4', density: 'C' },
    findings: ['Mass', 'Suspicious Lymph Node'], findingBirads: ['4', 'none'], vendor: 'SIEMENS', boxes: 3, hasImages: true,
  },
  {
    id: 's2', split: 'test', L: { birads: '5', density: 'D' }, R: { birads: '2', density: 'B' },
    findings: ['Mass', 'Architectural Distortion'], findingBirads: ['5'], vendor: 'Planmed', boxes: 2, hasImages: false,
  },
];

describe('createStudyCollector', () => {
  it('groups studies sorted by id, drops boxes of studies outside the breast-level file, keeps No Finding rows out', () => {
    const studies = collect();
    expect(studies.map((s) => s.id)).toEqual(['s0', 's1', 's2']);
    expect(studies.map((s) => s.images.length)).toEqual([2, 4, 4]);
    expect(studies.map((s) => s.boxes.map((b) => b.line))).toEqual([[], [2, 3, 4], [5, 6]]);
  });

  it('takes the highest BI-RADS and density when a breast\'s views disagree', () => {
    expect(collect()[2].breasts.L).toEqual({ birads: '5', density: 'D' });
  });

  it('puts a study in the split of its first image', () => {
    const collector = createStudyCollector();
    collector.addBreastRow({ ...breastRows[0], split: 'test' });
    collector.addBreastRow({ ...breastRows[1], split: 'training' });
    expect(collector.studies()[0].split).toBe('test');
  });
});

describe('studyVendor / studyAgeYears', () => {
  it('names the vendor most images carry, null without metadata', () => {
    const [s0, s1, s2] = collect();
    expect([studyVendor(s0, metadataOf), studyVendor(s1, metadataOf), studyVendor(s2, metadataOf)]).toEqual([null, 'SIEMENS', 'Planmed']);
  });
  it('breaks a vendor tie alphabetically', () => {
    const [, , s2] = collect();
    const twoEach = (id: string) => ({ ...metadataOf(id)!, manufacturer: id.endsWith('cc') ? 'Zeta' : 'Alpha' });
    expect(studyVendor(s2, twoEach)).toBe('Alpha');
  });
  it('takes the first known age of the study', () => {
    const [s0, s1] = collect();
    expect([studyAgeYears(s0, metadataOf), studyAgeYears(s1, metadataOf)]).toEqual([null, 53]);
  });
});

describe('summarizeStudy', () => {
  it('gives each breast\'s labels, distinct categories in Table 5 order, finding BI-RADS keys and box counts', () => {
    const summaries = collect().map((s) => summarizeStudy(s, metadataOf, s.id === 's1'));
    expect(summaries).toEqual(expected);
  });
});

describe('sortCategories', () => {
  it('orders by the vocabulary, unknown spellings last and alphabetical', () => {
    expect(sortCategories(['Zebra', 'Suspicious Lymph Node', 'Alpha', 'Mass'])).toEqual(['Mass', 'Suspicious Lymph Node', 'Alpha', 'Zebra']);
  });
});

describe('encodeStudyIndex / decodeStudyIndex', () => {
  it('writes the documented compact rows', () => {
    const index = encodeStudyIndex(expected);
    expect(index.categories).toEqual(['Mass', 'Architectural Distortion', 'Suspicious Lymph Node']);
    expect(index.vendors).toEqual(['Planmed', 'SIEMENS']);
    expect(index.rows).toEqual([
      ['s0', 0, '', '2A', [], [], -1, 0, 0],
      ['s1', 0, '4C', '1B', [0, 2], [1, 3], 1, 3, 1],
      ['s2', 1, '2B', '5D', [0, 1], [2], 0, 2, 0],
    ]);
  });

  it('round-trips through the serialized text', () => {
    const text = serializeStudyIndex(encodeStudyIndex([...expected].reverse()));
    expect(text.split('\n')).toHaveLength(6);
    expect(decodeStudyIndex(JSON.parse(text))).toEqual(expected);
  });

  it('rejects a file of another shape with a sentence', () => {
    expect(() => decodeStudyIndex({ rows: [] })).toThrow('studies.json is not a version 1 study index');
    expect(() => decodeStudyIndex({ version: 1, categories: [], vendors: [], rows: [['x', 0]] })).toThrow('row 1 is not a 9-item study row');
  });
});
