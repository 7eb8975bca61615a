// One attribute's split-balance entry for stats.json: its (training, test) × category table with zero-total
// categories dropped, plus the chi-square test on that table.

import type { BalanceAttribute } from '../types.ts';
import { chiSquareTest } from './chi-square.ts';

/**
 * Builds the balance entry of one attribute. `unit` says what one count is ("breast", "box", "study", "image");
 * `categories`, `training` and `test` are parallel arrays. Categories whose training + test total is zero are
 * left out of the returned table (the order of the rest is kept), which is also the table the test is run on.
 */
export function balanceAttribute(unit: string, categories: string[], training: number[], test: number[]): BalanceAttribute {
  if (categories.length !== training.length || categories.length !== test.length) {
    throw new Error(
      `balanceAttribute(${unit}): ${categories.length} categories but ${training.length} training and ${test.length} test counts`,
    );
  }
  const kept = categories.map((_, j) => j).filter((j) => training[j] + test[j] > 0);
  const keptTraining = kept.map((j) => training[j]);
  const keptTest = kept.map((j) => test[j]);
  return {
    unit,
    categories: kept.map((j) => categories[j]),
    training: keptTraining,
    test: keptTest,
    ...chiSquareTest(keptTraining, keptTest),
  };
}
