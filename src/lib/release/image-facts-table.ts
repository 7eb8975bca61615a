// Age, vendor, model, photometric interpretation and pixel spacing per image as read from metadata.csv, gathered apart from the accumulator so a large file can be
// read on another thread while the annotation CSVs are read on this one. Everything is in typed arrays and an
// Interner, which cross threads as transferred buffers instead of a million copied strings.

import type { MetadataFacts } from '../csv/rows.ts';
import { ensureCapacity, Interner, type InternerParts } from './interner.ts';

/** An ImageFactsTable as plain data, for postMessage (see transferList). */
export interface ImageFactsParts {
  images: InternerParts;
  ageYears: Float64Array;
  ageLine: Int32Array;
  vendor: Int32Array;
  firstLine: Int32Array;
  rows: Int32Array;
  model: Int32Array;
  photometric: Int32Array;
  pixelSpacingMm: Float32Array;
  vendorNames: string[];
  textNames: string[];
}

export class ImageFactsTable {
  /**
   * The release index's image ids when the file is read on the index's own thread, after the annotation CSVs: row
   * i is then image i of the index, so a million ids are not held twice (~70 MB at 1,000,000 images); `images`
   * holds only the images the index lacks, in rows from `known.size` on. Null on a worker, which has no index.
   */
  readonly known: Interner | null;
  /** First row of an image that `known` lacks (0 without `known`). */
  readonly offset: number;
  /** Ids of the images that `known` lacks (every image without `known`), row - offset → id. */
  readonly images: Interner;
  private lastKnown = -1;
  readonly vendors: Interner;
  /** Model names and photometric interpretations (few distinct values). */
  readonly texts: Interner;
  /** First known age of each image (NaN when none) and the line it came from. */
  ageYears: Float64Array;
  ageLine: Int32Array;
  /** First non-empty Manufacturer of each image, as an index into vendorNames (-1 when none). */
  vendor: Int32Array;
  /** Line of each image's first row, and how many rows name it. */
  firstLine: Int32Array;
  rows: Int32Array;
  /** First non-empty model name and photometric interpretation of each image, as indexes into `texts` (-1 none). */
  model: Int32Array;
  photometric: Int32Array;
  /** First stated pixel spacing of each image (mm along a row), NaN when none. */
  pixelSpacingMm: Float32Array;

  constructor(parts?: ImageFactsParts, known: Interner | null = null) {
    this.known = parts ? null : known;
    this.offset = this.known?.size ?? 0;
    this.images = parts ? Interner.fromParts(parts.images) : new Interner();
    this.vendors = new Interner();
    for (const name of parts?.vendorNames ?? []) this.vendors.add(name);
    this.texts = new Interner();
    for (const name of parts?.textNames ?? []) this.texts.add(name);
    this.ageYears = parts?.ageYears ?? new Float64Array(0);
    this.ageLine = parts?.ageLine ?? new Int32Array(0);
    this.vendor = parts?.vendor ?? new Int32Array(0);
    this.firstLine = parts?.firstLine ?? new Int32Array(0);
    this.rows = parts?.rows ?? new Int32Array(0);
    this.model = parts?.model ?? new Int32Array(0);
    this.photometric = parts?.photometric ?? new Int32Array(0);
    this.pixelSpacingMm = parts?.pixelSpacingMm ?? new Float32Array(0);
    // Sized once for the images the index holds: no doubling, whose old and new arrays would briefly coexist.
    if (this.offset > 0) this.grow(this.offset - 1, this.offset);
  }

  add(facts: MetadataFacts): void {
    let image = this.known ? this.known.findNear(facts.imageId, this.lastKnown) : -1;
    if (image >= 0) {
      this.lastKnown = image;
    } else {
      const before = this.images.size;
      image = this.offset + this.images.add(facts.imageId);
      if (this.images.size > before && image >= this.firstLine.length) this.grow(image);
    }
    if (this.rows[image] === 0) this.firstLine[image] = facts.line;
    this.rows[image]++;
    if (facts.ageYears !== null && Number.isNaN(this.ageYears[image])) {
      this.ageYears[image] = facts.ageYears;
      this.ageLine[image] = facts.line;
    }
    if (facts.manufacturer !== '' && this.vendor[image] === -1) this.vendor[image] = this.vendors.add(facts.manufacturer);
    if (facts.model !== '' && this.model[image] === -1) this.model[image] = this.texts.add(facts.model);
    if (facts.photometric !== '' && this.photometric[image] === -1) this.photometric[image] = this.texts.add(facts.photometric);
    if (!Number.isNaN(facts.pixelSpacingMm) && Number.isNaN(this.pixelSpacingMm[image])) this.pixelSpacingMm[image] = facts.pixelSpacingMm;
  }

  /** Grows every per-image array to the same new length (one check per row instead of eight). */
  private grow(image: number, length = Math.max(image + 1, this.firstLine.length * 2, 1024)): void {
    const last = length - 1;
    this.ageYears = ensureCapacity(this.ageYears, last, Number.NaN);
    this.ageLine = ensureCapacity(this.ageLine, last);
    this.vendor = ensureCapacity(this.vendor, last, -1);
    this.firstLine = ensureCapacity(this.firstLine, last);
    this.rows = ensureCapacity(this.rows, last);
    this.model = ensureCapacity(this.model, last, -1);
    this.photometric = ensureCapacity(this.photometric, last, -1);
    this.pixelSpacingMm = ensureCapacity(this.pixelSpacingMm, last, Number.NaN);
  }

  /** Rows: one per image named (with `known`, also a row, without any, for each known image the file omits). */
  get size(): number {
    return this.offset + this.images.size;
  }

  /** The image id of a row. */
  imageId(row: number): string {
    return this.known && row < this.offset ? this.known.get(row) : this.images.get(row - this.offset);
  }

  toParts(): ImageFactsParts {
    if (this.known) throw new Error('ImageFactsTable.toParts: a table over a release index stays on its thread');
    return {
      images: this.images.toParts(),
      ageYears: this.ageYears,
      ageLine: this.ageLine,
      vendor: this.vendor,
      firstLine: this.firstLine,
      rows: this.rows,
      model: this.model,
      photometric: this.photometric,
      pixelSpacingMm: this.pixelSpacingMm,
      vendorNames: this.vendors.values(),
      textNames: this.texts.values(),
    };
  }
}

/** The buffers of a parts object, to transfer rather than copy. */
export function transferList(parts: ImageFactsParts): ArrayBuffer[] {
  const { images } = parts;
  return [images.slots, images.hashes, images.starts, images.pool, parts.ageYears, parts.ageLine, parts.vendor, parts.firstLine, parts.rows, parts.model, parts.photometric, parts.pixelSpacingMm].map(
    (array) => array.buffer as ArrayBuffer,
  );
}
