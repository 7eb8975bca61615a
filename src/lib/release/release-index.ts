// What the breast-level CSV says about each study, breast and image, kept in typed arrays indexed by dense ids.
// A breast is (study, laterality): index study * 2 + (0 for L, 1 for R). Splits are 0 (training) and 1 (test).

import type { BreastRow } from '../types.ts';
import { BIRADS_ALLOWED, DENSITIES, FILES, SPLITS } from '../vocabulary.ts';
import { ensureCapacity, Interner } from './interner.ts';
import type { QualityLog } from './quality-log.ts';

export const SPLIT_CODE = { training: 0, test: 1 } as const;
export const LATERALITY_CODE = { L: 0, R: 1 } as const;
export const VIEW_CODE = { CC: 0, MLO: 1 } as const;
/** The four views of a complete study, in the order of the per-study view counts. */
export const VIEW_NAMES = ['L-CC', 'L-MLO', 'R-CC', 'R-MLO'] as const;

const NO_LABEL = 255;
const biradsCode = (digit: string): number => BIRADS_ALLOWED.indexOf(digit);
const densityCode = (letter: string): number => DENSITIES.indexOf(letter as (typeof DENSITIES)[number]);

export class ReleaseIndex {
  readonly studies = new Interner();
  readonly images = new Interner();
  readonly series = new Interner();
  readonly sizes = new Interner();
  private readonly sizeIds = new Map<number, number>();
  private lastSeries = -1;
  /** Studies and images every per-study and per-image array below has room for (they grow together). */
  private studyCapacity = 0;
  private imageCapacity = 0;

  // per study
  studySplit = new Uint8Array(0);
  studySplitMask = new Uint8Array(0);
  studyFirstImage = new Int32Array(0);
  /** Images per view, 4 per study in VIEW_NAMES order (saturating at 255). */
  studyViews = new Uint8Array(0);

  // per breast
  breastImages = new Uint8Array(0);
  breastBirads = new Uint8Array(0);
  breastDensity = new Uint8Array(0);
  breastFirstLine = new Int32Array(0);
  breastDisagrees = new Uint8Array(0);

  // per image
  imageStudy = new Int32Array(0);
  imageSeries = new Int32Array(0);
  imageLine = new Int32Array(0);
  imageSize = new Int32Array(0);
  /** bit 0 laterality R, bit 1 view MLO, bit 2 row split test, bit 3 listed in the finding file. */
  imageFlags = new Uint8Array(0);
  imageBirads = new Uint8Array(0);
  imageDensity = new Uint8Array(0);

  constructor(private readonly quality: QualityLog) {}

  get studyCount(): number {
    return this.studies.size;
  }

  get imageCount(): number {
    return this.images.size;
  }

  addBreastRow(row: BreastRow): void {
    const imagesBefore = this.images.size;
    // A new image's id is the next one; a repeated row most likely repeats the previous image.
    const image = this.images.addNear(row.imageId, imagesBefore - 1);
    if (this.images.size === imagesBefore) {
      const first = this.imageLine[image];
      this.quality.report('duplicate-image', () => ({
        file: FILES.breast,
        line: row.line,
        study_id: row.studyId,
        image_id: row.imageId,
        detail: `image already listed on line ${first}; this row is ignored`,
      }));
      return;
    }
    const split = SPLIT_CODE[row.split];
    // One check per row; the arrays grow together (ensureCapacity on seven array types per row cost more than
    // the row's own work).
    if (image >= this.imageCapacity) this.growImages(image);
    const study = this.addStudy(row, split, image);
    const lateralityBit = LATERALITY_CODE[row.laterality];
    const viewBit = VIEW_CODE[row.view];
    this.imageStudy[image] = study;
    this.imageSeries[image] = this.series.addNear(row.seriesId, this.lastSeries);
    this.lastSeries = this.imageSeries[image];
    this.imageLine[image] = row.line;
    this.imageSize[image] = this.sizeId(row.height, row.width);
    this.imageFlags[image] = lateralityBit | (viewBit << 1) | (split << 2);
    this.imageBirads[image] = biradsCode(row.birads);
    this.imageDensity[image] = densityCode(row.density);

    const view = study * 4 + lateralityBit * 2 + viewBit;
    if (this.studyViews[view] < 255) this.studyViews[view]++;
    this.addToBreast(row, study * 2 + lateralityBit);
  }

  /** Image size id; sizes are few, so a numeric-key map saves building a key string per row. */
  private sizeId(height: number, width: number): number {
    const key = height * 1_000_000 + width;
    let id = this.sizeIds.get(key);
    if (id === undefined) {
      id = this.sizes.add(`${height}x${width}`);
      this.sizeIds.set(key, id);
    }
    return id;
  }

  private addStudy(row: BreastRow, split: number, image: number): number {
    const studiesBefore = this.studies.size;
    // A study's rows come together: most rows belong to the latest study.
    const known = this.studies.addNear(row.studyId, studiesBefore - 1);
    if (this.studies.size > studiesBefore) {
      const study = known;
      if (study >= this.studyCapacity) this.growStudies(study);
      this.studySplit[study] = split;
      this.studySplitMask[study] = 1 << split;
      this.studyFirstImage[study] = image;
      return study;
    }
    const mask = this.studySplitMask[known];
    if ((mask & (1 << split)) === 0) {
      this.studySplitMask[known] = mask | (1 << split);
      const firstLine = this.imageLine[this.studyFirstImage[known]];
      this.quality.report('study-in-both-splits', () => ({
        file: FILES.breast,
        line: row.line,
        study_id: row.studyId,
        image_id: row.imageId,
        detail: `split ${row.split} here, ${SPLITS[this.studySplit[known]]} on line ${firstLine} (the study counts as ${SPLITS[this.studySplit[known]]})`,
      }));
    }
    return known;
  }

  private addToBreast(row: BreastRow, breast: number): void {
    const birads = biradsCode(row.birads);
    const density = densityCode(row.density);
    if (this.breastImages[breast] === 0) {
      this.breastBirads[breast] = birads;
      this.breastDensity[breast] = density;
      this.breastFirstLine[breast] = row.line;
      this.breastImages[breast] = 1;
      return;
    }
    if (this.breastImages[breast] < 255) this.breastImages[breast]++;
    const previousBirads = this.breastBirads[breast];
    const previousDensity = this.breastDensity[breast];
    if ((birads !== previousBirads || density !== previousDensity) && this.breastDisagrees[breast] === 0) {
      this.breastDisagrees[breast] = 1;
      const firstLine = this.breastFirstLine[breast];
      const parts: string[] = [];
      if (birads !== previousBirads) {
        parts.push(`BI-RADS ${row.birads} here, BI-RADS ${BIRADS_ALLOWED[previousBirads]} on line ${firstLine}`);
      }
      if (density !== previousDensity) {
        parts.push(`DENSITY ${row.density} here, DENSITY ${DENSITIES[previousDensity]} on line ${firstLine}`);
      }
      this.quality.report('view-label-disagreement', () => ({
        file: FILES.breast,
        line: row.line,
        study_id: row.studyId,
        image_id: row.imageId,
        detail: `${row.laterality} breast: ${parts.join('; ')} (counted under the higher)`,
      }));
    }
    // The breast counts under its highest category: 5 over 1, D over A.
    if (birads > previousBirads) this.breastBirads[breast] = birads;
    if (density > previousDensity) this.breastDensity[breast] = density;
  }

  /** The CSV's height × width of an image: the one place that decides an image's size. */
  imageHeightWidth(image: number): [height: number, width: number] {
    const [height, width] = this.sizes.get(this.imageSize[image]).split('x').map(Number);
    return [height, width];
  }

  /** Study split (0 training, 1 test) of an image. */
  splitOfImage(image: number): number {
    return this.studySplit[this.imageStudy[image]];
  }

  /** The breast's BI-RADS digit, or null when the breast has no image. */
  breastBiradsDigit(breast: number): string | null {
    return this.breastImages[breast] === 0 ? null : BIRADS_ALLOWED[this.breastBirads[breast]];
  }

  breastDensityLetter(breast: number): string | null {
    return this.breastImages[breast] === 0 ? null : DENSITIES[this.breastDensity[breast]];
  }

  studyLeaks(study: number): boolean {
    return this.studySplitMask[study] === 3;
  }

  private growStudies(study: number): void {
    this.studyCapacity = Math.max(study + 1, this.studyCapacity * 2, 1024);
    const last = this.studyCapacity - 1;
    this.studySplit = ensureCapacity(this.studySplit, last);
    this.studySplitMask = ensureCapacity(this.studySplitMask, last);
    this.studyFirstImage = ensureCapacity(this.studyFirstImage, last);
    this.studyViews = ensureCapacity(this.studyViews, last * 4 + 3);
    const breast = last * 2 + 1;
    this.breastImages = ensureCapacity(this.breastImages, breast);
    this.breastBirads = ensureCapacity(this.breastBirads, breast, NO_LABEL);
    this.breastDensity = ensureCapacity(this.breastDensity, breast, NO_LABEL);
    this.breastFirstLine = ensureCapacity(this.breastFirstLine, breast);
    this.breastDisagrees = ensureCapacity(this.breastDisagrees, breast);
  }

  private growImages(image: number): void {
    this.imageCapacity = Math.max(image + 1, this.imageCapacity * 2, 1024);
    const last = this.imageCapacity - 1;
    this.imageStudy = ensureCapacity(this.imageStudy, last);
    this.imageSeries = ensureCapacity(this.imageSeries, last);
    this.imageLine = ensureCapacity(this.imageLine, last);
    this.imageSize = ensureCapacity(this.imageSize, last);
    this.imageFlags = ensureCapacity(this.imageFlags, last);
    this.imageBirads = ensureCapacity(this.imageBirads, last);
    this.imageDensity = ensureCapacity(this.imageDensity, last);
  }
}
