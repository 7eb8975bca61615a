// Every quality rule on the hand-computed `quality` fixture (see test/fixtures/README.md for what each row plants).
import { beforeAll, describe, expect, test } from 'vitest';
import type { QualityIssue, Stats } from '../../../src/lib/types.ts';
import { computeStats } from '../../../src/node/compute-stats.ts';
import { releaseFixture } from './fixtures.ts';

let stats: Stats;
const issue = (rule: string): QualityIssue => {
  const found = stats.quality.issues.find((candidate) => candidate.rule === rule);
  if (!found) throw new Error(`rule ${rule} did not fire`);
  return found;
};
beforeAll(async () => {
  stats = await computeStats(releaseFixture('quality'));
});

describe('quality rules (quality fixture)', () => {
  test('rules that fired, in the contract order first, each with its severity and count', () => {
    expect(stats.quality.issues.map(({ rule, severity, count }) => [rule, severity, count])).toEqual([
      ['box-out-of-bounds', 'warning', 1],
      ['box-degenerate', 'error', 3],
      ['missing-view', 'warning', 1],
      ['view-label-disagreement', 'warning', 1],
      ['study-in-both-splits', 'error', 1],
      ['finding-on-negative-breast', 'error', 1],
      ['image-not-in-both-files', 'error', 2],
      ['age-missing', 'info', 2],
      ['duplicate-image', 'error', 1],
      ['finding-row-mismatch', 'warning', 1],
      ['metadata-image-unknown', 'info', 1],
      ['finding-one-view-only', 'info', 4],
    ]);
  });

  test('finding-one-view-only: boxes none of whose categories the other view of the breast has', () => {
    // q2: an LMLO Mass with no LCC box, an RCC skin thickening with no RMLO box; q4: the two RCC focal asymmetries
    // (degenerate, but their categories still count). q4's LCC and LMLO masses see each other.
    expect(issue('finding-one-view-only').examples.map((e) => [e.line, e.image_id, e.detail])).toEqual([
      [7, 'q2-lmlo', 'Mass on L-MLO; no box of this category on L-CC'],
      [8, 'q2-rcc', 'Skin Thickening on R-CC; no box of this category on R-MLO'],
      [16, 'q4-rcc', 'Focal Asymmetry on R-CC; no box of this category on R-MLO'],
      [17, 'q4-rcc', 'Focal Asymmetry on R-CC; no box of this category on R-MLO'],
    ]);
  });

  test('box-out-of-bounds names the edge and the image size', () => {
    expect(issue('box-out-of-bounds').examples).toEqual([
      { file: 'finding_annotations.csv', line: 14, study_id: 'q4', image_id: 'q4-lcc', detail: 'xmax 2810.5 > width 2800' },
    ]);
  });

  test('box-degenerate: xmin ≥ xmax, a missing coordinate, a coordinate that is not a number', () => {
    expect(issue('box-degenerate').examples.map((e) => [e.line, e.image_id, e.detail])).toEqual([
      [15, 'q4-lmlo', 'xmin 300 ≥ xmax 200'],
      [16, 'q4-rcc', 'ymax missing or not a number'],
      [17, 'q4-rcc', 'xmin missing or not a number'],
    ]);
  });

  test('degenerate boxes still count as boxes but not in the geometry', () => {
    expect(stats.counts.findings).toEqual({ training: 2, test: 4, all: 6 });
    expect(stats.boxGeometry.size['Focal Asymmetry']).toBeUndefined();
    expect(stats.boxGeometry.size.Mass.count).toBe(2);
  });

  test('missing-view: a study with two L-CC and no L-MLO', () => {
    expect(issue('missing-view').examples).toEqual([
      {
        file: 'breast-level_annotations.csv',
        line: 2,
        study_id: 'q1',
        image_id: 'q1-lcc',
        detail: 'expected one image per view: L-CC ×2, L-MLO ×0',
      },
    ]);
  });

  test('view-label-disagreement: the breast counts under the higher BI-RADS and density', () => {
    expect(issue('view-label-disagreement').examples[0]).toMatchObject({ line: 7, study_id: 'q2', image_id: 'q2-lmlo' });
    expect(issue('view-label-disagreement').examples[0].detail).toContain('BI-RADS 4 here, BI-RADS 2 on line 6');
    // Breasts: BI-RADS 1 = q1 R, q2 R, q3 L, q3 R; 2 = q1 L; 3 = q4 R; 4 = q2 L (2 vs 4) and q4 L.
    expect(stats.breastBirads.all).toEqual({ '1': 4, '2': 1, '3': 1, '4': 2, '5': 0 });
    expect(stats.breastDensity.all).toEqual({ A: 2, B: 2, C: 2, D: 2 });
  });

  test('study-in-both-splits: counted under its first image split; its series leak', () => {
    expect(issue('study-in-both-splits').examples[0]).toMatchObject({ line: 12, study_id: 'q3', image_id: 'q3-lmlo' });
    expect(stats.counts.studies).toEqual({ training: 3, test: 1, all: 4 });
    expect(stats.counts.images).toEqual({ training: 12, test: 4, all: 16 });
    expect(stats.splitBalance.leakage).toEqual({ studies: ['q3'], series: ['q3-series-a', 'q3-series-b'] });
  });

  test('finding-on-negative-breast: a box on a BI-RADS 1 breast', () => {
    expect(issue('finding-on-negative-breast').examples).toEqual([
      {
        file: 'finding_annotations.csv',
        line: 8,
        study_id: 'q2',
        image_id: 'q2-rcc',
        detail: 'box on the R breast, assessed BI-RADS 1',
      },
    ]);
  });

  test('image-not-in-both-files: one image only in each file, each with its own file and line', () => {
    expect(issue('image-not-in-both-files').examples.map((e) => [e.file, e.line, e.image_id])).toEqual([
      ['breast-level_annotations.csv', 18, 'q4-rmlo'],
      ['finding_annotations.csv', 18, 'q4-extra'],
    ]);
  });

  test("age-missing: an empty age, and ages that do not parse ('abc', '999Y'); 006M is half a year", () => {
    expect(issue('age-missing').examples.map((e) => e.study_id)).toEqual(['q2', 'q3']);
    expect(stats.age.known).toEqual({ training: 1, test: 1, all: 2 });
    expect(stats.age.missing).toEqual({ training: 2, test: 0, all: 2 });
    expect(stats.age.summary.test).toEqual({ mean: 0.5, median: 0.5, min: 0.5, max: 0.5 });
    expect(stats.age.bins[0]).toEqual({ from: 0, to: 5, training: 0, test: 1, all: 1 });
  });

  test('duplicate-image: a repeated breast-level row is reported and not counted twice', () => {
    expect(issue('duplicate-image').examples[0]).toMatchObject({ line: 10, image_id: 'q2-rcc' });
    expect(stats.source.files['breast-level_annotations.csv'].rows).toBe(17);
  });

  test('finding-row-mismatch and metadata-image-unknown', () => {
    expect(issue('finding-row-mismatch').examples[0].detail).toBe(
      'breast_density DENSITY D here, DENSITY B on breast-level line 4',
    );
    expect(issue('metadata-image-unknown').examples[0]).toMatchObject({ file: 'metadata.csv', line: 11, image_id: 'ghost' });
  });
});
