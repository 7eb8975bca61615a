// Everything the build writes for the site, in one place: the file names (relative to public/), the URLs pages and
// the viewer fetch them from, and the types of their contents. The build writes through src/node/site/output-sink.ts,
// pages load through src/data/site-data.ts, the browser fetches these URLs: none of them spells a path of its own.


/** Site data lives under public/data/ (served at /data/); dwv's decoder workers where dwv looks for them. */
export const DATA_DIR = 'data';
export const WORKERS_DIR = 'viewer/assets/workers';

/** The site's data files, relative to public/. */
export const OUTPUT = {
  /** The statistics (schema: STATS.md); users download it. */
  stats: `${DATA_DIR}/stats.json`,
  /** Every study's row for the study browser (src/lib/studies/study-index.ts). */
  studyIndex: `${DATA_DIR}/studies.json`,
  /** The study index's filter choices and totals, for the pages at build time (src/lib/studies/study-index.ts). */
  studyFacets: `${DATA_DIR}/study-facets.json`,
  /**
   * The release's finding_annotations.csv, copied as it is: the review page rewrites it into the corrected file, so
   * every untouched line stays byte for byte the release's (src/lib/review/corrected-findings.ts).
   */
  findingAnnotations: `${DATA_DIR}/finding_annotations.csv`,
  /** The sample studies, whose DICOMs this build holds, with why each was chosen. */
  samples: `${DATA_DIR}/samples.json`,
  /** Per manufacturer and model, how the DICOM headers under images/ describe their pixels (the vendors page). */
  headerCensus: `${DATA_DIR}/header-census.json`,
  /** The build-time previews of the samples' uncompressed images. */
  previews: `${DATA_DIR}/previews/index.json`,
  /** Every instance of every quality rule (header rule,severity,file,line,study,image,detail); review queues read it. */
  qualityInstances: `${DATA_DIR}/quality-instances.csv`,
} as const;

/** The URL of a file written under public/. */
export function siteUrl(name: string): string {
  return `/${name}`;
}

/** The chunk a study id lives in: its first two characters lower-cased (hex for the release), '_' otherwise. */
function studyChunkKey(studyId: string): string {
  const head = studyId.slice(0, 2).toLowerCase();
  return /^[0-9a-z]{2}$/.test(head) ? head : '_';
}

/** A study's viewer record lives in a chunk shared with the studies whose ids start alike (~20 per chunk here). */
export function studyChunkName(studyId: string): string {
  return `${DATA_DIR}/studies/${studyChunkKey(studyId)}.json`;
}

/** A sample image's DICOM, copied into the build. */
export function dicomName(studyId: string, imageId: string): string {
  return `${DATA_DIR}/images/${studyId}/${imageId}.dicom`;
}

export function previewName(imageId: string): string {
  return `${DATA_DIR}/previews/${imageId}.png`;
}

/** One downsampled 8-bit PNG per uncompressed sample image. */
export interface PreviewEntry {
  /** Site-relative URL of the PNG. */
  url: string;
  width: number;
  height: number;
  /** Edge the chest wall touches in the stored image; null when it could not be told. */
  chestWall: 'left' | 'right' | null;
}

/** previews/index.json: `version` names the preview generator, so a build with a newer one redoes stale previews. */
export interface PreviewManifest {
  version: number;
  images: Record<string, PreviewEntry>;
}
