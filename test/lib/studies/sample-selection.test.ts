// Choosing sample studies (greedy set cover, user lists) and shaping them for the viewer's samples.json.
import { describe, expect, it } from 'vitest';
import { checkNamedStudies, chooseSamples, parseStudyList, studyFeatures, uncoveredFeatures } from '../../../src/lib/studies/sample-selection.ts';
import { buildSampleStudy, sampleImageUrl } from '../../../src/lib/studies/sample-study.ts';
import { createStudyCollector } from '../../../src/lib/studies/study-records.ts';
import { breastRows, findingRows, metadataOf } from './study-fixtures.ts';

function collect() {
  const collector = createStudyCollector();
  for (const row of breastRows) collector.addBreastRow(row);
  for (const row of findingRows) collector.addFindingRow(row);
  return collector.studies();
}

describe('studyFeatures', () => {
  it('lists categories, BI-RADS 3–5, densities, vendors and photometrics in that order', () => {
    const [s0, s1, s2] = collect();
    expect(studyFeatures(s0, metadataOf)).toEqual(['density A']);
    expect(studyFeatures(s1, metadataOf)).toEqual(['Mass', 'Suspicious Lymph Node', 'BI-RADS 4', 'density B', 'density C', 'SIEMENS', 'MONOCHROME2']);
    expect(studyFeatures(s2, metadataOf)).toEqual([
      'Mass', 'Architectural Distortion', 'BI-RADS 5', 'density B', 'density D', 'Planmed', 'SIEMENS', 'MONOCHROME1', 'MONOCHROME2',
    ]);
  });
});

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

describe('buildSampleStudy', () => {
  it('orders images RCC, LCC, RMLO, LMLO and carries boxes in image coordinates', () => {
    const [, s1] = collect();
    const { study, skippedBoxLines } = buildSampleStudy(s1, metadataOf, 'named by the user');
    expect(skippedBoxLines).toEqual([]);
    expect(study.id).toBe('s1');
    expect(study.reason).toBe('named by the user');
    expect(study.ageYears).toBe(53);
    expect(study.images.map((i) => `${i.laterality}${i.view}`)).toEqual(['RCC', 'LCC', 'RMLO', 'LMLO']);
    const rmlo = study.images[2];
    expect(rmlo).toMatchObject({
      imageId: 's1-rmlo', url: '/data/images/s1/s1-rmlo.dicom', rows: 100, columns: 80, birads: '4', density: 'C',
      vendor: 'SIEMENS', model: 'SIEMENS model', photometric: 'MONOCHROME2', windowCenter: [2047], windowWidth: [4095],
    });
    expect(rmlo.boxes).toEqual([
      { categories: ['Mass'], findingBirads: '4', box: { xmin: 12, ymin: 22, xmax: 32, ymax: 42 }, line: 3, outOfBounds: false },
      // ymin −5 and xmax 90 > width 80: out of bounds.
      { categories: ['Suspicious Lymph Node'], findingBirads: 'none', box: { xmin: 70, ymin: -5, xmax: 90, ymax: 10 }, line: 4, outOfBounds: true },
    ]);
    expect(study.images[1].boxes).toEqual([]);
  });

  it('leaves out boxes whose coordinates are not numbers and reports their lines; keeps multi-valued windows', () => {
    const [, , s2] = collect();
    const { study, skippedBoxLines } = buildSampleStudy(s2, metadataOf, 'x');
    expect(skippedBoxLines).toEqual([6]);
    const lcc = study.images.find((i) => i.imageId === 's2-lcc')!;
    expect(lcc.boxes.map((b) => b.categories)).toEqual([['Mass', 'Architectural Distortion']]);
    expect([lcc.windowCenter, lcc.windowWidth]).toEqual([[2047, 2100], [4095, 3000]]);
    expect(study.images.find((i) => i.imageId === 's2-lmlo')!.boxes).toEqual([]);
  });

  it('gives nulls and empty windows without metadata', () => {
    const [s0] = collect();
    const { study } = buildSampleStudy(s0, metadataOf, 'x');
    expect(study.ageYears).toBeNull();
    expect(study.images[0]).toMatchObject({ vendor: null, model: null, photometric: null, windowCenter: [], windowWidth: [] });
    expect(study.images.map((i) => i.imageId)).toEqual(['s0-lcc1', 's0-lcc2']);
  });

  it('sampleImageUrl is site-relative', () => {
    expect(sampleImageUrl('a', 'b')).toBe('/data/images/a/b.dicom');
  });
});
