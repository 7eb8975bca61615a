import { describe, expect, it } from 'vitest';
import { auditSplit } from '../../../src/lib/split-audit/audit-report.ts';
import { createSplitFileReader } from '../../../src/lib/split-audit/split-file.ts';
import type { StudyAttributes } from '../../../src/lib/split-audit/study-attributes.ts';

// Six studies, two breasts each; ages and vendors are known only for subset "a"'s studies (issue 10 part 5).
const release: StudyAttributes[] = [
  { id: 's1', split: 'training', breasts: [{ birads: '1', density: 'A' }, { birads: '1', density: 'A' }], boxes: [], ageYears: 41, vendor: 'X' },
  { id: 's2', split: 'training', breasts: [{ birads: '1', density: 'B' }, { birads: '2', density: 'B' }], boxes: [], ageYears: 52, vendor: 'Y' },
  { id: 's3', split: 'training', breasts: [{ birads: '4', density: 'C' }, { birads: '1', density: 'C' }], boxes: [{ categories: ['Mass'], findingBirads: '4' }], ageYears: null, vendor: null },
  { id: 's4', split: 'test', breasts: [{ birads: '2', density: 'C' }, { birads: '2', density: 'C' }], boxes: [{ categories: ['Mass', 'Asymmetry'], findingBirads: 'none' }], ageYears: null, vendor: null },
  { id: 's5', split: 'test', breasts: [{ birads: '1', density: 'B' }], boxes: [], ageYears: null, vendor: null },
  { id: 's6', split: 'test', breasts: [{ birads: '1', density: 'A' }, { birads: '1', density: 'A' }], boxes: [], ageYears: null, vendor: null },
];

function assignment(rows: [string, string][]) {
  const reader = createSplitFileReader('mine.csv', ['study_id', 'split'], { isKnownStudy: (id) => release.some((s) => s.id === id) });
  rows.forEach((row, i) => reader.onRow(row, i + 2));
  return reader.finish();
}

describe('auditSplit', () => {
  const report = auditSplit(
    release,
    assignment([['s1', 'a'], ['s2', 'a'], ['s3', 'b'], ['s4', 'b'], ['s5', 'b'], ['s4', 'a'], ['nope', 'b']]),
    { fileFacts: { name: 'mine.csv', sha256: 'abc' }, sharedSeries: new Map([['series-1', ['s1', 's4']], ['series-2', ['s1', 's2']]]), draws: 50 },
  );

  it('counts the k × c tables per breast and per box, zero-total categories left out', () => {
    // a: s1 (1, 1), s2 (1, 2) → BI-RADS 1: 3, 2: 1. b: s3 (4, 1), s4 (2, 2), s5 (1) → 1: 2, 2: 2, 4: 1.
    expect(report.attributes.breastBirads).toMatchObject({ unit: 'breast', categories: ['1', '2', '4'], counts: [[3, 1, 0], [2, 2, 1]] });
    // Boxes only in b: s3 Mass/4, s4 Mass+Asymmetry/none → a box with two categories counts once for each.
    expect(report.attributes.findingCategories.counts).toEqual([[0, 0], [2, 1]]);
    expect(report.attributes.breastBirads.shares[0]).toEqual([75, 25, 0]);
  });

  it('computes χ², df and the SMDs of one table by hand', () => {
    // [[3, 1, 0], [2, 2, 1]]: row totals 4, 5; column totals 5, 3, 1; N 9.
    // E row a: 20/9, 12/9, 4/9; row b: 25/9, 15/9, 5/9.
    const e = [[20 / 9, 12 / 9, 4 / 9], [25 / 9, 15 / 9, 5 / 9]];
    const o = [[3, 1, 0], [2, 2, 1]];
    let chi2 = 0;
    for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) chi2 += (o[i][j] - e[i][j]) ** 2 / e[i][j];
    const attribute = report.attributes.breastBirads;
    expect(attribute.chi2).toBeCloseTo(chi2, 12);
    expect(attribute.df).toBe(2);
    expect(attribute.cramersV).toBeCloseTo(Math.sqrt(chi2 / 9), 12);
    // SMD of BI-RADS 4 for b vs the rest (a): p1 = 1/5, p2 = 0/4 → 0.2 / sqrt((0.16 + 0) / 2).
    const four = attribute.smd.find((e) => e.category === '4' && e.subset === 'b');
    expect(four?.smd).toBeCloseTo(0.2 / Math.sqrt(0.08), 12);
    const sizes = attribute.smd.map((e) => Math.abs(e.smd ?? Infinity));
    expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
  });

  it('puts attributes one subset lacks apart as not testable, and the conclusion names them', () => {
    expect(report.notTestable.map((n) => n.attribute)).toEqual(['findingCategories', 'findingBirads', 'age', 'vendor']);
    expect(report.attributes.age.untestable).toBe('Subset "b" has no studies with a known age, so there are no shares to compare.');
    expect(report.attributes.age.pHolm).toBeNull();
    expect(report.conclusion).toMatch(/leaves out Finding categories, Finding BI-RADS, Age \(5-year bins\), Vendor/);
    // Holm over the two testable attributes: each p × 2 at most.
    const { breastBirads, breastDensity } = report.attributes;
    const lower = Math.min(breastBirads.pValue, breastDensity.pValue);
    expect(Math.min(breastBirads.pHolm!, breastDensity.pHolm!)).toBeCloseTo(Math.min(1, lower * 2), 12);
  });

  it('reports leakage, unknown ids, absent studies and the file', () => {
    expect(report.leakage.studies).toEqual([{ id: 's4', subsets: ['b', 'a'] }]);
    // series-1 joins s1 (a) and s4 (b, its first row); series-2 stays inside a.
    expect(report.leakage.series).toEqual([{ id: 'series-1', subsets: ['a', 'b'] }]);
    expect(report.unknownIds).toEqual({ count: 1, ids: ['nope'] });
    expect(report.studies).toEqual({ inRelease: 6, audited: 5, absentFromFile: 1 });
    expect(report.subsets).toEqual([{ name: 'a', studies: 2 }, { name: 'b', studies: 3 }]);
    // The file's own proportions count the unknown id: a 2, b 4 (of 6) → targets 5 × 2/6, 5 × 4/6.
    expect(report.examplesDistribution).toBeCloseTo((Math.abs(2 - 10 / 6) + Math.abs(3 - 20 / 6)) / 2, 12);
    expect(report.file).toEqual({ name: 'mine.csv', rows: 7, sha256: 'abc', idColumn: 'study_id', subsetColumn: 'split' });
  });
});
