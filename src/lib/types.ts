// The shapes every part of the project agrees on: the parsed rows of the release's CSVs and the stats.json
// contract (schemaVersion 1). Fields marked "contract" are fixed by the spec the README documents; the rest are
// additions the site draws from. Never rename or drop a contract field without bumping schemaVersion.

export type Split = 'training' | 'test';
export type SplitKey = Split | 'all';
export type PerSplit<T> = Record<SplitKey, T>;
export type Laterality = 'L' | 'R';
export type ViewPosition = 'CC' | 'MLO';
/** A breast BI-RADS as its digit ("1" … "5"; the schema allows "0" and "6"). */
export type BiradsDigit = '0' | '1' | '2' | '3' | '4' | '5' | '6';
export type DensityLetter = 'A' | 'B' | 'C' | 'D';
/** A finding's own BI-RADS; "none" when the CSV leaves it empty. */
export type FindingBiradsKey = '3' | '4' | '5' | 'none';

// ---------------------------------------------------------------- parsed rows

/** One row of breast-level_annotations.csv, validated. `line` is the 1-based line number in the file. */
export interface BreastRow {
  line: number;
  studyId: string;
  seriesId: string;
  imageId: string;
  laterality: Laterality;
  view: ViewPosition;
  height: number;
  width: number;
  birads: BiradsDigit;
  density: DensityLetter;
  split: Split;
}

/** Box corners in image pixels (column, row). A coordinate that is not a number is NaN (a quality issue). */
export interface Box {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}

/** One row of finding_annotations.csv, validated. `box` is null on a 'No Finding' row. */
export interface FindingRow extends BreastRow {
  categories: string[];
  findingBirads: FindingBiradsKey;
  box: Box | null;
}

// ---------------------------------------------------------------- stats.json

export interface ChiSquareResult {
  chi2: number;
  df: number;
  pValue: number;
  cramersV: number;
}

/** A split × category table (zero-total categories already dropped) with its test result. */
export interface BalanceAttribute extends ChiSquareResult {
  /** What one count is: "breast", "box", "study", "image". */
  unit: string;
  categories: string[];
  training: number[];
  test: number[];
}

export interface FiveNumber {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

export interface QualityExample {
  file: string;
  line: number;
  study_id: string;
  image_id: string;
  detail: string;
}

export type Severity = 'error' | 'warning' | 'info';

export interface QualityIssue {
  rule: string;
  severity: Severity;
  count: number;
  examples: QualityExample[];
}

export interface AgeBin {
  from: number;
  to: number;
  training: number;
  test: number;
  all: number;
}

export interface RandomBaseline {
  draws: number;
  seed: number;
  trainingShare: number;
  quantiles: { p05: number; p25: number; p50: number; p75: number; p95: number };
  /** Share (0–100) of random draws whose LD is at or below the actual split's LD. */
  actualPercentile: number;
  /** LD histogram of the draws, for the small chart on the audit page. */
  histogram: { from: number; to: number; count: number }[];
}

export interface Stats {
  schemaVersion: 1;
  source: {
    files: Record<string, { sha256: string; rows: number }>;
    /** True when the release folder holds the demo generator's SYNTHETIC.txt marker. */
    synthetic: boolean;
    /** Where ages came from. */
    ageSource: 'metadata.csv' | 'dicom' | 'none';
    /** The release folder's name (not its path), for "built from the release in …". */
    release: string;
    /** What images/ holds: whether it exists, how many of the release's images have a DICOM there, complete studies. */
    images: { folder: boolean; withFile: number; completeStudies: number };
  };
  counts: {
    studies: PerSplit<number>;
    images: PerSplit<number>;
    breasts: PerSplit<number>;
    findings: PerSplit<number>;
  };
  breastBirads: PerSplit<Record<string, number>>;
  breastDensity: PerSplit<Record<string, number>>;
  findingCategories: PerSplit<Record<string, number>>;
  findingRatePer100Images: PerSplit<Record<string, number>>;
  findingBirads: PerSplit<Record<string, Record<FindingBiradsKey, number>>>;
  age: {
    unit: 'study';
    binWidth: number;
    bins: AgeBin[];
    known: PerSplit<number>;
    missing: PerSplit<number>;
    summary: PerSplit<{ mean: number; median: number; min: number; max: number } | null>;
  };
  splitBalance: {
    /** breastBirads, breastDensity, findingCategories, findingBirads, ageBins, vendor. */
    attributes: Record<string, BalanceAttribute>;
    labelDistribution: number;
    examplesDistribution: number;
    randomBaseline: RandomBaseline;
    leakage: {
      /** Studies whose images name both splits (ids, sorted). */
      studies: string[];
      /** Series ids that occur in studies of both splits (ids, sorted). */
      series: string[];
    };
  };
  quality: { issues: QualityIssue[] };

  // ---- additions for the dashboard (not in the original contract, free to extend)

  /** Images per Manufacturer (metadata.csv or DICOM headers); empty objects when neither is present. */
  vendors: PerSplit<Record<string, number>>;
  /** Images whose vendor is unknown (no metadata.csv row or DICOM header names one). */
  vendorsUnknown: PerSplit<number>;
  /** Distinct image sizes (from the breast-level CSV), most frequent first, with the vendor when known. */
  imageSizes: {
    rows: number;
    columns: number;
    /** The vendor of every image of this size, or null when some are unknown or they name several. */
    vendor: string | null;
    /** Images of this size per known vendor (all splits), most first, and how many have no known vendor. */
    byVendor: Record<string, number>;
    unknownVendor: number;
    training: number;
    test: number;
    all: number;
  }[];
  /** Breasts by density letter then BI-RADS digit. */
  densityByBirads: PerSplit<Record<string, Record<string, number>>>;
  boxGeometry: {
    /** Per finding category (each category of a multi-category box once), boxes with numeric coordinates only. */
    size: Record<string, { count: number; widthPx: FiveNumber; heightPx: FiveNumber; aspect: FiveNumber }>;
    /**
     * Where box centres sit, as a cols × rows grid over the image normalised to [0,1]²; right-breast boxes are
     * mirrored horizontally so both sides share one orientation. Row-major counts (index = row * cols + col).
     */
    location: { cols: number; rows: number; all: number[]; byCategory: Record<string, number[]> };
  };
  /**
   * Per category, its boxes on an image of the breast-level file, how many of them are seen in both views (a box of
   * the other view of the same breast shares one of its categories; the rest fire `finding-one-view-only`) and that
   * share in percent (0 when there are no boxes). Absent from a stats.json of an older version.
   */
  findingSeenInBothViews?: PerSplit<Record<string, { boxes: number; seenInBothViews: number; percent: number }>>;
}

// ---------------------------------------------------------------- study index (study browser)

/** One study in the browser's compact index (public/data/studies.json). */
export interface StudySummary {
  id: string;
  split: Split;
  /** BI-RADS digit and density letter per breast; null when that breast has no image. */
  L: { birads: string; density: string } | null;
  R: { birads: string; density: string } | null;
  /** Distinct finding categories in the study. */
  findings: string[];
  /** Distinct finding BI-RADS keys of its boxes. */
  findingBirads: FindingBiradsKey[];
  vendor: string | null;
  boxes: number;
  /** True when this build holds the study's DICOMs (a viewer page exists). */
  hasImages: boolean;
  /** The study's age (first known), for the split workbench; absent in indexes written before it. */
  ageYears?: number | null;
  /** Each box's categories and finding BI-RADS, for the split workbench; absent in older indexes. */
  boxList?: { categories: string[]; findingBirads: FindingBiradsKey }[];
}

// ---------------------------------------------------------------- sample studies (viewer)

/** One box of a sample image, as the viewer draws it. */
export interface SampleBox {
  categories: string[];
  findingBirads: FindingBiradsKey;
  box: Box;
  /** 1-based line in finding_annotations.csv. */
  line: number;
  /** True when an edge runs outside the image (drawn clipped and marked). */
  outOfBounds: boolean;
}

/** One image of a sample study (public/data/samples.json). */
export interface SampleImage {
  imageId: string;
  seriesId: string;
  laterality: Laterality;
  view: ViewPosition;
  /** Site-relative URL of the DICOM, e.g. /data/images/<study_id>/<image_id>.dicom */
  url: string;
  rows: number;
  columns: number;
  birads: string;
  density: string;
  vendor: string | null;
  model: string | null;
  photometric: string | null;
  /** Millimetres per pixel along a row as the DICOM header or metadata.csv states it; null (and source null) when neither does. */
  pixelSpacingMm: number | null;
  pixelSpacingSource: 'dicom' | 'metadata' | null;
  boxes: SampleBox[];
}

/** A study whose DICOMs this build holds, with why it was chosen. */
export interface SampleStudy {
  id: string;
  split: Split;
  /** Why it was picked, e.g. "covers Mass, BI-RADS 5, density D, Planmed (MONOCHROME1)" or "named by the user". */
  reason: string;
  ageYears: number | null;
  images: SampleImage[];
}
