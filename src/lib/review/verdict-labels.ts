// The words the pages use for each verdict, one place for the summary and the exports' readers.
import type { RuleColumn } from './review-summary.ts';
import type { ImageProblemKind } from './verdict-types.ts';

export const VERDICT_LABELS: Record<RuleColumn, string> = {
  correct: 'correct',
  'wrong-geometry': 'wrong position or size',
  'wrong-category': 'wrong category',
  'wrong-birads': 'wrong finding BI-RADS',
  'not-a-finding': 'not a finding',
  missed: 'missed finding',
  'image-problem': 'image problem',
  reviewed: 'study reviewed',
};

export const IMAGE_PROBLEM_LABELS: Record<ImageProblemKind, string> = {
  artefact: 'artefact',
  'wrong-laterality-or-view': 'wrong laterality or view',
  other: 'other',
};
