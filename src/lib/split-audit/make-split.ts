// Makes a split: study-level iterative stratification (Sechidis, Tsoumakas & Vlahavas 2011, Algorithm 1) over each
// study's label counts (study-attributes.ts stratificationCounts), seeded with d3-random's LCG so the command line
// and the browser write the same bytes for a seed. Hand-written because no npm library implements it (the Python
// scikit-multilearn one is not reachable from here); kept to the paper's steps, plus one guard: a subset that has
// reached its size is no longer a candidate, so subset sizes are exactly the asked proportions (largest remainder).

import { randomLcg } from 'd3-random';
import { compareIds } from '../studies/study-index.ts';
import { presenceLabels, stratificationCounts, type StudyAttributes } from './study-attributes.ts';

export interface SplitPlan {
  /** Subset names, in output order. */
  names: string[];
  /** Their shares of the studies (sum 1). */
  shares: number[];
  /** The CSV's subset column: "fold" for folds, "split" for ratios. */
  column: string;
}

export function foldsPlan(k: number): SplitPlan {
  if (!Number.isInteger(k) || k < 2) throw new Error(`--folds must be a whole number ≥ 2, got ${k}`);
  return { names: Array.from({ length: k }, (_, i) => String(i + 1)), shares: new Array<number>(k).fill(1 / k), column: 'fold' };
}

const RATIO_NAMES: Readonly<Record<number, string[]>> = { 2: ['train', 'validation'], 3: ['train', 'validation', 'test'] };

/** "0.8,0.2" → shares normalised to sum 1; names train/validation(/test), else part1 … partK. */
export function ratiosPlan(text: string): SplitPlan {
  const ratios = text.split(',').map((part) => Number(part.trim()));
  if (ratios.length < 2 || ratios.some((r) => !Number.isFinite(r) || r <= 0)) {
    throw new Error(`--ratios must be two or more positive numbers separated by commas, got "${text}"`);
  }
  const sum = ratios.reduce((a, b) => a + b, 0);
  const names = RATIO_NAMES[ratios.length] ?? ratios.map((_, i) => `part${i + 1}`);
  return { names, shares: ratios.map((r) => r / sum), column: 'split' };
}

/** Subset sizes by largest remainder: they sum to n and each is within 1 of n × share. */
export function subsetSizes(n: number, shares: readonly number[]): number[] {
  const exact = shares.map((share) => n * share);
  const sizes = exact.map(Math.floor);
  let left = n - sizes.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    sizes[i]++;
  }
  return sizes;
}

/** Study ids (sorted) with the subset index of each. Every study lands in exactly one subset. */
export function iterativeStratification(studies: readonly StudyAttributes[], shares: readonly number[], seed: number): { ids: string[]; subsetOf: number[] } {
  const sorted = [...studies].sort((a, b) => compareIds(a.id, b.id));
  const n = sorted.length;
  const k = shares.length;
  const random = randomLcg(seed);
  // A seeded order of the studies: ties inside a label are broken by it, as the paper's random choice.
  const order = Array.from({ length: n }, (_, s) => s);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }

  const labelIds = new Map<string, number>();
  const counted = withRareAbsences(sorted);
  const studyLabels = counted.map((counts) =>
    [...counts].map(([label, count]) => {
      let id = labelIds.get(label);
      if (id === undefined) labelIds.set(label, (id = labelIds.size));
      return { id, count };
    }),
  );
  const q = labelIds.size;
  const labelTotal = new Float64Array(q);
  const remaining = new Int32Array(q);
  const studiesWith: number[][] = Array.from({ length: q }, () => []);
  for (const s of order) {
    for (const { id, count } of studyLabels[s]) {
      labelTotal[id] += count;
      remaining[id]++;
      studiesWith[id].push(s);
    }
  }
  const capacity = subsetSizes(n, shares);
  const desired = shares.map((share) => Float64Array.from(labelTotal, (total) => total * share));
  const subsetOf = new Array<number>(n).fill(-1);

  const choose = (label: number): number => {
    let best: number[] = [];
    for (let i = 0; i < k; i++) {
      if (capacity[i] <= 0) continue;
      if (best.length === 0) best = [i];
      else {
        const d = label < 0 ? 0 : desired[i][label] - desired[best[0]][label];
        const c = capacity[i] - capacity[best[0]];
        if (d > 0 || (d === 0 && c > 0)) best = [i];
        else if (d === 0 && c === 0) best.push(i);
      }
    }
    return best.length === 1 ? best[0] : best[Math.floor(random() * best.length)];
  };
  const assign = (s: number, subset: number) => {
    subsetOf[s] = subset;
    capacity[subset]--;
    for (const { id, count } of studyLabels[s]) {
      desired[subset][id] -= count;
      remaining[id]--;
    }
  };

  for (;;) {
    // The label with the fewest unassigned studies (lowest id on a tie) goes first: rare labels are spread first.
    let label = -1;
    for (let j = 0; j < q; j++) if (remaining[j] > 0 && (label < 0 || remaining[j] < remaining[label])) label = j;
    if (label < 0) break;
    for (const s of studiesWith[label]) if (subsetOf[s] < 0) assign(s, choose(label));
  }
  for (const s of order) if (subsetOf[s] < 0) assign(s, choose(-1));
  return { ids: sorted.map((study) => study.id), subsetOf };
}

/**
 * Each study's label counts (issue 12's list), plus "without:<label>" for every presence label that more than half
 * of the studies carry. LD compares each subset's ratio of studies with a label to studies without it; for a label
 * nearly every study has (density C, BI-RADS 1) the studies *without* it are the rare side, and spreading them like
 * any rare label is what keeps that ratio steady (measured: the demo's 5 folds went from the 2nd–3rd percentile of
 * random splits to below the 1st).
 */
function withRareAbsences(studies: readonly StudyAttributes[]): Map<string, number>[] {
  const presence = studies.map((study) => new Set(presenceLabels(study)));
  const carriers = new Map<string, number>();
  for (const labels of presence) for (const label of labels) carriers.set(label, (carriers.get(label) ?? 0) + 1);
  const common = [...carriers].filter(([, count]) => count * 2 > studies.length).map(([label]) => label).sort();
  return studies.map((study, s) => {
    const counts = stratificationCounts(study);
    for (const label of common) if (!presence[s].has(label)) counts.set(`without:${label}`, 1);
    return counts;
  });
}

/** The split file: `study_id,<column>` and one row per study, sorted by id, LF line ends. */
export function splitCsv(plan: SplitPlan, made: { ids: string[]; subsetOf: number[] }): string {
  const lines = [`study_id,${plan.column}`];
  made.ids.forEach((id, s) => lines.push(`${id},${plan.names[made.subsetOf[s]]}`));
  return lines.join('\n') + '\n';
}

/** The release's own training/test split as a split file (`study_id,split`, sorted by id), to audit like any other. */
export function officialSplitCsv(studies: readonly StudyAttributes[]): string {
  const sorted = [...studies].sort((a, b) => compareIds(a.id, b.id));
  return ['study_id,split', ...sorted.map((study) => `${study.id},${study.split}`)].join('\n') + '\n';
}
