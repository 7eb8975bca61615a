// End to end against the paper: the demo release (CSVs only) through computeStats must reproduce Tables 3–5
// exactly (counts per breast and per box, each category of a multi-category box once; rates to the paper's 3 decimals).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import paper from '../../src/data/paper-tables.json' with { type: 'json' };
import type { Stats } from '../../src/lib/types.ts';
import { computeStats } from '../../src/node/compute-stats.ts';
import { writeDemoRelease } from '../../src/node/demo/write-demo-release.ts';

const SPLITS = ['training', 'test', 'all'] as const;
let dir: string;
let stats: Stats;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stats-paper-'));
  await writeDemoRelease(dir, { samples: 0 });
  stats = await computeStats(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each(SPLITS)('stats of the demo release, %s split, against the paper', (split) => {
  test('Table 3 (BI-RADS per breast) and Table 4 (density per breast)', () => {
    expect(stats.breastBirads[split]).toEqual(paper.breastBirads[split]);
    expect(stats.breastDensity[split]).toEqual(paper.breastDensity[split]);
  });

  test('Table 5 (findings per box and their rate per 100 images)', () => {
    expect(stats.findingCategories[split]).toEqual(paper.findingCategories[split]);
    const rates = paper.findingRatePer100Images[split] as Record<string, number>;
    for (const [category, rate] of Object.entries(rates)) {
      // The paper rounds half up to 3 decimals (0.1875 → 0.188).
      expect(Math.round(stats.findingRatePer100Images[split][category] * 1000) / 1000, category).toBe(rate);
    }
    expect(stats.counts.images[split]).toBe(paper.images[split]);
    expect(stats.counts.studies[split]).toBe(paper.studies[split]);
  });
});
