// The findings (lesions) of one split and the breasts they sit on. A finding is drawn on the CC view, the MLO view
// or both; each drawing is one box, and Table 5 counts boxes (once per category), so the findings are built
// against the remaining per-category box budget until it is exactly spent.

import type { FindingBiradsKey, Laterality, ViewPosition } from '../types.ts';
import type { Rng } from './rng.ts';

export interface FindingPlan {
  categories: string[];
  views: ViewPosition[];
  findingBirads: FindingBiradsKey;
  studyIndex: number;
  laterality: Laterality;
}

export interface BreastRef {
  studyIndex: number;
  laterality: Laterality;
  birads: string;
}

/** Categories that carry a BI-RADS of their own; the others (skin, nipple, lymph node) alone leave it empty. */
const BIRADS_BEARING = new Set([
  'Mass',
  'Suspicious Calcification',
  'Asymmetry',
  'Focal Asymmetry',
  'Global Asymmetry',
  'Architectural Distortion',
]);

/** Category combinations seen on multi-category boxes, with relative frequency. First category = the lesion drawn. */
const COMBOS: { categories: string[]; weight: number }[] = [
  { categories: ['Mass', 'Suspicious Calcification'], weight: 30 },
  { categories: ['Mass', 'Architectural Distortion'], weight: 10 },
  { categories: ['Nipple Retraction', 'Mass'], weight: 9 },
  { categories: ['Mass', 'Skin Thickening'], weight: 7 },
  { categories: ['Mass', 'Skin Retraction'], weight: 5 },
  { categories: ['Focal Asymmetry', 'Suspicious Calcification'], weight: 12 },
  { categories: ['Architectural Distortion', 'Suspicious Calcification'], weight: 8 },
  { categories: ['Asymmetry', 'Suspicious Calcification'], weight: 4 },
  { categories: ['Skin Thickening', 'Nipple Retraction'], weight: 3 },
  { categories: ['Mass', 'Skin Retraction', 'Nipple Retraction'], weight: 2 },
  { categories: ['Mass', 'Suspicious Calcification', 'Architectural Distortion'], weight: 2 },
];

/** Share of findings drawn on both views; of the rest, most are seen on the MLO only (140 vs 26 breasts). */
const BOTH_VIEWS = 0.78;
const MLO_ONLY = 0.84;

function drawViews(budget: number, rng: Rng): ViewPosition[] {
  if (budget >= 2 && rng.chance(BOTH_VIEWS)) return ['CC', 'MLO'];
  return [rng.chance(MLO_ONLY) ? 'MLO' : 'CC'];
}

/** Findings whose boxes spend the category budget exactly; `multiBoxes` boxes carry several categories. */
export function planFindingShapes(
  budget: Record<string, number>,
  multiBoxes: number,
  rng: Rng,
): { categories: string[]; views: ViewPosition[] }[] {
  const left = { ...budget };
  const out: { categories: string[]; views: ViewPosition[] }[] = [];
  let multi = 0;
  while (multi < multiBoxes) {
    const weights = COMBOS.map((c) => (c.categories.every((k) => (left[k] ?? 0) >= 1) ? c.weight : 0));
    if (weights.every((w) => w === 0)) break;
    const combo = COMBOS[rng.weighted(weights)];
    const views = drawViews(Math.min(...combo.categories.map((k) => left[k])), rng);
    for (const k of combo.categories) left[k] -= views.length;
    multi += views.length;
    out.push({ categories: combo.categories, views });
  }
  for (const [category, n] of Object.entries(left)) {
    let remaining = n;
    while (remaining > 0) {
      const views = drawViews(remaining, rng);
      remaining -= views.length;
      out.push({ categories: [category], views });
    }
  }
  return rng.shuffle(out);
}

/** How well a lesion fits a breast assessment: calcifications and distortions lean suspicious, asymmetries benign. */
const AFFINITY: Record<string, Record<string, number>> = {
  '3': { Mass: 1, 'Suspicious Calcification': 0.6, Asymmetry: 1.4, 'Focal Asymmetry': 1.4, 'Global Asymmetry': 1.2, 'Architectural Distortion': 0.3 },
  '4': { Mass: 1, 'Suspicious Calcification': 1, Asymmetry: 0.4, 'Focal Asymmetry': 0.6, 'Global Asymmetry': 0.5, 'Architectural Distortion': 1 },
  '5': { Mass: 1.3, 'Suspicious Calcification': 1.2, Asymmetry: 0.1, 'Focal Asymmetry': 0.2, 'Global Asymmetry': 0.3, 'Architectural Distortion': 1.3 },
};

function affinity(categories: string[], birads: string): number {
  let best = 0.05;
  for (const k of categories) best = Math.max(best, AFFINITY[birads]?.[k] ?? 0);
  return best;
}

/** Extra findings per breast grow with suspicion: BI-RADS 5 breasts hold about twice the boxes of BI-RADS 3. */
const EXTRA_WEIGHT: Record<string, number> = { '3': 0.03, '4': 1, '5': 2.6 };
const EMPTY_WEIGHT: Record<string, number> = { '3': 0.05, '4': 1, '5': 2.8 };

/** An extra finding's own BI-RADS given its breast's (never above it). */
function extraFindingBirads(breastBirads: string, rng: Rng): FindingBiradsKey {
  if (breastBirads === '3') return '3';
  if (breastBirads === '4') return rng.chance(0.22) ? '3' : '4';
  const r = rng.next();
  return r < 0.02 ? '3' : r < 0.78 ? '4' : '5';
}

/**
 * Places findings on breasts: every suspicious breast (BI-RADS 3–5) gets one index finding with its own BI-RADS,
 * further findings go preferably to BI-RADS 4–5 breasts, non-BI-RADS findings mostly beside them and about
 * `birads2Boxes` boxes' worth on BI-RADS 2 breasts.
 */
export function placeFindings(
  shapes: { categories: string[]; views: ViewPosition[] }[],
  breasts: BreastRef[],
  birads2Boxes: number,
  rng: Rng,
): FindingPlan[] {
  const bearing = shapes.filter((s) => s.categories.some((k) => BIRADS_BEARING.has(k)));
  const plain = shapes.filter((s) => !s.categories.some((k) => BIRADS_BEARING.has(k)));
  const suspicious = breasts.filter((b) => b.birads >= '3' && b.birads <= '5');
  const benign = breasts.filter((b) => b.birads === '2');
  const out: FindingPlan[] = [];
  const put = (s: { categories: string[]; views: ViewPosition[] }, b: BreastRef, findingBirads: FindingBiradsKey) =>
    out.push({ ...s, findingBirads, studyIndex: b.studyIndex, laterality: b.laterality });

  // Index findings, most suspicious breasts first so they get the best-fitting lesions.
  const order = [...suspicious].sort((a, b) => (a.birads < b.birads ? 1 : a.birads > b.birads ? -1 : 0));
  const pool = [...bearing];
  for (const breast of order) {
    if (pool.length === 0) break;
    const i = rng.weighted(pool.map((s) => affinity(s.categories, breast.birads)));
    put(pool.splice(i, 1)[0], breast, breast.birads as FindingBiradsKey);
  }
  const extraWeights = suspicious.map((b) => EXTRA_WEIGHT[b.birads]);
  for (const s of pool) {
    const breast = suspicious[rng.weighted(extraWeights)];
    put(s, breast, extraFindingBirads(breast.birads, rng));
  }

  // Non-BI-RADS findings: a few benign skin/lymph-node findings on BI-RADS 2 breasts, the rest beside suspicious ones.
  let onBenign = 0;
  const emptyWeights = suspicious.map((b) => EMPTY_WEIGHT[b.birads]);
  for (const s of plain) {
    const benignKind = s.categories.length === 1 && (s.categories[0] === 'Skin Thickening' || s.categories[0] === 'Suspicious Lymph Node');
    if (benignKind && onBenign < birads2Boxes && benign.length > 0) {
      put(s, benign[rng.int(benign.length)], 'none');
      onBenign += s.views.length;
    } else {
      put(s, suspicious[rng.weighted(emptyWeights)], 'none');
    }
  }
  return out;
}
