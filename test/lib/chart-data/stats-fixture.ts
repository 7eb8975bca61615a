// A small hand-made Stats for the chart-data tests: numbers chosen so every share is easy to compute by hand.
import type { PerSplit, Stats } from '../../../src/lib/types.ts';

const per = <T>(training: T, test: T, all: T): PerSplit<T> => ({ training, test, all });

export function statsFixture(): Stats {
  return {
    schemaVersion: 1,
    source: { files: {}, synthetic: true, ageSource: 'none', release: 'fixture', images: { folder: false, withFile: 0, completeStudies: 0 } },
    counts: {
      studies: per(20, 5, 25),
      images: per(80, 20, 100),
      breasts: per(40, 10, 50),
      findings: per(6, 2, 8),
    },
    // training 40 breasts: 20/10/4/4/2; test 10 breasts: 5/2/1/1/1
    breastBirads: per({ '1': 20, '2': 10, '3': 4, '4': 4, '5': 2 }, { '1': 5, '2': 2, '3': 1, '4': 1, '5': 1 }, { '1': 25, '2': 12, '3': 5, '4': 5, '5': 3 }),
    breastDensity: per({ A: 4, B: 8, C: 20, D: 8 }, { A: 0, B: 2, C: 6, D: 2 }, { A: 4, B: 10, C: 26, D: 10 }),
    findingCategories: per({ Mass: 4, 'Suspicious Calcification': 2 }, { Mass: 1, 'Suspicious Calcification': 1 }, { Mass: 5, 'Suspicious Calcification': 3 }),
    findingRatePer100Images: per({ Mass: 5, 'Suspicious Calcification': 2.5 }, { Mass: 5, 'Suspicious Calcification': 5 }, { Mass: 5, 'Suspicious Calcification': 3 }),
    findingBirads: per(
      { Mass: { '3': 1, '4': 2, '5': 1, none: 0 }, 'Suspicious Calcification': { '3': 0, '4': 1, '5': 0, none: 1 } },
      { Mass: { '3': 0, '4': 1, '5': 0, none: 0 }, 'Suspicious Calcification': { '3': 1, '4': 0, '5': 0, none: 0 } },
      { Mass: { '3': 1, '4': 3, '5': 1, none: 0 }, 'Suspicious Calcification': { '3': 1, '4': 1, '5': 0, none: 1 } },
    ),
    age: { unit: 'study', binWidth: 5, bins: [], known: per(0, 0, 0), missing: per(20, 5, 25), summary: per(null, null, null) },
    splitBalance: {
      attributes: {},
      labelDistribution: 0,
      examplesDistribution: 0,
      randomBaseline: { draws: 0, seed: 1, trainingShare: 0.8, quantiles: { p05: 0, p25: 0, p50: 0, p75: 0, p95: 0 }, actualPercentile: 0, histogram: [] },
      leakage: { studies: [], series: [] },
    },
    quality: { issues: [] },
    vendors: per({}, {}, {}),
    vendorsUnknown: per(80, 20, 100),
    imageSizes: [],
    densityByBirads: per({}, {}, {}),
    boxGeometry: { size: {}, location: { cols: 0, rows: 0, all: [], byCategory: {} } },
  };
}
