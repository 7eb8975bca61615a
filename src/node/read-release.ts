// Streaming readers for a release folder's CSVs: each validated row is handed to a callback as soon as it is
// parsed, so callers (stats, the study index) never hold a whole file. A problem in the input rejects with a
// ReleaseInputError whose message is the one line to show the user.

import { access, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ReleaseInputError } from '../lib/csv/errors.ts';
import {
  breastRowParser,
  findingRowParser,
  metadataFactsParser,
  type MetadataFacts,
  type RowParser,
} from '../lib/csv/rows.ts';
import type { BreastRow, FindingRow } from '../lib/types.ts';
import { FILES } from '../lib/vocabulary.ts';
import { streamCsv, type CsvFileInfo, type ReadProgress } from './csv-stream.ts';

export type { CsvFileInfo, ReadProgress };

export interface ReadOptions {
  onProgress?: (progress: ReadProgress) => void;
}

export async function pathExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Fails with a user-facing message unless `dir` is a folder. */
export async function checkReleaseFolder(dir: string): Promise<void> {
  let isFolder = false;
  try {
    isFolder = (await stat(dir)).isDirectory();
  } catch {
    throw new ReleaseInputError({ file: dir }, 'release folder not found');
  }
  if (!isFolder) throw new ReleaseInputError({ file: dir }, 'not a folder; expected the release folder');
}

async function streamRows<Row>(
  dir: string,
  file: string,
  makeParser: (header: readonly string[], file: string) => RowParser<Row>,
  onRow: (row: Row) => void,
  options: ReadOptions,
): Promise<CsvFileInfo> {
  const path = join(dir, file);
  if (!(await pathExists(path))) {
    throw new ReleaseInputError({ file }, `required file not found in the release folder ${dir}`);
  }
  let parse: RowParser<Row> | null = null;
  return streamCsv(path, file, {
    onHeader: (cells) => {
      parse = makeParser(cells, file);
    },
    onRecord: (cells, line) => onRow(parse!(cells, line)),
    onProgress: options.onProgress,
  });
}

/** Rows of breast-level_annotations.csv (required). */
export function streamBreastRows(
  dir: string,
  onRow: (row: BreastRow) => void,
  options: ReadOptions = {},
): Promise<CsvFileInfo> {
  return streamRows(dir, FILES.breast, breastRowParser, onRow, options);
}

/** Rows of finding_annotations.csv (required). */
export function streamFindingRows(
  dir: string,
  onRow: (row: FindingRow) => void,
  options: ReadOptions = {},
): Promise<CsvFileInfo> {
  return streamRows(dir, FILES.finding, findingRowParser, onRow, options);
}

/** What the build takes from each metadata.csv row, with the file's hash and row count (null when absent). */
export async function readMetadataFacts(
  dir: string,
  onFacts: (facts: MetadataFacts) => void,
  options: ReadOptions = {},
): Promise<CsvFileInfo | null> {
  if (!(await pathExists(join(dir, FILES.metadata)))) return null;
  return streamRows(dir, FILES.metadata, metadataFactsParser, onFacts, options);
}
