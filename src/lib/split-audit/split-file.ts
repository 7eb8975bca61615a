// Reads a user's split file, row by row, into "which subset is each study in": the study id column (`study_id`, or
// `image_id` mapped to its study), the subset column (`--column NAME`, else `split`, else `fold`). Problems that make
// the file unreadable throw one ReleaseInputError naming the file, line and column; what a reviewer needs to see
// (unknown ids, a study whose rows name two subsets) is collected for the report instead.

import { ReleaseInputError } from '../csv/errors.ts';

export interface SplitAssignment {
  file: string;
  /** Data rows read. */
  rows: number;
  idColumn: string;
  subsetColumn: string;
  /** Subset names in natural order ("fold 2" before "fold 10"). */
  subsets: string[];
  /** Known study id → index into `subsets` of its first row. */
  subsetOf: Map<string, number>;
  /** Studies whose rows name more than one subset → every subset named, in first-seen order. */
  conflicts: Map<string, string[]>;
  /** Ids of the file that the release does not know, in first-seen order (each once). */
  unknownIds: string[];
  /** Distinct studies per subset among all ids of the file, known or not (the file's own proportions). */
  fileSizes: number[];
}

interface SplitFileOptions {
  /** The subset column's name; default `split`, else `fold`. */
  column?: string;
  isKnownStudy(id: string): boolean;
  /** image id → study id; when absent, a file without `study_id` cannot be read (the browser's index has no image ids). */
  studyOfImage?: (imageId: string) => string | undefined;
}

export interface SplitFileReader {
  onRow(cells: readonly string[], line: number): void;
  finish(): SplitAssignment;
}

const naturalOrder = new Intl.Collator('en', { numeric: true }).compare;

export function createSplitFileReader(file: string, header: readonly string[], options: SplitFileOptions): SplitFileReader {
  const names = header.map((cell) => cell.trim());
  const studyAt = names.indexOf('study_id');
  const imageAt = names.indexOf('image_id');
  if (studyAt < 0 && imageAt < 0) {
    throw new ReleaseInputError({ file, line: 1 }, `no study id column: the header needs "study_id" (or "image_id"), found ${names.map((n) => JSON.stringify(n)).join(', ')}`);
  }
  if (studyAt < 0 && !options.studyOfImage) {
    throw new ReleaseInputError({ file, line: 1, column: 'image_id' }, 'image ids cannot be mapped to studies here; add a "study_id" column (or use `npm run audit-split`)');
  }
  const subsetColumn = options.column ?? (names.includes('split') ? 'split' : 'fold');
  const subsetAt = names.indexOf(subsetColumn);
  if (subsetAt < 0) {
    const asked = options.column ? `the column "${options.column}" given` : 'a subset column ("split" or "fold", or name it with --column)';
    throw new ReleaseInputError({ file, line: 1 }, `no subset column: the header lacks ${asked}`);
  }
  const idColumn = studyAt >= 0 ? 'study_id' : 'image_id';
  const idAt = studyAt >= 0 ? studyAt : imageAt;

  let rows = 0;
  const firstSubset = new Map<string, string>();
  const named = new Map<string, Set<string>>();
  const unknown = new Set<string>();
  const subsetNames = new Set<string>();
  return {
    onRow(cells, line) {
      rows++;
      const id = (cells[idAt] ?? '').trim();
      const subset = (cells[subsetAt] ?? '').trim();
      if (id === '') throw new ReleaseInputError({ file, line, column: idColumn }, 'the id is empty');
      if (subset === '') throw new ReleaseInputError({ file, line, column: subsetColumn }, 'the subset name is empty');
      subsetNames.add(subset);
      let study: string | undefined = id;
      if (idColumn === 'image_id') study = options.studyOfImage!(id);
      else if (!options.isKnownStudy(id)) study = undefined;
      const key = study ?? `?${id}`;
      if (study === undefined) unknown.add(id);
      const first = firstSubset.get(key);
      if (first === undefined) firstSubset.set(key, subset);
      else if (first !== subset) {
        const set = named.get(key) ?? new Set([first]);
        set.add(subset);
        named.set(key, set);
      }
    },
    finish() {
      const subsets = [...subsetNames].sort(naturalOrder);
      if (rows === 0) throw new ReleaseInputError({ file }, 'the file has no data rows');
      if (subsets.length < 2) {
        throw new ReleaseInputError({ file, column: subsetColumn }, `only one subset (${JSON.stringify(subsets[0])}); a split needs at least two`);
      }
      const indexOf = new Map(subsets.map((name, i) => [name, i]));
      const subsetOf = new Map<string, number>();
      const fileSizes = subsets.map(() => 0);
      for (const [key, subset] of firstSubset) {
        fileSizes[indexOf.get(subset)!]++;
        if (!key.startsWith('?')) subsetOf.set(key, indexOf.get(subset)!);
      }
      if (subsetOf.size === 0) {
        throw new ReleaseInputError({ file, column: idColumn }, `none of its ${unknown.size} ids is in this release (a file of another release?); nothing to audit`);
      }
      const conflicts = new Map<string, string[]>();
      for (const [key, set] of named) if (!key.startsWith('?')) conflicts.set(key, [...set]);
      return { file, rows, idColumn, subsetColumn, subsets, subsetOf, conflicts, unknownIds: [...unknown], fileSizes };
    },
  };
}
