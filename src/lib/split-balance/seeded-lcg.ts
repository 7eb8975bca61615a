// d3-random's seeded linear congruential generator (randomLcg) as a bare integer state, so that the random-split
// baseline's draw loop can step it inline. Calling the generator's closure a million times per run was a third of
// the loop's time. Same seed → the very same numbers as randomLcg(seed) (test/lib/split-balance/seeded-lcg.test.ts).

const MULTIPLIER = 0x19660d;
const INCREMENT = 0x3c6ef35f;
/** 2⁻³²: turns a 32-bit state into [0, 1). */
export const LCG_SCALE = 1 / 0x100000000;

/** The generator's first state for `seed`, as randomLcg computes it (a seed in [0, 1) is scaled up). */
export function lcgInitialState(seed: number): number {
  return (0 <= seed && seed < 1 ? seed / LCG_SCALE : Math.abs(seed)) | 0;
}

/**
 * The next state. randomLcg's next number is `LCG_SCALE * (state >>> 0)` of it. (Math.imul equals randomLcg's
 * `MULTIPLIER * state` modulo 2³², which is all that `| 0` keeps: that product is below 2⁵³, hence exact.)
 */
export function lcgNext(state: number): number {
  return (Math.imul(MULTIPLIER, state) + INCREMENT) | 0;
}
