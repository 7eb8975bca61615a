// Seeded randomness for the demo generator: independent named streams over d3-random's LCG, so changing how one
// part draws (say, box sizes) leaves every other part's output unchanged.

import { randomLcg, randomNormal } from 'd3-random';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Normal deviate. */
  normal(mean: number, sd: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Index drawn with probability proportional to weights (all ≥ 0, at least one > 0). */
  weighted(weights: readonly number[]): number;
  /** Fisher–Yates shuffle in place; returns the array. */
  shuffle<T>(items: T[]): T[];
}

/** Mixes a seed and a stream name into a 32-bit LCG seed (FNV-1a over the name, then the seed's bits). */
function streamSeed(seed: number, stream: string): number {
  let h = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < stream.length; i++) {
    h ^= stream.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return Math.abs(h) + 1;
}

export function createRng(seed: number, stream: string): Rng {
  const source = randomLcg(streamSeed(seed, stream));
  // A few draws to move away from the seed's neighbourhood (an LCG's first outputs track its seed).
  for (let i = 0; i < 4; i++) source();
  const gauss = randomNormal.source(source)();
  const next = (): number => source();
  const rng: Rng = {
    next,
    int: (n) => Math.floor(source() * n),
    uniform: (lo, hi) => lo + (hi - lo) * source(),
    normal: (mean, sd) => mean + sd * gauss(),
    chance: (p) => source() < p,
    pick: (items) => items[Math.floor(source() * items.length)],
    weighted(weights) {
      let total = 0;
      for (const w of weights) total += w;
      let r = source() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i];
        if (r < 0 && weights[i] > 0) return i;
      }
      for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
      throw new Error('weighted(): no positive weight');
    },
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(source() * (i + 1));
        const t = items[i];
        items[i] = items[j];
        items[j] = t;
      }
      return items;
    },
  };
  return rng;
}

/**
 * Unique md5-looking ids (32 lowercase hex digits). Each id takes the high 16 bits of eight LCG draws: an LCG's
 * low bits cycle with short periods and would show as patterns, its high bits do not.
 */
export function createIdSource(seed: number, stream: string): () => string {
  const source = randomLcg(streamSeed(seed, stream));
  const seen = new Set<string>();
  return () => {
    for (;;) {
      let id = '';
      for (let i = 0; i < 8; i++) id += Math.floor(source() * 0x10000).toString(16).padStart(4, '0');
      if (!seen.has(id)) {
        seen.add(id);
        return id;
      }
    }
  };
}
