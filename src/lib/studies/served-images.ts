// Which studies' images the site can show at run time: those whose DICOMs this build holds (the study index's
// hasImages), plus, when the site is served with the release's images in place (`npm start -- --data DIR`,
// src/node/site-server/), every study that server lists in served-release.json. One rule for the study browser's
// "images available" filter, the viewer's previous/next walk and the viewer's choice between pixels and schematic.

import { SERVED_RELEASE_URL } from '../site-data/outputs.ts';
import type { StudySummary } from '../types.ts';

/** served-release.json (version 1): the in-place server's answer; a static build's copy says servedInPlace false. */
export interface ServedRelease {
  version: 1;
  servedInPlace: true;
  /** Study ids with at least one `<image_id>.dicom` under the release's images/<study_id>/, sorted. */
  studies: string[];
}

/** The in-place server's answer, checked; null for anything else (the static copy, a 404 page, bad JSON). */
function parseServedRelease(json: unknown): ServedRelease | null {
  if (typeof json !== 'object' || json === null) return null;
  const { version, servedInPlace, studies } = json as Partial<ServedRelease>;
  if (version !== 1 || servedInPlace !== true || !Array.isArray(studies) || !studies.every((id) => typeof id === 'string')) return null;
  return { version, servedInPlace, studies };
}

/** Asks the server; null when it is not the in-place server (a static host sends the static copy) or none answers. */
export async function fetchServedRelease(): Promise<ServedRelease | null> {
  try {
    // Never from the HTTP cache: `npm run preview` (static copy) and `npm start` (the list) share 127.0.0.1:4321.
    const response = await fetch(SERVED_RELEASE_URL, { cache: 'no-store' });
    return response.ok ? parseServedRelease(await response.json()) : null;
  } catch {
    return null;
  }
}

/** Whether the served release has images of `studyId` (false when the release is not served). */
export function servedHasStudy(served: ServedRelease | null, studyId: string): boolean {
  return served !== null && served.studies.includes(studyId);
}

/** The study index with hasImages also true for the studies the served release has images of. */
export function withServedImages(studies: StudySummary[], served: ServedRelease | null): StudySummary[] {
  if (!served || served.studies.length === 0) return studies;
  const listed = new Set(served.studies);
  return studies.map((s) => (s.hasImages || !listed.has(s.id) ? s : { ...s, hasImages: true }));
}
