// The per-split counts stats.json is assembled from, each by one pass over the release index: images (per size and
// vendor), studies, and breasts (per BI-RADS, density and both). Index 0 is training, 1 test.

import { BIRADS_ALLOWED, DENSITIES } from '../vocabulary.ts';
import type { AccumulatedRelease } from './accumulated-release.ts';

interface ImageTallies {
  images: number[];
  /** sizeCounts[size id][split] */
  sizeCounts: number[][];
  /** Per size id: vendor id → images of that size naming it. */
  sizeVendors: Map<number, number>[];
  /** vendorCounts[vendor id][split] */
  vendorCounts: number[][];
}

export function tallyImages(acc: AccumulatedRelease): ImageTallies {
  const { index } = acc;
  const images = [0, 0];
  const sizeCounts: number[][] = index.sizes.values().map(() => [0, 0]);
  const sizeVendors: Map<number, number>[] = index.sizes.values().map(() => new Map());
  const vendorCounts: number[][] = acc.vendors.values().map(() => [0, 0]);
  for (let image = 0; image < index.imageCount; image++) {
    const split = index.splitOfImage(image);
    images[split]++;
    const size = index.imageSize[image];
    sizeCounts[size][split]++;
    const vendor = acc.imageVendor[image];
    if (vendor >= 0) {
      vendorCounts[vendor][split]++;
      sizeVendors[size].set(vendor, (sizeVendors[size].get(vendor) ?? 0) + 1);
    }
  }
  return { images, sizeCounts, sizeVendors, vendorCounts };
}

interface BreastTallies {
  studies: number[];
  breasts: number[];
  /** birads[split][BI-RADS code], density[split][density code] */
  birads: number[][];
  density: number[][];
  /** densityBirads[split][density code][BI-RADS code] */
  densityBirads: number[][][];
}

export function tallyBreasts(acc: AccumulatedRelease): BreastTallies {
  const { index } = acc;
  const studies = [0, 0];
  for (let study = 0; study < index.studyCount; study++) studies[index.studySplit[study]]++;
  const breasts = [0, 0];
  const birads = [0, 1].map(() => new Array<number>(BIRADS_ALLOWED.length).fill(0));
  const density = [0, 1].map(() => new Array<number>(DENSITIES.length).fill(0));
  const densityBirads = [0, 1].map(() => DENSITIES.map(() => new Array<number>(BIRADS_ALLOWED.length).fill(0)));
  for (let breast = 0; breast < index.studyCount * 2; breast++) {
    if (index.breastImages[breast] === 0) continue;
    const split = index.studySplit[breast >> 1];
    breasts[split]++;
    birads[split][index.breastBirads[breast]]++;
    density[split][index.breastDensity[breast]]++;
    densityBirads[split][index.breastDensity[breast]][index.breastBirads[breast]]++;
  }
  return { studies, breasts, birads, density, densityBirads };
}
