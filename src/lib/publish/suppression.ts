// Small-cell suppression for a build that may be published: which counts of a set of linked tables are withheld.
// Primary: every count from 1 to K − 1 (a zero stays zero). Secondary: the tables' additive relations (a row and
// its total, training + test = all) are equations; an equation with exactly one withheld member would give that
// member away (total minus the others), so its next smallest non-zero member is withheld too, until no equation has
// exactly one. Totals marked `kept` (a table's grand total) are never withheld.
// Hand-written: the field's tools for this (τ-ARGUS, sdcTable) are not JavaScript; the rule is the hypercube-free
// "at least two unknowns per relation" of the issue, and test/lib/publish proves it on fixtures by enumeration.

/** The smallest count a public build shows by default. */
export const DEFAULT_MIN_CELL = 5;

/** Why a count is withheld: under K itself, or to protect another one. */
export type SuppressionMark = 'primary' | 'secondary';

/** A set of counts and the sums that link them; `solve` marks what to withhold. */
export class SuppressionProblem {
  private readonly values: number[] = [];
  private readonly kept: boolean[] = [];
  private readonly equations: { total: number; parts: number[] }[] = [];

  /** Adds a count; `kept` counts (grand totals) are shown whatever their size. Returns its id. */
  cell(value: number, kept = false): number {
    this.values.push(value);
    this.kept.push(kept);
    return this.values.length - 1;
  }

  /** Declares that the parts add up to the total (all ids from `cell`). */
  sum(total: number, parts: readonly number[]): void {
    if (parts.length > 0) this.equations.push({ total, parts: [...parts] });
  }

  /** A total computed here from its parts (a row or column margin), linked to them. */
  totalOf(parts: readonly number[], kept = false): number {
    const id = this.cell(parts.reduce((sum, part) => sum + this.values[part], 0), kept);
    this.sum(id, parts);
    return id;
  }

  solve(minCell: number): (SuppressionMark | null)[] {
    const marks: (SuppressionMark | null)[] = this.values.map((v, i) => (!this.kept[i] && v >= 1 && v < minCell ? 'primary' : null));
    for (let changed = true; changed; ) {
      changed = false;
      for (const { total, parts } of this.equations) {
        const members = [...parts, total];
        if (members.filter((id) => marks[id] !== null).length !== 1) continue;
        // The smallest shown non-zero part; the total only when no part is left to withhold.
        const candidates = (ids: number[]) => ids.filter((id) => marks[id] === null && !this.kept[id] && this.values[id] > 0);
        const pick = smallest(candidates(parts), this.values) ?? smallest(candidates([total]), this.values);
        if (pick !== undefined) {
          marks[pick] = 'secondary';
          changed = true;
        }
      }
    }
    return marks;
  }
}

function smallest(ids: number[], values: readonly number[]): number | undefined {
  let best: number | undefined;
  for (const id of ids) if (best === undefined || values[id] < values[best]) best = id;
  return best;
}
