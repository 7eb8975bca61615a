// Assembles stats.json's splitBalance from the counted tables: one chi-square entry per attribute, LD and ED over
// studies, the random-split LD baseline, and leakage. The statistics themselves live in src/lib/split-balance/.

import type { BalanceAttribute, Split, Stats } from '../types.ts';
import { balanceAttribute } from '../split-balance/balance-attribute.ts';
import { examplesDistribution, labelDistribution, type LabelledStudy } from '../split-balance/label-distribution.ts';
import { encodeLabelledStudies } from '../split-balance/label-encoding.ts';
import { randomSplitBaseline } from '../split-balance/random-baseline.ts';

/** A split × category table of one attribute, before zero-total categories are dropped. */
export interface AttributeTable {
  unit: string;
  categories: string[];
  training: number[];
  test: number[];
}

interface SplitBalanceInput {
  /** Attribute name → table, in output order. Tables without any count are left out. */
  tables: Record<string, AttributeTable>;
  studies: readonly LabelledStudy[];
  studiesPerSplit: Record<Split, number>;
  leakingStudies: string[];
  leakingSeries: string[];
}

export function buildSplitBalance(input: SplitBalanceInput): Stats['splitBalance'] {
  const attributes: Record<string, BalanceAttribute> = {};
  for (const [name, table] of Object.entries(input.tables)) {
    const total = table.training.reduce((a, b) => a + b, 0) + table.test.reduce((a, b) => a + b, 0);
    if (total === 0) continue;
    attributes[name] = balanceAttribute(table.unit, table.categories, table.training, table.test);
  }
  const encoded = encodeLabelledStudies(input.studies);
  return {
    attributes,
    labelDistribution: labelDistribution(encoded),
    examplesDistribution: examplesDistribution(input.studiesPerSplit),
    randomBaseline: randomSplitBaseline(encoded),
    leakage: { studies: [...input.leakingStudies].sort(), series: [...input.leakingSeries].sort() },
  };
}

/** Study labels for LD, spelled as the audit page expects: birads:<digit>, density:<letter>, finding:<category>. */
export const studyLabel = {
  birads: (digit: string): string => `birads:${digit}`,
  density: (letter: string): string => `density:${letter}`,
  finding: (category: string): string => `finding:${category}`,
};
