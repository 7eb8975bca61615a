// Counts what finding_annotations.csv says: boxes per split, per category and finding BI-RADS, box geometry, and
// the box-level quality rules; and keeps every box (box-store.ts) and per study its box count and finding BI-RADS,
// for the study index and the viewer. Which rows are boxes, of which categories: finding-rows.ts.

import type { Box, FindingBiradsKey, FindingRow } from '../types.ts';
import { BIRADS_ALLOWED, DENSITIES, FILES, FINDING_CATEGORIES, SPLITS } from '../vocabulary.ts';
import { BoxStore } from './box-store.ts';
import { boxCategories, isBoxRow } from './finding-rows.ts';
import { detachString, ensureCapacity, Interner } from './interner.ts';
import type { QualityLog } from './quality-log.ts';
import { LATERALITY_CODE, SPLIT_CODE, VIEW_CODE, type ReleaseIndex } from './release-index.ts';

/** Side of the box-centre location grid. */
export const LOCATION_GRID = { cols: 10, rows: 10 } as const;
const GRID_CELLS = LOCATION_GRID.cols * LOCATION_GRID.rows;
const IN_FINDING_FILE = 8;
const FINDING_BIRADS_CODE: Record<FindingBiradsKey, number> = { '3': 0, '4': 1, '5': 2, none: 3 };

/** Sizes and centre locations of one category's boxes. */
interface CategoryGeometry {
  widths: number[];
  heights: number[];
  location: Int32Array;
}

export class BoxTally {
  /** Categories seen, Table 5's order first. */
  readonly categories = new Interner();
  /** boxes[split] */
  readonly boxes = [0, 0];
  /** boxBirads[split][finding BI-RADS code]: boxes by their own BI-RADS (3, 4, 5, none). */
  readonly boxBirads = [new Array(4).fill(0) as number[], new Array(4).fill(0) as number[]];
  /** categoryBoxes[split][category] */
  readonly categoryBoxes: number[][] = [[], []];
  /** categoryBirads[split][category][finding BI-RADS code] */
  readonly categoryBirads: number[][][] = [[], []];
  /** Bit per category (first 32) of the boxes in each study, for the split-balance labels. */
  studyCategories = new Uint32Array(0);
  /** Boxes per study, and a bit per finding BI-RADS code (3, 4, 5, none) of its boxes. */
  studyBoxes = new Int32Array(0);
  studyFindingBirads = new Uint8Array(0);
  /** Every box whose study the breast-level file lists, in file order. */
  readonly store = new BoxStore();
  readonly geometry: CategoryGeometry[] = [];
  readonly locationAll = new Int32Array(GRID_CELLS);
  /** Images of the finding file that the breast-level file does not list: id → first line and study. */
  readonly unlistedImages = new Map<string, { line: number; studyId: string }>();
  // Boxes on listed images, checked against their breast's final BI-RADS once all breast rows are in.
  private boxBreast = new Int32Array(0);
  private boxLine = new Int32Array(0);
  private boxImage = new Int32Array(0);
  private deferredBoxes = 0;
  private lastImage = -1;

  constructor(
    private readonly index: ReleaseIndex,
    private readonly quality: QualityLog,
  ) {
    for (const category of FINDING_CATEGORIES) this.addCategory(category);
  }

  addFindingRow(row: FindingRow): void {
    // The finding file lists images in the breast-level file's order: try the previous row's image and the next.
    const image = this.index.images.findNear(row.imageId, this.lastImage);
    if (image >= 0) this.lastImage = image;
    if (image >= 0) {
      this.index.imageFlags[image] |= IN_FINDING_FILE;
      this.checkAgainstBreastRow(row, image);
    } else if (!this.unlistedImages.has(row.imageId)) {
      this.unlistedImages.set(detachString(row.imageId), { line: row.line, studyId: detachString(row.studyId) });
    }
    if (!isBoxRow(row)) return;

    const study = image >= 0 ? this.index.imageStudy[image] : this.index.studies.find(row.studyId);
    const split = study >= 0 ? this.index.studySplit[study] : SPLIT_CODE[row.split];
    const birads = FINDING_BIRADS_CODE[row.findingBirads];
    this.boxes[split]++;
    this.boxBirads[split][birads]++;

    const measurable = this.checkBox(row, row.box);
    const categoryIds = boxCategories(row).map((name) => this.addCategory(name));
    if (study >= 0) {
      this.studyBoxes = ensureCapacity(this.studyBoxes, study);
      this.studyFindingBirads = ensureCapacity(this.studyFindingBirads, study);
      this.studyBoxes[study]++;
      this.studyFindingBirads[study] |= 1 << birads;
      this.store.add(study, image, row.line, row.box, birads, categoryIds);
    }
    for (const category of categoryIds) {
      this.categoryBoxes[split][category]++;
      this.categoryBirads[split][category][birads]++;
      if (study >= 0 && category < 32) {
        this.studyCategories = ensureCapacity(this.studyCategories, study);
        this.studyCategories[study] |= 1 << category;
      }
      if (measurable) this.addGeometry(this.geometry[category], row, row.box);
    }
    if (measurable) this.locationAll[locationCell(row, row.box)]++;

    if (image >= 0) {
      this.deferBreastCheck(study * 2 + LATERALITY_CODE[row.laterality], row.line, image);
    } else if (row.birads === '1') {
      this.reportNegativeBreast(row.line, row.studyId, row.imageId, row.laterality);
    }
  }

  /** Reports boxes on breasts whose final (highest) BI-RADS is 1. Call once, after every row. */
  checkBoxesOnNegativeBreasts(): void {
    for (let i = 0; i < this.deferredBoxes; i++) {
      const breast = this.boxBreast[i];
      if (this.index.breastBiradsDigit(breast) !== '1') continue;
      const image = this.boxImage[i];
      const studyId = this.index.studies.get(this.index.imageStudy[image]);
      const laterality = breast % 2 === 0 ? 'L' : 'R';
      this.reportNegativeBreast(this.boxLine[i], studyId, this.index.images.get(image), laterality);
    }
  }

  private reportNegativeBreast(line: number, studyId: string, imageId: string, laterality: string): void {
    this.quality.report('finding-on-negative-breast', () => ({
      file: FILES.finding,
      line,
      study_id: studyId,
      image_id: imageId,
      detail: `box on the ${laterality} breast, assessed BI-RADS 1`,
    }));
  }

  private deferBreastCheck(breast: number, line: number, image: number): void {
    const i = this.deferredBoxes++;
    this.boxBreast = ensureCapacity(this.boxBreast, i);
    this.boxLine = ensureCapacity(this.boxLine, i);
    this.boxImage = ensureCapacity(this.boxImage, i);
    this.boxBreast[i] = breast;
    this.boxLine[i] = line;
    this.boxImage[i] = image;
  }

  private addCategory(name: string): number {
    const category = this.categories.add(name);
    if (category === this.geometry.length) {
      for (const split of [0, 1]) {
        this.categoryBoxes[split].push(0);
        this.categoryBirads[split].push([0, 0, 0, 0]);
      }
      this.geometry.push({ widths: [], heights: [], location: new Int32Array(GRID_CELLS) });
    }
    return category;
  }

  /** Reports a degenerate or out-of-bounds box; true when its size and place can be measured. */
  private checkBox(row: FindingRow, box: Box): boolean {
    const notNumbers = (['xmin', 'ymin', 'xmax', 'ymax'] as const).filter((edge) => Number.isNaN(box[edge]));
    let degenerate: string | null = null;
    if (notNumbers.length > 0) degenerate = `${notNumbers.join(', ')} missing or not a number`;
    else if (box.xmin >= box.xmax) degenerate = `xmin ${box.xmin} ≥ xmax ${box.xmax}`;
    else if (box.ymin >= box.ymax) degenerate = `ymin ${box.ymin} ≥ ymax ${box.ymax}`;
    if (degenerate !== null) {
      const detail = degenerate;
      this.quality.report('box-degenerate', () => ({
        file: FILES.finding,
        line: row.line,
        study_id: row.studyId,
        image_id: row.imageId,
        detail,
      }));
      return false;
    }
    const outside: string[] = [];
    if (box.xmin < 0) outside.push(`xmin ${box.xmin} < 0`);
    if (box.ymin < 0) outside.push(`ymin ${box.ymin} < 0`);
    if (box.xmax > row.width) outside.push(`xmax ${box.xmax} > width ${row.width}`);
    if (box.ymax > row.height) outside.push(`ymax ${box.ymax} > height ${row.height}`);
    if (outside.length > 0) {
      this.quality.report('box-out-of-bounds', () => ({
        file: FILES.finding,
        line: row.line,
        study_id: row.studyId,
        image_id: row.imageId,
        detail: outside.join('; '),
      }));
    }
    return true;
  }

  private addGeometry(geometry: CategoryGeometry, row: FindingRow, box: Box): void {
    geometry.widths.push(box.xmax - box.xmin);
    geometry.heights.push(box.ymax - box.ymin);
    geometry.location[locationCell(row, box)]++;
  }

  /** A finding row must describe its image as the breast-level file does. */
  private checkAgainstBreastRow(row: FindingRow, image: number): void {
    const index = this.index;
    const flags = index.imageFlags[image];
    const study = index.imageStudy[image];
    // Nearly every row agrees: decide that with comparisons alone, and spell out the differences only otherwise.
    if (
      index.studies.matches(study, row.studyId) &&
      LATERALITY_CODE[row.laterality] === (flags & 1) &&
      VIEW_CODE[row.view] === (flags & 2) >> 1 &&
      BIRADS_ALLOWED[index.imageBirads[image]] === row.birads &&
      DENSITIES[index.imageDensity[image]] === row.density &&
      SPLITS[(flags >> 2) & 1] === row.split
    ) {
      return;
    }
    const line = index.imageLine[image];
    const differences: string[] = [];
    if (!index.studies.matches(study, row.studyId)) {
      differences.push(`study_id ${row.studyId} here, ${index.studies.get(study)}`);
    }
    const laterality = flags & 1 ? 'R' : 'L';
    if (laterality !== row.laterality) differences.push(`laterality ${row.laterality} here, ${laterality}`);
    const view = flags & 2 ? 'MLO' : 'CC';
    if (VIEW_CODE[row.view] !== (flags & 2) >> 1) differences.push(`view_position ${row.view} here, ${view}`);
    const birads = BIRADS_ALLOWED[index.imageBirads[image]];
    if (birads !== row.birads) differences.push(`breast_birads BI-RADS ${row.birads} here, BI-RADS ${birads}`);
    const density = DENSITIES[index.imageDensity[image]];
    if (density !== row.density) differences.push(`breast_density DENSITY ${row.density} here, DENSITY ${density}`);
    const split = SPLITS[(flags >> 2) & 1];
    if (split !== row.split) differences.push(`split ${row.split} here, ${split}`);
    if (differences.length === 0) return;
    this.quality.report('finding-row-mismatch', () => ({
      file: FILES.finding,
      line: row.line,
      study_id: row.studyId,
      image_id: row.imageId,
      detail: `${differences.join('; ')} on breast-level line ${line}`,
    }));
  }
}

/** Grid cell of the box centre; right breasts mirrored so both sides share one orientation. */
function locationCell(row: FindingRow, box: Box): number {
  let x = (box.xmin + box.xmax) / 2 / row.width;
  const y = (box.ymin + box.ymax) / 2 / row.height;
  if (row.laterality === 'R') x = 1 - x;
  const col = Math.min(LOCATION_GRID.cols - 1, Math.max(0, Math.floor(x * LOCATION_GRID.cols)));
  const gridRow = Math.min(LOCATION_GRID.rows - 1, Math.max(0, Math.floor(y * LOCATION_GRID.rows)));
  return gridRow * LOCATION_GRID.cols + col;
}
