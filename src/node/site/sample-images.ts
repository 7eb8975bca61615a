// The DICOM files on either side of the build: which ones the release holds (<data>/images/<study>/<image>.dicom),
// and mirroring the chosen ones into the site (<out>/images/…), removing what an earlier build left behind and
// skipping files that are already up to date (a demo sample set is ~600 MB; rebuilding should not recopy it).

import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

const DICOM_EXTENSION = '.dicom';

/** study id → the image ids that have a file under <dataDir>/images/<study_id>/; empty when images/ is absent. */
export function listReleaseImages(dataDir: string): Map<string, Set<string>> {
  const root = join(dataDir, 'images');
  const found = new Map<string, Set<string>>();
  if (!existsSync(root)) return found;
  for (const study of readdirSync(root, { withFileTypes: true })) {
    if (!study.isDirectory()) continue;
    const ids = new Set<string>();
    for (const file of readdirSync(join(root, study.name), { withFileTypes: true })) {
      if (file.isFile() && file.name.endsWith(DICOM_EXTENSION)) ids.add(file.name.slice(0, -DICOM_EXTENSION.length));
    }
    if (ids.size > 0) found.set(study.name, ids);
  }
  return found;
}

interface ImageFile {
  studyId: string;
  imageId: string;
}

interface SyncResult {
  copied: number;
  unchanged: number;
  removed: number;
  /** Files the release does not have (the viewer shows a message in that view). */
  missing: ImageFile[];
  bytes: number;
}

/**
 * Makes <outDir>/images hold exactly `files` (those the release has): copies new or changed files (size or
 * modification time differ), keeps identical ones, deletes every other file and folder under it.
 */
export function syncSampleImages(dataDir: string, outDir: string, files: readonly ImageFile[]): SyncResult {
  const outRoot = join(outDir, 'images');
  const result: SyncResult = { copied: 0, unchanged: 0, removed: 0, missing: [], bytes: 0 };
  const wanted = new Map<string, Set<string>>();
  for (const file of files) {
    const source = join(dataDir, 'images', file.studyId, file.imageId + DICOM_EXTENSION);
    if (!existsSync(source)) {
      result.missing.push(file);
      continue;
    }
    const names = wanted.get(file.studyId) ?? new Set<string>();
    names.add(file.imageId + DICOM_EXTENSION);
    wanted.set(file.studyId, names);
    const target = join(outRoot, file.studyId, file.imageId + DICOM_EXTENSION);
    const from = statSync(source);
    result.bytes += from.size;
    if (existsSync(target)) {
      const to = statSync(target);
      if (to.isFile() && to.size === from.size && Math.abs(to.mtimeMs - from.mtimeMs) < 1) {
        result.unchanged += 1;
        continue;
      }
    }
    mkdirSync(join(outRoot, file.studyId), { recursive: true });
    // A copy-on-write clone where the file system offers one (no bytes copied), else an ordinary copy.
    copyFileSync(source, target, constants.COPYFILE_FICLONE);
    // The copy takes the source's modification time, which is how the next build knows it is up to date.
    utimesSync(target, from.atimeMs / 1000, from.mtimeMs / 1000);
    result.copied += 1;
  }
  result.removed = removeUnwanted(outRoot, wanted);
  return result;
}

function removeUnwanted(outRoot: string, wanted: Map<string, Set<string>>): number {
  if (!existsSync(outRoot)) return 0;
  let removed = 0;
  for (const entry of readdirSync(outRoot, { withFileTypes: true })) {
    const path = join(outRoot, entry.name);
    const names = entry.isDirectory() ? wanted.get(entry.name) : undefined;
    if (!names) {
      removed += entry.isDirectory() ? readdirSync(path).length : 1;
      rmSync(path, { recursive: true, force: true });
      continue;
    }
    for (const file of readdirSync(path)) {
      if (!names.has(file)) {
        rmSync(join(path, file), { recursive: true, force: true });
        removed += 1;
      }
    }
  }
  return removed;
}
