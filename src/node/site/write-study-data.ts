// Writes what the study browser and the viewer read: <out>/studies.json (the compact index of every study),
// <out>/samples.json (the sample studies with boxes and display values) and the samples' DICOMs under
// <out>/images/<study_id>/<image_id>.dicom. Called by scripts/build-site.ts.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReleaseInputError } from '../../lib/csv/errors.ts';
import type { MetadataRow, SampleStudy } from '../../lib/types.ts';
import { FILES } from '../../lib/vocabulary.ts';
import { createStudyCollector, type StudyCollector, type StudyRecord } from '../../lib/studies/study-records.ts';
import { encodeStudyIndex, serializeStudyIndex, summarizeStudy } from '../../lib/studies/study-index.ts';
import {
  DEFAULT_SAMPLE_COUNT,
  checkNamedStudies,
  chooseSamples,
  parseStudyList,
  studyFeatures,
  uncoveredFeatures,
  type SampleChoice,
} from '../../lib/studies/sample-selection.ts';
import { buildSampleStudy } from '../../lib/studies/sample-study.ts';
import { sharedSeriesRecord, withWorkbenchFields } from '../../lib/split-audit/index-fields.ts';
import { streamBreastRows, streamFindingRows, streamMetadataRows } from '../read-release.ts';
import { listReleaseImages, syncSampleImages } from './sample-images.ts';

export interface WriteStudyDataOptions {
  /** Sample studies named by the user (--studies). */
  studyIds?: string[];
  /** A file with one study id per line, `#` comments allowed (--studies-file). */
  studiesFile?: string;
  /** How many studies the automatic choice picks (default 8). */
  sampleCount?: number;
  /** Rows already collected while computing the stats (the build's single pass); read from dataDir when absent. */
  collected?: StudyCollector;
  log: (line: string) => void;
}

export async function writeStudyData(dataDir: string, outDir: string, options: WriteStudyDataOptions): Promise<void> {
  const { log } = options;
  let collector = options.collected;
  if (!collector) {
    collector = createStudyCollector();
    const into = collector;
    await streamBreastRows(dataDir, (row) => into.addBreastRow(row));
    await streamFindingRows(dataDir, (row) => into.addFindingRow(row));
  }
  const metadata = new Map<string, MetadataRow>();
  await streamMetadataRows(dataDir, (row) => {
    if (!metadata.has(row.imageId)) metadata.set(row.imageId, row);
  });
  const metadataOf = (imageId: string) => metadata.get(imageId);
  const studies = collector.studies();
  const byId = new Map(studies.map((s) => [s.id, s]));
  const onDisk = listReleaseImages(dataDir);
  const imagesOnDisk = (record: StudyRecord) => record.images.filter((i) => onDisk.get(record.id)?.has(i.imageId)).length;

  const named = namedStudyIds(options);
  let choices: SampleChoice[];
  if (named) {
    const problems = checkNamedStudies(named.ids, (id) => byId.has(id), (id) => imagesOnDisk(byId.get(id)!));
    const messages: string[] = [];
    if (problems.unknown.length > 0) {
      messages.push(`${plural(problems.unknown.length, 'study id')} not in ${FILES.breast}: ${problems.unknown.join(', ')}`);
    }
    if (problems.withoutImages.length > 0) {
      messages.push(`${plural(problems.withoutImages.length, 'study', 'studies')} without any DICOM under images/: ${problems.withoutImages.join(', ')}`);
    }
    if (messages.length > 0) throw new ReleaseInputError({ file: named.source }, messages.join('; '));
    choices = named.ids.map((id) => ({ id, reason: 'named by the user' }));
    log(`Sample studies: ${named.ids.length} named in ${named.source}`);
  } else {
    const complete = studies.filter((s) => imagesOnDisk(s) === s.images.length);
    const candidates = complete.map((s) => ({ id: s.id, features: studyFeatures(s, metadataOf) }));
    choices = chooseSamples(candidates, options.sampleCount ?? DEFAULT_SAMPLE_COUNT);
    if (choices.length === 0) {
      log(`Sample studies: none (no study has all its images under ${join(FILES.images, '<study_id>')}/); the viewer will have nothing to show`);
    } else {
      log(`Sample studies: ${choices.length} chosen automatically from ${plural(complete.length, 'study', 'studies')} whose images all exist`);
      const missed = uncoveredFeatures(candidates, choices);
      if (missed.length > 0) log(`  not shown by any sample: ${missed.join(', ')}`);
    }
  }
  for (const choice of choices) log(`  ${choice.id}  ${choice.reason}`);

  const samples: SampleStudy[] = [];
  for (const choice of choices) {
    const { study, skippedBoxLines } = buildSampleStudy(byId.get(choice.id)!, metadataOf, choice.reason);
    if (skippedBoxLines.length > 0) {
      log(`  ${choice.id}: boxes without numeric coordinates left out (${FILES.finding} lines ${skippedBoxLines.join(', ')})`);
    }
    samples.push(study);
  }
  mkdirSync(outDir, { recursive: true });
  const sync = syncSampleImages(
    dataDir,
    outDir,
    samples.flatMap((s) => s.images.map((i) => ({ studyId: s.id, imageId: i.imageId }))),
  );
  for (const file of sync.missing) {
    log(`  missing ${join(FILES.images, file.studyId, `${file.imageId}.dicom`)}: the viewer shows a message in that view`);
  }
  log(`DICOMs: ${sync.copied} copied, ${sync.unchanged} unchanged, ${sync.removed} stale removed (${(sync.bytes / 1e6).toFixed(0)} MB in ${FILES.images}/)`);

  const sampleIds = new Set(choices.map((c) => c.id));
  const index = encodeStudyIndex(
    studies.map((s) => withWorkbenchFields(summarizeStudy(s, metadataOf, sampleIds.has(s.id)), s, metadataOf)),
    sharedSeriesRecord(studies),
  );
  const indexText = serializeStudyIndex(index);
  writeAtomically(join(outDir, 'studies.json'), indexText);
  writeAtomically(join(outDir, 'samples.json'), `${JSON.stringify(samples, null, 1)}\n`);
  log(`studies.json: ${index.rows.length} studies (${(Buffer.byteLength(indexText) / 1024).toFixed(0)} KB); samples.json: ${samples.length} studies`);
}

/** The user's ids from --studies and --studies-file together (first-seen order), or null when neither is given. */
function namedStudyIds(options: WriteStudyDataOptions): { ids: string[]; source: string } | null {
  const ids: string[] = [];
  const sources: string[] = [];
  if (options.studyIds && options.studyIds.length > 0) {
    ids.push(...options.studyIds);
    sources.push('--studies');
  }
  if (options.studiesFile) {
    let text: string;
    try {
      text = readFileSync(options.studiesFile, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ReleaseInputError({ file: options.studiesFile }, `the studies file cannot be read (${code ?? 'unknown error'})`);
    }
    const fromFile = parseStudyList(text);
    if (fromFile.length === 0) throw new ReleaseInputError({ file: options.studiesFile }, 'the studies file names no study id');
    ids.push(...fromFile);
    sources.push(options.studiesFile);
  }
  return sources.length > 0 ? { ids: [...new Set(ids)], source: sources.join(' and ') } : null;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function writeAtomically(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}
