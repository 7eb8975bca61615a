import { describe, expect, test } from 'vitest';
import { ReleaseInputError } from '../../../src/lib/csv/errors.ts';
import { matchColumns } from '../../../src/lib/csv/header.ts';

describe('matchColumns(file, header, required, optional)', () => {
  test('finds columns in any order and ignores extra ones', () => {
    const at = matchColumns('f.csv', ['extra', 'b', 'a'], ['a', 'b'] as const);
    expect(at).toEqual({ a: 2, b: 1 });
  });

  test('strips a UTF-8 BOM and surrounding spaces from header names', () => {
    expect(matchColumns('f.csv', ['\ufeffstudy_id', ' split '], ['study_id', 'split'] as const)).toEqual({ study_id: 0, split: 1 });
    expect(matchColumns('f.csv', ['\ufeffa', 'b'], ['a'] as const)).toEqual({ a: 0 });
  });

  test('a repeated name resolves to its first occurrence (metadata.csv repeats SOP Instance UID)', () => {
    const at = matchColumns('metadata.csv', ['SOP Instance UID', 'Series Instance UID', 'SOP Instance UID'], [
      'SOP Instance UID',
    ] as const);
    expect(at['SOP Instance UID']).toBe(0);
  });

  test('absent optional columns map to -1', () => {
    expect(matchColumns('f.csv', ['a'], ['a'] as const, ['Manufacturer'] as const)).toEqual({ a: 0, Manufacturer: -1 });
  });

  test('a missing required column is fatal and named, on line 1', () => {
    const call = () => matchColumns('finding_annotations.csv', ['a', 'c'], ['a', 'b', 'd'] as const);
    expect(call).toThrow(ReleaseInputError);
    expect(call).toThrow('finding_annotations.csv:1: missing required columns "b", "d" in the header');
  });
});
