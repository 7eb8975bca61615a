// Pearson's chi-square test of independence for a two-row (training, test) × k category table, with Cramér's V.
// The split-balance audit asks, per attribute, "do the category shares differ between the splits more than chance
// would make them?"; this module answers it for one table.

import jstat from 'jstat';
import type { ChiSquareResult } from '../types.ts';

const { jStat } = jstat;

/** The answer for a table that cannot show a difference between the splits (see chiSquareTest). */
function degenerate(df: number): ChiSquareResult {
  return { chi2: 0, df, pValue: 1, cramersV: 0 };
}

/**
 * Tests independence of split and category on the table whose rows are `training` and `test` (same length: one
 * count per category). Columns with a zero total are left out first (they carry no information and would divide
 * by zero), so df = kept columns − 1, and Cramér's V = sqrt(chi2 / N) because the table has two rows.
 *
 * Defined answers for degenerate tables, where there is nothing to test: fewer than two kept columns, or a row
 * that is all zeros (an empty split). They return chi2 0, pValue 1, cramersV 0 ("no evidence of imbalance") with
 * df = max(kept columns − 1, 0), never NaN.
 */
export function chiSquareTest(training: readonly number[], test: readonly number[]): ChiSquareResult {
  if (training.length !== test.length) {
    throw new Error(`chiSquareTest: training has ${training.length} categories but test has ${test.length}`);
  }
  for (const value of [...training, ...test]) {
    if (!Number.isFinite(value) || value < 0) throw new Error(`chiSquareTest: counts must be finite and ≥ 0, got ${value}`);
  }
  const kept: number[] = [];
  for (let j = 0; j < training.length; j++) if (training[j] + test[j] > 0) kept.push(j);
  const df = Math.max(kept.length - 1, 0);

  const trainingTotal = kept.reduce((sum, j) => sum + training[j], 0);
  const testTotal = kept.reduce((sum, j) => sum + test[j], 0);
  const total = trainingTotal + testTotal;
  if (kept.length < 2 || trainingTotal === 0 || testTotal === 0) return degenerate(df);

  let chi2 = 0;
  for (const j of kept) {
    const columnTotal = training[j] + test[j];
    const expectedTraining = (trainingTotal * columnTotal) / total;
    const expectedTest = (testTotal * columnTotal) / total;
    chi2 += (training[j] - expectedTraining) ** 2 / expectedTraining + (test[j] - expectedTest) ** 2 / expectedTest;
  }
  return { chi2, df, pValue: chiSquarePValue(chi2, df), cramersV: Math.sqrt(chi2 / total) };
}

/** Upper-tail probability P(X ≥ chi2) for `df` degrees of freedom, clamped to [0, 1]; 1 when df is 0. */
export function chiSquarePValue(chi2: number, df: number): number {
  if (df <= 0 || !(chi2 > 0)) return 1;
  const p = 1 - jStat.chisquare.cdf(chi2, df);
  return Math.min(1, Math.max(0, p));
}
