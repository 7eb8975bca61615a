// The release's three CSVs as text, in the real files' column orders and spellings (DATASET.md): papaparse
// quotes a field only when it needs it, as pandas does, so a one-item category list stays unquoted.

import Papa from 'papaparse';
import type { ImagePlan, ReleasePlan, StudyPlan } from './plan-types.ts';
import { VENDOR_PROFILES } from './vendors.ts';

const BREAST_COLUMNS = [
  'study_id', 'series_id', 'image_id', 'laterality', 'view_position', 'height', 'width', 'breast_birads', 'breast_density', 'split',
];
const FINDING_COLUMNS = [
  'study_id', 'series_id', 'image_id', 'laterality', 'view_position', 'height', 'width', 'breast_birads', 'breast_density',
  'finding_categories', 'finding_birads', 'xmin', 'ymin', 'xmax', 'ymax', 'split',
];
/** The real header names `SOP Instance UID` twice. */
const METADATA_COLUMNS = [
  'SOP Instance UID', 'Series Instance UID', 'SOP Instance UID', "Patient's Age", 'View Position', 'Image Laterality',
  'Photometric Interpretation', 'Rows', 'Columns', 'Imager Pixel Spacing', 'Pixel Spacing', 'Pixel Padding Value',
  'Pixel Padding Range Limit', 'Window Center', 'Window Width', 'Rescale Intercept', 'Rescale Slope', 'Rescale Type',
  'Window Center & Width Explanation', 'Manufacturer', "Manufacturer's Model Name",
];

function unparse(columns: string[], rows: string[][]): string {
  return Papa.unparse({ fields: columns, data: rows }, { newline: '\n' }) + '\n';
}

/** A float32 coordinate as the release prints it: up to 10 decimals, trailing zeros dropped, `.0` when whole. */
export function formatCoordinate(x: number): string {
  if (Number.isInteger(x)) return `${x}.0`;
  return x.toFixed(10).replace(/0+$/, '');
}

/** A Python list literal, as pandas wrote list cells: ['Mass', 'Skin Thickening']. */
export function pythonList(items: readonly (string | number)[]): string {
  return `[${items.map((x) => (typeof x === 'string' ? `'${x}'` : String(x))).join(', ')}]`;
}

/** DICOM age string: three digits and a unit, e.g. 053Y. */
export function dicomAge(years: number | null): string {
  return years === null ? '' : `${String(years).padStart(3, '0')}Y`;
}

function imageColumns(study: StudyPlan, image: ImagePlan): string[] {
  const b = study.breasts[image.laterality];
  return [study.studyId, image.seriesId, image.imageId, image.laterality, image.view, String(image.height), String(image.width), `BI-RADS ${b.birads}`, `DENSITY ${b.density}`];
}

export function breastLevelCsv(plan: ReleasePlan): string {
  const rows: string[][] = [];
  for (const s of plan.studies) for (const im of s.images) rows.push([...imageColumns(s, im), s.split]);
  return unparse(BREAST_COLUMNS, rows);
}

/** Box rows in study and image order, then one 'No Finding' row per image without boxes, as in the real file. */
export function findingCsv(plan: ReleasePlan): string {
  const boxRows: string[][] = [];
  const emptyRows: string[][] = [];
  for (const s of plan.studies) {
    for (const im of s.images) {
      const base = imageColumns(s, im);
      if (im.boxes.length === 0) {
        emptyRows.push([...base, "['No Finding']", '', '', '', '', '', s.split]);
        continue;
      }
      for (const box of im.boxes) {
        boxRows.push([
          ...base,
          pythonList(box.categories),
          box.findingBirads === 'none' ? '' : `BI-RADS ${box.findingBirads}`,
          formatCoordinate(box.xmin),
          formatCoordinate(box.ymin),
          formatCoordinate(box.xmax),
          formatCoordinate(box.ymax),
          s.split,
        ]);
      }
    }
  }
  return unparse(FINDING_COLUMNS, [...boxRows, ...emptyRows]);
}

function windowCell(values: number[]): string {
  return values.length > 1 ? pythonList(values) : String(values[0]);
}

export function metadataCsv(plan: ReleasePlan): string {
  const rows: string[][] = [];
  for (const s of plan.studies) {
    const p = VENDOR_PROFILES[s.manufacturer];
    const spacing = pythonList([p.pixelSpacingMm, p.pixelSpacingMm]);
    for (const im of s.images) {
      rows.push([
        im.imageId, im.seriesId, im.imageId, dicomAge(s.ageYears), im.view, im.laterality, p.photometric,
        String(im.height), String(im.width), spacing, spacing, String(p.pixelPaddingValue), '',
        windowCell(im.window.centers), windowCell(im.window.widths), '0', '1', p.rescaleType, p.windowExplanation,
        p.manufacturer, p.model,
      ]);
    }
  }
  return unparse(METADATA_COLUMNS, rows);
}
