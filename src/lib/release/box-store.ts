// Every box of the release, kept in typed arrays (a few dozen bytes each) so that the study index and the viewer's
// per-study records derive from the same reading as stats.json, without a second pass over the CSV.

import type { Box } from '../types.ts';
import { ensureCapacity } from './interner.ts';

export class BoxStore {
  size = 0;
  /** Dense study id (release-index.ts) of each box. */
  study = new Int32Array(0);
  /** Dense image id, -1 when the breast-level file does not list the image. */
  image = new Int32Array(0);
  /** 1-based line in finding_annotations.csv. */
  line = new Int32Array(0);
  /** xmin, ymin, xmax, ymax per box (NaN where the CSV has no number). */
  coords = new Float64Array(0);
  /** Finding BI-RADS code: 0 → "3", 1 → "4", 2 → "5", 3 → none. */
  birads = new Uint8Array(0);
  /** The categories of box i are categoryIds[categoryStart[i] … categoryStart[i + 1]), in the row's order. */
  categoryStart = new Int32Array(1);
  categoryIds = new Int32Array(0);
  private categoryCount = 0;

  add(study: number, image: number, line: number, box: Box, birads: number, categories: readonly number[]): void {
    const i = this.size++;
    this.study = ensureCapacity(this.study, i);
    this.image = ensureCapacity(this.image, i);
    this.line = ensureCapacity(this.line, i);
    this.coords = ensureCapacity(this.coords, i * 4 + 3);
    this.birads = ensureCapacity(this.birads, i);
    this.categoryStart = ensureCapacity(this.categoryStart, i + 1);
    this.study[i] = study;
    this.image[i] = image;
    this.line[i] = line;
    this.coords.set([box.xmin, box.ymin, box.xmax, box.ymax], i * 4);
    this.birads[i] = birads;
    for (const category of categories) {
      this.categoryIds = ensureCapacity(this.categoryIds, this.categoryCount);
      this.categoryIds[this.categoryCount++] = category;
    }
    this.categoryStart[i + 1] = this.categoryCount;
  }

  categoriesOf(i: number): Int32Array {
    return this.categoryIds.subarray(this.categoryStart[i], this.categoryStart[i + 1]);
  }

  boxOf(i: number): Box {
    const at = i * 4;
    return { xmin: this.coords[at], ymin: this.coords[at + 1], xmax: this.coords[at + 2], ymax: this.coords[at + 3] };
  }
}
