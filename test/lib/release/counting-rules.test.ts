// The counting rules of STATS.md on the hand-computed `counting` fixture: 3 studies (s1, s2 training; s3 test),
// 12 images, 6 boxes (two of them with two categories), No Finding rows, an empty finding_birads, ages in three forms.
import { beforeAll, describe, expect, test } from 'vitest';
import { labelDistribution, type LabelledStudy } from '../../../src/lib/split-balance/label-distribution.ts';
import type { Stats } from '../../../src/lib/types.ts';
import { computeStats } from '../../../src/node/compute-stats.ts';
import { releaseFixture } from './fixtures.ts';

let stats: Stats;
beforeAll(async () => {
  stats = await computeStats(releaseFixture('counting'));
});

describe('computeStats(counting fixture)', () => {
  test('counts studies, distinct images, breasts and boxes per split', () => {
    expect(stats.counts).toEqual({
      studies: { training: 2, test: 1, all: 3 },
      images: { training: 8, test: 4, all: 12 },
      breasts: { training: 4, test: 2, all: 6 },
      findings: { training: 4, test: 2, all: 6 },
    });
  });

  test('counts BI-RADS and density per breast, every digit and letter present', () => {
    expect(stats.breastBirads).toEqual({
      training: { '1': 1, '2': 1, '3': 1, '4': 1, '5': 0 },
      test: { '1': 1, '2': 0, '3': 0, '4': 0, '5': 1 },
      all: { '1': 2, '2': 1, '3': 1, '4': 1, '5': 1 },
    });
    expect(stats.breastDensity).toEqual({
      training: { A: 0, B: 2, C: 2, D: 0 },
      test: { A: 0, B: 0, C: 0, D: 2 },
      all: { A: 0, B: 2, C: 2, D: 2 },
    });
  });

  test('counts each category of a multi-category box once, lists all ten categories in Table 5 order, never No Finding', () => {
    expect(Object.keys(stats.findingCategories.all)).toEqual([
      'Mass',
      'Suspicious Calcification',
      'Asymmetry',
      'Focal Asymmetry',
      'Global Asymmetry',
      'Architectural Distortion',
      'Skin Thickening',
      'Skin Retraction',
      'Nipple Retraction',
      'Suspicious Lymph Node',
    ]);
    expect(stats.findingCategories.training).toMatchObject({ Mass: 2, 'Suspicious Calcification': 1, 'Focal Asymmetry': 1, 'Suspicious Lymph Node': 1, Asymmetry: 0 });
    expect(stats.findingCategories.test).toMatchObject({ Mass: 2, 'Architectural Distortion': 1, 'Suspicious Calcification': 0 });
    expect(stats.findingCategories.all).toMatchObject({ Mass: 4, 'Architectural Distortion': 1 });
  });

  test('rates are count / images in that split * 100, unrounded', () => {
    expect(stats.findingRatePer100Images.training.Mass).toBe(25);
    expect(stats.findingRatePer100Images.test['Architectural Distortion']).toBe(25);
    expect(stats.findingRatePer100Images.all.Mass).toBe((4 / 12) * 100);
    expect(stats.findingRatePer100Images.all['Suspicious Lymph Node']).toBe((1 / 12) * 100);
  });

  test('finding BI-RADS per box and category; an empty finding_birads counts as "none"', () => {
    expect(stats.findingBirads.training.Mass).toEqual({ '3': 0, '4': 2, '5': 0, none: 0 });
    expect(stats.findingBirads.training['Suspicious Lymph Node']).toEqual({ '3': 0, '4': 0, '5': 0, none: 1 });
    expect(stats.findingBirads.all.Mass).toEqual({ '3': 0, '4': 2, '5': 2, none: 0 });
    expect(stats.splitBalance.attributes.findingBirads).toMatchObject({
      unit: 'box',
      categories: ['3', '4', '5', 'none'],
      training: [1, 2, 0, 1],
      test: [0, 0, 2, 0],
    });
  });

  test('age is per study (first known age of its images): 053Y, "" then 047Y, plain 61', () => {
    expect(stats.source.ageSource).toBe('metadata.csv');
    expect(stats.age.known).toEqual({ training: 2, test: 1, all: 3 });
    expect(stats.age.missing).toEqual({ training: 0, test: 0, all: 0 });
    expect(stats.age.bins).toEqual([
      { from: 45, to: 50, training: 1, test: 0, all: 1 },
      { from: 50, to: 55, training: 1, test: 0, all: 1 },
      { from: 55, to: 60, training: 0, test: 0, all: 0 },
      { from: 60, to: 65, training: 0, test: 1, all: 1 },
    ]);
    expect(stats.age.summary.training).toEqual({ mean: 50, median: 50, min: 47, max: 53 });
    expect(stats.age.summary.all).toEqual({ mean: 161 / 3, median: 53, min: 47, max: 61 });
  });

  test('vendors per image (most first), image sizes with their vendor, density × BI-RADS per breast', () => {
    expect(stats.vendors).toEqual({
      training: { SIEMENS: 4, Planmed: 4 },
      test: { SIEMENS: 4, Planmed: 0 },
      all: { SIEMENS: 8, Planmed: 4 },
    });
    expect(stats.imageSizes).toEqual([
      { rows: 3518, columns: 2800, vendor: 'SIEMENS', byVendor: { SIEMENS: 8 }, unknownVendor: 0, training: 4, test: 4, all: 8 },
      { rows: 2812, columns: 2012, vendor: 'Planmed', byVendor: { Planmed: 4 }, unknownVendor: 0, training: 4, test: 0, all: 4 },
    ]);
    expect(stats.densityByBirads.training.B).toEqual({ '1': 0, '2': 1, '3': 1, '4': 0, '5': 0 });
    expect(stats.densityByBirads.all.D).toEqual({ '1': 1, '2': 0, '3': 0, '4': 0, '5': 1 });
  });

  test('box sizes per category (five-number summaries) and centre locations, right breasts mirrored', () => {
    // Mass boxes: 200×300, 100×50, 100×200, 200×300 px.
    expect(stats.boxGeometry.size.Mass).toEqual({
      count: 4,
      widthPx: { min: 100, q1: 100, median: 150, q3: 200, max: 200 },
      heightPx: { min: 50, q1: 162.5, median: 250, q3: 300, max: 300 },
      aspect: { min: 0.5, q1: 0.625, median: 2 / 3, q3: 1, max: 2 },
    });
    expect(stats.boxGeometry.size['Global Asymmetry']).toBeUndefined();
    const { location } = stats.boxGeometry;
    expect([location.cols, location.rows]).toEqual([10, 10]);
    // s1-rcc's first box: centre x 200/2800 on a right breast → mirrored to 0.93 → column 9, row 0.
    expect(location.byCategory.Mass[9]).toBe(1);
    // s3's two left-breast Mass boxes sit in the top-left cell.
    expect(location.byCategory.Mass[0]).toBe(2);
    expect(location.all.reduce((a, b) => a + b, 0)).toBe(6);
  });

  test('split balance: attributes with their units; LD over the study labels birads:/density:/finding:', () => {
    expect(Object.keys(stats.splitBalance.attributes)).toEqual([
      'breastBirads',
      'breastDensity',
      'findingCategories',
      'findingBirads',
      'ageBins',
      'vendor',
    ]);
    expect(stats.splitBalance.attributes.breastBirads).toMatchObject({ unit: 'breast', training: [1, 1, 1, 1, 0], test: [1, 0, 0, 0, 1] });
    expect(stats.splitBalance.attributes.vendor).toMatchObject({ unit: 'image', categories: ['SIEMENS', 'Planmed'], training: [4, 4], test: [4, 0] });
    expect(stats.splitBalance.attributes.ageBins).toMatchObject({ unit: 'study', categories: ['45–50', '50–55', '60–65'] });
    const studies: LabelledStudy[] = [
      { split: 'training', labels: ['birads:1', 'density:C', 'birads:4', 'finding:Mass', 'finding:Suspicious Calcification', 'finding:Suspicious Lymph Node'] },
      { split: 'training', labels: ['birads:2', 'density:B', 'birads:3', 'finding:Focal Asymmetry'] },
      { split: 'test', labels: ['birads:5', 'density:D', 'birads:1', 'finding:Mass', 'finding:Architectural Distortion'] },
    ];
    expect(stats.splitBalance.labelDistribution).toBe(labelDistribution(studies));
    expect(stats.splitBalance.examplesDistribution).toBeCloseTo(Math.abs(2 - 0.8 * 3), 12);
    expect(stats.splitBalance.leakage).toEqual({ studies: [], series: [] });
    expect(stats.splitBalance.randomBaseline.draws).toBe(1000);
  });

  test('a clean release fires only the info rule finding-one-view-only; provenance has sha256 and data-row counts', () => {
    // s1 right: RCC Mass (line 4) and Mass + Calcification (5), RMLO a lymph node (6): no category in both views.
    // s2 right: RCC Focal Asymmetry (9), nothing on RMLO. s3 left: LCC Mass + Distortion (11), LMLO Mass (12): seen.
    expect(stats.quality.issues.map((issue) => [issue.rule, issue.severity, issue.examples.map((e) => e.line)])).toEqual([
      ['finding-one-view-only', 'info', [4, 5, 6, 9]],
    ]);
    expect(stats.source.synthetic).toBe(false);
    expect(stats.source.files['breast-level_annotations.csv'].rows).toBe(12);
    expect(stats.source.files['finding_annotations.csv'].rows).toBe(13);
    expect(stats.source.files['metadata.csv'].rows).toBe(12);
    expect(stats.source.files['metadata.csv'].sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('findingSeenInBothViews (counting fixture)', () => {
  test('per split and category: boxes, those seen in both views of their breast, and the percent', () => {
    // Training (s1, s2): no box is seen in both views. Test (s3): line 11 (Mass + Distortion) and 12 (Mass) share Mass.
    expect(stats.findingSeenInBothViews?.training).toMatchObject({
      Mass: { boxes: 2, seenInBothViews: 0, percent: 0 },
      'Suspicious Calcification': { boxes: 1, seenInBothViews: 0, percent: 0 },
      'Focal Asymmetry': { boxes: 1, seenInBothViews: 0, percent: 0 },
      'Suspicious Lymph Node': { boxes: 1, seenInBothViews: 0, percent: 0 },
    });
    // A box seen in both views counts as seen for each of its categories: the distortion's Mass is on the LMLO.
    expect(stats.findingSeenInBothViews?.test).toMatchObject({
      Mass: { boxes: 2, seenInBothViews: 2, percent: 100 },
      'Architectural Distortion': { boxes: 1, seenInBothViews: 1, percent: 100 },
    });
    expect(stats.findingSeenInBothViews?.all.Mass).toEqual({ boxes: 4, seenInBothViews: 2, percent: 50 });
    expect(Object.keys(stats.findingSeenInBothViews!.all)).toEqual(Object.keys(stats.findingCategories.all));
  });
});

describe('computeStats(reordered fixture): the counting fixture with BOM, CRLF, shuffled and extra columns', () => {
  test('gives the same stats, only the file hashes differ', async () => {
    const reordered = await computeStats(releaseFixture('reordered'));
    expect({ ...reordered, source: null, quality: null }).toEqual({ ...stats, source: null, quality: null });
    // The rows are shuffled, so the quality examples name other lines; everything else about them is the same.
    const withoutLines = (s: typeof stats) => s.quality.issues.map((issue) => ({ ...issue, examples: issue.examples.map((e) => ({ ...e, line: 0 })) }));
    expect(withoutLines(reordered)).toEqual(withoutLines(stats));
    expect(reordered.source.files['breast-level_annotations.csv'].sha256).not.toBe(
      stats.source.files['breast-level_annotations.csv'].sha256,
    );
  });
});
