import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { LCG_SCALE, lcgInitialState, lcgNext } from '../../../src/lib/split-balance/seeded-lcg.ts';

describe('lcgInitialState and lcgNext', () => {
  it.each([2011, 0, 1, 7, -42, 0.25, 0.999, 123456789.5, 2 ** 31 - 1, 2 ** 40])(
    'step through the same numbers as d3-random’s randomLcg(%d)',
    (seed) => {
      const reference = randomLcg(seed);
      let state = lcgInitialState(seed);
      const ours: number[] = [];
      const theirs: number[] = [];
      for (let i = 0; i < 10_000; i++) {
        state = lcgNext(state);
        ours.push(LCG_SCALE * (state >>> 0));
        theirs.push(reference());
      }
      expect(ours).toEqual(theirs);
      expect(new Set(ours).size).toBeGreaterThan(9_990);
    },
  );
});
