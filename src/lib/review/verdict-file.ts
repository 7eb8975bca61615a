// The review file formats and import: JSON (a format tag, the release key and files, the verdicts) and the CSV of
// verdict-csv.ts. Import reads either and refuses, with the reason, a file of another format or another release,
// or one whose verdicts break the contract: nothing of a refused file is stored.
import type { Stats } from '../types.ts';
import { ReleaseInputError } from '../csv/errors.ts';
import { checkVerdict, VerdictShapeError } from './verdict-check.ts';
import { isVerdictCsv, readVerdictCsv } from './verdict-csv.ts';
import type { Verdict } from './verdict-types.ts';

const VERDICT_FILE_FORMAT = 'vindr-mammo-review/1';

/** The release a review belongs to: its key (verdict-keys.ts releaseKey) and its files as stats.json names them. */
export interface ReviewRelease {
  key: string;
  files: Stats['source']['files'];
}

interface VerdictFile {
  format: typeof VERDICT_FILE_FORMAT;
  release: string;
  files: Stats['source']['files'];
  verdicts: Verdict[];
}

/** The verdicts in a stable order: reviewer, then key. */
export function sortVerdicts(verdicts: readonly Verdict[]): Verdict[] {
  return [...verdicts].sort((a, b) => (a.reviewer === b.reviewer ? compare(a.key, b.key) : compare(a.reviewer, b.reviewer)));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The JSON export (NaN coordinates, which JSON cannot hold, are written as null and read back as NaN). */
export function verdictsJson(release: ReviewRelease, verdicts: readonly Verdict[]): string {
  const file: VerdictFile = { format: VERDICT_FILE_FORMAT, release: release.key, files: release.files, verdicts: sortVerdicts(verdicts) };
  return `${JSON.stringify(file, null, 1)}\n`;
}

type ImportRead = { verdicts: Verdict[] } | { refused: string };

/** The verdicts of an import file (JSON or our CSV) for `release`, or why it is refused. */
export function readVerdictFile(fileName: string, text: string, release: ReviewRelease): ImportRead {
  try {
    if (isVerdictCsv(text)) return { verdicts: readVerdictCsv(fileName, text, release.key) };
    return { verdicts: readVerdictJson(fileName, text, release) };
  } catch (error) {
    if (error instanceof ReleaseInputError) return { refused: error.message };
    throw error;
  }
}

function readVerdictJson(fileName: string, text: string, release: ReviewRelease): Verdict[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new ReleaseInputError({ file: fileName }, `neither a review JSON (format ${VERDICT_FILE_FORMAT}) nor a review CSV exported by this page`);
  }
  const file = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Partial<Record<keyof VerdictFile, unknown>>;
  if (file.format !== VERDICT_FILE_FORMAT) {
    const found = typeof file.format === 'string' ? `format "${file.format}"` : 'no format tag';
    throw new ReleaseInputError({ file: fileName }, `not a review file of this site: ${found}, expected "${VERDICT_FILE_FORMAT}"`);
  }
  if (file.release !== release.key) {
    throw new ReleaseInputError({ file: fileName }, `the review of another release (${String(file.release)}${filesDiffer(file.files, release.files)}); this site shows release ${release.key}`);
  }
  if (!Array.isArray(file.verdicts)) throw new ReleaseInputError({ file: fileName }, 'it has no list of verdicts');
  return file.verdicts.map((value, i) => {
    try {
      return checkVerdict(value);
    } catch (error) {
      if (error instanceof VerdictShapeError) throw new ReleaseInputError({ file: fileName }, `verdict ${i + 1}: ${error.message}`);
      throw error;
    }
  });
}

/** Which of the site's files the other release has with another content, e.g. ": its finding_annotations.csv differs". */
function filesDiffer(theirs: unknown, ours: ReviewRelease['files']): string {
  if (typeof theirs !== 'object' || theirs === null) return '';
  const other = theirs as Record<string, { sha256?: unknown } | undefined>;
  const names = Object.keys(ours).filter((name) => other[name]?.sha256 !== ours[name].sha256);
  return names.length > 0 ? `: its ${names.join(', ')} differ${names.length === 1 ? 's' : ''}` : '';
}
