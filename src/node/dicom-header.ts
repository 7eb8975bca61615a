// Reads what the build needs from DICOM headers (age, vendor, model, photometric interpretation, size): all of them
// when the release has no metadata.csv, else the sample studies' (their size is checked against the CSV). Only the first
// 64 KB of each file is read: the header ends long before that, and a real image is ~17 MB of pixel data.
// The release's files are not DICOM-compliant (md5 UIDs, MediaStorageSOPClassUID 1.2.3.4); dcmjs reads them
// anyway because it does not validate UIDs.

import { open } from 'node:fs/promises';
import type { CensusHeader } from '../lib/census/header-census.ts';
import { chooseSpacingMm } from '../lib/release/image-spacing.ts';
import { parseDicomAge } from '../lib/csv/dicom-age.ts';

const HEADER_BYTES = 64 * 1024;

interface DicomHeaderFacts {
  /** What the header census counts (src/lib/census/header-census.ts). */
  census: CensusHeader;
  ageYears: number | null;
  manufacturer: string;
  model: string;
  photometric: string;
  /** Rows and Columns, null when the header lacks them. */
  rows: number | null;
  columns: number | null;
  /** Millimetres per pixel along a row from Pixel Spacing, else Imager Pixel Spacing (chooseSpacingMm); NaN when neither. */
  pixelSpacingMm: number;
}

interface DicomElement {
  Value?: unknown[];
}
interface DcmjsData {
  DicomMessage: {
    readFile(
      buffer: ArrayBuffer,
      options: { ignoreErrors: boolean; untilTag: string; includeUntilTagValue: boolean },
    ): { meta: Record<string, DicomElement | undefined>; dict: Record<string, DicomElement | undefined> };
  };
}

// dcmjs ships no type declarations; it is loaded on first use (the common path, with metadata.csv, never needs
// it) and typed locally with just what this module calls.
const DCMJS = 'dcmjs';
let dcmjsData: Promise<DcmjsData> | null = null;
function loadDcmjs(): Promise<DcmjsData> {
  dcmjsData ??= import(DCMJS).then((module: { default: { data: DcmjsData } }) => module.default.data);
  return dcmjsData;
}

const TAG = {
  patientAge: '00101010',
  manufacturer: '00080070',
  model: '00081090',
  photometric: '00280004',
  rows: '00280010',
  columns: '00280011',
  pixelData: '7FE00010',
} as const;

function textOrNull(element: DicomElement | undefined): string | null {
  return text(element) || null;
}

function numbers(element: DicomElement | undefined): number[] {
  return (element?.Value ?? []).map((v) => Number(v)).filter((v) => Number.isFinite(v));
}

function strings(element: DicomElement | undefined): string[] {
  return (element?.Value ?? []).filter((v): v is string => typeof v === 'string');
}

/** The census fields of a header: how its pixels are to be displayed, per the standard's elements. */
function censusHeader(meta: Record<string, DicomElement | undefined>, dict: Record<string, DicomElement | undefined>): CensusHeader {
  return {
    manufacturer: textOrNull(dict[TAG.manufacturer]),
    model: textOrNull(dict[TAG.model]),
    transferSyntax: textOrNull(meta['00020010']),
    photometric: textOrNull(dict[TAG.photometric]),
    presentationLutShape: textOrNull(dict['20500020']),
    voiLutFunction: textOrNull(dict['00281056']),
    windowCenters: numbers(dict['00281050']),
    windowWidths: numbers(dict['00281051']),
    windowExplanations: strings(dict['00281055']),
    bitsStored: numbers(dict['00280101'])[0] ?? null,
    pixelSpacing: numbers(dict['00280030']),
    paddingValue: numbers(dict['00280120'])[0] ?? null,
  };
}

function count(element: DicomElement | undefined): number | null {
  const value = element?.Value?.[0];
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

function text(element: DicomElement | undefined): string {
  const value = element?.Value?.[0];
  return typeof value === 'string' ? value.trim() : '';
}

/** The header facts of one file; rejects with a short reason when the file cannot be read as DICOM. */
export async function readDicomHeaderFacts(path: string): Promise<DicomHeaderFacts> {
  const { DicomMessage } = await loadDcmjs();
  const bytes = new Uint8Array(HEADER_BYTES);
  const file = await open(path, 'r');
  let length: number;
  try {
    ({ bytesRead: length } = await file.read(bytes, 0, HEADER_BYTES, 0));
  } finally {
    await file.close();
  }
  let dict: Record<string, DicomElement | undefined>;
  let meta: Record<string, DicomElement | undefined>;
  try {
    ({ meta, dict } = DicomMessage.readFile(bytes.buffer.slice(0, length), {
      ignoreErrors: true,
      untilTag: TAG.pixelData,
      includeUntilTagValue: false,
    }));
  } catch (error) {
    throw new Error(`not readable as DICOM (${error instanceof Error ? error.message : String(error)})`);
  }
  return {
    census: censusHeader(meta, dict),
    ageYears: parseDicomAge(text(dict[TAG.patientAge])),
    manufacturer: text(dict[TAG.manufacturer]),
    model: text(dict[TAG.model]),
    photometric: text(dict[TAG.photometric]),
    rows: count(dict[TAG.rows]),
    columns: count(dict[TAG.columns]),
    pixelSpacingMm: chooseSpacingMm(numbers(dict['00280030']), numbers(dict['00181164'])),
  };
}

/**
 * Reads many headers, `concurrency` files at a time, and returns the results in input order (so the stats do not
 * depend on which read finished first). A file that fails gives its reason instead of facts.
 */
export async function readDicomHeaders(
  paths: readonly string[],
  concurrency = 16,
  onDone?: (done: number) => void,
): Promise<(DicomHeaderFacts | { error: string })[]> {
  const results: (DicomHeaderFacts | { error: string })[] = new Array(paths.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const i = next++;
      try {
        results[i] = await readDicomHeaderFacts(paths[i]);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        results[i] = { error: code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error) };
      }
      onDone?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, worker));
  return results;
}
