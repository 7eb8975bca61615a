// Which DICOM files the release holds: <data>/images/<study_id>/<image_id>.dicom, walked one folder at a time.
// Copying the samples' files into the site is the output sink's job (output-sink.ts).

import { existsSync } from 'node:fs';
import { opendir } from 'node:fs/promises';
import { join } from 'node:path';

const DICOM_EXTENSION = '.dicom';

/**
 * Calls back for each <dataDir>/images/<study_id>/<image_id>.dicom file, one folder open at a time (a million files
 * never sit in memory at once). Resolves false when images/ is absent.
 */
export async function forEachReleaseImage(dataDir: string, onFile: (studyId: string, imageId: string) => void): Promise<boolean> {
  const root = join(dataDir, 'images');
  if (!existsSync(root)) return false;
  for await (const study of await opendir(root)) {
    if (!study.isDirectory()) continue;
    for await (const file of await opendir(join(root, study.name))) {
      if (file.isFile() && file.name.endsWith(DICOM_EXTENSION)) onFile(study.name, file.name.slice(0, -DICOM_EXTENSION.length));
    }
  }
  return true;
}
