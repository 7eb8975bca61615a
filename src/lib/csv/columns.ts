// Header names of the release's CSVs, as the real files spell them.

export const BREAST_COLUMNS = [
  'study_id',
  'series_id',
  'image_id',
  'laterality',
  'view_position',
  'height',
  'width',
  'breast_birads',
  'breast_density',
  'split',
] as const;

export const FINDING_COLUMNS = [
  ...BREAST_COLUMNS,
  'finding_categories',
  'finding_birads',
  'xmin',
  'ymin',
  'xmax',
  'ymax',
] as const;

/** The columns of metadata.csv this project reads; the first "SOP Instance UID" is the image id. */
export const METADATA_REQUIRED_COLUMNS = ['SOP Instance UID', "Patient's Age"] as const;
export const METADATA_OPTIONAL_COLUMNS = [
  'Manufacturer',
  "Manufacturer's Model Name",
  'Photometric Interpretation',
  'Pixel Spacing',
  'Imager Pixel Spacing',
] as const;

export type BreastColumn = (typeof BREAST_COLUMNS)[number];
