// `npm run stats` as a function: reads a release folder (streaming) and returns its stats.json object. The build
// pipeline and scripts/stats.ts both call this; serializeStats gives the file's exact bytes.

import { join } from 'node:path';
import type { AgeSource } from '../lib/release/accumulated-release.ts';
import { StatsAccumulator } from '../lib/release/stats-accumulator.ts';
import type { BreastRow, FindingRow, Stats } from '../lib/types.ts';
import { FILES } from '../lib/vocabulary.ts';
import { readDicomHeaders } from './dicom-header.ts';
import { startMetadataJob } from './metadata-facts.ts';
import {
  checkReleaseFolder,
  pathExists,
  streamBreastRows,
  streamFindingRows,
  type CsvFileInfo,
  type ReadProgress,
} from './read-release.ts';

export type { ReadProgress };

export interface ComputeStatsOptions {
  /** Called as input is read: CSV bytes (annotation CSVs), or for DICOM headers, files done of files total. */
  onProgress?: (progress: ReadProgress) => void;
  /** Read metadata.csv on a worker thread, beside the annotation CSVs (default true; same result either way). */
  threads?: boolean;
  /** Also hands each validated row to the caller, so the build reads the annotation CSVs once for everything. */
  onBreastRow?: (row: BreastRow) => void;
  onFindingRow?: (row: FindingRow) => void;
}

export async function computeStats(dir: string, options: ComputeStatsOptions = {}): Promise<Stats> {
  await checkReleaseFolder(dir);
  const accumulator = new StatsAccumulator();
  const read = { onProgress: options.onProgress };
  const files: Record<string, CsvFileInfo> = {};
  const metadataJob = startMetadataJob(dir, options.threads ?? true);
  // Its failure is reported in file order, after the annotation CSVs; until then it must not count as unhandled.
  metadataJob.result.catch(() => {});
  let ageSource: AgeSource = 'none';
  try {
    const { onBreastRow, onFindingRow } = options;
    files[FILES.breast] = await streamBreastRows(dir, (row) => {
      accumulator.addBreastRow(row);
      onBreastRow?.(row);
    }, read);
    files[FILES.finding] = await streamFindingRows(dir, (row) => {
      accumulator.addFindingRow(row);
      onFindingRow?.(row);
    }, read);
    const metadata = await metadataJob.result;
    if (metadata !== null) {
      files[FILES.metadata] = metadata.info;
      accumulator.addImageFactsTable(metadata.table, FILES.metadata);
      ageSource = 'metadata.csv';
    } else if (await pathExists(join(dir, FILES.images))) {
      ageSource = 'dicom';
      await addDicomFacts(dir, accumulator, options);
    }
  } finally {
    metadataJob.cancel();
  }

  return accumulator.finish({
    files,
    synthetic: await pathExists(join(dir, FILES.syntheticMarker)),
    ageSource,
  });
}

async function addDicomFacts(dir: string, accumulator: StatsAccumulator, options: ComputeStatsOptions): Promise<void> {
  const images = accumulator.listImages();
  const paths = images.map(({ studyId, imageId }) => join(dir, FILES.images, studyId, `${imageId}.dicom`));
  const file = `${FILES.images}/`;
  const headers = await readDicomHeaders(paths, 16, (done) =>
    options.onProgress?.({ file, bytesRead: done, bytesTotal: paths.length }),
  );
  headers.forEach((facts, i) => {
    const { imageId } = images[i];
    if ('error' in facts) accumulator.reportUnreadableImage(imageId, facts.error);
    else accumulator.addImageFacts({ imageId, ...facts }, { file: FILES.breast, line: 0 });
  });
}

/** The stats.json bytes: two-space JSON with a trailing newline; key order is the object's (already stable). */
export function serializeStats(stats: Stats): string {
  return JSON.stringify(stats, null, 2) + '\n';
}
