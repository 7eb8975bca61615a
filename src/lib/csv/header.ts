// Finds the release's columns by header name, so files with reordered or extra columns still read. A header that
// names a column twice (metadata.csv repeats "SOP Instance UID") resolves to the first occurrence.

import { ReleaseInputError } from './errors.ts';

/** Column name → index in the row. */
export type ColumnIndex<Name extends string> = Record<Name, number>;

const BOM = '\ufeff';

/** Header cells as written, without a UTF-8 byte order mark and without surrounding whitespace. */
function cleanHeader(cells: readonly string[]): string[] {
  return cells.map((cell, i) => (i === 0 && cell.startsWith(BOM) ? cell.slice(1) : cell).trim());
}

/**
 * Maps each required column to its index; a missing one is fatal. Optional columns that are absent map to -1.
 */
export function matchColumns<Required extends string, Optional extends string = never>(
  file: string,
  headerCells: readonly string[],
  required: readonly Required[],
  optional: readonly Optional[] = [],
): ColumnIndex<Required | Optional> {
  const header = cleanHeader(headerCells);
  const index = {} as ColumnIndex<Required | Optional>;
  const missing: string[] = [];
  for (const name of required) {
    const at = header.indexOf(name);
    if (at < 0) missing.push(name);
    index[name] = at;
  }
  if (missing.length > 0) {
    const names = missing.map((name) => `"${name}"`).join(', ');
    throw new ReleaseInputError(
      { file, line: 1 },
      `missing required column${missing.length > 1 ? 's' : ''} ${names} in the header`,
    );
  }
  for (const name of optional) index[name] = header.indexOf(name);
  return index;
}
