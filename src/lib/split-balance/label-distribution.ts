// Label distribution (LD) and examples distribution (ED) of Sechidis, Tsoumakas & Vlahavas (2011), "On the
// stratification of multi-label data", with k = 2 subsets (training, test) and examples = studies, as STATS.md
// defines them. LD says how far each subset's label ratios drift from the whole release's; ED how far the subset
// sizes drift from the 80/20 that was aimed at. 0 is perfect for both.

import { asEncodedStudies, trainingLabelCounts, type EncodedStudies, type LabelledStudy } from './label-encoding.ts';

export type { LabelledStudy } from './label-encoding.ts';

/**
 * Sᵢʲ / (|Sᵢ| − Sᵢʲ): the ratio of studies with label j to studies without it in a subset. When every study of
 * the subset has the label (or the subset is empty) the denominator is 0; we then divide by 1 instead, i.e. treat
 * the subset as if one study lacked the label. That keeps LD finite and still large for a subset where a label
 * that most of the release lacks is everywhere, instead of silently dropping the term (which would make the
 * worst splits look best). An empty subset contributes 0 / 1 = 0, so its term is the whole-release ratio.
 */
function positiveToNegativeRatio(withLabel: number, size: number): number {
  return withLabel / Math.max(size - withLabel, 1);
}

/**
 * LD from integer counts: `labelTotals[j]` = Dʲ (every label must be informative: 0 < Dʲ < |D|), and
 * `trainingWithLabel[j]` = S_trainingʲ; the test counts are the difference. Returns 0 when there are no labels.
 * Exported for the random baseline, which calls it once per draw.
 */
export function labelDistributionFromCounts(
  studyCount: number,
  trainingCount: number,
  labelTotals: ArrayLike<number>,
  trainingWithLabel: ArrayLike<number>,
): number {
  const q = labelTotals.length;
  if (q === 0) return 0;
  const testCount = studyCount - trainingCount;
  let sum = 0;
  for (let j = 0; j < q; j++) {
    const whole = labelTotals[j] / (studyCount - labelTotals[j]);
    const inTraining = trainingWithLabel[j];
    const inTest = labelTotals[j] - inTraining;
    sum +=
      (Math.abs(positiveToNegativeRatio(inTraining, trainingCount) - whole) +
        Math.abs(positiveToNegativeRatio(inTest, testCount) - whole)) /
      2;
  }
  return sum / q;
}

/**
 * LD = (1/q) Σⱼ (1/k) Σᵢ | Sᵢʲ / (|Sᵢ| − Sᵢʲ) − Dʲ / (|D| − Dʲ) | over the q labels present in at least one
 * study and absent from at least one (so Dʲ / (|D| − Dʲ) is always defined). No studies or no such labels → 0.
 * A subset where every study has a label divides by 1 instead of 0 (see positiveToNegativeRatio).
 */
export function labelDistribution(studies: readonly LabelledStudy[] | EncodedStudies): number {
  const encoded = asEncodedStudies(studies);
  return labelDistributionFromCounts(encoded.inTraining.length, encoded.trainingCount, encoded.labelTotals, trainingLabelCounts(encoded));
}

/**
 * ED = (1/k) Σᵢ | |Sᵢ| − cᵢ |, where cᵢ = |D| × the share aimed at for subset i (`aimedTrainingShare` for
 * training, the rest for test). With two subsets both terms are equal, so ED = | training − share × |D| |.
 * No studies → 0.
 */
export function examplesDistribution(sizes: { training: number; test: number }, aimedTrainingShare = 0.8): number {
  const total = sizes.training + sizes.test;
  const aimedTraining = total * aimedTrainingShare;
  // total − aimedTraining, not total × (1 − share): 1 − 0.8 is not exactly 0.2 in floating point, and an exact
  // 4000/1000 split of 5,000 studies must give ED 0, not 1e-13.
  const aimedTest = total - aimedTraining;
  return (Math.abs(sizes.training - aimedTraining) + Math.abs(sizes.test - aimedTest)) / 2;
}
