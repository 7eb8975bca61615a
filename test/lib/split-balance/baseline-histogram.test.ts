import { describe, expect, it } from 'vitest';
import { baselineHistogramLayout } from '../../../src/lib/split-balance/baseline-histogram.ts';
import type { RandomBaseline } from '../../../src/lib/types.ts';

const baseline: RandomBaseline = {
  draws: 10,
  seed: 1,
  trainingShare: 0.8,
  quantiles: { p05: 0, p25: 0, p50: 0, p75: 0, p95: 0 },
  actualPercentile: 100,
  histogram: [
    { from: 0.1, to: 0.2, count: 4 },
    { from: 0.2, to: 0.3, count: 6 },
  ],
};

describe('baselineHistogramLayout(baseline, actualLD)', () => {
  it('draws the tallest bar to the top of the plot and a bar per bin', () => {
    const layout = baselineHistogramLayout(baseline, 0.15, { width: 200, height: 100 });
    expect(layout.bars).toHaveLength(2);
    expect(layout.maxCount).toBe(6);
    expect(layout.bars[1].y).toBeCloseTo(layout.plot.top, 10);
    expect(layout.bars[0].height / layout.bars[1].height).toBeCloseTo(4 / 6, 10);
  });

  it('stretches the x axis to the actual LD when it lies beyond every draw', () => {
    const layout = baselineHistogramLayout(baseline, 0.5, { width: 200, height: 100 });
    expect(layout.marker.x).toBeLessThanOrEqual(layout.plot.right);
    expect(layout.marker.x).toBeGreaterThan(layout.bars[1].x + layout.bars[1].width);
    expect(layout.marker.label).toBe('actual 0.5000'); // as the page's tables write LD
  });

  it('handles a zero-width histogram (all draws equal) without NaN', () => {
    const flat = { ...baseline, histogram: [{ from: 0, to: 0, count: 10 }] };
    const layout = baselineHistogramLayout(flat, 0);
    for (const value of [layout.marker.x, layout.bars[0].x, layout.bars[0].width, layout.bars[0].y]) expect(Number.isFinite(value)).toBe(true);
  });
});
