// Is each finding seen in both views of its breast? One pass over every box after all rows are in: per breast, the
// rule of src/lib/lesions/lesion-links.ts (seenInOtherView) decides, each box seen in one view only is a
// `finding-one-view-only` instance, and per split and category the boxes seen in both views are counted for
// stats.json's findingSeenInBothViews.

import { seenInOtherView } from '../lesions/lesion-links.ts';
import type { Laterality, PerSplit, Stats, ViewPosition } from '../types.ts';
import { FILES } from '../vocabulary.ts';
import type { BoxStore } from './box-store.ts';
import type { Interner } from './interner.ts';
import type { QualityLog } from './quality-log.ts';
import type { ReleaseIndex } from './release-index.ts';
import { keyed, perSplit } from './summaries.ts';

/** counts[split][category id]: boxes, and boxes seen in both views. */
interface BothViewsTally {
  boxes: number[][];
  seen: number[][];
}

export function tallyBothViews(store: BoxStore, index: ReleaseIndex, categories: Interner, quality: QualityLog): BothViewsTally {
  const tally: BothViewsTally = { boxes: [[], []], seen: [[], []] };
  const byBreast = new Map<number, number[]>();
  for (let box = 0; box < store.size; box++) {
    const image = store.image[box];
    if (image < 0) continue;
    const breast = store.study[box] * 2 + (index.imageFlags[image] & 1);
    const list = byBreast.get(breast);
    if (list) list.push(box);
    else byBreast.set(breast, [box]);
  }
  const seen = new Uint8Array(store.size);
  for (const boxes of byBreast.values()) {
    const described = boxes.map((box) => ({ ...sideAndView(index.imageFlags[store.image[box]]), categories: Array.from(store.categoriesOf(box), (c) => categories.get(c)) }));
    seenInOtherView(described).forEach((both, i) => {
      seen[boxes[i]] = both ? 1 : 0;
    });
  }
  // File order, so the instances read top to bottom like the CSV.
  for (let box = 0; box < store.size; box++) {
    const image = store.image[box];
    if (image < 0) continue;
    const split = index.studySplit[store.study[box]];
    const ids = store.categoriesOf(box);
    for (const category of ids) {
      tally.boxes[split][category] = (tally.boxes[split][category] ?? 0) + 1;
      tally.seen[split][category] = (tally.seen[split][category] ?? 0) + seen[box];
    }
    if (seen[box] === 1 || ids.length === 0) continue;
    const { laterality, view } = sideAndView(index.imageFlags[image]);
    quality.report('finding-one-view-only', () => ({
      file: FILES.finding,
      line: store.line[box],
      study_id: index.studies.get(store.study[box]),
      image_id: index.images.get(image),
      detail: `${Array.from(ids, (c) => categories.get(c)).join(', ')} on ${laterality}-${view}; no box of ${ids.length > 1 ? 'these categories' : 'this category'} on ${laterality}-${view === 'CC' ? 'MLO' : 'CC'}`,
    }));
  }
  return tally;
}

function sideAndView(flags: number): { laterality: Laterality; view: ViewPosition } {
  return { laterality: flags & 1 ? 'R' : 'L', view: flags & 2 ? 'MLO' : 'CC' };
}

/** stats.json's findingSeenInBothViews, its categories in findingCategories' order. */
export function seenInBothViewsStats(tally: BothViewsTally, categoryKeys: readonly string[], categories: Interner): NonNullable<Stats['findingSeenInBothViews']> {
  const count = (counts: number[][], id: number, split: 'training' | 'test' | 'all') =>
    split === 'all' ? (counts[0][id] ?? 0) + (counts[1][id] ?? 0) : counts[split === 'training' ? 0 : 1][id] ?? 0;
  return perSplit((split) =>
    keyed(categoryKeys, (name) => {
      const id = categories.find(name);
      const boxes = id < 0 ? 0 : count(tally.boxes, id, split);
      const seenInBothViews = id < 0 ? 0 : count(tally.seen, id, split);
      return { boxes, seenInBothViews, percent: boxes === 0 ? 0 : (seenInBothViews / boxes) * 100 };
    }),
  ) as PerSplit<Record<string, { boxes: number; seenInBothViews: number; percent: number }>>;
}
