// Which studies get DICOMs: the greedy cover on a hand-made example, and the demo's own first eight picks.

import { describe, expect, it } from 'vitest';
import { planRelease } from '../../../src/lib/demo/plan-release.ts';
import { labelFeatures, rankSamples } from '../../../src/lib/demo/sample-ranking.ts';
import { VENDOR_PROFILES } from '../../../src/lib/demo/vendors.ts';
import { FINDING_CATEGORIES } from '../../../src/lib/vocabulary.ts';

describe('rankSamples', () => {
  it('picks the study adding most uncovered features first, then fills with the richest remaining', () => {
    const studies = [
      { index: 0, boxes: 0, features: new Set(['density:A']) },
      { index: 1, boxes: 4, features: new Set(['category:Mass', 'birads:5', 'density:C']) },
      { index: 2, boxes: 2, features: new Set(['category:Mass', 'density:C']) },
      { index: 3, boxes: 1, features: new Set(['category:Asymmetry', 'birads:3', 'density:C']) },
      { index: 4, boxes: 6, features: new Set(['category:Mass', 'birads:5', 'density:D']) },
    ];
    // 4 adds 3 (ties with 1, more boxes); then 3 adds 3 (Asymmetry, BI-RADS 3, C); then 0 adds density A.
    // The remaining studies with boxes follow: 1 (3 features) before 2 (2 features).
    expect(rankSamples(studies, 5)).toEqual([4, 3, 0, 1, 2]);
  });

  it('labels only suspicious BI-RADS', () => {
    expect([...labelFeatures(['Mass'], ['1', '2', '4'], ['B'])]).toEqual(['category:Mass', 'birads:4', 'density:B']);
  });
});

describe.each([{ seed: undefined }, { seed: 7 }])('the demo\'s sample studies (seed $seed)', ({ seed }) => {
  const plan = planRelease(seed);
  const first8 = plan.sampleRanking.slice(0, 8).map((id) => plan.studies.find((s) => s.studyId === id)!);

  it('together show every category, BI-RADS 3–5, every density, all three vendors and both photometrics', () => {
    const categories = new Set<string>();
    const birads = new Set<string>();
    const densities = new Set<string>();
    const vendors = new Set<string>();
    const photometrics = new Set<string>();
    for (const s of first8) {
      for (const im of s.images) for (const b of im.boxes) for (const k of b.categories) categories.add(k);
      for (const side of ['L', 'R'] as const) {
        birads.add(s.breasts[side].birads);
        densities.add(s.breasts[side].density);
      }
      vendors.add(VENDOR_PROFILES[s.manufacturer].family);
      photometrics.add(VENDOR_PROFILES[s.manufacturer].photometric);
    }
    expect([...categories].sort()).toEqual([...FINDING_CATEGORIES].sort());
    expect(['3', '4', '5'].filter((b) => !birads.has(b))).toEqual([]);
    expect([...densities].sort()).toEqual(['A', 'B', 'C', 'D']);
    expect([...vendors].sort()).toEqual(['IMS', 'Planmed', 'SIEMENS']);
    expect([...photometrics].sort()).toEqual(['MONOCHROME1', 'MONOCHROME2']);
  });

  it('starts with a SIEMENS 3518×2800 study with boxes and includes the multi-window GIOTTO model', () => {
    const lead = first8[0];
    expect(lead.manufacturer).toBe('SIEMENS');
    expect(lead.images.map((im) => `${im.height}x${im.width}`)).toEqual(['3518x2800', '3518x2800', '3518x2800', '3518x2800']);
    expect(lead.images.some((im) => im.boxes.length > 0)).toBe(true);
    expect(first8.some((s) => s.manufacturer === 'IMS GIOTTO S.p.A.')).toBe(true);
  });

  it('ranks distinct studies, more than the default eight', () => {
    expect(new Set(plan.sampleRanking).size).toBe(plan.sampleRanking.length);
    expect(plan.sampleRanking.length).toBeGreaterThan(100);
  });
});
