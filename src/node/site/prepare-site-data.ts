// The build's data step (`npm run build -- --prepare-only`): reads the release once (compute-stats.ts) and writes
// every file the pages and the viewer read, through one sink (output-sink.ts) under the names of
// src/lib/site-data/outputs.ts: stats.json, the study index, every study's viewer record, the sample studies with
// their DICOMs and previews, and dwv's decoder workers. Prints what the release lacks and what that removes.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { headerCensus, type HeaderCensusFile } from '../../lib/census/header-census.ts';
import { ReleaseInputError } from '../../lib/csv/errors.ts';
import { DATA_DIR, dicomName, OUTPUT, previewName, siteUrl, studyChunkName, WORKERS_DIR, type PreviewEntry, type PreviewManifest } from '../../lib/site-data/outputs.ts';
import { ReleaseStudies } from '../../lib/studies/release-studies.ts';
import {
  checkNamedStudies,
  chooseSamples,
  DEFAULT_SAMPLE_COUNT,
  parseStudyList,
  uncoveredFeatures,
  type SampleChoice,
} from '../../lib/studies/sample-selection.ts';
import { studyIndexFacets, studyIndexPieces } from '../../lib/studies/study-index.ts';
import type { StudyViewerRecord } from '../../lib/studies/study-chunks.ts';
import type { Stats } from '../../lib/types.ts';
import { FILES } from '../../lib/vocabulary.ts';
import { finishStats, readImageHeaders, readRelease, serializeStats, type ReadProgress } from '../compute-stats.ts';
import type { OutputSink } from './output-sink.ts';
import { QualityInstanceFiles } from './quality-instance-files.ts';
import { PREVIEW_VERSION, previewOfDicom } from './viewer-previews.ts';
import { loadOpenJpeg } from '../openjpeg-node.ts';
import { isJpeg2000 } from '../../lib/dicom/transfer-syntax.ts';
import { fileMetaTransferSyntax } from '../../lib/dicom/part10.ts';
import type { OpenJpeg } from '../../lib/viewer/openjpeg-region.ts';
import { buildDecoderWorkers } from './viewer-decoders.ts';
import { releaseSummary } from '../../lib/release/release-summary.ts';
import { publicStats } from '../../lib/publish/public-stats.ts';

export interface PrepareOptions {
  /** Sample studies named by the user (--studies), and a file of them (--studies-file). */
  studyIds?: string[];
  studiesFile?: string;
  /** How many studies the automatic choice picks (default 8). */
  sampleCount?: number;
  /** Copy dwv's decoder workers (the site build needs them; the goldens do not). */
  workers?: boolean;
  onProgress?: (progress: ReadProgress) => void;
  /** A build that may be published (--public): only the public stats.json, counts under minCell suppressed. */
  publish?: { minCell: number };
}

export async function prepareSiteData(dataDir: string, sink: OutputSink, options: PrepareOptions = {}): Promise<Stats> {
  const instances = new QualityInstanceFiles();
  try {
    return await prepareFromRelease(dataDir, sink, options, instances);
  } finally {
    instances.dispose();
  }
}

async function prepareFromRelease(dataDir: string, sink: OutputSink, options: PrepareOptions, instances: QualityInstanceFiles): Promise<Stats> {
  const { log } = sink;
  // metadata.csv on this thread, after the annotation CSVs: a worker's heap beside this one's index and read
  // buffers made the data step's peak (597 MB at 1,000,000 images through tsx; 476 MB without it, under the
  // 500 MB the stats command keeps). The stats command keeps the worker: its peak is lower, its speed matters more.
  const reading = await readRelease(dataDir, { onProgress: options.onProgress, threads: false, qualityInstances: instances });
  const { acc } = reading;
  // Every DICOM the release holds is read once, header only: sizes against the CSV, the header census, and without
  // metadata.csv ages, vendors and photometric interpretations (which the sample choice below uses).
  await readImageHeaders(reading, acc.imagesWithFiles());
  acc.sizeArrays();
  if (options.publish) return writePublicData(reading, sink, options.publish.minCell);
  const studies = new ReleaseStudies(acc);

  const choices = chooseSampleStudies(studies, options, log);
  const sampleStudies = choices.map((choice) => studies.find(choice.id));
  const sampleImages = sampleStudies.flatMap((study) => [...studies.imagesOf(study)].filter((image) => acc.imageFile[image] === 1));
  const stats = finishStats(reading);
  sink.writeText(OUTPUT.stats, serializeStats(stats));
  instances.writeTo(sink);
  const census: HeaderCensusFile = {
    schemaVersion: 1,
    files: reading.census.length + reading.unreadableHeaders,
    unreadable: reading.unreadableHeaders,
    groups: headerCensus(reading.census),
  };
  sink.writeText(OUTPUT.headerCensus, `${JSON.stringify(census, null, 1)}\n`);
  // For the review page's corrected export (the site serves every box's row in the study records already).
  sink.copyFile(join(dataDir, FILES.finding), OUTPUT.findingAnnotations);

  // The samples' DICOMs: copied when changed, the rest of images/ pruned.
  const inBuild = new Uint8Array(acc.index.imageCount);
  const keep = new Set<string>();
  let copied = 0;
  for (const image of sampleImages) {
    const study = acc.index.imageStudy[image];
    const name = dicomName(studies.id(study), acc.index.images.get(image));
    if (sink.copyFile(join(dataDir, acc.imageFilePath(image)), name)) copied++;
    keep.add(name);
    inBuild[image] = 1;
  }
  for (const study of sampleStudies) {
    for (const image of studies.imagesOf(study)) {
      if (acc.imageFile[image] !== 1) log(`  missing ${acc.imageFilePath(image)}: the viewer shows that view without pixels`);
    }
  }
  const removed = sink.prune(`${DATA_DIR}/images`, keep);
  if (choices.length > 0) log(`DICOMs: ${sampleImages.length} of the samples' images in this build (${copied} copied, ${removed} stale removed)`);

  const samples: StudyViewerRecord[] = [];
  for (const [i, study] of sampleStudies.entries()) {
    const { record, undrawable } = studies.viewerRecord(study, { reason: choices[i].reason, inBuild: (image) => inBuild[image] === 1 });
    if (undrawable.length > 0) log(`  ${record.id}: boxes without numeric coordinates cannot be drawn (${FILES.finding} lines ${undrawable.join(', ')})`);
    samples.push(record);
  }
  sink.writeText(OUTPUT.samples, `${JSON.stringify(samples, null, 1)}\n`);
  await writePreviews(dataDir, sink, samples);

  const sampleSet = new Set(sampleStudies);
  const order = studies.byId();
  const summaryAt = (i: number) => studies.summary(order[i], sampleSet.has(order[i]));
  const examples = stats.quality.issues.flatMap((issue) => issue.examples.map((example) => example.study_id));
  const facets = studyIndexFacets(order.length, summaryAt, (id) => studies.find(id) >= 0, examples);
  sink.writeText(OUTPUT.studyFacets, `${JSON.stringify(facets, null, 1)}\n`);
  const indexBytes = sink.writePieces(OUTPUT.studyIndex, studyIndexPieces(order.length, (i) => studies.summary(order[i], sampleSet.has(order[i])), studies.sharedSeries()));
  const chunks = writeStudyChunks(studies, order, sink, (study) => (sampleSet.has(study) ? choices[sampleStudies.indexOf(study)].reason : ''), inBuild);
  log(`studies.json: ${order.length} studies (${(indexBytes / 1024).toFixed(0)} KB); viewer records in ${chunks} files; samples.json: ${samples.length} studies`);

  if (options.workers ?? true) copyDwvWorkers(sink);
  for (const line of releaseSummary(stats)) log(line);
  return stats;
}

/**
 * A build that may be published writes the public stats.json and nothing else: no study index, viewer records,
 * samples, DICOMs, previews or decoder workers, and no header census (its groups by manufacturer and model can be
 * a handful of images, and the page needs none of it to explain vendors). Whatever an earlier full build left in
 * public/data/ and public/viewer/assets/ is removed, so astro build cannot carry it into dist/.
 */
function writePublicData(reading: Awaited<ReturnType<typeof readRelease>>, sink: OutputSink, minCell: number): Stats {
  const stats = finishStats(reading);
  sink.writeText(OUTPUT.stats, `${JSON.stringify(publicStats(stats, minCell), null, 1)}\n`);
  const removed = sink.prune(DATA_DIR, new Set([OUTPUT.stats])) + sink.prune('viewer/assets', new Set());
  sink.log(`Public build (K = ${minCell}): stats.json only, counts 1–${minCell - 1} suppressed${removed ? `; ${removed} files of an earlier build removed` : ''}`);
  for (const line of releaseSummary(stats)) sink.log(line);
  return stats;
}

/** The user's named studies, else a diverse automatic choice among the studies whose images are all present. */
function chooseSampleStudies(studies: ReleaseStudies, options: PrepareOptions, log: (line: string) => void): SampleChoice[] {
  const named = namedStudyIds(options);
  let choices: SampleChoice[];
  if (named) {
    const filesOf = (id: string) => studies.filesOf(studies.find(id));
    const problems = checkNamedStudies(named.ids, (id) => studies.find(id) >= 0, filesOf);
    const messages: string[] = [];
    if (problems.unknown.length > 0) messages.push(`${plural(problems.unknown.length, 'study id')} not in ${FILES.breast}: ${problems.unknown.join(', ')}`);
    if (problems.withoutImages.length > 0) {
      messages.push(`${plural(problems.withoutImages.length, 'study', 'studies')} without any DICOM under ${FILES.images}/: ${problems.withoutImages.join(', ')}`);
    }
    if (messages.length > 0) throw new ReleaseInputError({ file: named.source }, messages.join('; '));
    choices = named.ids.map((id) => ({ id, reason: 'named by the user' }));
    log(`Sample studies: ${named.ids.length} named in ${named.source}`);
  } else {
    const candidates = studies.byId().filter((study) => studies.complete(study)).map((study) => ({ id: studies.id(study), features: studies.features(study) }));
    choices = chooseSamples(candidates, options.sampleCount ?? DEFAULT_SAMPLE_COUNT);
    if (choices.length === 0) {
      log(`Sample studies: none (no study has all its images under ${FILES.images}/); the viewer shows every study without pixels`);
    } else {
      log(`Sample studies: ${choices.length} chosen automatically from ${plural(candidates.length, 'study', 'studies')} whose images all exist`);
      const missed = uncoveredFeatures(candidates, choices);
      if (missed.length > 0) log(`  not shown by any sample: ${missed.join(', ')}`);
    }
  }
  for (const choice of choices) log(`  ${choice.id}  ${choice.reason}`);
  return choices;
}

/** Every study's viewer record, one chunk at a time (a chunk's records are built, written and dropped). */
function writeStudyChunks(
  studies: ReleaseStudies,
  order: readonly number[],
  sink: OutputSink,
  reasonOf: (study: number) => string,
  inBuild: Uint8Array,
): number {
  const byChunk = new Map<string, number[]>();
  for (const study of order) {
    const name = studyChunkName(studies.id(study));
    const list = byChunk.get(name) ?? [];
    list.push(study);
    byChunk.set(name, list);
  }
  for (const [name, members] of byChunk) {
    const chunk: Record<string, StudyViewerRecord> = {};
    for (const study of members) chunk[studies.id(study)] = studies.viewerRecord(study, { reason: reasonOf(study), inBuild: (image) => inBuild[image] === 1 }).record;
    sink.writeText(name, `${JSON.stringify(chunk)}\n`);
  }
  sink.prune(`${DATA_DIR}/studies`, new Set(byChunk.keys()));
  return byChunk.size;
}

/**
 * A small 8-bit PNG per sample image (uncompressed or JPEG 2000), drawn first by the viewer; a preview newer than its
 * DICOM is kept. OpenJPEG is loaded only when a JPEG 2000 file needs it.
 */
async function writePreviews(dataDir: string, sink: OutputSink, samples: readonly StudyViewerRecord[]): Promise<void> {
  const images: Record<string, PreviewEntry> = {};
  const skipped: string[] = [];
  let made = 0;
  let reused = 0;
  const previous = readPreviousManifest(sink);
  let openJpeg: OpenJpeg | undefined;
  for (const study of samples) {
    for (const image of study.images) {
      if (!image.inBuild) continue;
      const source = join(dataDir, FILES.images, study.id, `${image.imageId}.dicom`);
      const name = previewName(image.imageId);
      if (previous?.images[image.imageId] && sink.isFresh(name, source)) {
        images[image.imageId] = previous.images[image.imageId];
        reused++;
        continue;
      }
      try {
        const bytes = readFileSync(source);
        const file = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        if (isJpeg2000(fileMetaTransferSyntax(file))) openJpeg ??= await loadOpenJpeg();
        const result = previewOfDicom(file, openJpeg ?? null);
        if ('skipped' in result) {
          skipped.push(`${image.imageId} (${result.skipped})`);
          continue;
        }
        sink.writeBytes(name, new Uint8Array(result.png.buffer, result.png.byteOffset, result.png.byteLength));
        images[image.imageId] = { url: siteUrl(name), ...result.entry };
        made++;
      } catch (error) {
        skipped.push(`${image.imageId} (${error instanceof Error ? error.message : String(error)})`);
      }
    }
  }
  const sorted: PreviewManifest = { version: PREVIEW_VERSION, images: Object.fromEntries(Object.keys(images).sort().map((k) => [k, images[k]])) };
  sink.writeText(OUTPUT.previews, `${JSON.stringify(sorted, null, 1)}\n`);
  sink.prune(`${DATA_DIR}/previews`, new Set([OUTPUT.previews, ...Object.keys(images).map(previewName)]));
  if (made + reused + skipped.length > 0) {
    sink.log(`Viewer previews: ${made} written, ${reused} up to date${skipped.length ? `, none for ${skipped.length}: ${skipped.join(', ')}` : ''}`);
  }
}

function readPreviousManifest(sink: OutputSink): PreviewManifest | null {
  const text = sink.read(OUTPUT.previews);
  if (!text) return null;
  try {
    const manifest = JSON.parse(text) as Partial<PreviewManifest>;
    return manifest.version === PREVIEW_VERSION && manifest.images ? (manifest as PreviewManifest) : null;
  } catch {
    return null;
  }
}

/** dwv fetches its decoder workers relative to the viewer page: /viewer/assets/workers/<name>.worker.min.js. */
function copyDwvWorkers(sink: OutputSink): void {
  const source = join(dirname(createRequire(import.meta.url).resolve('dwv')), 'assets', 'workers');
  if (!existsSync(source)) throw new Error(`dwv's decoder workers are missing at ${source}: reinstall dependencies (npm ci)`);
  const files = readdirSync(source).filter((f) => f.endsWith('.worker.min.js'));
  for (const file of files) sink.copyFile(join(source, file), `${WORKERS_DIR}/${file}`);
  const ours = buildDecoderWorkers(sink);
  // What an earlier build's decoders left (an older decoder's .wasm) would ship in dist/ unused.
  sink.prune(WORKERS_DIR, new Set([...files.map((file) => `${WORKERS_DIR}/${file}`), ...ours]));
}

/** The user's ids from --studies and --studies-file together (first-seen order), or null when neither is given. */
function namedStudyIds(options: PrepareOptions): { ids: string[]; source: string } | null {
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
