// Small shaping helpers for stats.json: stable key orders, per-split objects, five-number summaries and the
// study-age histogram. All summaries come from d3-array.

import { bin, max, mean, median, min, quantileSorted, range } from 'd3-array';
import type { AgeBin, FiveNumber, PerSplit, SplitKey } from '../types.ts';

/** The vocabulary's keys in its order, then any other keys that occur, sorted. */
export function orderedKeys(vocabulary: readonly string[], seen: Iterable<string>): string[] {
  const extras = [...new Set(seen)].filter((key) => !vocabulary.includes(key)).sort();
  return [...vocabulary, ...extras];
}

/** { training, test, all } from a function of the split key. */
export function perSplit<T>(value: (split: SplitKey) => T): PerSplit<T> {
  return { training: value('training'), test: value('test'), all: value('all') };
}

/** An object with `keys` in order, each mapped through `value`. */
export function keyed<T>(keys: readonly string[], value: (key: string, i: number) => T): Record<string, T> {
  const out: Record<string, T> = {};
  keys.forEach((key, i) => {
    out[key] = value(key, i);
  });
  return out;
}

/** Minimum, quartiles (d3's R-7 interpolation) and maximum; null for no values. */
export function fiveNumber(values: readonly number[]): FiveNumber | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    min: sorted[0],
    q1: quantileSorted(sorted, 0.25) ?? Number.NaN,
    median: quantileSorted(sorted, 0.5) ?? Number.NaN,
    q3: quantileSorted(sorted, 0.75) ?? Number.NaN,
    max: sorted[sorted.length - 1],
  };
}

interface AgeSummary {
  mean: number;
  median: number;
  min: number;
  max: number;
}

export function ageSummary(ages: readonly number[]): AgeSummary | null {
  if (ages.length === 0) return null;
  return {
    mean: mean(ages) ?? Number.NaN,
    median: median(ages) ?? Number.NaN,
    min: min(ages) ?? Number.NaN,
    max: max(ages) ?? Number.NaN,
  };
}

/**
 * Contiguous bins of `width` years, from ≤ age < to, from the bin holding the youngest age to the bin holding the
 * oldest; empty when no age is known.
 */
export function ageBins(agesBySplit: { training: readonly number[]; test: readonly number[] }, width: number): AgeBin[] {
  const all = [...agesBySplit.training, ...agesBySplit.test];
  if (all.length === 0) return [];
  const from = Math.floor((min(all) ?? 0) / width) * width;
  const to = (Math.floor((max(all) ?? 0) / width) + 1) * width;
  const histogram = bin<number, number>().domain([from, to]).thresholds(range(from + width, to, width));
  const training = histogram(agesBySplit.training as number[]);
  const test = histogram(agesBySplit.test as number[]);
  return training.map((b, i) => ({
    from: b.x0 ?? from,
    to: b.x1 ?? to,
    training: b.length,
    test: test[i].length,
    all: b.length + test[i].length,
  }));
}
