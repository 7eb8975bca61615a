// Age bins for a build that may be published: the extreme 5-year bins merge into open-ended ones ("< 35", "≥ 80")
// until each holds at least K studies in every split that has any, so the youngest and oldest patients hide in a
// crowd; empty bins at either end are dropped first. Middle bins are left to the ordinary suppression.

import type { AgeBin } from '../types.ts';

/** A bin of the public age table: `from` null is open below ("< to"), `to` null open above ("≥ from"). */
export interface MergedAgeBin {
  from: number | null;
  to: number | null;
  training: number;
  test: number;
  all: number;
}

function tooSmall(bin: AgeBin, minCell: number): boolean {
  const small = (n: number) => n > 0 && n < minCell;
  return bin.all < minCell || small(bin.training) || small(bin.test);
}

function merged(a: AgeBin, b: AgeBin): AgeBin {
  return { from: Math.min(a.from, b.from), to: Math.max(a.to, b.to), training: a.training + b.training, test: a.test + b.test, all: a.all + b.all };
}

export function mergeAgeBins(bins: readonly AgeBin[], minCell: number): MergedAgeBin[] {
  let list = [...bins].sort((a, b) => a.from - b.from);
  while (list.length > 0 && list[0].all === 0) list = list.slice(1);
  while (list.length > 0 && list[list.length - 1].all === 0) list = list.slice(0, -1);
  while (list.length > 1 && tooSmall(list[0], minCell)) list = [merged(list[0], list[1]), ...list.slice(2)];
  while (list.length > 1 && tooSmall(list[list.length - 1], minCell)) list = [...list.slice(0, -2), merged(list[list.length - 2], list[list.length - 1])];
  if (list.length === 0) return [];
  if (list.length === 1) return [{ ...list[0], from: null, to: null }];
  return list.map((bin, i) => ({ ...bin, from: i === 0 ? null : bin.from, to: i === list.length - 1 ? null : bin.to }));
}

/** "< 35", "35–40", "≥ 80", or "all ages" for a single open bin. */
export function ageBinLabel(bin: Pick<MergedAgeBin, 'from' | 'to'>): string {
  if (bin.from === null && bin.to === null) return 'all ages';
  if (bin.from === null) return `< ${bin.to}`;
  if (bin.to === null) return `≥ ${bin.from}`;
  return `${bin.from}–${bin.to}`;
}
