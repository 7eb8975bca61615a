// Writes public/data/header-census.json: the header census (src/lib/census/header-census.ts) of every DICOM under the
// release's images/ folder. Reads only the first 64 KB of each file (the header), 16 files at a time. The build's
// output module calls writeHeaderCensus(releaseDir, outFile); a release without images/ gets an empty census.

import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import dcmjs from 'dcmjs';
import { headerCensus, type CensusGroup, type CensusHeader } from '../lib/census/header-census.ts';
import { HEADER_BYTES } from './dicom-header.ts';

export interface HeaderCensusFile {
  schemaVersion: 1;
  /** DICOM files read, and those that could not be read as DICOM. */
  files: number;
  unreadable: number;
  groups: CensusGroup[];
}

type Element = { Value?: unknown[] } | undefined;

function str(element: Element): string | null {
  const value = element?.Value?.[0];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function nums(element: Element): number[] {
  return (element?.Value ?? []).map((v) => Number(v)).filter((v) => Number.isFinite(v));
}

function strs(element: Element): string[] {
  return (element?.Value ?? []).filter((v): v is string => typeof v === 'string');
}

/** The census fields of one file's header. */
export async function readCensusHeader(path: string): Promise<CensusHeader> {
  const bytes = new Uint8Array(HEADER_BYTES);
  const file = await open(path, 'r');
  let length: number;
  try {
    ({ bytesRead: length } = await file.read(bytes, 0, HEADER_BYTES, 0));
  } finally {
    await file.close();
  }
  const { meta, dict } = dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(0, length), { ignoreErrors: true, untilTag: '7FE00010', includeUntilTagValue: false }) as {
    meta: Record<string, Element>;
    dict: Record<string, Element>;
  };
  return {
    manufacturer: str(dict['00080070']),
    model: str(dict['00081090']),
    transferSyntax: str(meta['00020010']),
    photometric: str(dict['00280004']),
    presentationLutShape: str(dict['20500020']),
    voiLutFunction: str(dict['00281056']),
    windowCenters: nums(dict['00281050']),
    windowWidths: nums(dict['00281051']),
    windowExplanations: strs(dict['00281055']),
    bitsStored: nums(dict['00280101'])[0] ?? null,
    pixelSpacing: nums(dict['00280030']),
    paddingValue: nums(dict['00280120'])[0] ?? null,
  };
}

/** images/<study>/<image>.dicom under the release, sorted (the census does not depend on directory order). */
export function releaseDicomPaths(releaseDir: string): string[] {
  const images = join(releaseDir, 'images');
  let studies: string[];
  try {
    studies = readdirSync(images, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return [];
  }
  return studies
    .sort()
    .flatMap((study) => readdirSync(join(images, study)).filter((f) => f.endsWith('.dicom')).sort().map((f) => join(images, study, f)));
}

export async function writeHeaderCensus(releaseDir: string, outFile: string, concurrency = 16): Promise<HeaderCensusFile> {
  const paths = releaseDicomPaths(releaseDir);
  const headers: (CensusHeader | null)[] = new Array(paths.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const i = next++;
      headers[i] = await readCensusHeader(paths[i]).catch(() => null);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, worker));
  const read = headers.filter((h): h is CensusHeader => h !== null);
  const census: HeaderCensusFile = { schemaVersion: 1, files: paths.length, unreadable: paths.length - read.length, groups: headerCensus(read) };
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(census, null, 2)}\n`);
  return census;
}
