// The one catalogue of data-quality rules: name, severity and plain explanations. The stats command reports them
// in this order (src/lib/release/quality-log.ts); the quality audit page shows one section per rule, rules that did
// not fire included (count 0). Pure.

import { qualityInstancesOfRule, siteUrl } from './site-data/outputs.ts';
import { studyViewerHref } from './site-pages.ts';
import type { QualityExample, QualityIssue, Severity } from './types.ts';

interface QualityRuleInfo {
  rule: string;
  severity: Severity;
  title: string;
  /** What the rule catches, in one plain sentence. */
  meaning: string;
  /** Why a QA reviewer or a dataset user should care. */
  whyItMatters: string;
}

/** The eight rules of the stats.json contract, in its order, then this project's own. */
export const QUALITY_RULES = [
  {
    rule: 'box-out-of-bounds',
    severity: 'warning',
    title: 'Box outside the image',
    meaning: "A finding box has an edge below 0 or beyond the image's width or height.",
    whyItMatters: 'Training code that crops or rescales boxes may crash or silently clip them; the lesion may be drawn in the wrong place.',
  },
  {
    rule: 'box-degenerate',
    severity: 'error',
    title: 'Degenerate box',
    meaning: 'A finding box with xmin ≥ xmax or ymin ≥ ymax, or a coordinate that is not a number.',
    whyItMatters: 'Such a box has no area: detectors cannot learn from it and metrics such as IoU are undefined for it.',
  },
  {
    rule: 'missing-view',
    severity: 'warning',
    title: 'Missing or repeated view',
    meaning: 'A study without exactly one image of each of L-CC, L-MLO, R-CC and R-MLO.',
    whyItMatters: 'Models and readers that expect the standard four-view exam will see gaps or duplicates.',
  },
  {
    rule: 'view-label-disagreement',
    severity: 'warning',
    title: 'Views of a breast disagree',
    meaning: 'The CC and MLO images of one breast carry different BI-RADS or density labels.',
    whyItMatters: 'BI-RADS and density are assessed per breast, so both views should agree; the statistics count the breast under the higher category.',
  },
  {
    rule: 'study-in-both-splits',
    severity: 'error',
    title: 'Study in both splits',
    meaning: 'A study whose images name both the training and the test split.',
    whyItMatters: 'Images of the same patient on both sides leak information from training into test and inflate reported results.',
  },
  {
    rule: 'finding-on-negative-breast',
    severity: 'error',
    title: 'Finding on a BI-RADS 1 breast',
    meaning: 'A finding box on a breast assessed BI-RADS 1 (negative).',
    whyItMatters: 'A negative breast should have no findings: either the box or the assessment is wrong.',
  },
  {
    rule: 'image-not-in-both-files',
    severity: 'error',
    title: 'Image in only one annotation file',
    meaning: 'An image listed in one annotation CSV and not in the other.',
    whyItMatters: 'Its breast-level labels or its boxes are missing, so counts from the two files do not match.',
  },
  {
    rule: 'age-missing',
    severity: 'info',
    title: 'Age missing',
    meaning: 'A study with no usable patient age.',
    whyItMatters: 'The study is left out of the age distribution and of any age-stratified analysis.',
  },
  {
    rule: 'duplicate-image',
    severity: 'error',
    title: 'Image listed twice',
    meaning: 'A breast-level row repeats an image id already listed; the repeat is not counted.',
    whyItMatters: 'A repeated image would be counted twice and could carry conflicting labels.',
  },
  {
    rule: 'finding-row-mismatch',
    severity: 'warning',
    title: 'Finding row disagrees with its image',
    meaning: "A finding row's study, laterality, view, labels or split differ from the breast-level row of the same image.",
    whyItMatters: 'The two annotation files describe the same image differently, so one of them is wrong; counts follow the breast-level file.',
  },
  {
    rule: 'metadata-image-unknown',
    severity: 'info',
    title: 'Metadata for an unknown image',
    meaning: 'A metadata.csv row for an image that the breast-level file does not list.',
    whyItMatters: 'Its age and vendor are not used; the files may come from different versions of the release.',
  },
  {
    rule: 'dicom-unreadable',
    severity: 'warning',
    title: 'DICOM header unreadable',
    meaning: 'A DICOM file under images/ exists but its header cannot be read (files that are absent are counted once, not here).',
    whyItMatters: 'Without metadata.csv its study may lose its age and its vendor; the viewer cannot show it; the file may be truncated or not a DICOM file.',
  },
  {
    rule: 'dicom-size-mismatch',
    severity: 'error',
    title: 'DICOM size differs from the CSV',
    meaning: 'The DICOM header\'s Rows × Columns differ from the height × width that the annotation CSVs give for the image.',
    whyItMatters: 'Boxes are in the CSV\'s pixel coordinates: on a file of another size they land in the wrong place or outside the pixels.',
  },
  {
    rule: 'finding-one-view-only',
    severity: 'info',
    title: 'Finding seen in one view only',
    meaning: 'A finding box none of whose categories occurs on any box of the other view (CC or MLO) of the same breast.',
    whyItMatters: 'Most lesions show on both views; a box without a counterpart may be a lesion only one view shows, or a box the annotators missed on the other view. The viewer shows which box pairs with which.',
  },
] as const satisfies readonly QualityRuleInfo[];

export type QualityRule = (typeof QUALITY_RULES)[number]['rule'];

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

interface QualityExampleRow extends QualityExample {
  /** Link to the study viewer when this build has the study's images, else null. */
  viewerHref: string | null;
}

export interface QualitySection extends QualityRuleInfo {
  /** Anchor id on the page. */
  id: string;
  count: number;
  examples: QualityExampleRow[];
  /** Every instance of the rule as CSV (the build writes it for each rule that fired), else null. */
  instancesHref: string | null;
}


/**
 * One section per rule of the catalogue (count 0 when a rule did not fire) plus any rule the catalogue does not know
 * (a stats.json from another version): the rules that fired first (what QA has to look at), each group by severity (errors first),
 * then in catalogue order (unknown rules by name). Examples link to the viewer for the studies in `viewableStudies` (every study of the release).
 */
export function qualitySections(issues: readonly QualityIssue[], viewableStudies: ReadonlySet<string>): QualitySection[] {
  const byRule = new Map(issues.map((issue) => [issue.rule, issue]));
  const known = new Set<string>(QUALITY_RULES.map((info) => info.rule));
  const extra: QualityRuleInfo[] = issues
    .filter((issue) => !known.has(issue.rule))
    .map((issue) => ({
      rule: issue.rule,
      severity: issue.severity,
      title: issue.rule,
      meaning: 'A check this version of the explorer does not know (the stats.json comes from another version); its examples show what it found.',
      whyItMatters: 'Review the examples below.',
    }))
    .sort((a, b) => (a.rule < b.rule ? -1 : 1));
  const infos: QualityRuleInfo[] = [...QUALITY_RULES, ...extra];
  const position = new Map(infos.map((info, i) => [info.rule, i]));
  return infos
    .map((info) => {
      const issue = byRule.get(info.rule);
      return {
        ...info,
        severity: issue?.severity ?? info.severity,
        id: `rule-${info.rule}`,
        count: issue?.count ?? 0,
        instancesHref: issue && issue.count > 0 ? siteUrl(qualityInstancesOfRule(info.rule)) : null,
        examples: (issue?.examples ?? []).map((example) => ({
          ...example,
          viewerHref: viewableStudies.has(example.study_id) ? studyViewerHref(example.study_id) : null,
        })),
      };
    })
    .sort(
      (a, b) =>
        Number(b.count > 0) - Number(a.count > 0) ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        (position.get(a.rule) ?? 0) - (position.get(b.rule) ?? 0),
    );
}
