// Turns a chosen study's records into the viewer's SampleStudy (public/data/samples.json): its images in the
// standard hanging order with their boxes in image coordinates, the breast labels, the vendor and the display
// values metadata.csv gives (photometric interpretation, window presets).

import type { FindingRow, MetadataRow, SampleBox, SampleImage, SampleStudy } from '../types.ts';
import { HANGING_SLOTS } from '../viewer/hanging.ts';
import { studyAgeYears, type StudyRecord } from './study-records.ts';

/** Site-relative URL of a copied DICOM. */
export function sampleImageUrl(studyId: string, imageId: string): string {
  return `/data/images/${studyId}/${imageId}.dicom`;
}

export interface SampleStudyResult {
  study: SampleStudy;
  /** Boxes left out because a coordinate is not a number (file line each). */
  skippedBoxLines: number[];
}

export function buildSampleStudy(
  record: StudyRecord,
  metadataOf: (imageId: string) => MetadataRow | undefined,
  reason: string,
): SampleStudyResult {
  const boxesByImage = new Map<string, FindingRow[]>();
  for (const row of record.boxes) {
    const list = boxesByImage.get(row.imageId);
    if (list) list.push(row);
    else boxesByImage.set(row.imageId, [row]);
  }
  const skippedBoxLines: number[] = [];
  // The viewer's hanging order (RCC, LCC, RMLO, LMLO), then file order for repeated views.
  const rank = (image: { laterality: string; view: string }) => {
    const i = HANGING_SLOTS.findIndex((s) => s.laterality === image.laterality && s.view === image.view);
    return i === -1 ? HANGING_SLOTS.length : i;
  };
  const images = [...record.images]
    .sort((a, b) => rank(a) - rank(b) || a.line - b.line)
    .map((image): SampleImage => {
      const meta = metadataOf(image.imageId);
      const boxes: SampleBox[] = [];
      for (const row of boxesByImage.get(image.imageId) ?? []) {
        const box = row.box;
        if (!box || ![box.xmin, box.ymin, box.xmax, box.ymax].every(Number.isFinite)) {
          skippedBoxLines.push(row.line);
          continue;
        }
        boxes.push({
          categories: [...row.categories],
          findingBirads: row.findingBirads,
          box: { xmin: box.xmin, ymin: box.ymin, xmax: box.xmax, ymax: box.ymax },
          line: row.line,
          outOfBounds: box.xmin < 0 || box.ymin < 0 || box.xmax > image.width || box.ymax > image.height,
        });
      }
      return {
        imageId: image.imageId,
        seriesId: image.seriesId,
        laterality: image.laterality,
        view: image.view,
        url: sampleImageUrl(record.id, image.imageId),
        rows: image.height,
        columns: image.width,
        birads: image.birads,
        density: image.density,
        vendor: nonEmpty(meta?.manufacturer),
        model: nonEmpty(meta?.model),
        photometric: nonEmpty(meta?.photometric),
        windowCenter: [...(meta?.windowCenter ?? [])],
        windowWidth: [...(meta?.windowWidth ?? [])],
        boxes,
      };
    });
  return {
    study: { id: record.id, split: record.split, reason, ageYears: studyAgeYears(record, metadataOf), images },
    skippedBoxLines,
  };
}

function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
