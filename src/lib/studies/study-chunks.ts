// Every study's viewer record (the sample shape: images in hanging order with the CSV's size, breast labels, boxes
// with coordinates and CSV line), grouped into small chunk files keyed by the id's first two characters, so the
// viewer fetches one small file to open any study of the release, with or without its DICOMs in the build.
// The build writes them (src/node/site/prepare-site-data.ts, names in src/lib/site-data/outputs.ts); the viewer reads
// them.

import type { StudyLesions } from '../lesions/lesion-links.ts';
import { siteUrl, studyChunkName } from '../site-data/outputs.ts';
import type { SampleImage, SampleStudy } from '../types.ts';

/** One image as the viewer record holds it: the sample image plus where its DICOM is. */
interface StudyRecordImage extends SampleImage {
  /** This build holds the DICOM (at `url`). */
  inBuild: boolean;
  /** The release folder the build read has it under images/<study_id>/. */
  inRelease: boolean;
}

export interface StudyViewerRecord extends Omit<SampleStudy, 'images'> {
  images: StudyRecordImage[];
  /** False when the release the build read has no DICOM at all under images/ (e.g. the annotation CSVs only). */
  releaseHasImages: boolean;
  /** Each box's counterpart in the other view of its breast and the study's lesions (src/lib/lesions/). */
  lesions: StudyLesions;
}

/** One chunk file: study id → its viewer record. */
export type StudyChunk = Record<string, StudyViewerRecord>;

/** Site-relative URL of a study's chunk: an object of study id → StudyViewerRecord. */
export function studyChunkUrl(studyId: string): string {
  return siteUrl(studyChunkName(studyId));
}
