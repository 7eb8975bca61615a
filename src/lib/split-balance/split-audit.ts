// Shapes stats.json's splitBalance for the split-balance audit page: per attribute, each category's share of
// training and of test, the gap in percentage points, and the chi-square result; attributes ordered so the largest
// imbalances come first. Pure, so the page stays thin and the shaping is unit-tested.

import type { BalanceAttribute, RandomBaseline } from '../types.ts';

/** Plain names of the attributes stats.json tests, in the order the paper's tables use. */
export const BALANCE_ATTRIBUTE_LABELS: Readonly<Record<string, string>> = {
  breastBirads: 'Breast BI-RADS',
  breastDensity: 'Breast density',
  findingCategories: 'Finding categories',
  findingBirads: 'Finding BI-RADS',
  ageBins: 'Age (5-year bins)',
  vendor: 'Vendor',
};

interface CategoryBalance {
  category: string;
  training: number;
  test: number;
  /** Percent of the split's counts (0–100); 0 when the split has no counts. */
  trainingShare: number;
  testShare: number;
  /** trainingShare − testShare, in percentage points. */
  differencePp: number;
  /**
   * True for the category with the largest |differencePp| of its attribute (the first one on a tie), unless that
   * gap rounds to 0.0 pp: then nothing stands out and no category is flagged.
   */
  largest: boolean;
}

type EffectSize = 'negligible' | 'small' | 'medium' | 'large';

export interface AttributeBalance {
  key: string;
  label: string;
  unit: string;
  totals: { training: number; test: number };
  categories: CategoryBalance[];
  chi2: number;
  df: number;
  pValue: number;
  cramersV: number;
  effect: EffectSize;
  /** The largest |differencePp| of the attribute's categories (0 when it has none). */
  largestDifferencePp: number;
  /** The category with that gap, null when there are no categories. */
  largestCategory: string | null;
  /** p < 0.05: the shares differ more than chance would explain (the page highlights these). */
  significant: boolean;
  /** Why the test has nothing to compare (an empty split, a single category), or null when it does. */
  untestable: string | null;
}

/** Cohen's conventional labels for Cramér's V with two rows (df* = 1): 0.1 small, 0.3 medium, 0.5 large. */
function effectSize(cramersV: number): EffectSize {
  if (cramersV >= 0.5) return 'large';
  if (cramersV >= 0.3) return 'medium';
  if (cramersV >= 0.1) return 'small';
  return 'negligible';
}

const share = (count: number, total: number) => (total > 0 ? (count / total) * 100 : 0);

/** One attribute's table with shares and gaps. */
function attributeBalance(key: string, attribute: BalanceAttribute): AttributeBalance {
  const totals = {
    training: attribute.training.reduce((sum, n) => sum + n, 0),
    test: attribute.test.reduce((sum, n) => sum + n, 0),
  };
  const categories = attribute.categories.map((category, j) => {
    const trainingShare = share(attribute.training[j], totals.training);
    const testShare = share(attribute.test[j], totals.test);
    return { category, training: attribute.training[j], test: attribute.test[j], trainingShare, testShare, differencePp: trainingShare - testShare, largest: false };
  });
  let largestIndex = -1;
  categories.forEach((row, j) => {
    if (largestIndex < 0 || Math.abs(row.differencePp) > Math.abs(categories[largestIndex].differencePp)) largestIndex = j;
  });
  if (largestIndex >= 0 && Math.abs(categories[largestIndex].differencePp) >= 0.05) categories[largestIndex].largest = true;
  return {
    key,
    label: BALANCE_ATTRIBUTE_LABELS[key] ?? key,
    unit: attribute.unit,
    totals,
    categories,
    chi2: attribute.chi2,
    df: attribute.df,
    pValue: attribute.pValue,
    cramersV: attribute.cramersV,
    effect: effectSize(attribute.cramersV),
    largestDifferencePp: largestIndex >= 0 ? Math.abs(categories[largestIndex].differencePp) : 0,
    largestCategory: largestIndex >= 0 ? categories[largestIndex].category : null,
    significant: attribute.pValue < 0.05,
    untestable: untestableReason(attribute.unit, totals, categories.length),
  };
}

/** The degenerate tables chiSquareTest answers with χ² 0 and p 1, said in words. */
function untestableReason(unit: string, totals: { training: number; test: number }, categoryCount: number): string | null {
  const emptySplit = totals.training === 0 ? 'training' : totals.test === 0 ? 'test' : null;
  if (emptySplit) return `The ${emptySplit} split has no ${unit} here, so there are no shares to compare (χ² 0 and p 1 by definition).`;
  if (categoryCount < 2) return `Only one category occurs, so there are no shares to compare (χ² 0 and p 1 by definition).`;
  return null;
}

/** Every attribute, largest imbalance first: by Cramér's V, then by the largest gap, then by key (stable output). */
export function attributeBalances(attributes: Readonly<Record<string, BalanceAttribute>>): AttributeBalance[] {
  return Object.entries(attributes)
    .map(([key, attribute]) => attributeBalance(key, attribute))
    .sort((a, b) => b.cramersV - a.cramersV || b.largestDifferencePp - a.largestDifferencePp || (a.key < b.key ? -1 : 1));
}

/**
 * The page's one-sentence conclusion over the testable attributes, naming those it leaves out (not testable):
 * "None of the 4 tested attributes differs … This leaves out Age (5-year bins), Vendor, which could not be tested."
 */
export function splitConclusion(attributes: readonly AttributeBalance[]): string {
  const tested = attributes.filter((a) => a.untestable === null);
  const left = attributes.filter((a) => a.untestable !== null);
  const significant = tested.filter((a) => a.significant);
  let text =
    tested.length === 0
      ? 'No attribute could be tested.'
      : significant.length === 0
        ? `None of the ${tested.length} tested attributes differs between the splits beyond chance (every p ≥ 0.05).`
        : `${significant.map((a) => a.label).join(', ')}: the shares differ between the splits beyond chance (p < 0.05), highlighted below.`;
  if (left.length > 0) text += ` This leaves out ${left.map((a) => a.label).join(', ')}, which could not be tested (see “Not testable”).`;
  return text;
}

/** "0 studies in both splits", "1 series in both splits", "3 studies in both splits". */
export function leakageSentence(count: number, noun: 'studies' | 'series'): string {
  const word = noun === 'studies' && count === 1 ? 'study' : noun;
  return `${count.toLocaleString('en-US')} ${word} in both splits`;
}

/** A p-value as a reader wants it: "< 0.001" below that, else three decimals. */
export function formatPValue(p: number): string {
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

/** Signed percentage points with one decimal: "+1.2 pp", "−0.4 pp", "0.0 pp". */
export function formatPp(pp: number): string {
  // Round the magnitude so −0.45 and +0.45 show as −0.5 and +0.5 (Math.round alone rounds −4.5 up to −4).
  const magnitude = Math.round(Math.abs(pp) * 10) / 10;
  if (magnitude === 0) return '0.0 pp';
  return `${pp > 0 ? '+' : '−'}${magnitude.toFixed(1)} pp`;
}

/** Where the actual split's LD falls among the random splits, in one plain sentence. */
export function baselineSentence(actualLD: number, baseline: RandomBaseline): string {
  const percent = baseline.actualPercentile;
  const splits = `${baseline.draws.toLocaleString('en-US')} random ${Math.round(baseline.trainingShare * 100)}/${Math.round((1 - baseline.trainingShare) * 100)} study-level splits`;
  const position =
    percent <= 5
      ? 'better balanced than nearly all of them'
      : percent >= 95
        ? 'worse balanced than nearly all of them'
        : percent <= 50
          ? 'better balanced than a typical random split'
          : 'no better balanced than a typical random split';
  return `The actual split's LD (${formatLD(actualLD)}) is at or below the LD of ${formatPercent(percent)} of ${splits} (seed ${baseline.seed}): ${position}.`;
}

export function formatLD(value: number): string {
  return value === 0 ? '0' : value < 0.001 ? value.toExponential(2) : value.toFixed(4);
}

export function formatPercent(value: number): string {
  return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
}
