// Reads finding_annotations.csv record by record with each record's original text, so the corrected export can keep
// untouched lines byte for byte, and tells which CSV lines hold each box (the quality rules' instances name boxes by
// line; verdicts name them by key).
import Papa from 'papaparse';
import { readNumberOrNaN } from '../csv/values.ts';
import { parsePythonList } from '../csv/python-list.ts';
import { isNoFindingList } from '../release/finding-rows.ts';
import { boxKey } from './verdict-keys.ts';

/**
 * The file's records as their original text, each with its own line end (a quoted field's line breaks stay inside
 * its record), so that joining them gives the file back byte for byte.
 */
export function csvRecords(text: string): string[] {
  const records: string[] = [];
  let pending = '';
  for (const line of text.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
    pending += line;
    // An odd count of quotes so far: a quoted field is still open and the record goes on on the next line.
    if ((pending.split('"').length - 1) % 2 === 0) {
      records.push(pending);
      pending = '';
    }
  }
  if (pending !== '') records.push(pending);
  return records;
}

export function withoutLineEnd(record: string): string {
  return record.replace(/\r?\n$/, '');
}

/** One record's cells. */
export function cellsOf(record: string): string[] {
  // Most records hold no quote: splitting them is exact and much faster than the full parser.
  return record.includes('"') ? (Papa.parse<string[]>(record).data[0] ?? []) : record.split(',');
}

/** Box key (verdict-keys.ts boxKey) → the 1-based lines of the rows that carry that box (usually one). */
export function findingBoxLines(text: string): Map<string, number[]> {
  const records = csvRecords(text);
  const header = cellsOf(withoutLineEnd(records[0] ?? '').replace(/^\uFEFF/, ''));
  const at = (name: string) => header.indexOf(name);
  const [image, categories, xmin, ymin, xmax, ymax] = ['image_id', 'finding_categories', 'xmin', 'ymin', 'xmax', 'ymax'].map(at);
  const lines = new Map<string, number[]>();
  if ([image, categories, xmin, ymin, xmax, ymax].some((index) => index < 0)) return lines;
  let line = 1;
  for (const [i, record] of records.entries()) {
    const start = line;
    line += Math.max(1, (record.match(/\n/g) ?? []).length);
    if (i === 0) continue;
    const cells = cellsOf(withoutLineEnd(record));
    const list = parsePythonList(cells[categories] ?? '');
    if (list !== null && isNoFindingList(list)) continue;
    const key = boxKey(cells[image], { xmin: readNumberOrNaN(cells[xmin]), ymin: readNumberOrNaN(cells[ymin]), xmax: readNumberOrNaN(cells[xmax]), ymax: readNumberOrNaN(cells[ymax]) });
    lines.set(key, [...(lines.get(key) ?? []), start]);
  }
  return lines;
}
