// The home page's headline counts (studies, images, breasts, boxes), each with its split: one list for the ordinary
// home page and the published one, which differ only in how a count is written (a number, or "< K").
import type { PerSplit } from '../types.ts';

interface CountFigure {
  label: string;
  value: string;
  note: string;
}

type CountKey = 'studies' | 'images' | 'breasts' | 'findings';
const FIGURES: [CountKey, string][] = [
  ['studies', 'Studies'],
  ['images', 'Images'],
  ['breasts', 'Breasts'],
  ['findings', 'Boxes'],
];

export function countFigures<T>(counts: Record<CountKey, PerSplit<T>>, show: (count: T) => string): CountFigure[] {
  return FIGURES.map(([key, label]) => ({
    label,
    value: show(counts[key].all),
    note: `${show(counts[key].training)} training · ${show(counts[key].test)} test`,
  }));
}
