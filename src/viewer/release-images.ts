// Where a study's pixels come from when this build does not hold its DICOMs: when the site is served with the
// release's images/ folder in place (`npm start -- --data DIR`) and that server lists the study, the study is shown
// like a sample with each image's URL pointing at the release (RELEASE_IMAGES_PREFIX); otherwise null and the
// viewer shows the schematic with the reason. Asked once per page (prefetch.ts starts it, viewer-page.ts reads the
// same answer). No dwv import here on purpose: prefetch.ts runs before dwv loads.

import { releaseImageUrl } from '../lib/site-data/outputs.ts';
import { fetchServedRelease, servedHasStudy, type ServedRelease } from '../lib/studies/served-images.ts';
import { studyChunkUrl, type StudyChunk, type StudyViewerRecord } from '../lib/studies/study-chunks.ts';
import type { SampleStudy } from '../lib/types.ts';

let served: Promise<ServedRelease | null> | null = null;
const records = new Map<string, Promise<StudyViewerRecord | null>>();
const studies = new Map<string, Promise<SampleStudy | null>>();

/** The in-place server's list of studies with images, or null (a static build, or no server answering). */
export function servedRelease(): Promise<ServedRelease | null> {
  return (served ??= fetchServedRelease());
}

async function fetchRecord(studyId: string): Promise<StudyViewerRecord | null> {
  const url = studyChunkUrl(studyId);
  const response = await fetch(url);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
  const chunk = (await response.json()) as StudyChunk;
  return Object.hasOwn(chunk, studyId) ? chunk[studyId] : null;
}

/** The study's viewer record from its chunk (one request per page); null when the release has no such study. */
export function studyRecord(studyId: string): Promise<StudyViewerRecord | null> {
  let record = records.get(studyId);
  if (!record) records.set(studyId, (record = fetchRecord(studyId)));
  return record;
}

/** The study as the pixel viewer takes it, its images at the served release's URLs. */
function servedStudy(record: StudyViewerRecord): SampleStudy & Pick<StudyViewerRecord, 'lesions'> {
  const { id, split, ageYears, lesions } = record;
  const images = record.images.map(({ inBuild: _inBuild, inRelease: _inRelease, ...image }) => ({ ...image, url: releaseImageUrl(id, image.imageId) }));
  // The record's lesion links go along, so the side panel shows the build's pairing instead of working it out again.
  return { id, split, ageYears, reason: '', images, lesions };
}

/** The study with its images served in place, or null when they are not (never rejects: null then too). */
export function releaseStudy(studyId: string): Promise<SampleStudy | null> {
  let study = studies.get(studyId);
  if (!study) {
    // The record only once the server lists the study: an unknown id then costs no chunk request (and no 404).
    study = servedRelease()
      .then(async (list) => (servedHasStudy(list, studyId) ? await studyRecord(studyId) : null))
      .then((record) => (record ? servedStudy(record) : null))
      .catch(() => null);
    studies.set(studyId, study);
  }
  return study;
}
