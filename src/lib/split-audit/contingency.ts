// Pearson's χ² test of independence on a k subsets × c categories table, with Cramér's V for k × c. The official
// training/test audit (k = 2, src/lib/split-balance/chi-square.ts) and the audit of any split file both use it, so
// one rule decides what a table says. jstat gives the χ² distribution.

import jstat from 'jstat';
import type { ChiSquareResult } from '../types.ts';

const { jStat } = jstat;

/** Upper-tail probability P(X ≥ chi2) for `df` degrees of freedom, clamped to [0, 1]; 1 when df is 0. */
export function chiSquarePValue(chi2: number, df: number): number {
  if (df <= 0 || !(chi2 > 0)) return 1;
  const p = 1 - jStat.chisquare.cdf(chi2, df);
  return Math.min(1, Math.max(0, p));
}

interface TableTest extends ChiSquareResult {
  /** Why the table cannot be tested (a subset with no counts, fewer than two categories), else null. */
  untestable: string | null;
}

/** Indexes of the columns whose total over every row is above zero, in order. */
export function keptColumns(rows: readonly (readonly number[])[]): number[] {
  const width = rows[0]?.length ?? 0;
  const kept: number[] = [];
  for (let j = 0; j < width; j++) if (rows.some((row) => row[j] > 0)) kept.push(j);
  return kept;
}

/**
 * Tests independence of row (subset) and column (category). Zero-total columns are left out first (no information,
 * and they would divide by zero): df = (k − 1)(kept columns − 1), V = sqrt(χ² / (N · min(k − 1, c − 1))).
 * A table with a row that is all zeros, fewer than two rows or fewer than two kept columns has nothing to compare:
 * χ² 0, p 1, V 0 (never NaN), and `untestable` names the reason with `rowNames` and `unit` (a plural noun phrase: "boxes").
 *
 * Each column's terms are summed before being added to χ², which for k = 2 is exactly the order of the original
 * training/test code, so stats.json keeps its bytes.
 */
export function chiSquareTable(rows: readonly (readonly number[])[], rowNames: readonly string[] = [], unit = 'counts'): TableTest {
  const width = rows[0]?.length ?? 0;
  for (const row of rows) {
    if (row.length !== width) throw new Error(`chiSquareTable: rows of ${width} and ${row.length} categories`);
    for (const value of row) if (!Number.isFinite(value) || value < 0) throw new Error(`chiSquareTable: counts must be finite and ≥ 0, got ${value}`);
  }
  const kept = keptColumns(rows);
  const k = rows.length;
  const df = Math.max(k - 1, 0) * Math.max(kept.length - 1, 0);
  const rowTotals = rows.map((row) => kept.reduce((sum, j) => sum + row[j], 0));
  const total = rowTotals.reduce((sum, n) => sum + n, 0);
  const empty = rowTotals.findIndex((n) => n === 0);
  let untestable: string | null = null;
  if (k < 2) untestable = 'Fewer than two subsets, so there are no shares to compare.';
  else if (total === 0) untestable = `No subset has any ${unit}, so there are no shares to compare.`;
  else if (empty >= 0) untestable = `${rowNames[empty] ?? `Subset ${empty + 1}`} has no ${unit}, so there are no shares to compare.`;
  else if (kept.length < 2) untestable = 'Only one category occurs, so there are no shares to compare.';
  if (untestable !== null) return { chi2: 0, df, pValue: 1, cramersV: 0, untestable };

  let chi2 = 0;
  for (const j of kept) {
    let columnTotal = 0;
    for (const row of rows) columnTotal += row[j];
    let column = 0;
    for (let i = 0; i < k; i++) {
      const expected = (rowTotals[i] * columnTotal) / total;
      column += (rows[i][j] - expected) ** 2 / expected;
    }
    chi2 += column;
  }
  const smaller = Math.min(k - 1, kept.length - 1);
  return { chi2, df, pValue: chiSquarePValue(chi2, df), cramersV: Math.sqrt(chi2 / (total * smaller)), untestable: null };
}

/**
 * Holm's step-down adjustment of m p-values (null entries, the untestable attributes, are skipped and stay null):
 * sorted ascending, p₍ᵢ₎ × (m − i + 1), made monotone by a running maximum and capped at 1.
 */
export function holmAdjust(pValues: readonly (number | null)[]): (number | null)[] {
  const order = pValues
    .map((p, i) => ({ p, i }))
    .filter((entry): entry is { p: number; i: number } => entry.p !== null)
    .sort((a, b) => a.p - b.p || a.i - b.i);
  const m = order.length;
  const adjusted: (number | null)[] = pValues.map(() => null);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, p * (m - rank)));
    adjusted[i] = running;
  });
  return adjusted;
}

/**
 * Standardized mean difference of a binary indicator between a group with share p1 and the rest with share p2,
 * as tableone and cobalt report it: (p1 − p2) / sqrt((p1(1 − p1) + p2(1 − p2)) / 2). When both shares are 0 or 1
 * the spread is 0: equal shares give 0, unequal ones (all against none) have no finite SMD and give null.
 */
export function binarySmd(p1: number, p2: number): number | null {
  const spread = Math.sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / 2);
  if (spread === 0) return p1 === p2 ? 0 : null;
  return (p1 - p2) / spread;
}
