import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { countTicks } from '../../../src/lib/chart-data/count-ticks.ts';

describe('countTicks(ticks)', () => {
  it('keeps only whole numbers: a domain of 0–2 ticks 0, 1, 2, never 0.2 ("200m")', () => {
    expect(scaleLinear().domain([0, 2]).ticks(10)).toContain(0.2);
    expect(countTicks(scaleLinear().domain([0, 2]).ticks(10))).toEqual([0, 1, 2]);
  });

  it('leaves whole ticks of a large domain as they are', () => {
    expect(countTicks(scaleLinear().domain([0, 15000]).ticks(4))).toEqual([0, 5000, 10000, 15000]);
  });
});
