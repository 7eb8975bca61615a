// Import merges a file's verdicts into the stored ones. A verdict's identity is (reviewer, key): for the same
// identity the newer time wins. Counted: added (new identity), updated (the file's is newer and different),
// conflicting (different, but the stored one is as new or newer, so it is kept), unchanged (identical).
import type { Verdict } from './verdict-types.ts';

interface MergeOutcome {
  /** The verdicts to store (added and updated ones); storing them gives the merged review. */
  toStore: Verdict[];
  added: number;
  updated: number;
  conflicting: number;
  unchanged: number;
}

function verdictIdentity(verdict: Pick<Verdict, 'reviewer' | 'key'>): string {
  return JSON.stringify([verdict.reviewer, verdict.key]);
}

/** A verdict's content in a form where equal verdicts give equal text (keys sorted; NaN as JSON's null). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === 'object' && inner !== null && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  );
}

function sameVerdict(a: Verdict, b: Verdict): boolean {
  return canonical(a) === canonical(b);
}

export function mergeVerdicts(stored: readonly Verdict[], incoming: readonly Verdict[]): MergeOutcome {
  const current = new Map(stored.map((verdict) => [verdictIdentity(verdict), verdict]));
  const changed = new Map<string, Verdict>();
  const outcome: MergeOutcome = { toStore: [], added: 0, updated: 0, conflicting: 0, unchanged: 0 };
  for (const verdict of incoming) {
    const id = verdictIdentity(verdict);
    const existing = current.get(id);
    if (existing === undefined) outcome.added++;
    else if (sameVerdict(existing, verdict)) {
      outcome.unchanged++;
      continue;
    } else if (Date.parse(verdict.time) > Date.parse(existing.time)) outcome.updated++;
    else {
      outcome.conflicting++;
      continue;
    }
    current.set(id, verdict);
    changed.set(id, verdict);
  }
  outcome.toStore = [...changed.values()];
  return outcome;
}
