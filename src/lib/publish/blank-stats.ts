// The stats of a release with nothing in it. In a build that may be published, the pages' full-data code still
// runs at build time (Astro evaluates every page's frontmatter) but its output is replaced by the public one
// (src/components/Layout.astro); it is given these blank stats, so nothing of the release can reach it at all.

import type { Stats } from '../types.ts';

const zero = () => ({ training: 0, test: 0, all: 0 });
const empty = <T>() => ({ training: {} as T, test: {} as T, all: {} as T });

export function blankStats(release: string): Stats {
  return {
    schemaVersion: 1,
    source: { files: {}, synthetic: false, ageSource: 'none', release, images: { folder: false, withFile: 0, completeStudies: 0 } },
    counts: { studies: zero(), images: zero(), breasts: zero(), findings: zero() },
    breastBirads: empty(),
    breastDensity: empty(),
    findingCategories: empty(),
    findingRatePer100Images: empty(),
    findingBirads: empty(),
    age: { unit: 'study', binWidth: 5, bins: [], known: zero(), missing: zero(), summary: { training: null, test: null, all: null } },
    splitBalance: {
      attributes: {},
      labelDistribution: 0,
      examplesDistribution: 0,
      randomBaseline: { draws: 0, seed: 0, trainingShare: 0.8, quantiles: { p05: 0, p25: 0, p50: 0, p75: 0, p95: 0 }, actualPercentile: 0, histogram: [] },
      leakage: { studies: [], series: [] },
    },
    quality: { issues: [] },
    vendors: empty(),
    vendorsUnknown: zero(),
    imageSizes: [],
    densityByBirads: empty(),
    boxGeometry: { size: {}, location: { cols: 1, rows: 1, all: [0], byCategory: {} } },
  };
}
