// The text drawn next to a box on the image: short category names (four views are small), the finding's BI-RADS
// and a mark for boxes cut at the image edge. The legend and the side panel give the full names.

import type { SampleBox } from '../types.ts';

/** Short names for the on-image labels, per finding category of the release. */
export const SHORT_CATEGORY: Readonly<Record<string, string>> = {
  Mass: 'Mass',
  'Suspicious Calcification': 'Calc.',
  Asymmetry: 'Asym.',
  'Focal Asymmetry': 'Focal asym.',
  'Global Asymmetry': 'Global asym.',
  'Architectural Distortion': 'Distortion',
  'Skin Thickening': 'Skin thick.',
  'Skin Retraction': 'Skin retr.',
  'Nipple Retraction': 'Nipple retr.',
  'Suspicious Lymph Node': 'Lymph node',
};

/** "Calc. + Distortion · B5", "Lymph node · ✂ clipped": categories, finding BI-RADS (B3–B5) and the clipping mark. */
export function boxLabel(box: SampleBox, clipped: boolean): string {
  const names = box.categories.map((c) => SHORT_CATEGORY[c] ?? c).join(' + ');
  const birads = box.findingBirads === 'none' ? '' : ` · B${box.findingBirads}`;
  return `${names}${birads}${clipped ? ' · ✂ clipped' : ''}`;
}
