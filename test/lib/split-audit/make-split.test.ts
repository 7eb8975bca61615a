import { describe, expect, it } from 'vitest';
import { foldsPlan, iterativeStratification, ratiosPlan, splitCsv, subsetSizes } from '../../../src/lib/split-audit/make-split.ts';
import { makeSplitFile } from '../../../src/lib/split-audit/make-split-file.ts';
import { encodeSubsets, labelDistributionOf, subsetRandomBaseline } from '../../../src/lib/split-audit/subset-balance.ts';
import { presenceLabels, type StudyAttributes } from '../../../src/lib/split-audit/study-attributes.ts';

function study(id: string, birads: string[], findings: [string, '3' | '4' | '5' | 'none'][] = [], split: 'training' | 'test' = 'training'): StudyAttributes {
  return {
    id,
    split,
    breasts: birads.map((b) => ({ birads: b, density: 'C' })),
    boxes: findings.map(([category, findingBirads]) => ({ categories: [category], findingBirads })),
    ageYears: null,
    vendor: null,
  };
}

describe('plans and sizes', () => {
  it('sizes by largest remainder', () => {
    expect(subsetSizes(10, [1 / 3, 1 / 3, 1 / 3])).toEqual([4, 3, 3]);
    expect(subsetSizes(4000, [0.8, 0.2])).toEqual([3200, 800]);
  });
  it('names folds and ratios, and refuses bad ones', () => {
    expect(foldsPlan(3)).toMatchObject({ names: ['1', '2', '3'], column: 'fold' });
    expect(ratiosPlan('8,2')).toMatchObject({ names: ['train', 'validation'], shares: [0.8, 0.2], column: 'split' });
    expect(() => foldsPlan(1)).toThrow('--folds');
    expect(() => ratiosPlan('0.8')).toThrow('--ratios');
  });
});

describe('iterativeStratification', () => {
  it('spreads a rare label over the subsets (Sechidis et al.: rarest label first)', () => {
    // Two studies of four carry "Mass"; each of two equal subsets wants 2 × 0.5 = 1 of them.
    const studies = [study('a', ['1', '1']), study('b', ['4'], [['Mass', '4']]), study('c', ['1', '1']), study('d', ['4'], [['Mass', '4']])];
    for (const seed of [1, 2, 3]) {
      const made = iterativeStratification(studies, [0.5, 0.5], seed);
      expect(made.subsetOf[1]).not.toBe(made.subsetOf[3]);
      expect(made.subsetOf.filter((s) => s === 0)).toHaveLength(2);
    }
  });

  const many = Array.from({ length: 400 }, (_, i) =>
    study(
      `s${String(i).padStart(3, '0')}`,
      [String(1 + (i % 5)), String(1 + ((i * 7) % 3))],
      i % 9 === 0 ? [['Mass', i % 2 ? '4' : '5']] : i % 13 === 0 ? [['Suspicious Calcification', '4'], ['Mass', 'none']] : [],
      i % 5 === 0 ? 'test' : 'training',
    ),
  );

  it('is deterministic per seed, puts every study in exactly one subset with exact sizes, and beats random splits', () => {
    const a = iterativeStratification(many, [0.2, 0.2, 0.2, 0.2, 0.2], 11);
    expect(iterativeStratification(many, [0.2, 0.2, 0.2, 0.2, 0.2], 11)).toEqual(a);
    expect(new Set(a.ids).size).toBe(400);
    expect([0, 1, 2, 3, 4].map((i) => a.subsetOf.filter((s) => s === i).length)).toEqual([80, 80, 80, 80, 80]);
    const encoded = encodeSubsets(a.subsetOf, a.ids.map((id) => presenceLabels(many.find((s) => s.id === id)!)), 5);
    const ld = labelDistributionOf(encoded);
    expect(subsetRandomBaseline(encoded, ld, 1000, 2011).actualPercentile).toBeLessThan(1);
  });

  it('writes the CSV sorted by id and reads it back as the audited assignment (--from training)', () => {
    const made = makeSplitFile(many, { ratios: '0.75,0.25', from: 'training', seed: 3 });
    const lines = made.csv.trimEnd().split('\n');
    expect(lines[0]).toBe('study_id,split');
    expect(lines).toHaveLength(1 + 320);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(many.filter((s) => s.split === 'training').map((s) => s.id));
    expect(made.assignment.subsets).toEqual(['train', 'validation']);
    expect(made.assignment.fileSizes).toEqual([240, 80]);
    expect(made.csv).toBe(splitCsv(made.plan, iterativeStratification(many.filter((s) => s.split === 'training'), [0.75, 0.25], 3)));
  });
});
