// Reading a release folder, in one pass: the annotation CSVs (streaming), metadata.csv (once, on a worker when it
// is large), which DICOM files images/ holds, and the DICOM headers the build needs. Everything lands in one
// StatsAccumulator, the release index every output derives from: stats.json (finishStats), the study index and
// the viewer's records (src/lib/studies/), the quality log.
//
//   const reading = await readRelease(dir);            // CSVs, metadata.csv, images/ listing
//   await readImageHeaders(reading, images);            // optional: sizes (and ages, vendors without metadata.csv)
//   const stats = finishStats(reading);
//
// computeStats does all three for `npm run stats`; serializeStats gives the file's exact bytes.

import { basename, join } from 'node:path';
import type { AgeSource } from '../lib/release/accumulated-release.ts';
import type { QualityInstanceWriter } from '../lib/release/quality-instances.ts';
import { StatsAccumulator } from '../lib/release/stats-accumulator.ts';
import type { CensusHeader } from '../lib/census/header-census.ts';
import type { Stats } from '../lib/types.ts';
import { FILES } from '../lib/vocabulary.ts';
import { readDicomHeaders } from './dicom-header.ts';
import { startMetadataJob } from './metadata-facts.ts';
import { checkReleaseFolder, pathExists, streamBreastRows, streamFindingRows, type CsvFileInfo, type ReadProgress } from './read-release.ts';
import { forEachReleaseImage } from './site/release-images.ts';

export type { ReadProgress };

export interface ComputeStatsOptions {
  /** Called as input is read: CSV bytes (annotation CSVs), or for DICOM headers, files done of files total. */
  onProgress?: (progress: ReadProgress) => void;
  /** Read metadata.csv on a worker thread, beside the annotation CSVs (default true; same result either way). */
  threads?: boolean;
  /** Receives every quality instance as a CSV line (the build's data/quality-instances.csv); stats alone need none. */
  qualityInstances?: QualityInstanceWriter;
}

export interface ReleaseReading {
  dir: string;
  acc: StatsAccumulator;
  files: Record<string, CsvFileInfo>;
  ageSource: AgeSource;
  synthetic: boolean;
  hasMetadata: boolean;
  /** The census fields of every header read (readImageHeaders), and how many files could not be read. */
  census: CensusHeader[];
  unreadableHeaders: number;
  onProgress?: (progress: ReadProgress) => void;
}

export async function readRelease(dir: string, options: ComputeStatsOptions = {}): Promise<ReleaseReading> {
  await checkReleaseFolder(dir);
  const acc = new StatsAccumulator();
  if (options.qualityInstances) acc.quality.streamInstances(options.qualityInstances);
  const read = { onProgress: options.onProgress };
  const files: Record<string, CsvFileInfo> = {};
  // On this thread it is read when its result is first asked for: after the annotation CSVs, when the index holds
  // every listed image.
  const metadataJob = startMetadataJob(dir, options.threads ?? true, () => acc.index.images);
  let hasMetadata = false;
  try {
    files[FILES.breast] = await streamBreastRows(dir, (row) => acc.addBreastRow(row), read);
    files[FILES.finding] = await streamFindingRows(dir, (row) => acc.addFindingRow(row), read);
    const metadata = await metadataJob.result();
    if (metadata !== null) {
      files[FILES.metadata] = metadata.info;
      acc.addImageFactsTable(metadata.table, FILES.metadata);
      hasMetadata = true;
    }
  } finally {
    metadataJob.cancel();
  }
  acc.imagesFolder = await forEachReleaseImage(dir, (_studyId, imageId) => acc.markImageFile(imageId));
  return {
    dir,
    acc,
    files,
    hasMetadata,
    census: [],
    unreadableHeaders: 0,
    ageSource: hasMetadata ? 'metadata.csv' : acc.imagesFolder ? 'dicom' : 'none',
    synthetic: await pathExists(join(dir, FILES.syntheticMarker)),
    onProgress: options.onProgress,
  };
}

/**
 * Reads the headers of these images' DICOM files (dense ids; files that exist), once for everything: each size is
 * checked against the CSV, each joins the header census, its pixel spacing replaces metadata.csv's, and without metadata.csv their ages, vendors, models and
 * photometric interpretations are taken from them.
 */
export async function readImageHeaders(reading: ReleaseReading, images: readonly number[]): Promise<void> {
  const { acc, dir } = reading;
  const paths = images.map((image) => join(dir, acc.imageFilePath(image)));
  const file = `${FILES.images}/`;
  const headers = await readDicomHeaders(paths, 16, (done) => reading.onProgress?.({ file, bytesRead: done, bytesTotal: paths.length }));
  headers.forEach((header, i) => {
    const image = images[i];
    if ('error' in header) {
      acc.reportUnreadableImage(image, header.error);
      reading.unreadableHeaders++;
      return;
    }
    reading.census.push(header.census);
    acc.checkImageSize(image, header.rows, header.columns);
    // The file's own header beats metadata.csv's copy of it (read earlier), for the lesion links' distances.
    acc.spacing.set(image, header.pixelSpacingMm, 'dicom', acc.index.imageCount - 1);
    if (!reading.hasMetadata) {
      acc.addImageFacts({ imageId: acc.index.images.get(image), ...header }, { file: FILES.breast, line: acc.index.imageLine[image] });
    }
  });
}

export function finishStats(reading: ReleaseReading): Stats {
  return reading.acc.finish({
    files: reading.files,
    synthetic: reading.synthetic,
    ageSource: reading.ageSource,
    release: basename(reading.dir),
  });
}

/** `npm run stats`: the whole reading, with every existing DICOM's header when there is no metadata.csv. */
export async function computeStats(dir: string, options: ComputeStatsOptions = {}): Promise<Stats> {
  const reading = await readRelease(dir, options);
  if (!reading.hasMetadata) await readImageHeaders(reading, reading.acc.imagesWithFiles());
  return finishStats(reading);
}

/** The stats.json bytes: two-space JSON with a trailing newline; key order is the object's (already stable). */
export function serializeStats(stats: Stats): string {
  return JSON.stringify(stats, null, 2) + '\n';
}
