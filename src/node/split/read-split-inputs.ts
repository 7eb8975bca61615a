// The Node side of the split workbench: the release's studies as StudyAttributes (one streaming pass over the
// annotation CSVs and metadata.csv, through the same study records as the site's study index), the series shared
// by several studies, and the user's split file streamed through papaparse into a SplitAssignment.

import { basename } from 'node:path';
import { ReleaseInputError } from '../../lib/csv/errors.ts';
import { createStudyCollector, type StudyFacts } from '../../lib/studies/study-records.ts';
import { studyAttributes, type StudyAttributes } from '../../lib/split-audit/study-attributes.ts';
import { sharedSeriesOf } from '../../lib/split-audit/shared-series.ts';
import { createSplitFileReader, type SplitAssignment, type SplitFileReader } from '../../lib/split-audit/split-file.ts';
import { checkReleaseFolder, pathExists, readMetadataFacts, streamBreastRows, streamFindingRows } from '../read-release.ts';
import { streamCsv } from '../csv-stream.ts';

export interface ReleaseStudies {
  studies: StudyAttributes[];
  sharedSeries: Map<string, string[]>;
  studyOfImage: Map<string, string>;
}

export async function readReleaseStudies(dir: string): Promise<ReleaseStudies> {
  await checkReleaseFolder(dir);
  const collector = createStudyCollector();
  const studyOfImage = new Map<string, string>();
  await streamBreastRows(dir, (row) => {
    collector.addBreastRow(row);
    if (!studyOfImage.has(row.imageId)) studyOfImage.set(row.imageId, row.studyId);
  });
  await streamFindingRows(dir, (row) => collector.addFindingRow(row));
  // Only each image's age and Manufacturer (the cheaper parser the stats use); the first row of an image wins.
  const metadata = new Map<string, StudyFacts>();
  await readMetadataFacts(dir, (facts) => {
    if (!metadata.has(facts.imageId)) metadata.set(facts.imageId, facts);
  });
  const records = collector.studies();
  const metadataOf = (imageId: string) => metadata.get(imageId);
  return {
    studies: records.map((record) => studyAttributes(record, metadataOf)),
    sharedSeries: sharedSeriesOf(records.flatMap((r) => r.images.map((image) => ({ seriesId: image.seriesId, studyId: r.id })))),
    studyOfImage,
  };
}

/** Streams the split file; its name in messages is the file's base name (no absolute paths in reports). */
export async function readSplitFile(
  path: string,
  release: ReleaseStudies,
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
        studyOfImage: (id) => release.studyOfImage.get(id),
      });
    },
    onRecord: (cells, line) => reader!.onRow(cells, line),
  });
  if (reader === null) throw new ReleaseInputError({ file: name }, 'the file is empty (no header line)');
  return { assignment: (reader as SplitFileReader).finish(), name, sha256: info.sha256 };
}
