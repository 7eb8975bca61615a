// Which spacing a chest-wall distance uses, and the vendor table against the demo release's headers.
import { describe, expect, test } from 'vitest';
import { MANUFACTURERS, VENDOR_PROFILES } from '../../../src/lib/demo/vendors.ts';
import { pixelSpacingOf } from '../../../src/lib/lesions/pixel-spacing.ts';

describe('pixelSpacingOf', () => {
  test('header, then metadata.csv, then the vendor table, then the assumed 0.085 mm', () => {
    expect(pixelSpacingOf({ dicomMm: 0.07, metadataMm: 0.09, vendor: 'Planmed' })).toEqual({ mm: 0.07, source: 'dicom' });
    expect(pixelSpacingOf({ dicomMm: null, metadataMm: 0.09, vendor: 'Planmed' })).toEqual({ mm: 0.09, source: 'metadata' });
    expect(pixelSpacingOf({ metadataMm: 0, vendor: 'Planmed' })).toEqual({ mm: 0.1, source: 'vendor' });
    expect(pixelSpacingOf({ vendor: 'ACME' })).toEqual({ mm: 0.085, source: 'assumed' });
    expect(pixelSpacingOf({ dicomMm: Number.NaN })).toEqual({ mm: 0.085, source: 'assumed' });
  });

  test('the vendor table is the demo release’s detector pitch for each manufacturer', () => {
    for (const name of MANUFACTURERS) expect(pixelSpacingOf({ vendor: name }), name).toEqual({ mm: VENDOR_PROFILES[name].pixelSpacingMm, source: 'vendor' });
  });
});
