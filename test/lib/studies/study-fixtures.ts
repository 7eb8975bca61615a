// Hand-made rows for the study index, filter and sample tests: three small studies whose expected summaries are
// written out by hand in the tests (not computed by the code under test).
import type { BreastRow, FindingRow, MetadataRow } from '../../../src/lib/types.ts';

let line = 1;
export function breast(studyId: string, imageId: string, lat: 'L' | 'R', view: 'CC' | 'MLO', birads: string, density: string, split: 'training' | 'test' = 'training'): BreastRow {
  line += 1;
  return {
    line, studyId, seriesId: `${studyId}-series`, imageId, laterality: lat, view, height: 100, width: 80,
    birads: birads as BreastRow['birads'], density: density as BreastRow['density'], split,
  };
}

export function finding(row: BreastRow, categories: string[], findingBirads: FindingRow['findingBirads'], box: FindingRow['box'], findingLine: number): FindingRow {
  return { ...row, line: findingLine, categories, findingBirads, box };
}

export function meta(imageId: string, manufacturer: string, photometric: string, ageYears: number | null = null, windowCenter: number[] = [], windowWidth: number[] = []): MetadataRow {
  return { line: 0, imageId, ageYears, manufacturer, model: `${manufacturer} model`, photometric, rows: 100, columns: 80, windowCenter, windowWidth };
}

// s1, training: R is BI-RADS 4 / C with a mass on both views and a lone lymph node; L is BI-RADS 1 / B. SIEMENS.
export const s1 = {
  lcc: breast('s1', 's1-lcc', 'L', 'CC', '1', 'B'),
  lmlo: breast('s1', 's1-lmlo', 'L', 'MLO', '1', 'B'),
  rcc: breast('s1', 's1-rcc', 'R', 'CC', '4', 'C'),
  rmlo: breast('s1', 's1-rmlo', 'R', 'MLO', '4', 'C'),
};
// s2, test: L's views disagree (3/D on CC, 5/C on MLO → breast 5/D); R is 2/B; one box with two categories. Planmed ×3, SIEMENS ×1.
export const s2 = {
  lcc: breast('s2', 's2-lcc', 'L', 'CC', '3', 'D', 'test'),
  lmlo: breast('s2', 's2-lmlo', 'L', 'MLO', '5', 'C', 'test'),
  rcc: breast('s2', 's2-rcc', 'R', 'CC', '2', 'B', 'test'),
  rmlo: breast('s2', 's2-rmlo', 'R', 'MLO', '2', 'B', 'test'),
};
// s0, training: two L-CC images, no right breast, no boxes, no metadata.
export const s0 = {
  lcc1: breast('s0', 's0-lcc1', 'L', 'CC', '2', 'A'),
  lcc2: breast('s0', 's0-lcc2', 'L', 'CC', '2', 'A'),
};

export const breastRows: BreastRow[] = [...Object.values(s1), ...Object.values(s2), ...Object.values(s0)];

export const findingRows: FindingRow[] = [
  finding(s1.rcc, ['Mass'], '4', { xmin: 10, ymin: 20, xmax: 30, ymax: 40 }, 2),
  finding(s1.rmlo, ['Mass'], '4', { xmin: 12, ymin: 22, xmax: 32, ymax: 42 }, 3),
  finding(s1.rmlo, ['Suspicious Lymph Node'], 'none', { xmin: 70, ymin: -5, xmax: 90, ymax: 10 }, 4),
  finding(s2.lcc, ['Mass', 'Architectural Distortion'], '5', { xmin: 1, ymin: 2, xmax: 3, ymax: 4 }, 5),
  finding(s2.lmlo, ['Mass'], '5', { xmin: Number.NaN, ymin: 2, xmax: 3, ymax: 4 }, 6),
  finding(s1.lcc, ['No Finding'], 'none', null, 7),
  finding(s1.lmlo, ['No Finding'], 'none', null, 8),
  finding(s2.rcc, ['No Finding'], 'none', null, 9),
  finding(s2.rmlo, ['No Finding'], 'none', null, 10),
  finding(s0.lcc1, ['No Finding'], 'none', null, 11),
  finding(s0.lcc2, ['No Finding'], 'none', null, 12),
  // A study that is not in the breast-level file: dropped.
  finding(breast('zz', 'zz-lcc', 'L', 'CC', '4', 'A'), ['Mass'], '4', { xmin: 1, ymin: 1, xmax: 2, ymax: 2 }, 13),
];

export const metadataRows: MetadataRow[] = [
  ...Object.values(s1).map((r) => meta(r.imageId, 'SIEMENS', 'MONOCHROME2', r.view === 'CC' ? null : 53, [2047], [4095])),
  meta(s2.lcc.imageId, 'Planmed', 'MONOCHROME1', 61, [2047, 2100], [4095, 3000]),
  meta(s2.lmlo.imageId, 'Planmed', 'MONOCHROME1', 61),
  meta(s2.rcc.imageId, 'Planmed', 'MONOCHROME1', 61),
  meta(s2.rmlo.imageId, 'SIEMENS', 'MONOCHROME2', 61),
];

export const metadataOf = (imageId: string) => metadataRows.find((m) => m.imageId === imageId);
