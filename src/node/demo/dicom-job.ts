// One sample image to render and write: a plain message, so the same job runs in a worker thread or inline.

import { join } from 'node:path';
import type { ImagePlan } from '../../lib/demo/plan-types.ts';
import { renderStoredPixels } from '../../lib/demo/render/compose.ts';
import { VENDOR_PROFILES } from '../../lib/demo/vendors.ts';
import type { Manufacturer } from '../../lib/demo/vendors.ts';
import { writeDicomFile } from './dicom-file.ts';

export interface DicomJob {
  /** Release folder. */
  root: string;
  /** Path inside the release, with forward slashes (images/<study>/<image>.dicom). */
  relPath: string;
  studyId: string;
  ageYears: number | null;
  manufacturer: Manufacturer;
  density: string;
  textureSeed: number;
  image: ImagePlan;
}

export interface DicomJobResult {
  relPath: string;
  sha256: string;
}

export async function runDicomJob(job: DicomJob): Promise<DicomJobResult> {
  const profile = VENDOR_PROFILES[job.manufacturer];
  const pixels = renderStoredPixels({
    image: job.image,
    density: job.density,
    photometric: profile.photometric,
    textureSeed: job.textureSeed,
  });
  const sha256 = await writeDicomFile(join(job.root, ...job.relPath.split('/')), { studyId: job.studyId, ageYears: job.ageYears, profile, image: job.image }, pixels);
  return { relPath: job.relPath, sha256 };
}
