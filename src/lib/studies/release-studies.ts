// Per-study views of the release index (the one reading, src/lib/release/): each study's images and boxes in file
// order, its vendor and age, its row of the study browser's index (studies.json), its viewer record (samples and the
// per-study chunks) and what it shows for the sample choice. Every output that speaks of a study asks here, so
// studies.json, the viewer and stats.json cannot disagree on what a study holds.

import type { StatsAccumulator } from '../release/stats-accumulator.ts';
import { BIRADS_ALLOWED, DENSITIES, FINDING_BIRADS, SPLITS } from '../vocabulary.ts';
import type { FindingBiradsKey, Laterality, SampleBox, SampleImage, StudySummary, ViewPosition } from '../types.ts';
import { HANGING_SLOTS } from '../viewer/hanging.ts';
import { studyLesions } from '../lesions/study-lesions.ts';
import { compareIds, sortCategories } from './study-index.ts';
import type { StudyViewerRecord } from './study-chunks.ts';

/** Site-relative URL of a study image's DICOM (copied into the build for samples, served in place by `npm start`). */
function studyImageUrl(studyId: string, imageId: string): string {
  return `/data/images/${studyId}/${imageId}.dicom`;
}

/** Per study, its members (images or boxes) in file order: members[start[s] … start[s + 1]). */
interface Grouping {
  start: Int32Array;
  members: Int32Array;
}

/** Counting sort of `count` members by owner, stable, so each study keeps its file order. */
function groupBy(owners: Int32Array, count: number, groups: number): Grouping {
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < count; i++) if (owners[i] >= 0) start[owners[i] + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const next = start.slice(0, groups);
  const members = new Int32Array(start[groups]);
  for (let i = 0; i < count; i++) if (owners[i] >= 0) members[next[owners[i]]++] = i;
  return { start, members };
}

export class ReleaseStudies {
  private readonly images: Grouping;
  private readonly boxes: Grouping;

  /** `acc` must be finished (StatsAccumulator.finish), so every per-image and per-study array is sized. */
  constructor(private readonly acc: StatsAccumulator) {
    const { index, boxes } = acc;
    this.images = groupBy(index.imageStudy, index.imageCount, index.studyCount);
    this.boxes = groupBy(boxes.store.study, boxes.store.size, index.studyCount);
  }

  get count(): number {
    return this.acc.index.studyCount;
  }

  /** Dense id of a study id, -1 when the release does not list it. */
  find(studyId: string): number {
    return this.acc.index.studies.find(studyId);
  }

  id(study: number): string {
    return this.acc.index.studies.get(study);
  }

  /** Dense study ids ordered by study id (code units, the same in every locale). */
  byId(): number[] {
    const ids = this.acc.index.studies.values();
    return Array.from(ids.keys()).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  }

  imagesOf(study: number): Int32Array {
    return this.images.members.subarray(this.images.start[study], this.images.start[study + 1]);
  }

  boxesOf(study: number): Int32Array {
    return this.boxes.members.subarray(this.boxes.start[study], this.boxes.start[study + 1]);
  }

  /** The study's vendor: the Manufacturer of its first image (file order) whose vendor is known; null when none. */
  vendor(study: number): string | null {
    for (const image of this.imagesOf(study)) {
      const vendor = this.acc.imageVendor[image];
      if (vendor >= 0) return this.acc.vendors.get(vendor);
    }
    return null;
  }

  /** The study's age: the first known age in file order (see StatsAccumulator); null when unknown. */
  ageYears(study: number): number | null {
    const age = this.acc.studyAge[study];
    return Number.isNaN(age) ? null : age;
  }

  /** How many of the study's images have a DICOM under images/. */
  filesOf(study: number): number {
    return this.imagesOf(study).filter((image) => this.acc.imageFile[image] === 1).length;
  }

  /** Whether images/ holds every image of the study. */
  complete(study: number): boolean {
    const images = this.imagesOf(study);
    return images.length > 0 && images.every((image) => this.acc.imageFile[image] === 1);
  }

  breast(study: number, laterality: Laterality): { birads: string; density: string } | null {
    const breast = study * 2 + (laterality === 'L' ? 0 : 1);
    const { index } = this.acc;
    const birads = index.breastBiradsDigit(breast);
    const density = index.breastDensityLetter(breast);
    return birads === null || density === null ? null : { birads, density };
  }

  /** Distinct finding categories of the study's boxes, vocabulary order. */
  categories(study: number): string[] {
    const { store, categories } = this.acc.boxes;
    const names = new Set<string>();
    for (const box of this.boxesOf(study)) for (const category of store.categoriesOf(box)) names.add(categories.get(category));
    return sortCategories([...names]);
  }

  /** The study's row of the study browser's index. `inBuild`: this build can show its pixels. */
  summary(study: number, inBuild: boolean): StudySummary {
    const mask = this.acc.boxes.studyFindingBirads[study];
    return {
      id: this.id(study),
      split: SPLITS[this.acc.index.studySplit[study]],
      L: this.breast(study, 'L'),
      R: this.breast(study, 'R'),
      findings: this.categories(study),
      findingBirads: FINDING_BIRADS.filter((_, code) => (mask & (1 << code)) !== 0),
      vendor: this.vendor(study),
      boxes: this.acc.boxes.studyBoxes[study],
      hasImages: inBuild,
      ageYears: this.ageYears(study),
      boxList: Array.from(this.boxesOf(study), (box) => ({
        categories: Array.from(this.acc.boxes.store.categoriesOf(box), (c) => this.acc.boxes.categories.get(c)),
        findingBirads: FINDING_BIRADS[this.acc.boxes.store.birads[box]] as FindingBiradsKey,
      })),
    };
  }

  /** Series ids that occur in more than one study, each with its studies (ids sorted): studies.json's sharedSeries. */
  sharedSeries(): Record<string, string[]> {
    const { index } = this.acc;
    const studiesOf = new Map<number, Set<number>>();
    for (let image = 0; image < index.imageCount; image++) {
      const series = index.imageSeries[image];
      const set = studiesOf.get(series) ?? new Set<number>();
      set.add(index.imageStudy[image]);
      studiesOf.set(series, set);
    }
    const shared: [string, string[]][] = [];
    for (const [series, studies] of studiesOf) {
      if (studies.size > 1) shared.push([index.series.get(series), [...studies].map((s) => this.id(s)).sort(compareIds)]);
    }
    return Object.fromEntries(shared.sort(([a], [b]) => compareIds(a, b)));
  }

  /** The study id of an image id, or undefined when the release does not list the image. */
  studyOfImage(imageId: string): string | undefined {
    const image = this.acc.index.images.find(imageId);
    return image < 0 ? undefined : this.id(this.acc.index.imageStudy[image]);
  }

  /**
   * The study as the viewer draws it: images in the hanging order (RCC, LCC, RMLO, LMLO, then file order), each with
   * the CSV's size and labels and its boxes in image coordinates. Boxes whose coordinates are not numbers cannot be
   * drawn: their lines are returned apart.
   */
  viewerRecord(study: number, where: { reason: string; inBuild: (image: number) => boolean }): { record: StudyViewerRecord; undrawable: number[] } {
    const { acc } = this;
    const { index } = acc;
    const { store, categories } = acc.boxes;
    const studyId = this.id(study);
    const boxesByImage = new Map<number, SampleBox[]>();
    const undrawable: number[] = [];
    for (const box of this.boxesOf(study)) {
      const image = store.image[box];
      const coords = store.boxOf(box);
      if (image < 0 || ![coords.xmin, coords.ymin, coords.xmax, coords.ymax].every(Number.isFinite)) {
        undrawable.push(store.line[box]);
        continue;
      }
      const [height, width] = this.acc.index.imageHeightWidth(image);
      const list = boxesByImage.get(image) ?? [];
      list.push({
        categories: Array.from(store.categoriesOf(box), (c) => categories.get(c)),
        findingBirads: FINDING_BIRADS[store.birads[box]] as FindingBiradsKey,
        box: coords,
        line: store.line[box],
        outOfBounds: coords.xmin < 0 || coords.ymin < 0 || coords.xmax > width || coords.ymax > height,
      });
      boxesByImage.set(image, list);
    }
    const slot = (image: number) => {
      const flags = index.imageFlags[image];
      const i = HANGING_SLOTS.findIndex((s) => s.laterality === (flags & 1 ? 'R' : 'L') && s.view === (flags & 2 ? 'MLO' : 'CC'));
      return i === -1 ? HANGING_SLOTS.length : i;
    };
    const text = (id: number) => (id >= 0 ? acc.texts.get(id) : null);
    const images = [...this.imagesOf(study)]
      .sort((a, b) => slot(a) - slot(b) || index.imageLine[a] - index.imageLine[b])
      .map((image) => {
        const flags = index.imageFlags[image];
        const [rows, columns] = this.acc.index.imageHeightWidth(image);
        const imageId = index.images.get(image);
        const spacing = acc.spacing.of(image);
        const sample: SampleImage & { inBuild: boolean; inRelease: boolean } = {
          imageId,
          seriesId: index.series.get(index.imageSeries[image]),
          laterality: (flags & 1 ? 'R' : 'L') as Laterality,
          view: (flags & 2 ? 'MLO' : 'CC') as ViewPosition,
          url: studyImageUrl(studyId, imageId),
          rows,
          columns,
          birads: BIRADS_ALLOWED[index.imageBirads[image]],
          density: DENSITIES[index.imageDensity[image]],
          vendor: acc.imageVendor[image] >= 0 ? acc.vendors.get(acc.imageVendor[image]) : null,
          model: text(acc.imageModel[image]),
          photometric: text(acc.imagePhotometric[image]),
          pixelSpacingMm: spacing?.mm ?? null,
          pixelSpacingSource: spacing?.source ?? null,
          boxes: boxesByImage.get(image) ?? [],
          inBuild: where.inBuild(image),
          inRelease: acc.imageFile[image] === 1,
        };
        return sample;
      });
    return {
      record: {
        id: studyId,
        split: SPLITS[index.studySplit[study]],
        reason: where.reason,
        ageYears: this.ageYears(study),
        images,
        releaseHasImages: acc.imagesFolder,
        lesions: studyLesions(images),
      },
      undrawable,
    };
  }

  /** What the study shows, for the sample choice: findings, BI-RADS 3–5, densities, vendors, photometric. */
  features(study: number): string[] {
    const { acc } = this;
    const breasts = (['R', 'L'] as const).map((side) => this.breast(study, side)).filter((b) => b !== null);
    const birads = [...new Set(breasts.map((b) => b.birads))].filter((b) => ['3', '4', '5'].includes(b)).sort();
    const densities = [...new Set(breasts.map((b) => b.density))].sort();
    const vendors = new Set<string>();
    const photometrics = new Set<string>();
    for (const image of this.imagesOf(study)) {
      if (acc.imageVendor[image] >= 0) vendors.add(acc.vendors.get(acc.imageVendor[image]));
      if (acc.imagePhotometric[image] >= 0) photometrics.add(acc.texts.get(acc.imagePhotometric[image]));
    }
    const sorted = (set: Set<string>) => [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return [
      ...this.categories(study),
      ...birads.map((b) => `BI-RADS ${b}`),
      ...densities.map((d) => `density ${d}`),
      ...sorted(vendors),
      ...sorted(photometrics),
    ];
  }
}
