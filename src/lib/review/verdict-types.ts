// src/lib/review/verdict-types.ts — what a reviewer says about a study, its boxes and its images.
import type { Box, Laterality, ViewPosition } from '../types.ts';

export const BOX_VERDICTS = ['correct', 'wrong-geometry', 'wrong-category', 'wrong-birads', 'not-a-finding'] as const;
export type BoxVerdictKind = (typeof BOX_VERDICTS)[number];
export const IMAGE_PROBLEMS = ['artefact', 'wrong-laterality-or-view', 'other'] as const;
export type ImageProblemKind = (typeof IMAGE_PROBLEMS)[number];

/** Where a verdict points: an image of a study, and for box verdicts the box as the CSV gives it (image pixels). */
export interface ImageRef { studyId: string; imageId: string; laterality: Laterality; view: ViewPosition }
export interface BoxRef extends ImageRef { box: Box; categories: string[]; findingBirads: string }

interface VerdictBase { key: string; reviewer: string; time: string /* ISO 8601 */; comment: string }
export interface BoxVerdict extends VerdictBase { kind: 'box'; target: BoxRef; verdict: BoxVerdictKind;
  /** Optional corrections a reviewer typed for wrong-category / wrong-birads / wrong-geometry. */
  corrected?: { categories?: string[]; findingBirads?: string; box?: Box } }
export interface MissedFinding extends VerdictBase { kind: 'missed'; target: BoxRef }
export interface ImageProblem extends VerdictBase { kind: 'image-problem'; target: ImageRef; problem: ImageProblemKind }
export interface StudyReviewed extends VerdictBase { kind: 'reviewed'; target: { studyId: string } }
export type Verdict = BoxVerdict | MissedFinding | ImageProblem | StudyReviewed;
