// The four manufacturers of the release and what their images look like in the header: size, photometric
// interpretation, spacing, window presets. Values the CSVs and the DICOM headers of the demo share.

import type { Rng } from './rng.ts';

export type Manufacturer = 'SIEMENS' | 'Planmed' | 'IMS s.r.l.' | 'IMS GIOTTO S.p.A.';
export type Photometric = 'MONOCHROME1' | 'MONOCHROME2';

export interface VendorProfile {
  manufacturer: Manufacturer;
  /** Vendor family for coverage (the two IMS manufacturers are one vendor). */
  family: 'SIEMENS' | 'Planmed' | 'IMS';
  model: string;
  photometric: Photometric;
  rows: number;
  /** Fixed width, or null when each image draws one from `imsWidths`. */
  columns: number | null;
  pixelSpacingMm: number;
  /** Stored values are 12-bit in every vendor's files. */
  bitsStored: 12;
  pixelPaddingValue: number;
  rescaleType: string;
  /** Multi-valued window presets (list literals in metadata.csv). */
  multiWindow: boolean;
  windowExplanation: string;
}

export const MANUFACTURERS: readonly Manufacturer[] = ['SIEMENS', 'Planmed', 'IMS s.r.l.', 'IMS GIOTTO S.p.A.'];

export const VENDOR_PROFILES: Record<Manufacturer, VendorProfile> = {
  SIEMENS: {
    manufacturer: 'SIEMENS',
    family: 'SIEMENS',
    model: 'Mammomat Inspiration',
    photometric: 'MONOCHROME2',
    rows: 3518,
    columns: 2800,
    pixelSpacingMm: 0.085,
    bitsStored: 12,
    pixelPaddingValue: 0,
    rescaleType: 'US',
    multiWindow: false,
    windowExplanation: 'NORMAL',
  },
  Planmed: {
    manufacturer: 'Planmed',
    family: 'Planmed',
    model: 'Planmed Nuance',
    photometric: 'MONOCHROME1',
    rows: 2812,
    columns: 2012,
    pixelSpacingMm: 0.1,
    bitsStored: 12,
    pixelPaddingValue: 4095,
    rescaleType: '',
    multiWindow: false,
    windowExplanation: '',
  },
  'IMS s.r.l.': {
    manufacturer: 'IMS s.r.l.',
    family: 'IMS',
    model: 'GIOTTO IMAGE 3DL',
    photometric: 'MONOCHROME2',
    rows: 3580,
    columns: null,
    pixelSpacingMm: 0.083,
    bitsStored: 12,
    pixelPaddingValue: 0,
    rescaleType: 'US',
    multiWindow: false,
    windowExplanation: '',
  },
  'IMS GIOTTO S.p.A.': {
    manufacturer: 'IMS GIOTTO S.p.A.',
    family: 'IMS',
    model: 'GIOTTO CLASS',
    photometric: 'MONOCHROME2',
    rows: 3580,
    columns: null,
    pixelSpacingMm: 0.083,
    bitsStored: 12,
    pixelPaddingValue: 0,
    rescaleType: 'US',
    multiWindow: true,
    windowExplanation: "['NORMAL', 'HARDER']",
  },
};

/**
 * The IMS detectors crop to varying widths; the real release has 56 distinct IMS sizes (58 in all). The set is
 * drawn once per seed, always including both ends of the range.
 */
export function drawImsWidths(rng: Rng): number[] {
  const widths = new Set<number>([2531, 2812]);
  while (widths.size < 56) widths.add(2531 + rng.int(2812 - 2531 + 1));
  return [...widths].sort((a, b) => a - b);
}

/** One image's display window: several presets for multi-window models, the first being the primary one. */
export interface WindowPresets {
  centers: number[];
  widths: number[];
}

export function drawWindow(profile: VendorProfile, rng: Rng): WindowPresets {
  if (profile.multiWindow) return { centers: [2047, 2047], widths: [4095, 2730] };
  if (profile.family === 'Planmed') {
    return { centers: [Math.round(rng.normal(1950, 60))], widths: [Math.round(rng.normal(2300, 120))] };
  }
  if (profile.family === 'IMS') {
    return { centers: [Math.round(rng.normal(2060, 50))], widths: [Math.round(rng.normal(2600, 120))] };
  }
  return { centers: [Math.round(rng.normal(2150, 90))], widths: [Math.round(rng.normal(1900, 120))] };
}
