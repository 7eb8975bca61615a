// The seeded planner: decides every study, image, label, box and header value of the demo release. Pure; the
// CSV writers and the DICOM renderer only read the plan.

import type { Laterality, Split, ViewPosition } from '../types.ts';
import { planBreastLabels } from './breast-labels.ts';
import { drawLesionTraits, edgeDistance, lesionKind, placeBox, pushOutOfImage, releaseCoordinate } from './box-placement.ts';
import type { PixelBox } from './box-placement.ts';
import { placeFindings, planFindingShapes } from './findings.ts';
import type { BreastRef, FindingPlan } from './findings.ts';
import { drawShape } from './geometry.ts';
import { BREAST_BIRADS, BREAST_DENSITY, FINDING_CATEGORY_COUNTS, RELEASE_TRAITS, STUDIES_PER_SPLIT } from './paper-targets.ts';
import type { BoxPlan, BreastLabels, ImagePlan, ReleasePlan, StudyPlan } from './plan-types.ts';
import { createIdSource, createRng } from './rng.ts';
import type { Rng } from './rng.ts';
import { labelFeatures, rankSamples } from './sample-ranking.ts';
import { drawImsWidths, drawWindow, MANUFACTURERS, VENDOR_PROFILES } from './vendors.ts';
import type { Manufacturer } from './vendors.ts';
import { DEFAULT_SEED } from './version.ts';

const SPLITS: Split[] = ['training', 'test'];
/** The usual four views; the quirk study repeats L-CC instead of L-MLO. */
const VIEWS: [Laterality, ViewPosition][] = [['L', 'CC'], ['L', 'MLO'], ['R', 'CC'], ['R', 'MLO']];
const QUIRK_VIEWS: [Laterality, ViewPosition][] = [['L', 'CC'], ['L', 'CC'], ['R', 'CC'], ['R', 'MLO']];
/** Vendors given to the first sample picks, so the samples show all three vendors and both photometrics. */
const SAMPLE_VENDORS: Manufacturer[] = ['SIEMENS', 'Planmed', 'IMS s.r.l.', 'IMS GIOTTO S.p.A.'];

interface Draft {
  split: Split;
  breasts: Record<Laterality, BreastLabels>;
  findings: FindingPlan[];
  quirk: boolean;
  manufacturer?: Manufacturer;
}

function sum(values: Iterable<number>): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

function share(total: number, part: number, whole: number): number {
  return Math.round((total * part) / whole);
}

/** Labels and findings per split, drafts in one shuffled order across the splits. */
function draftStudies(seed: number): Draft[] {
  const labelsRng = createRng(seed, 'labels');
  const findingsRng = createRng(seed, 'findings');
  const allInstances = sum(SPLITS.map((s) => sum(Object.values(FINDING_CATEGORY_COUNTS[s]))));
  const drafts: Draft[] = [];
  for (const split of SPLITS) {
    const labels = planBreastLabels(STUDIES_PER_SPLIT[split], BREAST_BIRADS[split], BREAST_DENSITY[split], labelsRng);
    const splitDrafts: Draft[] = labels.map((breasts) => ({ split, breasts, findings: [], quirk: false }));
    const breasts: BreastRef[] = [];
    splitDrafts.forEach((d, studyIndex) => {
      for (const laterality of ['L', 'R'] as const) breasts.push({ studyIndex, laterality, birads: d.breasts[laterality].birads });
    });
    const instances = sum(Object.values(FINDING_CATEGORY_COUNTS[split]));
    const shapes = planFindingShapes(
      FINDING_CATEGORY_COUNTS[split],
      share(RELEASE_TRAITS.multiCategoryBoxes, instances, allInstances),
      findingsRng,
    );
    const placed = placeFindings(shapes, breasts, share(RELEASE_TRAITS.boxesOnBirads2, instances, allInstances), findingsRng);
    for (const f of placed) splitDrafts[f.studyIndex].findings.push(f);
    drafts.push(...splitDrafts);
  }
  return createRng(seed, 'order').shuffle(drafts);
}

/** Ranks sample studies and assigns manufacturers: the first picks one vendor each, the rest in exact proportion. */
function assignVendors(drafts: Draft[], rng: Rng): number[] {
  const ranking = rankSamples(
    drafts.map((d, index) => ({
      index,
      boxes: sum(d.findings.map((f) => f.views.length)),
      features: labelFeatures(
        d.findings.flatMap((f) => f.categories),
        [d.breasts.L.birads, d.breasts.R.birads],
        [d.breasts.L.density, d.breasts.R.density],
      ),
    })),
    200,
  );
  const left: Record<Manufacturer, number> = { ...RELEASE_TRAITS.studiesPerManufacturer };
  SAMPLE_VENDORS.forEach((m, i) => {
    drafts[ranking[i]].manufacturer = m;
    left[m]--;
  });
  const bag: Manufacturer[] = [];
  for (const m of MANUFACTURERS) for (let i = 0; i < left[m]; i++) bag.push(m);
  rng.shuffle(bag);
  for (const d of drafts) if (d.manufacturer === undefined) d.manufacturer = bag.pop();
  return ranking;
}

/** The study with two L-CC images and no L-MLO: a study normal on both sides, so no box needs an L-MLO. */
function markQuirkStudy(drafts: Draft[], exclude: Set<number>, rng: Rng): void {
  const candidates = drafts
    .map((_, i) => i)
    .filter((i) => !exclude.has(i) && drafts[i].findings.length === 0 && drafts[i].breasts.L.birads === '1' && drafts[i].breasts.R.birads === '1');
  drafts[candidates[rng.int(candidates.length)]].quirk = true;
}

export function planRelease(seed: number = DEFAULT_SEED): ReleasePlan {
  const drafts = draftStudies(seed);
  const ranking = assignVendors(drafts, createRng(seed, 'vendors'));
  markQuirkStudy(drafts, new Set(ranking.slice(0, 8)), createRng(seed, 'quirk'));

  const nextId = createIdSource(seed, 'ids');
  const ageRng = createRng(seed, 'ages');
  const geoRng = createRng(seed, 'geometry');
  const seriesRng = createRng(seed, 'series');
  const imsWidths = drawImsWidths(createRng(seed, 'ims-widths'));
  const missingAge = new Set(
    ageRng.shuffle(drafts.map((_, i) => i)).slice(0, Math.round(drafts.length * (1 - RELEASE_TRAITS.ageKnownShareOfImages))),
  );
  const multiSeries = new Set(seriesRng.shuffle(drafts.map((_, i) => i)).slice(0, RELEASE_TRAITS.multiSeriesStudies));

  const studies: StudyPlan[] = drafts.map((d, index) => {
    const profile = VENDOR_PROFILES[d.manufacturer!];
    const studyId = nextId();
    const seriesIds = [nextId()];
    if (multiSeries.has(index)) seriesIds.push(nextId());
    const images: ImagePlan[] = (d.quirk ? QUIRK_VIEWS : VIEWS).map(([laterality, view]) => {
      const width = profile.columns ?? imsWidths[geoRng.int(imsWidths.length)];
      return {
        imageId: nextId(),
        // A second series holds the right breast's images.
        seriesId: seriesIds.length > 1 && laterality === 'R' ? seriesIds[1] : seriesIds[0],
        laterality,
        view,
        height: profile.rows,
        width,
        window: drawWindow(profile, geoRng),
        shape: drawShape(view, laterality, geoRng),
        boxes: [],
      };
    });
    for (const f of d.findings) {
      const traits = drawLesionTraits(f.categories, geoRng);
      const lesionSeed = geoRng.int(0x7fffffff);
      for (const view of f.views) {
        const image = images.find((im) => im.laterality === f.laterality && im.view === view)!;
        const box = placeBox(traits, image.shape, view, image.width, image.height, profile.pixelSpacingMm, geoRng);
        image.boxes.push({ categories: f.categories, findingBirads: f.findingBirads, ...box, kind: lesionKind(f.categories), lesionSeed });
      }
    }
    const ageYears = missingAge.has(index) ? null : drawAge(ageRng);
    return { studyId, split: d.split, manufacturer: d.manufacturer!, ageYears, breasts: d.breasts, images, textureSeed: geoRng.int(0x7fffffff) };
  });

  pushBoxesOutOfImages(studies, createRng(seed, 'out-of-image'));
  for (const s of studies) for (const im of s.images) for (const b of im.boxes) roundBox(b);
  return { seed, studies, sampleRanking: ranking.map((i) => studies[i].studyId) };
}

/** Screening ages: mostly 40–60, a tail to the 80s, a few young women; whole years in 22–91. */
function drawAge(rng: Rng): number {
  for (;;) {
    const age = Math.round(rng.chance(0.8) ? rng.normal(47, 8.5) : rng.normal(60, 12));
    if (age >= 22 && age <= 91) return age;
  }
}

/** Exactly the release's count of boxes over an image edge, split like its boxes, among boxes near an edge. */
function pushBoxesOutOfImages(studies: StudyPlan[], rng: Rng): void {
  const all: { box: BoxPlan; image: ImagePlan; split: Split }[] = [];
  for (const s of studies) for (const image of s.images) for (const box of image.boxes) all.push({ box, image, split: s.split });
  let assigned = 0;
  for (const split of SPLITS) {
    const mine = all.filter((e) => e.split === split);
    // The last split takes the remainder, so the total is exact.
    const target =
      split === SPLITS[SPLITS.length - 1]
        ? RELEASE_TRAITS.boxesOutOfBounds - assigned
        : share(RELEASE_TRAITS.boxesOutOfBounds, mine.length, all.length);
    assigned += target;
    const near = mine
      .map((e, i) => ({ e, i, d: edgeDistance(e.box, e.image.width, e.image.height) }))
      .sort((a, b) => a.d - b.d || a.i - b.i)
      .slice(0, target * 4);
    for (const { e } of rng.shuffle(near).slice(0, target)) {
      Object.assign(e.box, pushOutOfImage(e.box as PixelBox, e.image.width, e.image.height, rng));
    }
  }
}

function roundBox(b: BoxPlan): void {
  b.xmin = releaseCoordinate(b.xmin);
  b.ymin = releaseCoordinate(b.ymin);
  b.xmax = releaseCoordinate(b.xmax);
  b.ymax = releaseCoordinate(b.ymax);
}
