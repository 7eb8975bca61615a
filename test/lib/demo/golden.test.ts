// Pins what the default seed generates to the generator version: if the CSVs or the pixels change, this fails
// until GENERATOR_VERSION is bumped (so ensureDemoRelease regenerates stale demos) and a new entry is pinned.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planRelease } from '../../../src/lib/demo/plan-release.ts';
import { breastLevelCsv, findingCsv, metadataCsv } from '../../../src/lib/demo/release-csv.ts';
import { renderStoredPixels } from '../../../src/lib/demo/render/compose.ts';
import { VENDOR_PROFILES } from '../../../src/lib/demo/vendors.ts';
import { GENERATOR_VERSION } from '../../../src/lib/demo/version.ts';

/** sha256 (first 16 hex) of each output, per generator version. Add an entry when you bump the version. */
const PINNED: Record<string, Record<string, string>> = {
  'vindr-mammo-demo/4': { breast: '5f622c18e3ae394b', finding: 'f72c29505f92d3f9', metadata: '233c7d54ce48feee', pixels: '8c1766cdea9c8c25' },
};

const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex').slice(0, 16);

describe('the default demo output', () => {
  it(`is the output pinned for ${GENERATOR_VERSION} (changed output needs a version bump)`, () => {
    const plan = planRelease();
    // One small image (a Planmed sample view) stands in for the renderer.
    const planmed = plan.sampleRanking.map((id) => plan.studies.find((s) => s.studyId === id)!).find((s) => s.manufacturer === 'Planmed')!;
    const image = planmed.images[0];
    const pixels = renderStoredPixels({
      image,
      density: planmed.breasts[image.laterality].density,
      photometric: VENDOR_PROFILES.Planmed.photometric,
      textureSeed: planmed.textureSeed,
    });
    const actual = {
      breast: sha(breastLevelCsv(plan)),
      finding: sha(findingCsv(plan)),
      metadata: sha(metadataCsv(plan)),
      pixels: sha(new Uint8Array(pixels.buffer)),
    };
    expect(actual).toEqual(PINNED[GENERATOR_VERSION]);
  });
});
