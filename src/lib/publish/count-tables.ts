// The tables of stats.json as one suppression problem (suppression.ts): each table's counts with the sums that link
// them (training + test = all, a row's cells = its total), built first, solved once, then read back as public
// counts — a number, "< K", or "suppressed".

import type { PerSplit, SplitKey } from '../types.ts';
import { SuppressionProblem, type SuppressionMark } from './suppression.ts';

/** A count as a public build writes it: the number, "< K" (it is 1 … K − 1), or "suppressed" (withheld, whatever
 * its size, so that a small count cannot be worked out from the totals and the other cells). */
export type PublicCount = number | `< ${number}` | 'suppressed';

/** A count's id in the problem (read back with CountTables.count). */
export type CountId = number;

const PARTS = ['training', 'test'] as const;

export class CountTables {
  private readonly problem = new SuppressionProblem();
  private readonly values: number[] = [];
  private marks: (SuppressionMark | null)[] | null = null;

  constructor(readonly minCell: number) {}

  /** One count on its own (linked to nothing). */
  single(value: number, kept = false): CountId {
    this.values.push(value);
    return this.problem.cell(value, kept);
  }

  /** A total of counts already added, linked to them. */
  totalOf(parts: readonly CountId[], kept = false): CountId {
    const id = this.problem.totalOf(parts, kept);
    this.values.push(parts.reduce((sum, part) => sum + this.values[part], 0));
    return id;
  }

  /** Declares a sum between counts already added. */
  sum(total: CountId, parts: readonly CountId[]): void {
    this.problem.sum(total, parts);
  }

  /** A per-split count: all = training + test; `keptAll` shows `all` whatever its size. */
  perSplit(value: PerSplit<number>, keptAll = false): PerSplit<CountId> {
    const ids = { training: this.single(value.training), test: this.single(value.test), all: this.single(value.all, keptAll) };
    this.sum(ids.all, [ids.training, ids.test]);
    return ids;
  }

  /**
   * A per-split table of counts by key (rows): each key's all = training + test, and each split's keys add up to
   * that split's total — `totals` when the table's totals are published elsewhere (linked to them), else totals
   * made here with the grand total kept.
   */
  splitTable(table: PerSplit<Record<string, number>>, keys: readonly string[], totals?: PerSplit<CountId>): PerSplit<Record<string, CountId>> {
    const ids = this.splitRows(table, keys);
    this.linkTotals(ids, keys, totals);
    return ids;
  }

  /** The rows of a per-split table (each key's all = training + test), its totals left to the caller. */
  splitRows(table: PerSplit<Record<string, number>>, keys: readonly string[]): PerSplit<Record<string, CountId>> {
    const ids = { training: {}, test: {}, all: {} } as PerSplit<Record<string, CountId>>;
    for (const key of keys) {
      const row = this.perSplit({ training: table.training[key] ?? 0, test: table.test[key] ?? 0, all: table.all[key] ?? 0 });
      for (const split of ['training', 'test', 'all'] as SplitKey[]) ids[split][key] = row[split];
    }
    return ids;
  }

  /** Each split's cells of `ids` add up to `totals` (given, or made here with the grand total kept). */
  linkTotals(ids: PerSplit<Record<string, CountId>>, keys: readonly string[], totals?: PerSplit<CountId>): void {
    const parts = (split: SplitKey) => keys.map((key) => ids[split][key]);
    if (totals) {
      for (const split of ['training', 'test', 'all'] as SplitKey[]) this.sum(totals[split], parts(split));
      return;
    }
    const grand = this.totalOf(parts('all'), true);
    this.sum(grand, PARTS.map((split) => this.totalOf(parts(split))));
  }

  /** The value a count was added with. */
  valueOf(id: CountId): number {
    return this.values[id];
  }

  /** A rows × columns grid (e.g. box centres) with its margins and a grand total. */
  grid(cells: readonly number[], cols: number, keptGrand = false): CountId[] {
    const ids = cells.map((value) => this.single(value));
    const rows = Math.ceil(cells.length / cols);
    const rowTotals = Array.from({ length: rows }, (_, r) => this.totalOf(ids.slice(r * cols, (r + 1) * cols)));
    const colTotals = Array.from({ length: cols }, (_, c) => this.totalOf(ids.filter((_, i) => i % cols === c)));
    const grand = this.totalOf(rowTotals, keptGrand);
    this.sum(grand, colTotals);
    return ids;
  }

  /** Solves the problem (once every table is added); `count` reads the results. */
  solve(): void {
    this.marks = this.problem.solve(this.minCell);
  }

  count(id: CountId): PublicCount {
    if (!this.marks) throw new Error('CountTables.count before solve');
    const mark = this.marks[id];
    if (mark === 'primary') return `< ${this.minCell}`;
    if (mark === 'secondary') return 'suppressed';
    return this.values[id];
  }

  /** True when the count is shown as it is. */
  shown(id: CountId): boolean {
    return typeof this.count(id) === 'number';
  }

  record(ids: Record<string, CountId>): Record<string, PublicCount> {
    return Object.fromEntries(Object.entries(ids).map(([key, id]) => [key, this.count(id)]));
  }

  splitRecord(ids: PerSplit<Record<string, CountId>>): PerSplit<Record<string, PublicCount>> {
    return { training: this.record(ids.training), test: this.record(ids.test), all: this.record(ids.all) };
  }

  splitCount(ids: PerSplit<CountId>): PerSplit<PublicCount> {
    return { training: this.count(ids.training), test: this.count(ids.test), all: this.count(ids.all) };
  }
}

/** How a public count reads on a page: "1,234", "< 5", "suppressed". */
export function isShownCount(count: PublicCount): count is number {
  return typeof count === 'number';
}
