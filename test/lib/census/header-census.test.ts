import { describe, expect, it } from 'vitest';
import { headerCensus, type CensusHeader } from '../../../src/lib/census/header-census.ts';

/** What the census counts an absent element as. */
const ABSENT = '(absent)';

const base: CensusHeader = {
  manufacturer: 'SIEMENS',
  model: 'Mammomat Inspiration',
  transferSyntax: '1.2.840.10008.1.2.1',
  photometric: 'MONOCHROME2',
  presentationLutShape: 'IDENTITY',
  voiLutFunction: null,
  windowCenters: [2047],
  windowWidths: [4096],
  windowExplanations: [],
  bitsStored: 12,
  pixelSpacing: [0.085, 0.085],
  paddingValue: null,
};

describe('headerCensus', () => {
  it('counts each header field per manufacturer and model, largest group first', () => {
    const census = headerCensus([
      base,
      { ...base, voiLutFunction: 'SIGMOID', windowCenters: [2047, 1800], windowWidths: [4096, 2500], windowExplanations: ['NORMAL', 'HARDER'] },
      { ...base, manufacturer: 'Planmed', model: 'Nuance', photometric: 'MONOCHROME1', presentationLutShape: null, paddingValue: 0, bitsStored: 14, windowCenters: [], windowWidths: [] },
    ]);
    expect(census.map((g) => [g.manufacturer, g.model, g.images])).toEqual([
      ['SIEMENS', 'Mammomat Inspiration', 2],
      ['Planmed', 'Nuance', 1],
    ]);
    const siemens = census[0];
    // 2047/4096 on both images; 1800/2500 on the second only.
    expect(siemens.windows).toEqual({ '2047/4096': 2, '1800/2500': 1 });
    expect(siemens.voiLutFunction).toEqual({ [ABSENT]: 1, SIGMOID: 1 });
    expect(siemens.windowExplanations).toEqual({ [ABSENT]: 1, HARDER: 1, NORMAL: 1 });
    expect(siemens.pixelSpacing).toEqual({ '0.085 × 0.085': 2 });
    expect(siemens.presentationLutShape).toEqual({ IDENTITY: 2 });
    const planmed = census[1];
    expect(planmed.photometric).toEqual({ MONOCHROME1: 1 });
    expect(planmed.presentationLutShape).toEqual({ [ABSENT]: 1 });
    expect(planmed.windows).toEqual({ [ABSENT]: 1 });
    expect(planmed.bitsStored).toEqual({ '14': 1 });
    expect(planmed.paddingValue).toEqual({ '0': 1 });
  });

  it('counts a header without manufacturer or model under "(absent)"', () => {
    const [group] = headerCensus([{ ...base, manufacturer: ' ', model: null }]);
    expect([group.manufacturer, group.model]).toEqual([ABSENT, ABSENT]);
  });

  it('is empty for no headers', () => {
    expect(headerCensus([])).toEqual([]);
  });
});
