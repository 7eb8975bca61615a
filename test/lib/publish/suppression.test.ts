// Small-cell suppression against hand-worked tables, and a proof by enumeration that no withheld cell of a fixture
// with small cells can be worked out from what is shown: for each one, every nonnegative integer filling of the
// withheld cells that keeps the shown row and column totals is listed, and the cell takes at least two values.
import { describe, expect, it } from 'vitest';
import { CountTables, type CountId, type PublicCount } from '../../../src/lib/publish/count-tables.ts';
import { SuppressionProblem } from '../../../src/lib/publish/suppression.ts';

/** A rows × columns table with its row totals, column totals and kept grand total, suppressed at K. */
function suppressTable(cells: number[][], k: number): { cells: PublicCount[][]; rowTotals: PublicCount[]; colTotals: PublicCount[]; grand: PublicCount } {
  const t = new CountTables(k);
  const ids = cells.map((row) => row.map((v) => t.single(v)));
  const rowTotals = ids.map((row) => t.totalOf(row));
  const colTotals = ids[0].map((_, c) => t.totalOf(ids.map((row) => row[c])));
  const grand = t.totalOf(rowTotals, true);
  t.sum(grand, colTotals);
  t.solve();
  const read = (id: CountId) => t.count(id);
  return { cells: ids.map((row) => row.map(read)), rowTotals: rowTotals.map(read), colTotals: colTotals.map(read), grand: read(grand) };
}

describe('primary and secondary suppression', () => {
  it('withholds 1 … K − 1, keeps 0 and ≥ K, and protects a lone small cell of a row and of a column', () => {
    // rows: [3, 10, 20] = 33, [12, 15, 0] = 27; columns 15, 25, 20; grand 60.
    // Primary: 3. Row 0 has one withheld cell → its next smallest non-zero, 10. Column 0 has one (3) → 12.
    // Column 1 now has one (10) → 15. Row 1 now has 12 and 15: two. Every line holds two withheld cells or none.
    const out = suppressTable([[3, 10, 20], [12, 15, 0]], 5);
    expect(out.cells).toEqual([['< 5', 'suppressed', 20], ['suppressed', 'suppressed', 0]]);
    expect(out.rowTotals).toEqual([33, 27]);
    expect(out.colTotals).toEqual([15, 25, 20]);
    expect(out.grand).toBe(60);
  });

  it('leaves a table without small cells as it is, and a zero is never withheld', () => {
    const out = suppressTable([[0, 10], [7, 0]], 5);
    expect(out.cells).toEqual([[0, 10], [7, 0]]);
  });

  it('withholds a total when a row has nothing else to withhold (its only other cells are zero)', () => {
    // Row 0: [2, 0] total 2 → the cell and the row total are both under K: two withheld in that row.
    // Column 0: [2, 9] total 11 → 9 withheld too. The row totals [2, 15] add up to the grand 17 → 15 withheld.
    // Row 1: [9, 6] total 15 now has two withheld; column 1 [0, 6] none. Stable.
    const out = suppressTable([[2, 0], [9, 6]], 5);
    expect(out.cells).toEqual([['< 5', 0], ['suppressed', 6]]);
    expect(out.rowTotals).toEqual(['< 5', 'suppressed']);
    expect(out.colTotals).toEqual([11, 6]);
    expect(out.grand).toBe(17);
  });

  it('never withholds a kept total, however small', () => {
    const p = new SuppressionProblem();
    const a = p.cell(1);
    const b = p.cell(2);
    const total = p.cell(3, true);
    p.sum(total, [a, b]);
    expect(p.solve(5)).toEqual(['primary', 'primary', null]);
  });
});

/** Every nonnegative filling of the withheld cells consistent with the shown cells and all shown totals. */
function feasibleValues(cells: number[][], shown: PublicCount[][], rowTotals: PublicCount[], colTotals: PublicCount[], grand: number): Map<string, Set<number>> {
  const unknown: [number, number][] = [];
  shown.forEach((row, r) => row.forEach((c, j) => typeof c !== 'number' && unknown.push([r, j])));
  const values = new Map(unknown.map(([r, c]) => [`${r},${c}`, new Set<number>()]));
  const grid = shown.map((row) => row.map((c) => (typeof c === 'number' ? c : 0)));
  const fits = () =>
    grid.every((row, r) => typeof rowTotals[r] !== 'number' || row.reduce((a, b) => a + b, 0) === rowTotals[r]) &&
    grid[0].every((_, c) => typeof colTotals[c] !== 'number' || grid.reduce((a, row) => a + row[c], 0) === colTotals[c]) &&
    grid.flat().reduce((a, b) => a + b, 0) === grand;
  // Depth-first over the withheld cells in order, each bounded by what its row, its column and the grand total
  // have left (values are nonnegative), so the search stays small.
  const rowSum = (r: number) => grid[r].reduce((a, b) => a + b, 0);
  const colSum = (c: number) => grid.reduce((a, row) => a + row[c], 0);
  const walk = (i: number) => {
    if (i === unknown.length) {
      if (fits()) for (const [r, c] of unknown) values.get(`${r},${c}`)!.add(grid[r][c]);
      return;
    }
    const [r, c] = unknown[i];
    let bound = grand - grid.flat().reduce((a, b) => a + b, 0);
    if (typeof rowTotals[r] === 'number') bound = Math.min(bound, rowTotals[r] - rowSum(r));
    if (typeof colTotals[c] === 'number') bound = Math.min(bound, colTotals[c] - colSum(c));
    for (let v = 0; v <= bound; v++) {
      grid[r][c] = v;
      walk(i + 1);
    }
    grid[r][c] = 0;
  };
  walk(0);
  expect(unknown.length).toBeGreaterThan(0);
  // The true table is one of the fillings.
  for (const [r, c] of unknown) expect(values.get(`${r},${c}`)!.has(cells[r][c])).toBe(true);
  return values;
}

describe('no withheld cell can be worked out from what is shown', () => {
  const fixtures: Record<string, number[][]> = {
    'one small cell': [[1, 8, 9], [7, 6, 11], [10, 12, 5]],
    'small cells in one row': [[2, 3, 6], [5, 7, 8], [6, 5, 9]],
    'a small cell beside zeros': [[4, 0, 0], [6, 8, 0], [5, 0, 9]],
    'several small cells': [[1, 2, 6], [5, 1, 7], [6, 8, 2]],
  };
  for (const [name, cells] of Object.entries(fixtures)) {
    it(name, () => {
      const out = suppressTable(cells, 5);
      const values = feasibleValues(cells, out.cells, out.rowTotals, out.colTotals, out.grand as number);
      for (const [cell, set] of values) expect(set.size, `cell ${cell} takes only ${[...set].join(', ')}`).toBeGreaterThanOrEqual(2);
      // And every count from 1 to 4 is withheld.
      cells.forEach((row, r) => row.forEach((v, c) => v >= 1 && v < 5 && expect(out.cells[r][c]).toBe('< 5')));
    });
  }
});
