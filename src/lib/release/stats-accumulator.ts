// The streaming heart of `npm run stats`: takes the release's rows one at a time and, at the end, yields the
// complete stats.json object. Memory grows with the number of images (a few bytes each), never with file size.
//
// Order of calls: every breast-level row, then every finding row, then image facts (metadata.csv rows or DICOM
// headers), then finish(). The breast-level file defines images, breasts and splits; the others attach to it.

import type { FindingRow, Stats, BreastRow } from '../types.ts';
import { FILES } from '../vocabulary.ts';
import type { AccumulatedRelease, AgeSource, StatsSource } from './accumulated-release.ts';
import { assembleStats } from './assemble-stats.ts';
import { BoxTally } from './box-tally.ts';
import type { ImageFactsTable } from './image-facts-table.ts';
import { ImageSpacing } from './image-spacing.ts';
import { ensureCapacity, Interner } from './interner.ts';
import { QualityLog } from './quality-log.ts';
import { ReleaseIndex, VIEW_NAMES } from './release-index.ts';
import { seenInBothViewsStats, tallyBothViews } from './view-agreement.ts';

/** What the build takes from an image's DICOM header, read from the file or from its metadata.csv row. */
export interface ImageHeaderFacts {
  imageId: string;
  ageYears: number | null;
  manufacturer: string;
  model: string;
  photometric: string;
}

type Phase = 'breast' | 'finding' | 'facts' | 'finished';
const PHASE_ORDER: Phase[] = ['breast', 'finding', 'facts', 'finished'];
const IN_FINDING_FILE = 8;

export class StatsAccumulator implements AccumulatedRelease {
  readonly quality = new QualityLog();
  readonly index = new ReleaseIndex(this.quality);
  readonly boxes = new BoxTally(this.index, this.quality);
  readonly vendors = new Interner();
  /** Vendor id per image, -1 when unknown. */
  imageVendor = new Int32Array(0);
  /** Model names and photometric interpretations, and their ids per image (-1 when unknown). */
  readonly texts = new Interner();
  imageModel = new Int32Array(0);
  imagePhotometric = new Int32Array(0);
  /** Pixel spacing per image as the header or metadata.csv states it (the header wins). */
  readonly spacing = new ImageSpacing();
  /** 1 where <release>/images/<study_id>/<image_id>.dicom exists (markImageFile). */
  imageFile = new Uint8Array(0);
  /** Whether the release has an images/ folder at all. */
  imagesFolder = false;
  /** Age in years per study, NaN when unknown. */
  studyAge = new Float64Array(0);
  /** Line the study's age came from: the first known age in file order wins. */
  private studyAgeLine = new Int32Array(0);
  private phase: Phase = 'breast';

  addBreastRow(row: BreastRow): void {
    this.enter('breast');
    this.index.addBreastRow(row);
  }

  addFindingRow(row: FindingRow): void {
    this.enter('finding');
    this.boxes.addFindingRow(row);
  }

  /**
   * Attaches an image's age (to its study: age is per exam, first known age wins) and its vendor, model and
   * photometric interpretation (the first non-empty one of each wins).
   */
  addImageFacts(facts: ImageHeaderFacts, where: { file: string; line: number }): void {
    this.enter('facts');
    const image = this.index.images.find(facts.imageId);
    if (image < 0) {
      this.quality.report('metadata-image-unknown', () => ({
        file: where.file,
        line: where.line,
        study_id: '',
        image_id: facts.imageId,
        detail: `image not listed in ${FILES.breast}; ignored`,
      }));
      return;
    }
    const text = (value: string) => (value === '' ? -1 : this.texts.add(value));
    this.setImageFacts(image, facts.ageYears, where.line, facts.manufacturer === '' ? -1 : this.vendors.add(facts.manufacturer), text(facts.model), text(facts.photometric));
  }

  /**
   * Attaches a whole metadata table at once (read on another thread). Same outcome as adding its rows one by one:
   * an image's vendor is its first non-empty Manufacturer, a study's age the first known age in file order.
   */
  addImageFactsTable(table: ImageFactsTable, file: string): void {
    this.enter('facts');
    const vendorIds = table.vendors.values().map((name) => this.vendors.add(name));
    const textIds = table.texts.values().map((name) => this.texts.add(name));
    const text = (id: number) => (id < 0 ? -1 : textIds[id]);
    let previous = -1;
    const shared = table.known === this.index.images;
    for (let row = 0; row < table.size; row++) {
      // A known image metadata.csv does not name.
      if (table.rows[row] === 0) continue;
      const image = shared ? (row < table.offset ? row : -1) : this.index.images.findFromNear(table.images, row, previous);
      if (image >= 0) previous = image;
      if (image < 0) {
        for (let i = 0; i < table.rows[row]; i++) {
          this.quality.report('metadata-image-unknown', () => ({
            file,
            line: table.firstLine[row],
            study_id: '',
            image_id: table.imageId(row),
            detail: `image not listed in ${FILES.breast}; ignored`,
          }));
        }
        continue;
      }
      const age = table.ageYears[row];
      const vendor = table.vendor[row];
      this.setImageFacts(image, Number.isNaN(age) ? null : age, table.ageLine[row], vendor < 0 ? -1 : vendorIds[vendor], text(table.model[row]), text(table.photometric[row]));
      this.spacing.set(image, table.pixelSpacingMm[row], 'metadata', this.index.imageCount - 1);
    }
  }

  private setImageFacts(image: number, ageYears: number | null, line: number, vendor: number, model: number, photometric: number): void {
    const last = this.index.imageCount - 1;
    if (vendor >= 0) {
      this.imageVendor = ensureCapacity(this.imageVendor, last, -1);
      if (this.imageVendor[image] === -1) this.imageVendor[image] = vendor;
    }
    if (model >= 0) {
      this.imageModel = ensureCapacity(this.imageModel, last, -1);
      if (this.imageModel[image] === -1) this.imageModel[image] = model;
    }
    if (photometric >= 0) {
      this.imagePhotometric = ensureCapacity(this.imagePhotometric, last, -1);
      if (this.imagePhotometric[image] === -1) this.imagePhotometric[image] = photometric;
    }
    if (ageYears !== null) {
      const study = this.index.imageStudy[image];
      this.studyAge = ensureCapacity(this.studyAge, this.index.studyCount - 1, Number.NaN);
      this.studyAgeLine = ensureCapacity(this.studyAgeLine, this.index.studyCount - 1);
      if (Number.isNaN(this.studyAge[study]) || line < this.studyAgeLine[study]) {
        this.studyAge[study] = ageYears;
        this.studyAgeLine[study] = line;
      }
    }
  }

  /** Notes that the release holds this image's DICOM file; files of images the CSVs do not list are ignored. */
  markImageFile(imageId: string): void {
    const image = this.index.images.find(imageId);
    if (image < 0) return;
    this.imageFile = ensureCapacity(this.imageFile, this.index.imageCount - 1);
    this.imageFile[image] = 1;
  }

  /** Dense ids of the images whose DICOM file exists, in file order. */
  imagesWithFiles(): number[] {
    const ids: number[] = [];
    for (let image = 0; image < this.imageFile.length && image < this.index.imageCount; image++) {
      if (this.imageFile[image] === 1) ids.push(image);
    }
    return ids;
  }

  /** Where an image's DICOM lives in the release, relative to its root. */
  imageFilePath(image: number): string {
    return `${FILES.images}/${this.index.studies.get(this.index.imageStudy[image])}/${this.index.images.get(image)}.dicom`;
  }

  /** A DICOM header the build read: its size is checked against the CSV (the boxes' coordinates assume it). */
  checkImageSize(image: number, rows: number | null, columns: number | null): void {
    const [height, width] = this.index.imageHeightWidth(image);
    if (rows === null || columns === null || (rows === height && columns === width)) return;
    this.quality.report('dicom-size-mismatch', () => ({
      file: FILES.breast,
      line: this.index.imageLine[image],
      study_id: this.index.studies.get(this.index.imageStudy[image]),
      image_id: this.index.images.get(image),
      detail: `${this.imageFilePath(image)}: ${rows}×${columns} (rows × columns) in the DICOM, ${height}×${width} in the CSV`,
    }));
  }

  /** An existing DICOM file whose header could not be read: its age and vendor stay unknown. */
  reportUnreadableImage(image: number, reason: string): void {
    this.quality.report('dicom-unreadable', () => ({
      file: FILES.breast,
      line: this.index.imageLine[image],
      study_id: this.index.studies.get(this.index.imageStudy[image]),
      image_id: this.index.images.get(image),
      detail: `${this.imageFilePath(image)}: ${reason}`,
    }));
  }

  finish(source: StatsSource): Stats {
    this.enter('finished');
    this.sizeArrays();
    this.boxes.checkBoxesOnNegativeBreasts();
    this.reportMissingViews();
    this.reportImagesNotInBothFiles();
    this.reportMissingAges(source.ageSource);
    const bothViews = tallyBothViews(this.boxes.store, this.index, this.boxes.categories, this.quality);
    const stats = assembleStats(this, source);
    stats.findingSeenInBothViews = seenInBothViewsStats(bothViews, Object.keys(stats.findingCategories.all), this.boxes.categories);
    return stats;
  }

  /** Sizes every per-image and per-study array to the release (reading past the input's end gives defined values). */
  sizeArrays(): void {
    this.imageVendor = ensureCapacity(this.imageVendor, this.index.imageCount, -1);
    this.imageFile = ensureCapacity(this.imageFile, this.index.imageCount);
    this.imageModel = ensureCapacity(this.imageModel, this.index.imageCount, -1);
    this.imagePhotometric = ensureCapacity(this.imagePhotometric, this.index.imageCount, -1);
    this.boxes.studyBoxes = ensureCapacity(this.boxes.studyBoxes, this.index.studyCount);
    this.boxes.studyFindingBirads = ensureCapacity(this.boxes.studyFindingBirads, this.index.studyCount);
    this.studyAge = ensureCapacity(this.studyAge, this.index.studyCount, Number.NaN);
    this.boxes.studyCategories = ensureCapacity(this.boxes.studyCategories, this.index.studyCount);
  }

  private enter(phase: Phase): void {
    if (PHASE_ORDER.indexOf(phase) < PHASE_ORDER.indexOf(this.phase)) {
      throw new Error(`StatsAccumulator: ${phase} input after ${this.phase} input (order: breast, finding, facts)`);
    }
    this.phase = phase;
  }

  private reportMissingViews(): void {
    const { index } = this;
    for (let study = 0; study < index.studyCount; study++) {
      const wrong: string[] = [];
      for (let v = 0; v < 4; v++) {
        const count = index.studyViews[study * 4 + v];
        if (count !== 1) wrong.push(`${VIEW_NAMES[v]} ×${count}`);
      }
      if (wrong.length === 0) continue;
      const image = index.studyFirstImage[study];
      this.quality.report('missing-view', () => ({
        file: FILES.breast,
        line: index.imageLine[image],
        study_id: index.studies.get(study),
        image_id: index.images.get(image),
        detail: `expected one image per view: ${wrong.join(', ')}`,
      }));
    }
  }

  private reportImagesNotInBothFiles(): void {
    const { index } = this;
    for (let image = 0; image < index.imageCount; image++) {
      if (index.imageFlags[image] & IN_FINDING_FILE) continue;
      this.quality.report('image-not-in-both-files', () => ({
        file: FILES.breast,
        line: index.imageLine[image],
        study_id: index.studies.get(index.imageStudy[image]),
        image_id: index.images.get(image),
        detail: `not in ${FILES.finding}`,
      }));
    }
    for (const [imageId, { line, studyId }] of this.boxes.unlistedImages) {
      this.quality.report('image-not-in-both-files', () => ({
        file: FILES.finding,
        line,
        study_id: studyId,
        image_id: imageId,
        detail: `not in ${FILES.breast}`,
      }));
    }
  }

  private reportMissingAges(ageSource: AgeSource): void {
    const { index } = this;
    const studyFiles = new Uint8Array(index.studyCount);
    for (let image = 0; image < index.imageCount; image++) if (this.imageFile[image]) studyFiles[index.imageStudy[image]] = 1;
    for (let study = 0; study < index.studyCount; study++) {
      if (!Number.isNaN(this.studyAge[study])) continue;
      const image = index.studyFirstImage[study];
      const reason =
        ageSource === 'metadata.csv'
          ? `no usable Patient's Age in ${FILES.metadata}`
          : ageSource === 'none'
            ? `no ${FILES.metadata} and no ${FILES.images}/ folder`
            : studyFiles[study]
              ? 'no usable PatientAge in the DICOM headers of its files'
              : `no ${FILES.metadata} and none of its DICOM files under ${FILES.images}/`;
      this.quality.report('age-missing', () => ({
        file: FILES.breast,
        line: index.imageLine[image],
        study_id: index.studies.get(study),
        image_id: index.images.get(image),
        detail: reason,
      }));
    }
  }
}
