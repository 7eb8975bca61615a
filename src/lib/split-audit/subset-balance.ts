// Label distribution (LD) and examples distribution (ED) of Sechidis, Tsoumakas & Vlahavas (2011) for k subsets,
// and LD's random baseline: seeded random study-level splits with the same subset sizes. The formulas are
// STATS.md's, with k subsets instead of two; the official training/test numbers of stats.json keep their own
// k = 2 code (src/lib/split-balance/), and a test checks both agree for k = 2.

import { quantile } from 'd3-array';
import { randomLcg } from 'd3-random';
import { histogramOf } from '../split-balance/random-baseline.ts';

/** Studies as integers: each study's subset and its informative labels (compressed rows). */
interface EncodedSubsets {
  k: number;
  /** Labels present in at least one study and absent from at least one (Dʲ / (|D| − Dʲ) defined), sorted. */
  labels: string[];
  subsetOf: Int32Array;
  offsets: Int32Array;
  labelIds: Int32Array;
  labelTotals: Int32Array;
  sizes: number[];
}

export function encodeSubsets(subsetOf: readonly number[], labelsOf: readonly (readonly string[])[], k: number): EncodedSubsets {
  const n = subsetOf.length;
  const perStudy = labelsOf.map((labels) => [...new Set(labels)]);
  const studiesWith = new Map<string, number>();
  for (const labels of perStudy) for (const label of labels) studiesWith.set(label, (studiesWith.get(label) ?? 0) + 1);
  const labels = [...studiesWith].filter(([, count]) => count < n).map(([label]) => label).sort();
  const idOf = new Map(labels.map((label, id) => [label, id]));
  const offsets = new Int32Array(n + 1);
  const ids: number[] = [];
  const labelTotals = new Int32Array(labels.length);
  const sizes = new Array<number>(k).fill(0);
  for (let s = 0; s < n; s++) {
    for (const label of perStudy[s]) {
      const id = idOf.get(label);
      if (id === undefined) continue;
      ids.push(id);
      labelTotals[id]++;
    }
    offsets[s + 1] = ids.length;
    sizes[subsetOf[s]]++;
  }
  return { k, labels, subsetOf: Int32Array.from(subsetOf), offsets, labelIds: Int32Array.from(ids), labelTotals, sizes };
}

/** Sᵢʲ / (|Sᵢ| − Sᵢʲ), dividing by 1 instead of 0 when every study of the subset has the label (as STATS.md). */
function ratio(withLabel: number, size: number): number {
  return withLabel / Math.max(size - withLabel, 1);
}

/**
 * LD = (1/q) Σⱼ (1/k) Σᵢ | Sᵢʲ / (|Sᵢ| − Sᵢʲ) − Dʲ / (|D| − Dʲ) |; `withLabel[i * q + j]` = Sᵢʲ. 0 without labels.
 */
function labelDistributionK(sizes: readonly number[], labelTotals: ArrayLike<number>, withLabel: ArrayLike<number>): number {
  const q = labelTotals.length;
  const k = sizes.length;
  if (q === 0 || k === 0) return 0;
  const n = sizes.reduce((sum, size) => sum + size, 0);
  let sum = 0;
  for (let j = 0; j < q; j++) {
    const whole = labelTotals[j] / (n - labelTotals[j]);
    let inner = 0;
    for (let i = 0; i < k; i++) inner += Math.abs(ratio(withLabel[i * q + j], sizes[i]) - whole);
    sum += inner / k;
  }
  return sum / q;
}

/** Sᵢʲ of the encoded studies' own subsets, flat (i * q + j). */
function subsetLabelCounts(encoded: EncodedSubsets): Int32Array {
  const q = encoded.labels.length;
  const counts = new Int32Array(encoded.k * q);
  for (let s = 0; s < encoded.subsetOf.length; s++) {
    const row = encoded.subsetOf[s] * q;
    for (let t = encoded.offsets[s]; t < encoded.offsets[s + 1]; t++) counts[row + encoded.labelIds[t]]++;
  }
  return counts;
}

export function labelDistributionOf(encoded: EncodedSubsets): number {
  return labelDistributionK(encoded.sizes, encoded.labelTotals, subsetLabelCounts(encoded));
}

/** ED = (1/k) Σᵢ | |Sᵢ| − cᵢ |, with cᵢ = |D| × shares[i] (the shares sum to 1). */
export function examplesDistributionK(sizes: readonly number[], shares: readonly number[]): number {
  const n = sizes.reduce((sum, size) => sum + size, 0);
  if (sizes.length === 0) return 0;
  return sizes.reduce((sum, size, i) => sum + Math.abs(size - n * shares[i]), 0) / sizes.length;
}

export interface SubsetRandomBaseline {
  draws: number;
  seed: number;
  /** Subset sizes of every draw: those of the audited split. */
  sizes: number[];
  quantiles: { p01: number; p05: number; p25: number; p50: number; p75: number; p95: number };
  /** Share (0–100) of draws whose LD is at or below the audited split's. */
  actualPercentile: number;
  histogram: { from: number; to: number; count: number }[];
}

/**
 * `draws` seeded random study-level splits with the same subset sizes (d3-random's LCG; each draw partially
 * shuffles a persistent permutation, Fisher–Yates, and deals its first positions to subsets 1 … k − 1 in order; the
 * last subset is the rest, its counts the totals minus the others). Same input + seed → same result.
 */
export function subsetRandomBaseline(encoded: EncodedSubsets, actualLD: number, draws = 1000, seed = 2011): SubsetRandomBaseline {
  const { k, sizes, labelTotals, offsets, labelIds } = encoded;
  const q = encoded.labels.length;
  const n = encoded.subsetOf.length;
  const dealt = n - (sizes[k - 1] ?? 0);
  const subsetAt = new Int32Array(dealt);
  for (let i = 0, p = 0; i < k - 1; i++) for (let c = 0; c < sizes[i]; c++) subsetAt[p++] = i;
  const permutation = new Int32Array(n);
  for (let s = 0; s < n; s++) permutation[s] = s;
  const random = randomLcg(seed);
  const counts = new Int32Array(k * q);
  const values = new Float64Array(draws);
  for (let d = 0; d < draws; d++) {
    counts.fill(0);
    for (let p = 0; p < dealt; p++) {
      const swap = p + Math.floor(random() * (n - p));
      const study = permutation[swap];
      permutation[swap] = permutation[p];
      permutation[p] = study;
      const row = subsetAt[p] * q;
      for (let t = offsets[study]; t < offsets[study + 1]; t++) counts[row + labelIds[t]]++;
    }
    const last = (k - 1) * q;
    for (let j = 0; j < q; j++) {
      let others = 0;
      for (let i = 0; i < k - 1; i++) others += counts[i * q + j];
      counts[last + j] = labelTotals[j] - others;
    }
    values[d] = labelDistributionK(sizes, labelTotals, counts);
  }
  let atOrBelow = 0;
  for (const value of values) if (value <= actualLD) atOrBelow++;
  const at = (p: number) => quantile(values, p) ?? 0;
  return {
    draws,
    seed,
    sizes: [...sizes],
    quantiles: { p01: at(0.01), p05: at(0.05), p25: at(0.25), p50: at(0.5), p75: at(0.75), p95: at(0.95) },
    actualPercentile: (atOrBelow * 100) / draws,
    histogram: histogramOf(values),
  };
}
