// A study's lesion links as its viewer record carries them: every drawn box of its images, measured with its image's
// pixel spacing (pixel-spacing.ts), linked across CC and MLO (lesion-links.ts).

import type { SampleImage } from '../types.ts';
import { linkLesions, type LesionBox, type StudyLesions } from './lesion-links.ts';
import { pixelSpacingOf } from './pixel-spacing.ts';

export function studyLesions(images: readonly SampleImage[]): StudyLesions {
  const boxes: LesionBox[] = images.flatMap((image) => {
    const stated = image.pixelSpacingMm;
    const spacing = pixelSpacingOf({
      dicomMm: image.pixelSpacingSource === 'dicom' ? stated : null,
      metadataMm: image.pixelSpacingSource === 'metadata' ? stated : null,
      vendor: image.vendor,
    });
    return image.boxes.map((box) => ({
      imageId: image.imageId,
      laterality: image.laterality,
      view: image.view,
      line: box.line,
      categories: box.categories,
      box: box.box,
      columns: image.columns,
      spacing,
    }));
  });
  return linkLesions(boxes);
}
