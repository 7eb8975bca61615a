// Our numbers next to the paper's published Tables 3–5, cell by cell. Counts must be equal; rates are compared at
// the paper's precision (3 decimals: equal when they round to the same value, within half a unit of the last digit).

import type { PerSplit, SplitKey } from '../types.ts';

const SPLIT_KEYS: readonly SplitKey[] = ['training', 'test', 'all'];

interface ComparedCell {
  ours: number;
  /** null when the paper has no such cell. */
  paper: number | null;
  matches: boolean;
}

interface ComparedRow {
  key: string;
  label: string;
  cells: Record<SplitKey, ComparedCell>;
}

export interface Comparison {
  rows: ComparedRow[];
  /** Decimals the numbers are shown and compared with (0 for counts). */
  decimals: number;
  compared: number;
  differing: number;
}

/**
 * Compares per-split records over `keys` (the table's rows). `decimals` = 0 compares exactly; otherwise two values
 * match when they differ by at most half a unit in the last decimal (the paper rounds, we don't).
 */
function compareWithPaper(
  ours: PerSplit<Record<string, number>>,
  paper: PerSplit<Record<string, number>>,
  rows: readonly { key: string; label: string }[],
  decimals = 0,
): Comparison {
  const tolerance = decimals === 0 ? 0 : 0.5 * 10 ** -decimals + 1e-9;
  let differing = 0;
  const compared = rows.map((row) => {
    const cells = Object.fromEntries(
      SPLIT_KEYS.map((split) => {
        const mine = ours[split]?.[row.key] ?? 0;
        const theirs = paper[split]?.[row.key];
        const matches = theirs === undefined ? mine === 0 : Math.abs(mine - theirs) <= tolerance;
        if (!matches) differing += 1;
        return [split, { ours: mine, paper: theirs ?? null, matches }];
      }),
    ) as Record<SplitKey, ComparedCell>;
    return { key: row.key, label: row.label, cells };
  });
  return { rows: compared, decimals, compared: rows.length * SPLIT_KEYS.length, differing };
}

/** The part of src/data/paper-tables.json compared here (the paper's Tables 3, 4 and 5). */
export interface PaperTables {
  breastBirads: PerSplit<Record<string, number>>;
  breastDensity: PerSplit<Record<string, number>>;
  findingCategories: PerSplit<Record<string, number>>;
  findingRatePer100Images: PerSplit<Record<string, number>>;
}

/** The row keys of a comparison: the paper's rows in its order, then any further category of ours. */
function rowsOf(paper: PerSplit<Record<string, number>>, ours: PerSplit<Record<string, number>>, label: (key: string) => string) {
  const keys = [...Object.keys(paper.all ?? {})];
  for (const split of SPLIT_KEYS) for (const key of Object.keys(ours[split] ?? {})) if (!keys.includes(key)) keys.push(key);
  return keys.map((key) => ({ key, label: label(key) }));
}

/** Tables 3, 4 and 5 (counts and rates) of the paper against `stats`. */
export function paperComparisons(
  stats: Pick<PaperTables, keyof PaperTables>,
  paper: PaperTables,
): { table3: Comparison; table4: Comparison; table5Counts: Comparison; table5Rates: Comparison } {
  return {
    table3: compareWithPaper(stats.breastBirads, paper.breastBirads, rowsOf(paper.breastBirads, stats.breastBirads, (k) => `BI-RADS ${k}`)),
    table4: compareWithPaper(stats.breastDensity, paper.breastDensity, rowsOf(paper.breastDensity, stats.breastDensity, (k) => `Density ${k}`)),
    table5Counts: compareWithPaper(stats.findingCategories, paper.findingCategories, rowsOf(paper.findingCategories, stats.findingCategories, (k) => k)),
    table5Rates: compareWithPaper(
      stats.findingRatePer100Images,
      paper.findingRatePer100Images,
      rowsOf(paper.findingRatePer100Images, stats.findingRatePer100Images, (k) => k),
      3,
    ),
  };
}
