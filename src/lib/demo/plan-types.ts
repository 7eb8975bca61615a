// The demo release as a plan: everything the CSV writers and the DICOM renderer need, decided up front by the
// seeded planner. Plain data (no functions), so a plan can be handed to worker threads.

import type { FindingBiradsKey, Laterality, Split, ViewPosition } from '../types.ts';
import type { BreastShape } from './geometry.ts';
import type { Manufacturer, WindowPresets } from './vendors.ts';

/** A lesion's kind; the one that places and sizes a box is its skin/nipple category if any, else its first. */
export type LesionKind =
  | 'mass'
  | 'calcification'
  | 'distortion'
  | 'asymmetry'
  | 'focal-asymmetry'
  | 'global-asymmetry'
  | 'skin-thickening'
  | 'skin-retraction'
  | 'nipple-retraction'
  | 'lymph-node';

export interface BoxPlan {
  categories: string[];
  findingBirads: FindingBiradsKey;
  /** Float32-rounded pixel coordinates, as the release stores them. */
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
  /** Placement kind (see lesionKind); the renderer draws every category of the box. */
  kind: LesionKind;
  /** Seed for the lesion's pixel detail (shared by the CC and MLO boxes of one finding). */
  lesionSeed: number;
}

export interface ImagePlan {
  imageId: string;
  seriesId: string;
  laterality: Laterality;
  view: ViewPosition;
  height: number;
  width: number;
  window: WindowPresets;
  shape: BreastShape;
  boxes: BoxPlan[];
}

export interface BreastLabels {
  birads: string;
  density: string;
}

export interface StudyPlan {
  studyId: string;
  split: Split;
  manufacturer: Manufacturer;
  /** Whole years, or null when the header has no usable age. */
  ageYears: number | null;
  breasts: Record<Laterality, BreastLabels>;
  images: ImagePlan[];
  /** Seed for this study's pixel texture. */
  textureSeed: number;
}

export interface ReleasePlan {
  seed: number;
  studies: StudyPlan[];
  /** Study ids ranked for the DICOM samples: the first 8 together cover every category, BI-RADS 3–5, density,
   *  vendor and photometric interpretation. `--samples N` takes the first N. */
  sampleRanking: string[];
}
