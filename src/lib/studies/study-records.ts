// Groups the release's rows by study as they stream past: each study's images, breasts and boxes. The study
// browser's index (study-index.ts) and the sample choice (sample-selection.ts) are both computed from these records,
// so the counting rules live in one place and agree with stats.json: a study belongs to the split of its first
// image, a breast whose images disagree takes the highest BI-RADS and density, a box is a finding row whose
// categories are not ['No Finding'].

import type { BreastRow, FindingRow, Laterality, MetadataRow, Split } from '../types.ts';
import { NO_FINDING } from '../vocabulary.ts';

/** What studyVendor and studyAgeYears read of an image's metadata.csv row. */
export type StudyFacts = Pick<MetadataRow, 'ageYears' | 'manufacturer'>;

export interface BreastLabels {
  birads: string;
  density: string;
}

export interface StudyRecord {
  id: string;
  split: Split;
  /** The study's rows of breast-level_annotations.csv, in file order. */
  images: BreastRow[];
  /** Per laterality; absent when the breast has no image. */
  breasts: Partial<Record<Laterality, BreastLabels>>;
  /** Its finding rows that carry a box (not 'No Finding'), in file order. */
  boxes: FindingRow[];
}

export interface StudyCollector {
  addBreastRow(row: BreastRow): void;
  addFindingRow(row: FindingRow): void;
  /** The collected studies, sorted by id. Finding rows of studies absent from the breast-level file are dropped. */
  studies(): StudyRecord[];
}

export function isBoxRow(row: FindingRow): boolean {
  return !(row.categories.length === 1 && row.categories[0] === NO_FINDING) && row.categories.length > 0;
}

export function createStudyCollector(): StudyCollector {
  const byId = new Map<string, StudyRecord>();
  const boxesByStudy = new Map<string, FindingRow[]>();
  return {
    addBreastRow(row) {
      let record = byId.get(row.studyId);
      if (!record) {
        record = { id: row.studyId, split: row.split, images: [], breasts: {}, boxes: [] };
        byId.set(row.studyId, record);
      }
      record.images.push(row);
      const known = record.breasts[row.laterality];
      record.breasts[row.laterality] = known
        ? { birads: maxLabel(known.birads, row.birads), density: maxLabel(known.density, row.density) }
        : { birads: row.birads, density: row.density };
    },
    addFindingRow(row) {
      if (!isBoxRow(row)) return;
      const list = boxesByStudy.get(row.studyId);
      if (list) list.push(row);
      else boxesByStudy.set(row.studyId, [row]);
    },
    studies() {
      const records = [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
      for (const record of records) record.boxes = boxesByStudy.get(record.id) ?? [];
      return records;
    },
  };
}

/** Ids compare by code unit, so the order is the same in every locale (and equals `sort` on hex ids). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Digits and letters both order by code unit: "5" over "1", "D" over "A". */
function maxLabel(a: string, b: string): string {
  return b > a ? b : a;
}

/**
 * The study's vendor: the Manufacturer most of its images name in metadata.csv (ties → alphabetical first), or
 * null when none of them has one.
 */
export function studyVendor(record: StudyRecord, metadataOf: (imageId: string) => StudyFacts | undefined): string | null {
  const counts = new Map<string, number>();
  for (const image of record.images) {
    const vendor = metadataOf(image.imageId)?.manufacturer.trim();
    if (vendor) counts.set(vendor, (counts.get(vendor) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [vendor, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && compareIds(vendor, best) < 0)) {
      best = vendor;
      bestCount = count;
    }
  }
  return best;
}

/** The first known age among the study's images (age is per exam). */
export function studyAgeYears(record: StudyRecord, metadataOf: (imageId: string) => StudyFacts | undefined): number | null {
  for (const image of record.images) {
    const age = metadataOf(image.imageId)?.ageYears;
    if (age !== null && age !== undefined) return age;
  }
  return null;
}
