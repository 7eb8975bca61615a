// The release's spellings, in the order the paper's tables use. Everything that lists categories sorts by these.

import type { DensityLetter, FindingBiradsKey, Split } from './types.ts';

export const SPLITS: readonly Split[] = ['training', 'test'];

/** Breast BI-RADS digits that occur in the release (the schema also allows 0 and 6). */
export const BIRADS: readonly string[] = ['1', '2', '3', '4', '5'];
export const BIRADS_ALLOWED: readonly string[] = ['0', '1', '2', '3', '4', '5', '6'];
export const DENSITIES: readonly DensityLetter[] = ['A', 'B', 'C', 'D'];
export const FINDING_BIRADS: readonly FindingBiradsKey[] = ['3', '4', '5', 'none'];

/** The ten finding categories of Table 5, in its order. 'No Finding' marks an image without boxes. */
export const FINDING_CATEGORIES: readonly string[] = [
  'Mass',
  'Suspicious Calcification',
  'Asymmetry',
  'Focal Asymmetry',
  'Global Asymmetry',
  'Architectural Distortion',
  'Skin Thickening',
  'Skin Retraction',
  'Nipple Retraction',
  'Suspicious Lymph Node',
];
export const NO_FINDING = 'No Finding';

/** The paper's screening grouping (Usage Notes): BI-RADS 3–5 recall, 1 normal, 2 benign. */
export const SCREENING_GROUPS: readonly { key: string; label: string; birads: readonly string[] }[] = [
  { key: 'normal', label: 'Normal (BI-RADS 1)', birads: ['1'] },
  { key: 'benign', label: 'Benign (BI-RADS 2)', birads: ['2'] },
  { key: 'recall', label: 'Recall (BI-RADS 3–5)', birads: ['3', '4', '5'] },
];

/** Release file names. */
export const FILES = {
  breast: 'breast-level_annotations.csv',
  finding: 'finding_annotations.csv',
  metadata: 'metadata.csv',
  images: 'images',
  syntheticMarker: 'SYNTHETIC.txt',
} as const;
