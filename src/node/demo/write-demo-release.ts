// Writes a complete demo release folder: the three CSVs, DICOMs for the sample studies, LICENSE.txt,
// SHA256SUMS.txt and, last, the SYNTHETIC.txt marker (so an interrupted run is seen as stale, not complete).

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FILES } from '../../lib/vocabulary.ts';
import { planRelease } from '../../lib/demo/plan-release.ts';
import type { ReleasePlan } from '../../lib/demo/plan-types.ts';
import { breastLevelCsv, findingCsv, metadataCsv } from '../../lib/demo/release-csv.ts';
import { licenseText, sha256Listing, syntheticMarker } from '../../lib/demo/release-texts.ts';
import { DEFAULT_SAMPLES, DEFAULT_SEED } from '../../lib/demo/version.ts';
import type { DicomJob } from './dicom-job.ts';
import { runDicomJobs } from './render-pool.ts';

interface WriteDemoOptions {
  seed?: number;
  samples?: number;
  /** Worker threads for the DICOMs (default: one per core). */
  threads?: number;
  log?: (line: string) => void;
}

interface WriteDemoResult {
  studies: number;
  images: number;
  boxes: number;
  sampleStudies: string[];
  dicomFiles: number;
}

const SHA256SUMS = 'SHA256SUMS.txt';
const LICENSE = 'LICENSE.txt';

class DemoTargetError extends Error {}

/** Refuses to write over a folder that holds a release which is not a demo (a real one must never be clobbered). */
function assertDemoTarget(dir: string): void {
  const hasRelease = [FILES.breast, FILES.finding, FILES.metadata].some((f) => existsSync(join(dir, f)));
  if (hasRelease && !existsSync(join(dir, FILES.syntheticMarker))) {
    throw new DemoTargetError(`${dir}: holds release CSVs but no ${FILES.syntheticMarker}; refusing to overwrite what may be real data`);
  }
}

/** The sample studies' images as DICOM jobs, in plan order. */
export function sampleJobs(plan: ReleasePlan, root: string, samples: number): DicomJob[] {
  const chosen = new Set(plan.sampleRanking.slice(0, samples));
  const jobs: DicomJob[] = [];
  for (const s of plan.studies) {
    if (!chosen.has(s.studyId)) continue;
    s.images.forEach((image, k) => {
      jobs.push({
        root,
        relPath: `${FILES.images}/${s.studyId}/${image.imageId}.dicom`,
        studyId: s.studyId,
        ageYears: s.ageYears,
        manufacturer: s.manufacturer,
        density: s.breasts[image.laterality].density,
        textureSeed: (s.textureSeed + 7919 * (k + 1)) | 0,
        image,
      });
    });
  }
  return jobs;
}

export async function writeDemoRelease(dir: string, options: WriteDemoOptions = {}): Promise<WriteDemoResult> {
  const seed = options.seed ?? DEFAULT_SEED;
  const samples = options.samples ?? DEFAULT_SAMPLES;
  const log = options.log ?? (() => {});
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  await mkdir(dir, { recursive: true });
  assertDemoTarget(dir);
  await rm(join(dir, FILES.syntheticMarker), { force: true });
  await rm(join(dir, SHA256SUMS), { force: true });
  await rm(join(dir, FILES.images), { recursive: true, force: true });

  const plan = planRelease(seed);
  log(`demo-data: planned ${plan.studies.length} studies (seed ${seed}) in ${elapsed()}`);
  const hashes = new Map<string, string>();
  const put = async (name: string, text: string) => {
    await writeFile(join(dir, name), text);
    hashes.set(name, createHash('sha256').update(text).digest('hex'));
  };
  await put(FILES.breast, breastLevelCsv(plan));
  await put(FILES.finding, findingCsv(plan));
  await put(FILES.metadata, metadataCsv(plan));
  await put(LICENSE, licenseText());
  log(`demo-data: wrote the three CSVs in ${elapsed()}`);

  const jobs = sampleJobs(plan, dir, samples);
  const sampleStudies = [...new Set(jobs.map((j) => j.studyId))];
  for (const id of sampleStudies) await mkdir(join(dir, FILES.images, id), { recursive: true });
  const results = await runDicomJobs(jobs, {
    threads: options.threads,
    log,
    onDone: (_r, done) => {
      if (done % 4 === 0 || done === jobs.length) log(`demo-data: ${done}/${jobs.length} DICOMs (${elapsed()})`);
    },
  });
  for (const r of results) hashes.set(r.relPath, r.sha256);

  const marker = syntheticMarker(seed, samples);
  hashes.set(FILES.syntheticMarker, createHash('sha256').update(marker).digest('hex'));
  await writeFile(join(dir, SHA256SUMS), sha256Listing(hashes));
  await writeFile(join(dir, FILES.syntheticMarker), marker);
  log(`demo-data: done in ${elapsed()}`);

  let boxes = 0;
  for (const s of plan.studies) for (const im of s.images) boxes += im.boxes.length;
  return {
    studies: plan.studies.length,
    images: plan.studies.reduce((n, s) => n + s.images.length, 0),
    boxes,
    sampleStudies,
    dicomFiles: results.length,
  };
}
