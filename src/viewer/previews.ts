// Draws the build-time previews (src/node/site/viewer-previews.ts) into the four views as soon as the sample list
// and the manifest arrive, before dwv is even loaded: the hanging is visible within a few hundred milliseconds and
// each preview is replaced by dwv's full-resolution view when that is drawn. No dwv import here on purpose.

import { HANGING_SLOTS, hangImages, needsFlip } from '../lib/viewer/hanging.ts';
import type { Prefetch } from './prefetch.ts';

export async function showPreviews(pre: Prefetch, root: ParentNode = document): Promise<void> {
  const [studies, manifest] = await Promise.all([pre.samples.catch(() => []), pre.previews]);
  const study = studies.find((s) => s.id === pre.studyId);
  if (!study) return;
  const { slots } = hangImages(study.images);
  const cells = [...root.querySelectorAll<HTMLElement>('.viewer-cell')];
  slots.forEach((image, index) => {
    const cell = cells[index];
    const entry = image ? manifest.images[image.imageId] : undefined;
    const img = cell?.querySelector<HTMLImageElement>('.viewer-preview');
    if (!cell || !entry || !img) return;
    // Chest wall against the inner edge, as the full-resolution view draws it. A mirrored element also mirrors its
    // object-position, hence the opposite side when flipped.
    const flip = needsFlip(entry.chestWall, HANGING_SLOTS[index].chestWall);
    const toRight = (HANGING_SLOTS[index].chestWall === 'right') !== flip;
    img.classList.add(toRight ? 'object-right' : 'object-left');
    if (flip) img.classList.add('-scale-x-100');
    img.addEventListener(
      'load',
      () => {
        // Full resolution (or an error) may have won the race.
        if (cell.dataset.state === 'ready' || cell.dataset.state === 'error') return;
        img.classList.remove('hidden');
        cell.dataset.state = 'preview';
        // Marked at the next frame, when the preview is painted (the bench reads these marks).
        requestAnimationFrame(() => performance.mark(`viewer:preview:${index}`));
      },
      { once: true },
    );
    img.src = entry.url;
  });
}
