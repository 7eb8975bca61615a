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
  // First pass: each distinct label gets a provisional id in order of appearance, and each study its provisional
  // ids once each. Studies with the same label set usually share one labels array (the stats assembler reuses
  // them), so a labels array is decoded once; a study then costs a few integer copies, not a Set and a Map lookup
  // per label.
  const provisionalOf = new Map<string, number>();
  const provisionalLabels: string[] = [];
  const decoded = new Map<readonly string[], number[]>();
  const studyIds: number[][] = new Array(n);
  for (let s = 0; s < n; s++) {
    const labels = studies[s].labels;
    let ids = decoded.get(labels);
    if (ids === undefined) {
      ids = [];
      for (const label of labels) {
        let id = provisionalOf.get(label);
        if (id === undefined) {
          id = provisionalLabels.length;
          provisionalOf.set(label, id);
          provisionalLabels.push(label);
        }
        if (!ids.includes(id)) ids.push(id);
      }
      decoded.set(labels, ids);
    }
    studyIds[s] = ids;
  }
  const studiesWithLabel = new Int32Array(provisionalLabels.length);
  for (const ids of studyIds) for (const id of ids) studiesWithLabel[id]++;

  const labels = provisionalLabels.filter((_, id) => studiesWithLabel[id] < n).sort();
  // Provisional id → final id (the label's place among the sorted informative labels), -1 when uninformative.
  const finalId = new Int32Array(provisionalLabels.length).fill(-1);
  labels.forEach((label, id) => (finalId[provisionalOf.get(label)!] = id));

  const offsets = new Int32Array(n + 1);
  let total = 0;
  for (const ids of studyIds) for (const id of ids) if (finalId[id] >= 0) total++;
  const labelIds = new Int32Array(total);
  const labelTotals = new Int32Array(labels.length);
  const inTraining = new Uint8Array(n);
  let trainingCount = 0;
  let k = 0;
  for (let s = 0; s < n; s++) {
    for (const provisional of studyIds[s]) {
      const id = finalId[provisional];
      if (id < 0) continue;
      labelIds[k++] = id;
      labelTotals[id]++;
    }
    offsets[s + 1] = k;
    if (studies[s].split === 'training') {
      inTraining[s] = 1;
      trainingCount++;
    }
  }
  return { labels, offsets, labelIds, labelTotals, inTraining, trainingCount };
}

/** Studies as given, or encoded once by the caller so that LD and the random baseline share one encoding. */
export function asEncodedStudies(studies: readonly LabelledStudy[] | EncodedStudies): EncodedStudies {
  return Array.isArray(studies) ? encodeLabelledStudies(studies) : (studies as EncodedStudies);
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
