// Breast-level labels for one split: BI-RADS and density per breast, with exactly the paper's per-breast counts
// (Tables 3 and 4) and the pairing a screening population shows: most women are normal on both sides, benign
// findings often bilateral, a suspicious breast usually beside a normal or benign one, density nearly always the
// same on both sides.

import type { Laterality } from '../types.ts';
import type { BreastLabels } from './plan-types.ts';
import type { Rng } from './rng.ts';

/** Expands a count table into a shuffled bag of labels. */
function bag(counts: Record<string, number>, rng: Rng): string[] {
  const out: string[] = [];
  for (const [label, n] of Object.entries(counts)) for (let i = 0; i < n; i++) out.push(label);
  return rng.shuffle(out);
}

/** Pairs per-breast BI-RADS labels into studies; returns one [first, second] pair per study. */
function pairBirads(counts: Record<string, number>, rng: Rng): [string, string][] {
  const suspicious = bag({ '3': counts['3'] ?? 0, '4': counts['4'] ?? 0, '5': counts['5'] ?? 0 }, rng);
  let ones = counts['1'] ?? 0;
  let twos = counts['2'] ?? 0;
  const pairs: [string, string][] = [];
  // Some women are suspicious on both sides: the release's 967 breasts with boxes sit in 924 studies.
  const bilateral = Math.round(suspicious.length * 0.045);
  for (let i = 0; i < bilateral; i++) pairs.push([suspicious.pop()!, suspicious.pop()!]);
  for (const s of suspicious) {
    const withBenign = twos > 0 && (ones === 0 || rng.chance(0.3));
    if (withBenign) twos--;
    else ones--;
    pairs.push([s, withBenign ? '2' : '1']);
  }
  // Benign findings (cysts, calcified nodes) are bilateral in a good share of women.
  const bilateralBenign = Math.floor((twos * 0.55) / 2);
  for (let i = 0; i < bilateralBenign; i++) pairs.push(['2', '2']);
  twos -= bilateralBenign * 2;
  for (let i = 0; i < twos; i++) pairs.push(['2', '1']);
  ones -= twos;
  if (ones < 0 || ones % 2 !== 0) throw new Error(`BI-RADS counts cannot be paired into studies (${ones} left)`);
  for (let i = 0; i < ones / 2; i++) pairs.push(['1', '1']);
  return rng.shuffle(pairs);
}

const DENSITY_ORDER = ['A', 'B', 'C', 'D'];

/** Pairs density labels: both breasts alike, except a few studies one grade apart (swaps keep the counts). */
function pairDensity(counts: Record<string, number>, rng: Rng): [string, string][] {
  const pairs: [string, string][] = [];
  for (const letter of DENSITY_ORDER) {
    const n = counts[letter] ?? 0;
    if (n % 2 !== 0) throw new Error(`density ${letter}: ${n} breasts cannot fill whole studies`);
    for (let i = 0; i < n / 2; i++) pairs.push([letter, letter]);
  }
  rng.shuffle(pairs);
  const swaps = Math.round(pairs.length * 0.02);
  for (let k = 0; k < swaps; k++) {
    const a = pairs[rng.int(pairs.length)];
    const b = pairs[rng.int(pairs.length)];
    const gap = Math.abs(DENSITY_ORDER.indexOf(a[0]) - DENSITY_ORDER.indexOf(b[0]));
    if (a === b || gap !== 1 || a[0] !== a[1] || b[0] !== b[1]) continue;
    const t = a[1];
    a[1] = b[1];
    b[1] = t;
  }
  return pairs;
}

/** Labels per study of one split, in study order; exactly `studies` entries. */
export function planBreastLabels(
  studies: number,
  biradsCounts: Record<string, number>,
  densityCounts: Record<string, number>,
  rng: Rng,
): Record<Laterality, BreastLabels>[] {
  const birads = pairBirads(biradsCounts, rng);
  const density = pairDensity(densityCounts, rng);
  if (birads.length !== studies || density.length !== studies) {
    throw new Error(`label tables describe ${birads.length} / ${density.length} studies, expected ${studies}`);
  }
  return birads.map(([b1, b2], i) => {
    const [d1, d2] = density[i];
    const firstIsLeft = rng.chance(0.5);
    const first = { birads: b1, density: d1 };
    const second = { birads: b2, density: d2 };
    return firstIsLeft ? { L: first, R: second } : { L: second, R: first };
  });
}
