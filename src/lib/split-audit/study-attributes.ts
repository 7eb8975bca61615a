// One study's attributes as every split audit and the fold maker see them, from its row of the study index
// (ReleaseStudies.summary, the same rules as stats.json: a breast whose images disagree takes the higher labels, a box
// is a finding row other than ['No Finding'], a study's age is its first known age, its vendor its first image's known
// Manufacturer). The command line builds the rows from the release (src/node/split/read-split-inputs.ts), the browser
// reads them from studies.json: one function serves both.

import type { FindingBiradsKey, Split, StudySummary } from '../types.ts';

interface BoxAttributes {
  categories: readonly string[];
  findingBirads: FindingBiradsKey;
}

export interface StudyAttributes {
  id: string;
  /** The release's own split (training/test), for --from training. */
  split: Split;
  /** One entry per breast that has an image: its BI-RADS digit and density letter. */
  breasts: readonly { birads: string; density: string }[];
  boxes: readonly BoxAttributes[];
  ageYears: number | null;
  vendor: string | null;
}

/** A study's attributes from its study-index row: the command line and the browser both read them this way. */
export function attributesFromSummary(summary: StudySummary): StudyAttributes {
  return {
    id: summary.id,
    split: summary.split,
    breasts: [summary.R, summary.L].flatMap((labels) => (labels ? [{ birads: labels.birads, density: labels.density }] : [])),
    boxes: summary.boxList ?? [],
    ageYears: summary.ageYears ?? null,
    vendor: summary.vendor,
  };
}

/** Labels as stats.json's LD uses them: presence in the study of birads:<digit>, density:<letter>, finding:<category>. */
export function presenceLabels(study: StudyAttributes): string[] {
  const labels = new Set<string>();
  for (const breast of study.breasts) labels.add(`birads:${breast.birads}`).add(`density:${breast.density}`);
  for (const box of study.boxes) for (const category of box.categories) labels.add(`finding:${category}`);
  return [...labels];
}

/**
 * Label counts for iterative stratification, as issue 12 lists them: breast BI-RADS and density per breast, per
 * box each of its categories (regardless of BI-RADS), and per box each category × its finding BI-RADS 3/4/5.
 */
export function stratificationCounts(study: StudyAttributes): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (label: string) => counts.set(label, (counts.get(label) ?? 0) + 1);
  for (const breast of study.breasts) {
    add(`birads:${breast.birads}`);
    add(`density:${breast.density}`);
  }
  for (const box of study.boxes) {
    for (const category of box.categories) {
      add(`finding:${category}`);
      if (box.findingBirads !== 'none') add(`finding:${category}×birads:${box.findingBirads}`);
    }
  }
  return counts;
}
