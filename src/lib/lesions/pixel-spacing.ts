// How many millimetres one image pixel spans, and where that figure came from: the DICOM header the build read,
// else metadata.csv's Pixel Spacing, else the vendor's usual detector pitch (table below), else an assumed
// 0.085 mm (the pitch of the release's most common detector). The lesion links measure chest-wall distances with it.

/** Where a spacing came from, best first. */
export type SpacingSource = 'dicom' | 'metadata' | 'vendor' | 'assumed';

export interface PixelSpacing {
  /** Millimetres per pixel along a row (the chest-wall distance runs along rows). */
  mm: number;
  source: SpacingSource;
}

/**
 * The usual pixel spacing of each manufacturer the release names (DATASET.md), in mm: SIEMENS Mammomat Inspiration
 * 0.085 (its 85 µm selenium detector), Planmed Nuance 0.1, IMS Giotto 0.083. The same figures the demo release
 * writes into its headers (test/lib/lesions/pixel-spacing.test.ts checks they agree).
 */
const VENDOR_PIXEL_SPACING_MM: Readonly<Record<string, number>> = {
  SIEMENS: 0.085,
  Planmed: 0.1,
  'IMS s.r.l.': 0.083,
  'IMS GIOTTO S.p.A.': 0.083,
};

/** When nothing names the image's detector: the release's most common one (SIEMENS, 3 of 4 images). */
const ASSUMED_SPACING_MM = 0.085;

/** The first usable spacing of header, metadata.csv and vendor table; a value ≤ 0 or not finite is not usable. */
export function pixelSpacingOf(facts: { dicomMm?: number | null; metadataMm?: number | null; vendor?: string | null }): PixelSpacing {
  const usable = (mm: number | null | undefined): mm is number => typeof mm === 'number' && Number.isFinite(mm) && mm > 0;
  if (usable(facts.dicomMm)) return { mm: facts.dicomMm, source: 'dicom' };
  if (usable(facts.metadataMm)) return { mm: facts.metadataMm, source: 'metadata' };
  const byVendor = facts.vendor ? VENDOR_PIXEL_SPACING_MM[facts.vendor] : undefined;
  if (usable(byVendor)) return { mm: byVendor, source: 'vendor' };
  return { mm: ASSUMED_SPACING_MM, source: 'assumed' };
}
