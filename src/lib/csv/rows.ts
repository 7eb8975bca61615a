// Turns one CSV record (its cells and 1-based line) into a validated row of the release. Each parser is built
// from the file's header, so column order and extra columns do not matter.

import type { BreastRow, FindingRow } from '../types.ts';
import { FILES } from '../vocabulary.ts';
import { isNoFindingList } from '../release/finding-rows.ts';
import {
  BREAST_COLUMNS,
  FINDING_COLUMNS,
  METADATA_OPTIONAL_COLUMNS,
  METADATA_REQUIRED_COLUMNS,
  type BreastColumn,
} from './columns.ts';
import { invalidValue, ReleaseInputError } from './errors.ts';
import { matchColumns, type ColumnIndex } from './header.ts';
import { parsePythonList } from './python-list.ts';
import { parseDicomAge } from './dicom-age.ts';
import { spacingCellsReader } from '../release/image-spacing.ts';
import {
  BREAST_BIRADS,
  BREAST_DENSITY,
  FINDING_BIRADS_SPELLINGS,
  LATERALITY,
  readId,
  readNumberList,
  readNumberOrNaN,
  readNumberOrNull,
  readPositiveInteger,
  readSpelling,
  SPLIT,
  VIEW_POSITION,
} from './values.ts';

export type RowParser<Row> = (cells: readonly string[], line: number) => Row;

/** A record must have as many fields as the header: anything else means the CSV itself is broken. */
function checkFieldCount(file: string, cells: readonly string[], expected: number, line: number): void {
  if (cells.length !== expected) {
    throw new ReleaseInputError(
      { file, line },
      `the line has ${cells.length} field${cells.length === 1 ? '' : 's'} but the header has ${expected}`,
    );
  }
}

function readBreastFields(
  file: string,
  at: ColumnIndex<BreastColumn>,
  cells: readonly string[],
  line: number,
): BreastRow {
  return {
    line,
    studyId: readId(cells[at.study_id], file, line, 'study_id'),
    seriesId: readId(cells[at.series_id], file, line, 'series_id'),
    imageId: readId(cells[at.image_id], file, line, 'image_id'),
    laterality: readSpelling(cells[at.laterality], LATERALITY, file, line, 'laterality'),
    view: readSpelling(cells[at.view_position], VIEW_POSITION, file, line, 'view_position'),
    height: readPositiveInteger(cells[at.height], file, line, 'height'),
    width: readPositiveInteger(cells[at.width], file, line, 'width'),
    birads: readSpelling(cells[at.breast_birads], BREAST_BIRADS, file, line, 'breast_birads'),
    density: readSpelling(cells[at.breast_density], BREAST_DENSITY, file, line, 'breast_density'),
    split: readSpelling(cells[at.split], SPLIT, file, line, 'split'),
  };
}

export function breastRowParser(headerCells: readonly string[], file: string = FILES.breast): RowParser<BreastRow> {
  const at = matchColumns(file, headerCells, BREAST_COLUMNS);
  const width = headerCells.length;
  return (cells, line) => {
    checkFieldCount(file, cells, width, line);
    return readBreastFields(file, at, cells, line);
  };
}

export function findingRowParser(headerCells: readonly string[], file: string = FILES.finding): RowParser<FindingRow> {
  const at = matchColumns(file, headerCells, FINDING_COLUMNS);
  const width = headerCells.length;
  return (cells, line) => {
    checkFieldCount(file, cells, width, line);
    const row = readBreastFields(file, at, cells, line) as FindingRow;
    const categoriesText = cells[at.finding_categories];
    const categories = parsePythonList(categoriesText);
    if (categories === null) {
      throw invalidValue(
        { file, line, column: 'finding_categories' },
        categoriesText,
        `a Python list of quoted names such as ['Mass'] or "['Mass', 'Asymmetry']"`,
      );
    }
    row.categories = categories;
    row.findingBirads = readSpelling(cells[at.finding_birads], FINDING_BIRADS_SPELLINGS, file, line, 'finding_birads');
    row.box = isNoFindingList(categories)
      ? null
      : {
          xmin: readNumberOrNaN(cells[at.xmin]),
          ymin: readNumberOrNaN(cells[at.ymin]),
          xmax: readNumberOrNaN(cells[at.xmax]),
          ymax: readNumberOrNaN(cells[at.ymax]),
        };
    return row;
  };
}

/** What the build takes from a metadata.csv row (the file is read once, for every output). */
export interface MetadataFacts {
  line: number;
  imageId: string;
  ageYears: number | null;
  manufacturer: string;
  model: string;
  photometric: string;
  /** Millimetres per pixel along a row (image-spacing.ts chooseSpacingMm), NaN when the row states none. */
  pixelSpacingMm: number;
}

export function metadataFactsParser(
  headerCells: readonly string[],
  file: string = FILES.metadata,
): RowParser<MetadataFacts> {
  const at = matchColumns(file, headerCells, METADATA_REQUIRED_COLUMNS, METADATA_OPTIONAL_COLUMNS);
  const width = headerCells.length;
  const text = (cells: readonly string[], index: number): string => (index < 0 ? '' : cells[index].trim());
  const spacingMm = spacingCellsReader();
  return (cells, line) => {
    checkFieldCount(file, cells, width, line);
    return {
      line,
      imageId: readId(cells[at['SOP Instance UID']], file, line, 'SOP Instance UID'),
      ageYears: parseDicomAge(cells[at["Patient's Age"]]),
      manufacturer: text(cells, at.Manufacturer),
      model: text(cells, at["Manufacturer's Model Name"]),
      photometric: text(cells, at['Photometric Interpretation']),
      pixelSpacingMm: spacingMm(text(cells, at['Pixel Spacing']), text(cells, at['Imager Pixel Spacing'])),
    };
  };
}
