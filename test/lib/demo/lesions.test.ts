// Every box of the sample studies gets a visible lesion drawn inside it, and the stored values follow the
// photometric interpretation (MONOCHROME1 inverted).

import { describe, expect, it } from 'vitest';
import { outlineDepth } from '../../../src/lib/demo/geometry.ts';
import { planRelease } from '../../../src/lib/demo/plan-release.ts';
import type { ImagePlan } from '../../../src/lib/demo/plan-types.ts';
import { drawBoxLesions } from '../../../src/lib/demo/render/lesions.ts';
import type { Canvas } from '../../../src/lib/demo/render/lesions.ts';

const plan = planRelease();
const samples = plan.sampleRanking.slice(0, 8).map((id) => plan.studies.find((s) => s.studyId === id)!);

/** A flat-tissue patch around the box: 0.45 inside the breast outline, air outside. */
function patch(image: ImagePlan, box: ImagePlan['boxes'][number]): Canvas {
  const m = 80;
  const x0 = Math.max(0, Math.floor(box.xmin - m));
  const y0 = Math.max(0, Math.floor(box.ymin - m));
  const w = Math.min(image.width, Math.ceil(box.xmax + m)) - x0;
  const h = Math.min(image.height, Math.ceil(box.ymax + m)) - y0;
  const data = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const reach = outlineDepth(image.shape, (y0 + y + 0.5) / image.height) * image.width;
    for (let x = 0; x < w; x++) {
      const u = image.shape.laterality === 'L' ? x0 + x : image.width - (x0 + x);
      data[y * w + x] = u < reach ? 0.45 : 0;
    }
  }
  return { data, x0, y0, w, h, width: image.width, height: image.height, shape: image.shape };
}

describe('drawBoxLesions', () => {
  const cases = samples.flatMap((s) => s.images.flatMap((image) => image.boxes.map((box) => ({ image, box, name: `${box.categories.join('+')} on ${image.laterality}-${image.view} of ${s.studyId.slice(0, 8)}` }))));

  it('has boxes of every kind to check', () => {
    expect(new Set(cases.map((c) => c.box.kind)).size).toBeGreaterThanOrEqual(9);
  });

  it.each(cases)('draws a visible lesion inside the box: $name', ({ image, box }) => {
    const canvas = patch(image, box);
    const before = canvas.data.slice();
    drawBoxLesions(canvas, box, box.findingBirads);
    let changed = 0;
    let maxDelta = 0;
    let inBox = 0;
    for (let y = Math.max(canvas.y0, Math.floor(box.ymin)); y < Math.min(canvas.y0 + canvas.h, box.ymax); y++) {
      for (let x = Math.max(canvas.x0, Math.floor(box.xmin)); x < Math.min(canvas.x0 + canvas.w, box.xmax); x++) {
        const i = (y - canvas.y0) * canvas.w + (x - canvas.x0);
        const d = Math.abs(canvas.data[i] - before[i]);
        inBox++;
        if (d > 0.05) changed++;
        maxDelta = Math.max(maxDelta, d);
      }
    }
    expect(maxDelta).toBeGreaterThan(0.15);
    // At least a small share of the box's pixels visibly changed (calcifications are specks; masses fill it).
    expect(changed / inBox).toBeGreaterThan(0.004);
  });
});
