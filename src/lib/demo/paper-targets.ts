// The numbers the demo must reproduce: the paper's Tables 3–5 (per split) and the release's published traits.
// Copied from the paper (the same numbers as src/data/paper-tables.json); tests count the generated CSVs and
// compare them with that JSON file, independently of these constants.

import type { Split } from '../types.ts';

export const STUDIES_PER_SPLIT: Record<Split, number> = { training: 4000, test: 1000 };

/** Table 3: breasts per breast BI-RADS digit. */
export const BREAST_BIRADS: Record<Split, Record<string, number>> = {
  training: { '1': 5362, '2': 1871, '3': 372, '4': 305, '5': 90 },
  test: { '1': 1341, '2': 467, '3': 93, '4': 76, '5': 23 },
};

/** Table 4: breasts per density letter. */
export const BREAST_DENSITY: Record<Split, Record<string, number>> = {
  training: { A: 40, B: 764, C: 6116, D: 1080 },
  test: { A: 10, B: 190, C: 1530, D: 270 },
};

/** Table 5: boxes per finding category (a box with several categories counts once for each). */
export const FINDING_CATEGORY_COUNTS: Record<Split, Record<string, number>> = {
  training: {
    Mass: 989,
    'Suspicious Calcification': 428,
    Asymmetry: 77,
    'Focal Asymmetry': 216,
    'Global Asymmetry': 20,
    'Architectural Distortion': 95,
    'Skin Thickening': 45,
    'Skin Retraction': 15,
    'Nipple Retraction': 30,
    'Suspicious Lymph Node': 46,
  },
  test: {
    Mass: 237,
    'Suspicious Calcification': 115,
    Asymmetry: 20,
    'Focal Asymmetry': 53,
    'Global Asymmetry': 6,
    'Architectural Distortion': 24,
    'Skin Thickening': 12,
    'Skin Retraction': 3,
    'Nipple Retraction': 7,
    'Suspicious Lymph Node': 11,
  },
};

/** Traits of the real files (DATASET.md) the demo imitates. */
export const RELEASE_TRAITS = {
  /** Boxes in the real finding CSV; the demo lands near it (Table 5 exactness comes first). */
  findingBoxes: 2254,
  /** Multi-category boxes in the real file. */
  multiCategoryBoxes: 174,
  /** Boxes on BI-RADS 2 breasts (non-BI-RADS findings such as skin thickening). */
  boxesOnBirads2: 12,
  /** Boxes running outside their image. */
  boxesOutOfBounds: 42,
  /** Studies whose images carry more than one series_id. */
  multiSeriesStudies: 28,
  /** Share of images with a known Patient's Age. */
  ageKnownShareOfImages: 0.887,
  /** Studies per manufacturer (images / 4). */
  studiesPerManufacturer: {
    SIEMENS: 3811,
    Planmed: 949,
    'IMS s.r.l.': 184,
    'IMS GIOTTO S.p.A.': 56,
  },
} as const;
