// Strict readers for single CSV values. Each returns the typed value or throws a ReleaseInputError naming the file,
// line, column, the value and the spellings that would have been accepted.

import type { BiradsDigit, DensityLetter, FindingBiradsKey, Laterality, Split, ViewPosition } from '../types.ts';
import { BIRADS_ALLOWED, DENSITIES, SPLITS } from '../vocabulary.ts';
import { invalidValue } from './errors.ts';

/** Allowed spelling → typed value, with the list shown to the user when a value is not allowed. */
interface Spellings<T> {
  values: ReadonlyMap<string, T>;
  expected: string;
}

function spellings<T>(pairs: readonly (readonly [string, T])[]): Spellings<T> {
  return {
    values: new Map(pairs),
    expected: 'one of ' + pairs.map(([spelling]) => (spelling === '' ? '(empty)' : `"${spelling}"`)).join(', '),
  };
}

export const LATERALITY: Spellings<Laterality> = spellings([
  ['L', 'L'],
  ['R', 'R'],
]);
export const VIEW_POSITION: Spellings<ViewPosition> = spellings([
  ['CC', 'CC'],
  ['MLO', 'MLO'],
]);
export const BREAST_BIRADS: Spellings<BiradsDigit> = spellings(
  BIRADS_ALLOWED.map((digit) => [`BI-RADS ${digit}`, digit as BiradsDigit] as const),
);
export const BREAST_DENSITY: Spellings<DensityLetter> = spellings(
  DENSITIES.map((letter) => [`DENSITY ${letter}`, letter] as const),
);
export const FINDING_BIRADS_SPELLINGS: Spellings<FindingBiradsKey> = spellings([
  ['BI-RADS 3', '3'],
  ['BI-RADS 4', '4'],
  ['BI-RADS 5', '5'],
  ['', 'none'],
]);
export const SPLIT: Spellings<Split> = spellings(SPLITS.map((split) => [split, split] as const));

export function readSpelling<T>(value: string, allowed: Spellings<T>, file: string, line: number, column: string): T {
  const typed = allowed.values.get(value);
  if (typed === undefined) throw invalidValue({ file, line, column }, value, allowed.expected);
  return typed;
}

/** An id: any non-empty text (the release uses 32-character hex strings, but other versions need not). */
export function readId(value: string, file: string, line: number, column: string): string {
  if (value === '') throw invalidValue({ file, line, column }, value, 'a non-empty id');
  return value;
}

const POSITIVE_INTEGER = /^[1-9]\d*$/;

export function readPositiveInteger(value: string, file: string, line: number, column: string): number {
  if (!POSITIVE_INTEGER.test(value)) throw invalidValue({ file, line, column }, value, 'a positive integer');
  return Number(value);
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A decimal number, or NaN for anything else (including empty): box coordinates are never fatal. */
export function readNumberOrNaN(value: string): number {
  return DECIMAL.test(value) ? Number(value) : Number.NaN;
}

/** A decimal number, or null for anything else (metadata values the site only displays). */
export function readNumberOrNull(value: string | undefined): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : null;
}

/**
 * A DICOM multi-value number such as a window centre: "2047", "2047.0", "[2047, 2047]" (a list literal) or
 * "2047\\2047" (DICOM's backslash form). Anything that is not all numbers gives [].
 */
export function readNumberList(value: string | undefined): number[] {
  if (value === undefined) return [];
  let text = value.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  if (text === '') return [];
  const numbers: number[] = [];
  for (const part of text.split(/[,\\]/)) {
    const number = readNumberOrNull(part);
    if (number === null) return [];
    numbers.push(number);
  }
  return numbers;
}
