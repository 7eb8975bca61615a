// How each verdict reads at a glance on the overlay and in the side panel: its number key, its words, a short mark
// and a colour (the mark carries the meaning, the colour only helps: colour is never the only cue).

import { BOX_VERDICTS, type BoxVerdictKind, type ImageProblemKind } from './verdict-types.ts';

interface VerdictMark {
  /** The number key that gives it (1–5). */
  key: string;
  label: string;
  /** A glyph and a word or two, drawn on the box's corner. */
  mark: string;
  colour: string;
}

const MARKS: Readonly<Record<BoxVerdictKind, Omit<VerdictMark, 'key'>>> = {
  correct: { label: 'Correct', mark: '✓ correct', colour: '#1FB37A' },
  'wrong-geometry': { label: 'Wrong position or size', mark: '⤡ position/size', colour: '#E6A000' },
  'wrong-category': { label: 'Wrong category', mark: '≠ category', colour: '#E8602C' },
  'wrong-birads': { label: 'Wrong finding BI-RADS', mark: '≠ BI-RADS', colour: '#CC79A7' },
  'not-a-finding': { label: 'Not a finding', mark: '✗ not a finding', colour: '#D62D2D' },
};

export function verdictMark(kind: BoxVerdictKind): VerdictMark {
  return { key: String(BOX_VERDICTS.indexOf(kind) + 1), ...MARKS[kind] };
}

/** The verdict a number key gives, or null for another key. */
export function verdictOfKey(key: string): BoxVerdictKind | null {
  return /^[1-5]$/.test(key) ? BOX_VERDICTS[Number(key) - 1] : null;
}

export const IMAGE_PROBLEM_LABELS: Readonly<Record<ImageProblemKind, string>> = {
  artefact: 'Artefact',
  'wrong-laterality-or-view': 'Wrong laterality or view',
  other: 'Other problem',
};

/** Colour of a missed finding the reviewer drew (apart from every category's and verdict's colour). */
export const MISSED_COLOUR = '#FF4FD8';
/** Outline of a box in question that has no verdict yet. */
export const IN_QUESTION_COLOUR = '#FFE14D';

