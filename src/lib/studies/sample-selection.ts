// Which studies this build copies DICOMs for. By default a small, diverse set: greedy set cover over what a
// study shows (finding categories, breast BI-RADS 3–5, densities, vendors, photometric interpretations), so that
// together ~8 studies show as much of the release as possible; each pick says what it added. A user can instead
// name the studies, by a comma list or a file with one id per line.

import { compareIds } from './study-index.ts';

export const DEFAULT_SAMPLE_COUNT = 8;

interface SampleCandidate {
  id: string;
  /** What the study shows, as labels in a fixed order ("Mass", "BI-RADS 5", "density D", "Planmed", "MONOCHROME1"). */
  features: string[];
}

export interface SampleChoice {
  id: string;
  /** Why it was picked, e.g. "covers Mass, BI-RADS 5, density D, Planmed, MONOCHROME1". */
  reason: string;
}

/**
 * Greedy set cover: each pick is the candidate that adds the most labels not yet shown (ties: more labels in all,
 * then the smaller id). Once everything is covered and picks remain, a new round starts with nothing covered, so
 * the extra studies add second examples rather than arbitrary ones.
 */
export function chooseSamples(candidates: readonly SampleCandidate[], count: number): SampleChoice[] {
  const remaining = [...candidates].sort((a, b) => compareIds(a.id, b.id));
  const choices: SampleChoice[] = [];
  let covered = new Set<string>();
  let round = 1;
  while (choices.length < count && remaining.length > 0) {
    let bestIndex = 0;
    let bestGain = -1;
    remaining.forEach((candidate, i) => {
      const gain = candidate.features.filter((f) => !covered.has(f)).length;
      const best = remaining[bestIndex];
      if (gain > bestGain || (gain === bestGain && candidate.features.length > best.features.length)) {
        bestIndex = i;
        bestGain = gain;
      }
    });
    if (bestGain === 0 && covered.size > 0) {
      covered = new Set();
      round += 1;
      continue;
    }
    const [picked] = remaining.splice(bestIndex, 1);
    const added = picked.features.filter((f) => !covered.has(f));
    for (const f of added) covered.add(f);
    choices.push({ id: picked.id, reason: reasonFor(added, round) });
  }
  return choices;
}

function reasonFor(added: string[], round: number): string {
  if (added.length === 0) return 'fills the sample set (nothing left to cover)';
  return `${round === 1 ? 'covers' : 'another example of'} ${added.join(', ')}`;
}

/** Labels that no chosen study shows although some candidate does (empty when the cover is complete). */
export function uncoveredFeatures(candidates: readonly SampleCandidate[], chosen: readonly SampleChoice[]): string[] {
  const chosenIds = new Set(chosen.map((c) => c.id));
  const shown = new Set(candidates.filter((c) => chosenIds.has(c.id)).flatMap((c) => c.features));
  return [...new Set(candidates.flatMap((c) => c.features))].filter((f) => !shown.has(f));
}

/**
 * A studies file: one id per line; `#` starts a comment; blank lines are skipped; commas also separate ids.
 * Duplicates are kept once, in first-seen order.
 */
export function parseStudyList(text: string): string[] {
  const ids = text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, ''))
    .flatMap((line) => line.split(/[,\s]+/))
    .filter((id) => id !== '');
  return [...new Set(ids)];
}

interface NamedStudyProblems {
  /** Ids that are not in breast-level_annotations.csv. */
  unknown: string[];
  /** Ids of studies none of whose images exist under images/. */
  withoutImages: string[];
}

/** Checks user-named ids; both lists empty means the list is usable. */
export function checkNamedStudies(
  ids: readonly string[],
  isKnown: (id: string) => boolean,
  imageCount: (id: string) => number,
): NamedStudyProblems {
  return {
    unknown: ids.filter((id) => !isKnown(id)),
    withoutImages: ids.filter((id) => isKnown(id) && imageCount(id) === 0),
  };
}
