// Encodes labelled studies once as integers, so label distribution (LD) can be computed for one split and for
// thousands of random splits without touching strings again.

import type { Split } from '../types.ts';

/** A study as the split-balance measures see it: its split and the labels present in it (duplicates are fine). */
export interface LabelledStudy {
  split: Split;
  labels: readonly string[];
}

/**
 * The studies' informative labels as integer ids, in compressed-row form: study s has the label ids
 * `labelIds[offsets[s] .. offsets[s + 1])`, each once. Only the q labels present in at least one study and absent
 * from at least one study get an id (the others carry no information about the split, as STATS.md defines LD).
 */
export interface EncodedStudies {
  /** Informative labels, sorted; id = index. */
  labels: string[];
  offsets: Int32Array;
  labelIds: Int32Array;
  /** Studies with each label (Dʲ). */
  labelTotals: Int32Array;
  /** 1 when the study is in training, 0 in test. */
  inTraining: Uint8Array;
  trainingCount: number;
}

export function encodeLabelledStudies(studies: readonly LabelledStudy[]): EncodedStudies {
  const n = studies.length;
  const perStudy = studies.map((study) => [...new Set(study.labels)]);
  const studiesWithLabel = new Map<string, number>();
  for (const labels of perStudy) for (const label of labels) studiesWithLabel.set(label, (studiesWithLabel.get(label) ?? 0) + 1);

  const labels = [...studiesWithLabel.entries()]
    .filter(([, count]) => count < n)
    .map(([label]) => label)
    .sort();
  const idOf = new Map(labels.map((label, id) => [label, id]));

  const offsets = new Int32Array(n + 1);
  const ids: number[] = [];
  const labelTotals = new Int32Array(labels.length);
  const inTraining = new Uint8Array(n);
  let trainingCount = 0;
  for (let s = 0; s < n; s++) {
    for (const label of perStudy[s]) {
      const id = idOf.get(label);
      if (id === undefined) continue;
      ids.push(id);
      labelTotals[id]++;
    }
    offsets[s + 1] = ids.length;
    if (studies[s].split === 'training') {
      inTraining[s] = 1;
      trainingCount++;
    }
  }
  return { labels, offsets, labelIds: Int32Array.from(ids), labelTotals, inTraining, trainingCount };
}

/** S_trainingʲ: how many training studies carry each informative label. */
export function trainingLabelCounts(encoded: EncodedStudies): Int32Array {
  const counts = new Int32Array(encoded.labels.length);
  for (let s = 0; s < encoded.inTraining.length; s++) {
    if (!encoded.inTraining[s]) continue;
    for (let k = encoded.offsets[s]; k < encoded.offsets[s + 1]; k++) counts[encoded.labelIds[k]]++;
  }
  return counts;
}
