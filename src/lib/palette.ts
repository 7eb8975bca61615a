// One fixed colour per category, the same on every page and in the viewer. Built from the Okabe–Ito and Paul Tol
// colour-blind-safe sets; the finding colours are also bright enough to read as box outlines over a black
// mammogram (contrast ≥ 3:1 against #000, checked by test/lib/palette.test.ts). Colour is never the only cue:
// every chart also labels its marks and has a data table.

/** Finding categories (Table 5 order). Warm hues for the suspicious lesions, cool for asymmetries, earthy for skin. */
const FINDING_COLORS: Readonly<Record<string, string>> = {
  Mass: '#E8602C',
  'Suspicious Calcification': '#3D8FD6',
  Asymmetry: '#44AA99',
  'Focal Asymmetry': '#1FB37A',
  'Global Asymmetry': '#99AA33',
  'Architectural Distortion': '#CC79A7',
  'Skin Thickening': '#E6A000',
  'Skin Retraction': '#C8A878',
  'Nipple Retraction': '#56B4E9',
  'Suspicious Lymph Node': '#D65F8A',
};

/** Breast BI-RADS: blue for normal/benign, warm and darker as suspicion rises. */
const BIRADS_COLORS: Readonly<Record<string, string>> = {
  '0': '#9AA0A6',
  '1': '#3B7DB8',
  '2': '#8CC4E8',
  '3': '#F0B443',
  '4': '#D9622B',
  '5': '#9B2D5B',
  '6': '#5A1E3C',
};

/** A finding's own BI-RADS; "none" (no BI-RADS given) is neutral grey. */
const FINDING_BIRADS_COLORS: Readonly<Record<string, string>> = {
  '3': BIRADS_COLORS['3'],
  '4': BIRADS_COLORS['4'],
  '5': BIRADS_COLORS['5'],
  none: '#9AA0A6',
};

/** Breast density A (fatty) → D (extremely dense): one sequential blue ramp. */
const DENSITY_COLORS: Readonly<Record<string, string>> = {
  A: '#A6CEE8',
  B: '#6AAED6',
  C: '#3182BD',
  D: '#1F5A9E',
};

/** Splits: the classic Okabe–Ito blue/orange pair; "all" is neutral. */
const SPLIT_COLORS: Readonly<Record<string, string>> = {
  training: '#0072B2',
  test: '#E69F00',
  all: '#6B7280',
};

/** The paper's screening grouping, coloured like its BI-RADS members. */
const SCREENING_COLORS: Readonly<Record<string, string>> = {
  normal: BIRADS_COLORS['1'],
  benign: BIRADS_COLORS['2'],
  recall: BIRADS_COLORS['4'],
};

/** Mammography vendors (Manufacturer) of the release, from Paul Tol's colour-blind-safe "bright" set. */
const VENDOR_COLORS: Readonly<Record<string, string>> = {
  SIEMENS: '#4477AA',
  Planmed: '#EE6677',
  'IMS s.r.l.': '#228833',
  'IMS GIOTTO S.p.A.': '#CCBB44',
};

/** Fallback for spellings outside the vocabulary (a future release): stable neutral grey. */
export const UNKNOWN_COLOR = '#8A8F98';

export type PaletteName = 'finding' | 'birads' | 'findingBirads' | 'density' | 'split' | 'screening' | 'vendor';

const PALETTES: Record<PaletteName, Readonly<Record<string, string>>> = {
  finding: FINDING_COLORS,
  birads: BIRADS_COLORS,
  findingBirads: FINDING_BIRADS_COLORS,
  density: DENSITY_COLORS,
  split: SPLIT_COLORS,
  screening: SCREENING_COLORS,
  vendor: VENDOR_COLORS,
};

/** The fixed colour of `key` in `palette`; unknown keys get UNKNOWN_COLOR rather than a shifting hue. */
export function colorOf(palette: PaletteName, key: string): string {
  return PALETTES[palette][key] ?? UNKNOWN_COLOR;
}

/** WCAG relative luminance of a #rrggbb colour (for the contrast checks and for picking label ink). */
function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio between two #rrggbb colours. */
function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white text, whichever reads better on `background`. */
export function inkOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}
