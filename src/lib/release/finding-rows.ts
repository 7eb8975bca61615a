// The one rule for "is this finding row a box, and of which categories", used by the stats, the study index, the
// viewer's records and the split workbench alike. A row is a box unless its categories are exactly ['No Finding']
// (STATS.md); 'No Finding' beside a real category is dropped, and a category repeated in one list counts once.

import type { Box, FindingRow } from '../types.ts';
import { NO_FINDING } from '../vocabulary.ts';

/** True for the list ['No Finding'] alone: the row marks an image without boxes. */
export function isNoFindingList(categories: readonly string[]): boolean {
  return categories.length === 1 && categories[0] === NO_FINDING;
}

export function isBoxRow(row: FindingRow): row is FindingRow & { box: Box } {
  return row.box !== null;
}

/** The box's categories in the row's order: distinct, without 'No Finding'. May be empty (an `[]` list). */
export function boxCategories(row: FindingRow): string[] {
  const categories = new Set(row.categories);
  categories.delete(NO_FINDING);
  return [...categories];
}
