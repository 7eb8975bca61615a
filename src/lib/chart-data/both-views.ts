// The findings page's "seen in both views" chart: per finding category, its boxes split into those a box of the
// other view (CC or MLO) of the same breast shares a category with, and those seen in one view only (the quality
// rule finding-one-view-only). From stats.json's findingSeenInBothViews; percent is the share within a category.

import { colorOf } from '../palette.ts';
import { orderedKeys } from './bar-tables.ts';
import type { Stats } from '../types.ts';
import { FINDING_CATEGORIES } from '../vocabulary.ts';
import type { BarTable } from './types.ts';

const SPLITS = ['training', 'test', 'all'] as const;

/** Null for a stats.json written before the field existed. */
export function findingBothViewsTable(stats: Stats): BarTable | null {
  const seen = stats.findingSeenInBothViews;
  if (!seen) return null;
  const keys = orderedKeys(FINDING_CATEGORIES, SPLITS.flatMap((split) => Object.keys(seen[split])));
  const counts = (split: (typeof SPLITS)[number]) =>
    keys.map((key) => {
      const cell = seen[split][key] ?? { boxes: 0, seenInBothViews: 0 };
      return [cell.seenInBothViews, cell.boxes - cell.seenInBothViews];
    });
  return {
    id: 'finding-both-views',
    label: 'Seen in both views',
    rowLabel: 'Finding',
    rows: keys.map((key) => ({ key, label: key, color: colorOf('finding', key) })),
    series: [
      { key: 'both', label: 'Seen in both views', color: colorOf('split', 'training') },
      { key: 'one', label: 'One view only', color: colorOf('findingBirads', 'none') },
    ],
    unit: 'boxes',
    counts: { training: counts('training'), test: counts('test'), all: counts('all') },
    percent: { of: 'row', label: '% within category', decimals: 1 },
  };
}
