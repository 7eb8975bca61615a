// Every study's viewer record (the sample shape: images in hanging order with the CSV's size, breast labels, boxes
// with coordinates and CSV line), grouped into small chunk files keyed by the id's first two characters, so the
// viewer fetches one ~30 KB file to open any study of the release, with or without its DICOMs in the build.
// Pure: the build (src/node/site/study-records-chunks.ts) writes them, the viewer (src/viewer/) reads them.

import type { SampleImage, SampleStudy } from '../types.ts';

/** One image as the viewer record holds it: the sample image plus where its DICOM is. */
export interface StudyRecordImage extends SampleImage {
  /** This build holds the DICOM (at `url`). */
  inBuild: boolean;
  /** The release folder the build read has it under images/<study_id>/. */
  inRelease: boolean;
}

export interface StudyViewerRecord extends Omit<SampleStudy, 'images'> {
  images: StudyRecordImage[];
  /** False when the release the build read has no DICOM at all under images/ (e.g. the annotation CSVs only). */
  releaseHasImages: boolean;
}

/** chunk key → { study id → record } */
export type StudyChunk = Record<string, StudyViewerRecord>;

/** The chunk a study id lives in: its first two characters lower-cased (hex for the release), '_' otherwise. */
export function studyChunkKey(studyId: string): string {
  const head = studyId.slice(0, 2).toLowerCase();
  return /^[0-9a-z]{2}$/.test(head) ? head : '_';
}

/** Site-relative URL of a study's chunk. */
export function studyChunkUrl(studyId: string): string {
  return `/data/studies/${studyChunkKey(studyId)}.json`;
}

/** Adds to a sample-shaped study where each image's DICOM is, and whether the release has images at all. */
export function toViewerRecord(
  study: SampleStudy,
  where: { inBuild: (imageId: string) => boolean; inRelease: (imageId: string) => boolean; releaseHasImages: boolean },
): StudyViewerRecord {
  return {
    ...study,
    images: study.images.map((image) => ({ ...image, inBuild: where.inBuild(image.imageId), inRelease: where.inRelease(image.imageId) })),
    releaseHasImages: where.releaseHasImages,
  };
}

/** Groups records by chunk key; keys and the ids inside each chunk keep the records' order. */
export function groupStudyChunks(records: readonly StudyViewerRecord[]): Map<string, StudyChunk> {
  const chunks = new Map<string, StudyChunk>();
  for (const record of records) {
    const key = studyChunkKey(record.id);
    let chunk = chunks.get(key);
    if (!chunk) {
      chunk = {};
      chunks.set(key, chunk);
    }
    chunk[record.id] = record;
  }
  return chunks;
}
