import { describe, expect, test } from 'vitest';
import { breastRowParser, findingRowParser, metadataFactsParser } from '../../../src/lib/csv/rows.ts';
import { ReleaseInputError } from '../../../src/lib/csv/errors.ts';

const BREAST_HEADER = 'study_id,series_id,image_id,laterality,view_position,height,width,breast_birads,breast_density,split'.split(',');
const FINDING_HEADER = [...BREAST_HEADER.slice(0, 9), 'finding_categories', 'finding_birads', 'xmin', 'ymin', 'xmax', 'ymax', 'split'];
const BREAST_CELLS = ['st', 'se', 'im', 'R', 'MLO', '3518', '2800', 'BI-RADS 4', 'DENSITY C', 'test'];
const findingCells = (categories: string, birads: string, box: string[]) => [...BREAST_CELLS.slice(0, 9), categories, birads, ...box, 'test'];

describe('breastRowParser(header)(cells, line)', () => {
  test('reads a valid row into typed values', () => {
    expect(breastRowParser(BREAST_HEADER)(BREAST_CELLS, 5)).toEqual({
      line: 5,
      studyId: 'st',
      seriesId: 'se',
      imageId: 'im',
      laterality: 'R',
      view: 'MLO',
      height: 3518,
      width: 2800,
      birads: '4',
      density: 'C',
      split: 'test',
    });
  });

  test('matches columns by name: shuffled header with an extra column', () => {
    const order = [9, 0, 8, 1, 7, 2, 6, 3, 5, 4];
    const header = [...order.map((i) => BREAST_HEADER[i]), 'notes'];
    const cells = [...order.map((i) => BREAST_CELLS[i]), 'anything'];
    expect(breastRowParser(header)(cells, 2)).toEqual(breastRowParser(BREAST_HEADER)(BREAST_CELLS, 2));
  });

  test.each([
    [0, '', 'study_id', 'a non-empty id'],
    [2, '', 'image_id', 'a non-empty id'],
    [3, 'Left', 'laterality', 'one of "L", "R"'],
    [4, 'ML', 'view_position', 'one of "CC", "MLO"'],
    [5, '0', 'height', 'a positive integer'],
    [6, '2800.5', 'width', 'a positive integer'],
    [7, 'BI-RADS 7', 'breast_birads', 'one of "BI-RADS 0"'],
    [8, 'DENSITY E', 'breast_density', 'one of "DENSITY A", "DENSITY B", "DENSITY C", "DENSITY D"'],
    [9, 'train', 'split', 'one of "training", "test"'],
  ])('cell %i = %j is fatal, naming column %s', (index, value, column, expected) => {
    const cells = [...BREAST_CELLS];
    cells[index] = value;
    const call = () => breastRowParser(BREAST_HEADER)(cells, 12);
    expect(call).toThrow(ReleaseInputError);
    expect(call).toThrow(`breast-level_annotations.csv:12, column "${column}": `);
    expect(call).toThrow(expected);
  });

  test('a row with a different number of fields than the header is fatal', () => {
    expect(() => breastRowParser(BREAST_HEADER)(BREAST_CELLS.slice(0, 9), 4)).toThrow(
      'breast-level_annotations.csv:4: the line has 9 fields but the header has 10',
    );
  });
});

describe('findingRowParser(header)(cells, line)', () => {
  const parse = findingRowParser(FINDING_HEADER);

  test("a 'No Finding' row has no box, whatever its coordinates", () => {
    const row = parse(findingCells("['No Finding']", '', ['', '', '', '']), 3);
    expect(row.categories).toEqual(['No Finding']);
    expect(row.findingBirads).toBe('none');
    expect(row.box).toBeNull();
  });

  test('a multi-category box keeps every category and its coordinates', () => {
    const row = parse(findingCells("['Nipple Retraction', 'Mass']", 'BI-RADS 4', ['588.87', '10', '700.5', '90']), 3);
    expect(row.categories).toEqual(['Nipple Retraction', 'Mass']);
    expect(row.findingBirads).toBe('4');
    expect(row.box).toEqual({ xmin: 588.87, ymin: 10, xmax: 700.5, ymax: 90 });
  });

  test('empty finding_birads on a box is "none"', () => {
    expect(parse(findingCells("['Suspicious Lymph Node']", '', ['1', '2', '3', '4']), 3).findingBirads).toBe('none');
  });

  test('coordinates that are not numbers are NaN, not fatal', () => {
    const row = parse(findingCells("['Mass']", 'BI-RADS 4', ['abc', '', '3', '4']), 3);
    expect(row.box?.xmin).toBeNaN();
    expect(row.box?.ymin).toBeNaN();
    expect(row.box?.xmax).toBe(3);
  });

  test('a finding_categories value that is not a list literal is fatal', () => {
    expect(() => parse(findingCells('Mass', 'BI-RADS 4', ['1', '2', '3', '4']), 9)).toThrow(
      'finding_annotations.csv:9, column "finding_categories": "Mass" is not valid; expected a Python list',
    );
  });

  test('a finding_birads outside 3, 4, 5 or empty is fatal', () => {
    expect(() => parse(findingCells("['Mass']", 'BI-RADS 2', ['1', '2', '3', '4']), 9)).toThrow(
      'finding_annotations.csv:9, column "finding_birads": "BI-RADS 2" is not valid; expected one of "BI-RADS 3", "BI-RADS 4", "BI-RADS 5", (empty)',
    );
  });

  test('a missing finding column is fatal and named', () => {
    expect(() => findingRowParser(FINDING_HEADER.filter((name) => name !== 'ymax'))).toThrow(
      'finding_annotations.csv:1: missing required column "ymax" in the header',
    );
  });
});

describe('metadataFactsParser(header)(cells, line)', () => {
  const header = [
    'SOP Instance UID',
    'Series Instance UID',
    'SOP Instance UID',
    "Patient's Age",
    'Rows',
    'Columns',
    'Window Center',
    'Window Width',
    'Manufacturer',
    "Manufacturer's Model Name",
    'Photometric Interpretation',
  ];

  test('reads the first SOP Instance UID as the image id, and the values the site shows', () => {
    const cells = ['img', 'ser', 'other', '053Y', '3580', '2531', '[2047, 2047]', '[4095, 4095]', 'IMS s.r.l.', 'GIOTTO', 'MONOCHROME1'];
    expect(metadataFactsParser(header)(cells, 2)).toEqual({
      line: 2,
      imageId: 'img',
      ageYears: 53,
      manufacturer: 'IMS s.r.l.',
      model: 'GIOTTO',
      photometric: 'MONOCHROME1',
      pixelSpacingMm: Number.NaN,
    });
  });

  test('pixel spacing: Pixel Spacing’s column value, else Imager Pixel Spacing’s, else NaN', () => {
    const parse = metadataFactsParser(['SOP Instance UID', "Patient's Age", 'Imager Pixel Spacing', 'Pixel Spacing']);
    // Column spacing is the second value: 0.07 of "[0.1, 0.07]", not the row spacing 0.1.
    expect(parse(['a', '', '[0.085, 0.085]', '[0.1, 0.07]'], 2).pixelSpacingMm).toBe(0.07);
    // DICOM's backslash form; no Pixel Spacing, so the imager's.
    expect(parse(['b', '', '0.094\\0.083', ''], 3).pixelSpacingMm).toBe(0.083);
    // One value stands for both; a malformed or non-positive Pixel Spacing falls back to the imager's.
    expect(parse(['c', '', '0.1', 'n/a'], 4).pixelSpacingMm).toBe(0.1);
    expect(parse(['d', '', '[0.05]', '[0, 0]'], 5).pixelSpacingMm).toBe(0.05);
    expect(parse(['e', '', '', ''], 6).pixelSpacingMm).toBeNaN();
  });

  test('an unparseable age is missing, not fatal; absent optional columns are empty', () => {
    const parse = metadataFactsParser(['SOP Instance UID', "Patient's Age"]);
    expect(parse(['img', 'unknown'], 2)).toEqual({ line: 2, imageId: 'img', ageYears: null, manufacturer: '', model: '', photometric: '', pixelSpacingMm: Number.NaN });
  });

  test("a metadata.csv without Patient's Age is fatal", () => {
    expect(() => metadataFactsParser(['SOP Instance UID', 'Manufacturer'])).toThrow(
      `metadata.csv:1: missing required column "Patient's Age" in the header`,
    );
  });
});
