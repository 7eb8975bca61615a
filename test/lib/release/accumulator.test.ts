// StatsAccumulator fed rows directly: the cases fixtures make awkward (example caps, call order, no metadata).
import { describe, expect, test } from 'vitest';
import { StatsAccumulator } from '../../../src/lib/release/stats-accumulator.ts';
import type { BreastRow, FindingRow } from '../../../src/lib/types.ts';

const source = { files: {}, synthetic: false, ageSource: 'none' as const, release: 'fixture' };

function breastRow(study: number, view: number, line: number, overrides: Partial<BreastRow> = {}): BreastRow {
  return {
    line,
    studyId: `study-${study}`,
    seriesId: `series-${study}`,
    imageId: `image-${study}-${view}`,
    laterality: view < 2 ? 'L' : 'R',
    view: view % 2 === 0 ? 'CC' : 'MLO',
    height: 100,
    width: 80,
    birads: '4',
    density: 'B',
    split: 'training',
    ...overrides,
  };
}

function boxRow(breast: BreastRow, line: number, box: FindingRow['box']): FindingRow {
  return { ...breast, line, categories: ['Mass'], findingBirads: '4', box };
}

describe('StatsAccumulator', () => {
  test('per-study and per-image facts survive the arrays growing past their first 1,024 entries', () => {
    // 3,000 complete studies (12,000 images): the index's arrays grow together several times, and every view, breast
    // and split of the last studies must still be where it was written.
    const accumulator = new StatsAccumulator();
    let line = 2;
    for (let study = 0; study < 3000; study++) {
      const split = study % 5 === 4 ? 'test' : 'training';
      for (let view = 0; view < 4; view++) accumulator.addBreastRow(breastRow(study, view, line++, { split, density: study % 2 ? 'C' : 'B' }));
    }
    const stats = accumulator.finish(source);
    expect(stats.counts.studies).toEqual({ training: 2400, test: 600, all: 3000 });
    expect(stats.counts.images.all).toBe(12000);
    expect(stats.counts.breasts.all).toBe(6000);
    // Half the studies are density C, two breasts each; no study misses a view.
    expect(stats.breastDensity.all.C).toBe(3000);
    expect(stats.quality.issues.map((issue) => issue.rule)).not.toContain('missing-view');
  });

  test('keeps at most 20 examples per rule but counts every occurrence', () => {
    const accumulator = new StatsAccumulator();
    const rows = Array.from({ length: 4 }, (_, view) => breastRow(0, view, view + 2));
    rows.forEach((row) => accumulator.addBreastRow(row));
    for (let i = 0; i < 30; i++) accumulator.addFindingRow(boxRow(rows[0], 10 + i, { xmin: -1, ymin: 1, xmax: 5, ymax: 6 }));
    rows.slice(1).forEach((row, i) => accumulator.addFindingRow({ ...boxRow(row, 50 + i, null), categories: ['No Finding'] }));
    const stats = accumulator.finish(source);
    const outOfBounds = stats.quality.issues.find((issue) => issue.rule === 'box-out-of-bounds')!;
    expect(outOfBounds.count).toBe(30);
    expect(outOfBounds.examples).toHaveLength(20);
    expect(outOfBounds.examples.map((e) => e.line)).toEqual(Array.from({ length: 20 }, (_, i) => 10 + i));
    expect(stats.counts.findings.all).toBe(30);
  });

  test("a box whose categories include 'No Finding' among others is a box, and 'No Finding' is not a category", () => {
    const accumulator = new StatsAccumulator();
    const rows = Array.from({ length: 4 }, (_, view) => breastRow(0, view, view + 2));
    rows.forEach((row) => accumulator.addBreastRow(row));
    accumulator.addFindingRow({ ...boxRow(rows[0], 6, { xmin: 1, ymin: 1, xmax: 5, ymax: 6 }), categories: ['No Finding', 'Mass'] });
    const stats = accumulator.finish(source);
    expect(stats.counts.findings.all).toBe(1);
    expect(stats.findingCategories.all.Mass).toBe(1);
    expect(Object.keys(stats.findingCategories.all)).not.toContain('No Finding');
  });

  test('categories and BI-RADS outside the vocabulary are kept, after the vocabulary, sorted', () => {
    const accumulator = new StatsAccumulator();
    const rows = [
      breastRow(0, 0, 2, { birads: '6' }),
      breastRow(0, 1, 3, { birads: '0' }),
      breastRow(0, 2, 4),
      breastRow(0, 3, 5),
    ];
    rows.forEach((row) => accumulator.addBreastRow(row));
    const box = { xmin: 1, ymin: 1, xmax: 5, ymax: 6 };
    accumulator.addFindingRow({ ...boxRow(rows[2], 6, box), categories: ['Zebra'] });
    accumulator.addFindingRow({ ...boxRow(rows[2], 7, box), categories: ['Calcification (other)'] });
    const stats = accumulator.finish(source);
    expect(Object.keys(stats.breastBirads.all)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(stats.breastBirads.all['6']).toBe(1);
    expect(Object.keys(stats.findingCategories.all).slice(10)).toEqual(['Calcification (other)', 'Zebra']);
  });

  test('without an age source: no bins, every study missing, and age-missing says why', () => {
    const accumulator = new StatsAccumulator();
    accumulator.addBreastRow(breastRow(0, 0, 2));
    const stats = accumulator.finish(source);
    expect(stats.age.bins).toEqual([]);
    expect(stats.age.known.all).toBe(0);
    expect(stats.age.missing.all).toBe(1);
    expect(stats.age.summary.all).toBeNull();
    expect(stats.quality.issues.find((issue) => issue.rule === 'age-missing')?.examples[0].detail).toBe(
      'no metadata.csv and no images/ folder',
    );
  });

  test('refuses breast-level rows after finding rows (the breast-level file defines the images)', () => {
    const accumulator = new StatsAccumulator();
    const row = breastRow(0, 0, 2);
    accumulator.addBreastRow(row);
    accumulator.addFindingRow(boxRow(row, 2, null));
    expect(() => accumulator.addBreastRow(breastRow(1, 0, 3))).toThrow('breast input after finding input');
  });
});
