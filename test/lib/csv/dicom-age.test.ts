import { describe, expect, test } from 'vitest';
import { parseDicomAge } from '../../../src/lib/csv/dicom-age.ts';

describe('parseDicomAge(text)', () => {
  test.each([
    ['053Y', 53],
    ['053y', 53],
    ['100Y', 100],
    ['006M', 0.5],
    ['052W', (52 * 7) / 365.25],
    ['730D', 730 / 365.25],
    ['53', 53],
    ['53.5', 53.5],
    [' 061 ', 61],
    ['000Y', 0],
  ])('reads %j as %f years', (text, years) => {
    expect(parseDicomAge(text)).toBeCloseTo(years, 12);
  });

  test.each(['', '   ', 'abc', '53 years', '-5', '5X', '999Y', '200', null, undefined])('%j is missing', (text) => {
    expect(parseDicomAge(text)).toBeNull();
  });
});
