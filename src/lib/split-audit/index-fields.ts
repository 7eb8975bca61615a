// The browser's split audit reads the site's study index (studies.json): each row's labels, age and box list, and the
// series ids shared by several studies, which the build writes from the release index.

import type { StudySummary } from '../types.ts';
import { attributesFromSummary, type StudyAttributes } from './study-attributes.ts';

/** The browser's side: the study index's summaries and shared series as the audit's inputs. */
export function releaseFromIndex(summaries: readonly StudySummary[], data: { sharedSeries?: unknown }): { studies: StudyAttributes[]; sharedSeries: Map<string, string[]> } {
  if (summaries.length > 0 && summaries[0].boxList === undefined) {
    throw new Error('studies.json lacks the split workbench fields (rebuild the site with `npm run build`)');
  }
  const shared = new Map<string, string[]>();
  if (typeof data.sharedSeries === 'object' && data.sharedSeries !== null) {
    for (const [series, studies] of Object.entries(data.sharedSeries)) if (Array.isArray(studies)) shared.set(series, studies.map(String));
  }
  return { studies: summaries.map(attributesFromSummary), sharedSeries: shared };
}
