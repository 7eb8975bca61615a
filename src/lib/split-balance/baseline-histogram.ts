// Lays out the random-baseline histogram for the split audit page: bars for the draws' LD bins, x-axis ticks, and a
// marker at the actual split's LD (the x domain stretches to include it even when it lies outside every draw).
// Pure geometry, so the page renders a static SVG at build time with no client script.

import { scaleLinear } from 'd3-scale';
import type { RandomBaseline } from '../types.ts';
import { formatLD } from './split-audit.ts';

interface HistogramLayout {
  width: number;
  height: number;
  /** Plot area: left/right x, top/bottom y, in SVG units. */
  plot: { left: number; right: number; top: number; bottom: number };
  bars: { x: number; y: number; width: number; height: number; from: number; to: number; count: number }[];
  ticks: { x: number; label: string }[];
  marker: { x: number; label: string };
  maxCount: number;
}

export function baselineHistogramLayout(
  baseline: RandomBaseline,
  actualLD: number,
  size: { width: number; height: number } = { width: 480, height: 180 },
): HistogramLayout {
  const plot = { left: 36, right: size.width - 12, top: 22, bottom: size.height - 28 };
  const lo = Math.min(actualLD, ...baseline.histogram.map((b) => b.from));
  let hi = Math.max(actualLD, ...baseline.histogram.map((b) => b.to));
  if (hi === lo) hi = lo + (lo === 0 ? 1 : Math.abs(lo));
  const x = scaleLinear().domain([lo, hi]).range([plot.left, plot.right]).nice();
  const maxCount = Math.max(1, ...baseline.histogram.map((b) => b.count));
  const y = scaleLinear().domain([0, maxCount]).range([plot.bottom, plot.top]);
  const tickFormat = x.tickFormat(5);
  const bars = baseline.histogram.map((b) => {
    const left = x(b.from);
    const right = b.to > b.from ? x(b.to) : left + 3;
    return { x: left, y: y(b.count), width: Math.max(right - left - 1, 1), height: plot.bottom - y(b.count), from: b.from, to: b.to, count: b.count };
  });
  return {
    width: size.width,
    height: size.height,
    plot,
    bars,
    ticks: x.ticks(5).map((value) => ({ x: x(value), label: tickFormat(value) })),
    marker: { x: x(actualLD), label: `actual ${formatLD(actualLD)}` },
    maxCount,
  };
}
