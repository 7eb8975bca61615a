// Turns the accumulator's finished tallies into the stats.json object, keys in a stable order: vocabulary order
// first (vocabulary.ts), then any other spelling that occurred, sorted.

import type { FindingBiradsKey, Split, SplitKey, Stats } from '../types.ts';
import { BIRADS, BIRADS_ALLOWED, DENSITIES, FINDING_BIRADS, FINDING_CATEGORIES, SPLITS } from '../vocabulary.ts';
import type { LabelledStudy } from '../split-balance/label-distribution.ts';
import type { AccumulatedRelease, StatsSource } from './accumulated-release.ts';
import { LOCATION_GRID } from './box-tally.ts';
import { buildSplitBalance, studyLabel, type AttributeTable } from './assemble-split-balance.ts';
import { tallyBreasts, tallyImages } from './release-tallies.ts';
import { ageBins, ageSummary, fiveNumber, keyed, orderedKeys, perSplit } from './summaries.ts';

const AGE_BIN_WIDTH_YEARS = 5;

/** Sum of the two splits for "all", or the split's own value. */
function splitValue(counts: readonly number[], split: SplitKey): number {
  return split === 'all' ? counts[0] + counts[1] : counts[split === 'training' ? 0 : 1];
}

export function assembleStats(acc: AccumulatedRelease, source: StatsSource): Stats {
  const { index, boxes } = acc;

  const { images, sizeCounts, sizeVendors, vendorCounts } = tallyImages(acc);
  const { studies, breasts, birads, density, densityBirads } = tallyBreasts(acc);
  const biradsKeys = orderedKeys(
    BIRADS,
    BIRADS_ALLOWED.filter((_, code) => birads[0][code] + birads[1][code] > 0),
  );
  const biradsCode = (digit: string): number => BIRADS_ALLOWED.indexOf(digit);
  const biradsOf = (split: SplitKey) =>
    keyed(biradsKeys, (digit) => splitValue([birads[0][biradsCode(digit)], birads[1][biradsCode(digit)]], split));
  const densityOf = (split: SplitKey) =>
    keyed(DENSITIES, (_, code) => splitValue([density[0][code], density[1][code]], split));

  // ---- findings
  const categoryKeys = orderedKeys(FINDING_CATEGORIES, boxes.categories.values());
  const categoryCode = (name: string): number => boxes.categories.find(name);
  const categoryCount = (name: string, split: SplitKey): number =>
    splitValue([boxes.categoryBoxes[0][categoryCode(name)], boxes.categoryBoxes[1][categoryCode(name)]], split);
  const imagesIn = (split: SplitKey): number => splitValue(images, split);
  const findingBiradsOf = (name: string, split: SplitKey): Record<FindingBiradsKey, number> => {
    const code = categoryCode(name);
    const counts = {} as Record<FindingBiradsKey, number>;
    FINDING_BIRADS.forEach((key, b) => {
      counts[key] = splitValue([boxes.categoryBirads[0][code][b], boxes.categoryBirads[1][code][b]], split);
    });
    return counts;
  };

  // ---- ages (one per study)
  const ages: Record<Split, number[]> = { training: [], test: [] };
  for (let study = 0; study < index.studyCount; study++) {
    const age = acc.studyAge[study];
    if (!Number.isNaN(age)) ages[SPLITS[index.studySplit[study]]].push(age);
  }
  const knownAges = [ages.training.length, ages.test.length];
  const bins = ageBins(ages, AGE_BIN_WIDTH_YEARS);

  // ---- vendors, most images first
  const vendorOrder = acc.vendors.values()
    .map((name, vendor) => ({ name, vendor, all: vendorCounts[vendor][0] + vendorCounts[vendor][1] }))
    .sort((a, b) => b.all - a.all || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const vendorsOf = (split: SplitKey): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const { name, vendor } of vendorOrder) out[name] = splitValue(vendorCounts[vendor], split);
    return out;
  };

  const stats: Stats = {
    schemaVersion: 1,
    source: {
      files: source.files,
      synthetic: source.synthetic,
      ageSource: source.ageSource,
      release: source.release,
      images: imageFiles(acc),
    },
    counts: {
      studies: perSplit((split) => splitValue(studies, split)),
      images: perSplit(imagesIn),
      breasts: perSplit((split) => splitValue(breasts, split)),
      findings: perSplit((split) => splitValue(boxes.boxes, split)),
    },
    breastBirads: perSplit(biradsOf),
    breastDensity: perSplit(densityOf),
    findingCategories: perSplit((split) => keyed(categoryKeys, (name) => categoryCount(name, split))),
    findingRatePer100Images: perSplit((split) =>
      keyed(categoryKeys, (name) => (imagesIn(split) === 0 ? 0 : (categoryCount(name, split) / imagesIn(split)) * 100)),
    ),
    findingBirads: perSplit((split) => keyed(categoryKeys, (name) => findingBiradsOf(name, split))),
    age: {
      unit: 'study',
      binWidth: AGE_BIN_WIDTH_YEARS,
      bins,
      known: perSplit((split) => splitValue(knownAges, split)),
      missing: perSplit((split) => splitValue(studies, split) - splitValue(knownAges, split)),
      summary: perSplit((split) =>
        ageSummary(split === 'all' ? [...ages.training, ...ages.test] : ages[split]),
      ),
    },
    splitBalance: buildSplitBalance({
      tables: balanceTables(),
      studies: labelledStudies(acc),
      studiesPerSplit: { training: studies[0], test: studies[1] },
      ...leakage(acc),
    }),
    quality: { issues: acc.quality.issues() },
    vendors: perSplit(vendorsOf),
    vendorsUnknown: perSplit((split) => imagesIn(split) - Object.values(vendorsOf(split)).reduce((sum, count) => sum + count, 0)),
    imageSizes: imageSizes(),
    densityByBirads: perSplit((split) =>
      keyed(DENSITIES, (_, d) =>
        keyed(biradsKeys, (digit) =>
          splitValue([densityBirads[0][d][biradsCode(digit)], densityBirads[1][d][biradsCode(digit)]], split),
        ),
      ),
    ),
    boxGeometry: boxGeometry(),
  };
  return stats;

  function balanceTables(): Record<string, AttributeTable> {
    const table = (unit: string, categories: string[], count: (category: string, split: 0 | 1, i: number) => number) => ({
      unit,
      categories,
      training: categories.map((category, i) => count(category, 0, i)),
      test: categories.map((category, i) => count(category, 1, i)),
    });
    return {
      breastBirads: table('breast', biradsKeys, (digit, split) => birads[split][biradsCode(digit)]),
      breastDensity: table('breast', [...DENSITIES], (letter, split) => density[split][DENSITIES.indexOf(letter as never)]),
      findingCategories: table('box', categoryKeys, (name, split) => boxes.categoryBoxes[split][categoryCode(name)]),
      findingBirads: table('box', [...FINDING_BIRADS], (key, split) => boxes.boxBirads[split][FINDING_BIRADS.indexOf(key as never)]),
      ageBins: table(
        'study',
        bins.map((b) => `${b.from}–${b.to}`),
        (_, split, i) => (split === 0 ? bins[i].training : bins[i].test),
      ),
      vendor: table('image', vendorOrder.map((v) => v.name), (name, split) => vendorCounts[acc.vendors.find(name)][split]),
    };
  }

  // A size names a vendor only when every one of its images names that vendor: unknown stays unknown, never imputed.
  function imageSizes(): Stats['imageSizes'] {
    return index.sizes.values()
      .map((key, size) => {
        const [rows, columns] = key.split('x').map(Number);
        const [training, test] = sizeCounts[size];
        const all = training + test;
        const byVendor = Object.fromEntries(
          [...sizeVendors[size]].map(([id, count]) => [acc.vendors.get(id), count] as const).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
        );
        const known = Object.values(byVendor).reduce((sum, count) => sum + count, 0);
        const names = Object.keys(byVendor);
        const vendor = names.length === 1 && known === all ? names[0] : null;
        return { rows, columns, vendor, byVendor, unknownVendor: all - known, training, test, all };
      })
      .sort((a, b) => b.all - a.all || a.rows - b.rows || a.columns - b.columns);
  }

  function boxGeometry(): Stats['boxGeometry'] {
    const size: Stats['boxGeometry']['size'] = {};
    for (const name of categoryKeys) {
      const geometry = boxes.geometry[categoryCode(name)];
      const widthPx = fiveNumber(geometry.widths);
      const heightPx = fiveNumber(geometry.heights);
      const aspect = fiveNumber(geometry.widths.map((w, i) => w / geometry.heights[i]));
      if (widthPx && heightPx && aspect) size[name] = { count: geometry.widths.length, widthPx, heightPx, aspect };
    }
    return {
      size,
      location: {
        cols: LOCATION_GRID.cols,
        rows: LOCATION_GRID.rows,
        all: Array.from(boxes.locationAll),
        byCategory: keyed(categoryKeys, (name) => Array.from(boxes.geometry[categoryCode(name)].location)),
      },
    };
  }
}

/** Each study's split and labels: the BI-RADS and density of its breasts and the categories of its boxes. */
function labelledStudies(acc: AccumulatedRelease): LabelledStudy[] {
  const { index, boxes } = acc;
  const biradsLabels = BIRADS_ALLOWED.map(studyLabel.birads);
  const densityLabels = DENSITIES.map(studyLabel.density);
  const findingLabels = boxes.categories.values().map(studyLabel.finding);
  const studies: LabelledStudy[] = [];
  // Most studies share a label set with many others: share one frozen array per set (and one object per split).
  const shared = new Map<string, LabelledStudy>();
  for (let study = 0; study < index.studyCount; study++) {
    const codes: number[] = [];
    for (const breast of [study * 2, study * 2 + 1]) {
      if (index.breastImages[breast] === 0) codes.push(255, 255);
      else codes.push(index.breastBirads[breast], index.breastDensity[breast]);
    }
    const categories = boxes.studyCategories[study];
    const split = index.studySplit[study];
    const key = `${split}:${codes.join(',')}:${categories}`;
    let labelled = shared.get(key);
    if (labelled === undefined) {
      const labels: string[] = [];
      for (let i = 0; i < 4; i += 2) {
        if (codes[i] !== 255) labels.push(biradsLabels[codes[i]], densityLabels[codes[i + 1]]);
      }
      for (let category = 0; categories >>> category !== 0 && category < 32; category++) {
        if ((categories >>> category) & 1) labels.push(findingLabels[category]);
      }
      labelled = Object.freeze({ split: SPLITS[split], labels: Object.freeze(labels) });
      shared.set(key, labelled);
    }
    studies.push(labelled);
  }
  return studies;
}

/** Studies whose images name both splits, and series that occur under both splits (by their studies). */
function leakage(acc: AccumulatedRelease): { leakingStudies: string[]; leakingSeries: string[] } {
  const { index } = acc;
  const leakingStudies: string[] = [];
  for (let study = 0; study < index.studyCount; study++) {
    if (index.studyLeaks(study)) leakingStudies.push(index.studies.get(study));
  }
  const seriesSplits = new Uint8Array(index.series.size);
  for (let image = 0; image < index.imageCount; image++) {
    const study = index.imageStudy[image];
    seriesSplits[index.imageSeries[image]] |= index.studyLeaks(study) ? 3 : 1 << index.studySplit[study];
  }
  const leakingSeries = index.series.values().filter((_, series) => seriesSplits[series] === 3);
  return { leakingStudies, leakingSeries };
}

/** How much of the release images/ holds: images with a DICOM file, and studies all of whose images have one. */
function imageFiles(acc: AccumulatedRelease): Stats['source']['images'] {
  const { index } = acc;
  const missing = new Uint8Array(index.studyCount);
  let withFile = 0;
  for (let image = 0; image < index.imageCount; image++) {
    if (acc.imageFile[image]) withFile++;
    else missing[index.imageStudy[image]] = 1;
  }
  let completeStudies = 0;
  for (let study = 0; study < index.studyCount; study++) if (!missing[study]) completeStudies++;
  return { folder: acc.imagesFolder, withFile, completeStudies };
}
