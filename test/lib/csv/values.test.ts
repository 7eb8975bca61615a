import { describe, expect, test } from 'vitest';
import {
  BREAST_BIRADS,
  readNumberList,
  readNumberOrNaN,
  readPositiveInteger,
  readSpelling,
} from '../../../src/lib/csv/values.ts';

describe('readPositiveInteger(value)', () => {
  test.each([['3518', 3518], ['1', 1]])('reads %s', (value, expected) => {
    expect(readPositiveInteger(value, 'f.csv', 2, 'height')).toBe(expected);
  });
  test.each(['0', '-5', '12.5', '3518.0', '', ' 3518', '1e3', '0x10'])('rejects %j with file, line, column and value', (value) => {
    expect(() => readPositiveInteger(value, 'f.csv', 7, 'height')).toThrow(/^f\.csv:7, column "height": .* is not valid; expected a positive integer$/);
  });
});

describe('readNumberOrNaN(value)', () => {
  test.each([
    ['2355.1398925781', 2355.1398925781],
    ['-12', -12],
    ['1852.75', 1852.75],
    ['1e3', 1000],
    ['.5', 0.5],
  ])('reads %s', (value, expected) => {
    expect(readNumberOrNaN(value)).toBe(expected);
  });
  test.each(['', 'abc', '12,5', 'NaN', 'Infinity', '1.2.3'])('gives NaN for %j', (value) => {
    expect(readNumberOrNaN(value)).toBeNaN();
  });
});

describe('readSpelling(value, allowed)', () => {
  test('maps a BI-RADS spelling to its digit', () => {
    expect(readSpelling('BI-RADS 4', BREAST_BIRADS, 'f.csv', 3, 'breast_birads')).toBe('4');
  });
  test('names the allowed spellings when the value is wrong', () => {
    expect(() => readSpelling('BIRADS 4', BREAST_BIRADS, 'f.csv', 3, 'breast_birads')).toThrow(
      'f.csv:3, column "breast_birads": "BIRADS 4" is not valid; expected one of "BI-RADS 0", "BI-RADS 1", "BI-RADS 2", "BI-RADS 3", "BI-RADS 4", "BI-RADS 5", "BI-RADS 6"',
    );
  });
});

describe('readNumberList(value)', () => {
  test.each([
    ['2047', [2047]],
    ['[2047, 2047]', [2047, 2047]],
    ['2047\\4095', [2047, 4095]],
    ['', []],
    ['[a, 1]', []],
  ])('reads %j', (value, expected) => {
    expect(readNumberList(value)).toEqual(expected);
  });
});
