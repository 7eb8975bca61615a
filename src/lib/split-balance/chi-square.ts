// Pearson's chi-square test of independence for a two-row (training, test) × k category table, with Cramér's V.
// The split-balance audit asks, per attribute, "do the category shares differ between the splits more than chance
// would make them?"; this module answers it for one table.

import type { ChiSquareResult } from '../types.ts';
import { chiSquareTable } from '../split-audit/contingency.ts';

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
  // The k-subset test (src/lib/split-audit/contingency.ts) with k = 2: one rule for every split audit.
  const { chi2, df, pValue, cramersV } = chiSquareTable([training, test]);
  return { chi2, df, pValue, cramersV };
}
