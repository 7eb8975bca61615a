// What the review page shows of the stored verdicts: counts per finding category and per quality rule (by verdict),
// image problems, studies reviewed, the reviewers, and the boxes on which two reviewers' newest verdicts differ.
import { FINDING_CATEGORIES, NO_FINDING } from '../vocabulary.ts';
import type { RuleMembers } from './rule-instances.ts';
import { BOX_VERDICTS, IMAGE_PROBLEMS, type BoxRef, type BoxVerdict, type BoxVerdictKind, type ImageProblemKind, type Verdict } from './verdict-types.ts';

/** The columns of the per-category table: the five box verdicts and the missed findings. */
export const CATEGORY_COLUMNS: readonly CategoryColumn[] = [...BOX_VERDICTS, 'missed'];
type CategoryColumn = BoxVerdictKind | 'missed';
/** The per-rule table adds the image problems and "reviewed" (rules on images and studies). */
export const RULE_COLUMNS = [...CATEGORY_COLUMNS, 'image-problem', 'reviewed'] as const;
export type RuleColumn = (typeof RULE_COLUMNS)[number];

interface Disagreement {
  key: string;
  target: BoxRef;
  verdicts: Pick<BoxVerdict, 'reviewer' | 'verdict' | 'corrected' | 'time' | 'comment'>[];
}

export interface ReviewSummary {
  verdicts: number;
  reviewers: { name: string; verdicts: number }[];
  perCategory: { category: string; counts: Record<CategoryColumn, number> }[];
  /** null when the build wrote no quality-instances.csv. */
  perRule: { rule: string; severity: string; instances: number; counts: Record<RuleColumn, number> }[] | null;
  imageProblems: Record<ImageProblemKind, number>;
  studiesReviewed: number;
  disagreements: Disagreement[];
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

function columnOf(verdict: Verdict): RuleColumn {
  return verdict.kind === 'box' ? verdict.verdict : verdict.kind;
}

/** The release's category order first, then any other spelling a verdict carries, alphabetically. */
function categoryOrder(seen: Iterable<string>): string[] {
  const others = [...seen].filter((category) => !FINDING_CATEGORIES.includes(category)).sort();
  return [...FINDING_CATEGORIES.filter((category) => category !== NO_FINDING), ...others];
}

/** `boxLines`: box key → its finding_annotations.csv lines; `rules`: the rules' members (null: none published). */
export function summarizeReview(verdicts: readonly Verdict[], boxLines: ReadonlyMap<string, number[]>, rules: readonly RuleMembers[] | null): ReviewSummary {
  const reviewers = new Map<string, number>();
  const categories = new Map<string, Record<CategoryColumn, number>>();
  const imageProblems = zeros(IMAGE_PROBLEMS);
  const reviewedStudies = new Set<string>();
  for (const verdict of verdicts) {
    reviewers.set(verdict.reviewer, (reviewers.get(verdict.reviewer) ?? 0) + 1);
    if (verdict.kind === 'image-problem') imageProblems[verdict.problem]++;
    if (verdict.kind === 'reviewed') reviewedStudies.add(verdict.target.studyId);
    if (verdict.kind !== 'box' && verdict.kind !== 'missed') continue;
    const column = columnOf(verdict) as CategoryColumn;
    for (const category of new Set(verdict.target.categories)) {
      if (category === NO_FINDING) continue;
      const counts = categories.get(category) ?? zeros(CATEGORY_COLUMNS);
      categories.set(category, counts);
      counts[column]++;
    }
  }
  return {
    verdicts: verdicts.length,
    reviewers: [...reviewers].map(([name, count]) => ({ name, verdicts: count })).sort((a, b) => (a.name < b.name ? -1 : 1)),
    perCategory: categoryOrder(categories.keys()).map((category) => ({ category, counts: categories.get(category) ?? zeros(CATEGORY_COLUMNS) })),
    perRule: rules === null ? null : rules.map((members) => ({ rule: members.rule, severity: members.severity, instances: members.instances, counts: ruleCounts(verdicts, members, boxLines) })),
    imageProblems,
    studiesReviewed: reviewedStudies.size,
    disagreements: disagreements(verdicts),
  };
}

/** Verdicts on the rule's instances: boxes by their CSV line, missed findings and image problems by image, studies by id. */
function ruleCounts(verdicts: readonly Verdict[], members: RuleMembers, boxLines: ReadonlyMap<string, number[]>): Record<RuleColumn, number> {
  const counts = zeros(RULE_COLUMNS);
  for (const verdict of verdicts) {
    const inRule =
      verdict.kind === 'box' ? (boxLines.get(verdict.key) ?? []).some((line) => members.findingLines.has(line))
      : verdict.kind === 'reviewed' ? members.studies.has(verdict.target.studyId)
      : members.images.has(verdict.target.imageId);
    if (inRule) counts[columnOf(verdict)]++;
  }
  return counts;
}

/** Box verdicts with two or more reviewers whose verdicts (and typed corrections) are not the same. */
function disagreements(verdicts: readonly Verdict[]): Disagreement[] {
  const byKey = new Map<string, BoxVerdict[]>();
  for (const verdict of verdicts) {
    if (verdict.kind !== 'box') continue;
    byKey.set(verdict.key, [...(byKey.get(verdict.key) ?? []), verdict]);
  }
  const decision = (verdict: BoxVerdict) => JSON.stringify([verdict.verdict, verdict.corrected?.categories ?? null, verdict.corrected?.findingBirads ?? null, verdict.corrected?.box ?? null]);
  const found: Disagreement[] = [];
  for (const [key, list] of byKey) {
    if (new Set(list.map(decision)).size < 2) continue;
    const sorted = [...list].sort((a, b) => (a.reviewer < b.reviewer ? -1 : 1));
    found.push({ key, target: sorted[0].target, verdicts: sorted.map(({ reviewer, verdict, corrected, time, comment }) => ({ reviewer, verdict, corrected, time, comment })) });
  }
  return found.sort((a, b) => (a.target.studyId === b.target.studyId ? (a.key < b.key ? -1 : 1) : a.target.studyId < b.target.studyId ? -1 : 1));
}
