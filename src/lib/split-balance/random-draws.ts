// The hot loop of the random-split baseline: many seeded random study subsets of a fixed size, each reduced to how
// many of its studies carry each label. Two interchangeable strategies (same random numbers → same subsets → same
// counts); drawLabelCounts picks the faster one for the data:
// - groups: studies with identical label sets are interchangeable, so the permutation holds group ids and a pick
//   only bumps its group's counter (a small, cache-resident array); label counts are summed per group after the
//   draw. Best when there are few distinct label sets, as in real data (a few hundred).
// - masks (≤ 32 labels): the permutation holds each study's 32-bit label mask and a pick counts its set bits in
//   registers. Best when nearly every study has its own label set, where group counters stop fitting in cache.
// Both partially shuffle a persistent permutation (Fisher–Yates on a permutation of any order still yields a
// uniform random subset) and only ever pick the smaller side of the split.

import type { EncodedStudies } from './label-encoding.ts';
import { LCG_SCALE, lcgInitialState, lcgNext } from './seeded-lcg.ts';

/** Called once per draw with the picked subset's studies-with-label counts (a reused buffer: copy to keep). */
type DrawSink = (pickedWithLabel: Int32Array) => void;

export interface DrawPlan {
  encoded: EncodedStudies;
  /** How many studies each draw picks. */
  picked: number;
  draws: number;
  /** Seed of the uniform [0, 1) numbers: those of d3-random's randomLcg(seed), stepped inline (seeded-lcg.ts). */
  seed: number;
}

const MASK_LABEL_LIMIT = 32;
/** Up to this many distinct label sets, group counters stay in cache and the group strategy wins. */
const GROUP_LIMIT = 4096;

/** Runs the draws with the faster strategy for these studies. */
export function drawLabelCounts(plan: DrawPlan, sink: DrawSink): void {
  const groups = groupByLabelSet(plan.encoded);
  if (groups.count <= GROUP_LIMIT || plan.encoded.labels.length > MASK_LABEL_LIMIT) drawWithGroups(plan, sink, groups);
  else drawWithMasks(plan, sink);
}

/** Picks with one 32-bit label mask per study; needs ≤ 32 labels. */
export function drawWithMasks({ encoded, picked, draws, seed }: DrawPlan, sink: DrawSink): void {
  const q = encoded.labels.length;
  if (q > MASK_LABEL_LIMIT) throw new Error(`drawWithMasks: ${q} labels do not fit a 32-bit mask`);
  const n = encoded.inTraining.length;
  const permutation = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    let mask = 0;
    for (let k = encoded.offsets[s]; k < encoded.offsets[s + 1]; k++) mask |= 1 << encoded.labelIds[k];
    permutation[s] = mask;
  }
  const counts = new Int32Array(q);
  let state = lcgInitialState(seed);
  for (let d = 0; d < draws; d++) {
    counts.fill(0);
    for (let i = 0; i < picked; i++) {
      state = lcgNext(state);
      const j = i + Math.floor(LCG_SCALE * (state >>> 0) * (n - i));
      let mask = permutation[j];
      permutation[j] = permutation[i];
      permutation[i] = mask;
      while (mask !== 0) {
        counts[31 - Math.clz32(mask & -mask)]++;
        mask &= mask - 1;
      }
    }
    sink(counts);
  }
}

/** Picks by groups of studies with identical label sets; works for any number of labels. */
export function drawWithGroups({ encoded, picked, draws, seed }: DrawPlan, sink: DrawSink, groups = groupByLabelSet(encoded)): void {
  const n = encoded.inTraining.length;
  const permutation = Int32Array.from(groups.groupOf);
  const pickedPerGroup = new Int32Array(groups.count);
  const touched = new Int32Array(groups.count);
  const counts = new Int32Array(encoded.labels.length);
  let state = lcgInitialState(seed);
  for (let d = 0; d < draws; d++) {
    let touchedCount = 0;
    for (let i = 0; i < picked; i++) {
      state = lcgNext(state);
      const j = i + Math.floor(LCG_SCALE * (state >>> 0) * (n - i));
      const g = permutation[j];
      permutation[j] = permutation[i];
      permutation[i] = g;
      if (pickedPerGroup[g]++ === 0) touched[touchedCount++] = g;
    }
    counts.fill(0);
    for (let t = 0; t < touchedCount; t++) {
      const g = touched[t];
      const times = pickedPerGroup[g];
      pickedPerGroup[g] = 0;
      for (let k = groups.offsets[g]; k < groups.offsets[g + 1]; k++) counts[groups.labelIds[k]] += times;
    }
    sink(counts);
  }
}

interface LabelSetGroups {
  count: number;
  groupOf: Int32Array;
  offsets: Int32Array;
  labelIds: Int32Array;
}

/**
 * Studies grouped by identical label sets: each study's group id, and each group's label ids (compressed rows).
 * The key of a label set is its 32-bit mask when the labels fit one, else its sorted ids as a string.
 */
function groupByLabelSet(encoded: EncodedStudies): LabelSetGroups {
  const n = encoded.inTraining.length;
  const fitsMask = encoded.labels.length <= MASK_LABEL_LIMIT;
  const groupOf = new Int32Array(n);
  const idOfKey = new Map<number | string, number>();
  const offsets: number[] = [0];
  const labelIds: number[] = [];
  for (let s = 0; s < n; s++) {
    const ids = encoded.labelIds.subarray(encoded.offsets[s], encoded.offsets[s + 1]);
    let key: number | string;
    if (fitsMask) {
      key = 0;
      for (const id of ids) key |= 1 << id;
    } else {
      key = Array.from(ids).sort((a, b) => a - b).join(',');
    }
    let g = idOfKey.get(key);
    if (g === undefined) {
      g = idOfKey.size;
      idOfKey.set(key, g);
      labelIds.push(...ids);
      offsets.push(labelIds.length);
    }
    groupOf[s] = g;
  }
  return { count: idOfKey.size, groupOf, offsets: Int32Array.from(offsets), labelIds: Int32Array.from(labelIds) };
}
