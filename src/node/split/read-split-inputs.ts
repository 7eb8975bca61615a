// The Node side of the split workbench: the release's studies as StudyAttributes, from the build's one reading of
// the release (compute-stats.ts → ReleaseStudies, the same rows as studies.json), the series shared by several
// studies, and the user's split file streamed through papaparse into a SplitAssignment.

import { basename } from 'node:path';
import { ReleaseInputError } from '../../lib/csv/errors.ts';
import { attributesFromSummary, type StudyAttributes } from '../../lib/split-audit/study-attributes.ts';
import { createSplitFileReader, type SplitAssignment, type SplitFileReader } from '../../lib/split-audit/split-file.ts';
import { ReleaseStudies } from '../../lib/studies/release-studies.ts';
import { readImageHeaders, readRelease } from '../compute-stats.ts';
import { pathExists } from '../read-release.ts';
import { streamCsv } from '../csv-stream.ts';

export interface SplitRelease {
  studies: StudyAttributes[];
  sharedSeries: Map<string, string[]>;
  studyOfImage: (imageId: string) => string | undefined;
}

export async function readReleaseStudies(dir: string): Promise<SplitRelease> {
  const reading = await readRelease(dir);
  // Without metadata.csv, ages and vendors come from the DICOM headers, as for stats.json.
  if (!reading.hasMetadata) await readImageHeaders(reading, reading.acc.imagesWithFiles());
  reading.acc.sizeArrays();
  const release = new ReleaseStudies(reading.acc);
  return {
    studies: release.byId().map((study) => attributesFromSummary(release.summary(study, false))),
    sharedSeries: new Map(Object.entries(release.sharedSeries())),
    studyOfImage: (imageId) => release.studyOfImage(imageId),
  };
}

/** Streams the split file; its name in messages is the file's base name (no absolute paths in reports). */
export async function readSplitFile(
  path: string,
  release: SplitRelease,
  column: string | undefined,
): Promise<{ assignment: SplitAssignment; name: string; sha256: string }> {
  const name = basename(path);
  if (!(await pathExists(path))) throw new ReleaseInputError({ file: path }, 'split file not found');
  const known = new Set(release.studies.map((s) => s.id));
  let reader: SplitFileReader | null = null;
  const info = await streamCsv(path, name, {
    onHeader: (cells) => {
      reader = createSplitFileReader(name, cells, {
        column,
        isKnownStudy: (id) => known.has(id),
        studyOfImage: release.studyOfImage,
      });
    },
    onRecord: (cells, line) => reader!.onRow(cells, line),
  });
  if (reader === null) throw new ReleaseInputError({ file: name }, 'the file is empty (no header line)');
  return { assignment: (reader as SplitFileReader).finish(), name, sha256: info.sha256 };
}
