// What the split workbench adds to the site's study index (studies.json): each study's age and box list on its row,
// and the series ids shared by several studies. The build calls these; the browser reads them back.

import type { MetadataRow, StudySummary } from '../types.ts';
import type { StudyRecord } from '../studies/study-records.ts';
import { sharedSeriesOf } from './shared-series.ts';
import { attributesFromSummary, studyAttributes, type StudyAttributes } from './study-attributes.ts';

/** The summary with the study's age and box list, from the same studyAttributes the command line uses. */
export function withWorkbenchFields(summary: StudySummary, record: StudyRecord, metadataOf: (imageId: string) => MetadataRow | undefined): StudySummary {
  const attributes = studyAttributes(record, metadataOf);
  return { ...summary, ageYears: attributes.ageYears, boxList: attributes.boxes.map((b) => ({ categories: [...b.categories], findingBirads: b.findingBirads })) };
}

/** studies.json's "sharedSeries" object for the records. */
export function sharedSeriesRecord(records: readonly StudyRecord[]): Record<string, string[]> {
  return Object.fromEntries(sharedSeriesOf(records.flatMap((r) => r.images.map((image) => ({ seriesId: image.seriesId, studyId: r.id })))));
}

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
