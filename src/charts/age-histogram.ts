// Fig. 4: age histogram, vertical bars on a linear age axis (one bar per 5-year bin); "side by side" puts a
// training and a test bar in each bin. Every bar is a mark carrying its exact value, zero-height bins included.

import { axisBottom, axisLeft } from 'd3-axis';
import { format } from 'd3-format';
import { scaleBand, scaleLinear } from 'd3-scale';
import { create } from 'd3-selection';
import { countTicks } from '../lib/chart-data/count-ticks.ts';
import { layoutAgeHistogram, type AgeHistogramData } from '../lib/chart-data/age-histogram.ts';
import { SPLIT_LABELS } from '../lib/chart-data/format.ts';
import { colorOf } from '../lib/palette.ts';
import type { RenderChart } from './frame/types.ts';

const AGE_CHART_HEIGHT = 340;

export const render: RenderChart<AgeHistogramData> = (el, data, { view, width }) => {
  const layout = layoutAgeHistogram(data, view);
  const percent = view.mode === 'percent';
  const side = layout.splits.length > 1;
  const height = AGE_CHART_HEIGHT;
  const legendHeight = side ? 24 : 0;
  const margin = { top: 20 + legendHeight, right: 12, bottom: 44, left: percent ? 46 : 52 };
  const x = scaleLinear().domain(layout.domain).range([margin.left, width - margin.right]);
  const y = scaleLinear().domain([0, layout.max || 1]).nice().range([height - margin.bottom, margin.top]);

  const svg = create('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('class', 'chart-svg')
    .attr('role', 'group')
    .attr('aria-label', layout.table.caption);

  const yTicks = percent ? y.ticks(6) : countTicks(y.ticks(6));
  svg.append('g').attr('class', 'grid').selectAll('line').data(yTicks).join('line')
    .attr('x1', margin.left).attr('x2', width - margin.right).attr('y1', (d) => y(d)).attr('y2', (d) => y(d));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${margin.left},0)`)
    .call(axisLeft(y).tickValues(yTicks).tickFormat((d) => (percent ? format('~r')(Number(d)) : format('~s')(Number(d)))).tickSizeOuter(0));

  // Age ticks on bin edges, every bin or every other one, so labels never collide on a phone.
  const edges = [...new Set(data.bins.flatMap((b) => [b.from, b.to]))].sort((a, b) => a - b);
  const every = Math.max(1, Math.ceil((edges.length * 28) / Math.max(1, width - margin.left - margin.right)));
  const xTicks = edges.filter((_, i) => i % every === 0);
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - margin.bottom})`)
    .call(axisBottom(x).tickValues(xTicks).tickFormat((d) => String(d)).tickSizeOuter(0));
  svg.append('text').attr('class', 'axis-title').attr('x', margin.left + (width - margin.left - margin.right) / 2).attr('y', height - 8)
    .attr('text-anchor', 'middle').text('Age at the study (years)');
  svg.append('text').attr('class', 'axis-title').attr('x', margin.left).attr('y', margin.top - 6).text(layout.axisLabel);

  const bars = svg.append('g').attr('class', 'bars');
  for (const bar of layout.bars) {
    const band = scaleBand<string>().domain(layout.splits).range([x(bar.from), x(bar.to)]).paddingInner(0.08).paddingOuter(0.08);
    const top = y(bar.value);
    bars.append('rect')
      .attr('class', 'mark')
      .attr('x', band(bar.split) ?? x(bar.from)).attr('y', top)
      .attr('width', band.bandwidth()).attr('height', Math.max(0, y(0) - top))
      .attr('fill', bar.color)
      .attr('data-tip', bar.tip)
      .attr('data-row', String(bar.from)).attr('data-series', 'age').attr('data-split', bar.split)
      .attr('data-count', bar.count).attr('data-value', bar.value);
  }

  // Median age of each shown split: a dashed reference line labelled at the top (labels staggered when two).
  const medians = svg.append('g').attr('class', 'medians').attr('aria-hidden', 'true');
  layout.splits.forEach((split, i) => {
    const median = data.medians[split];
    if (median === null || median < layout.domain[0] || median > layout.domain[1]) return;
    // Ages are whole years and a bin [45, 50) holds 45…49, so age 49 spans 49–50 on the axis: draw at its centre.
    const mx = x(median + 0.5);
    // Ink, not the split's colour (the bars already have it); training and test differ by dash pattern and label.
    medians.append('line').attr('x1', mx).attr('x2', mx).attr('y1', margin.top + i * 14).attr('y2', y(0))
      .attr('stroke', 'currentColor').attr('stroke-width', 1.5).attr('stroke-dasharray', i === 0 ? '6 3' : '2 2')
      .style('color', 'var(--ink)');
    const rightSide = mx < width - 120;
    medians.append('text').attr('x', mx + (rightSide ? 5 : -5)).attr('y', margin.top + 6 + i * 14).attr('dy', '0.35em')
      .attr('text-anchor', rightSide ? 'start' : 'end').text(`${side ? `${SPLIT_LABELS[split]} ` : ''}median ${median}`)
      // A halo in the page colour keeps the label legible where it crosses a bar.
      .style('paint-order', 'stroke').style('stroke', 'var(--surface)').style('stroke-width', '3px').style('stroke-linejoin', 'round');
  });

  if (side) {
    const legend = svg.append('g').attr('class', 'legend').attr('aria-hidden', 'true');
    let lx = margin.left;
    for (const split of layout.splits) {
      legend.append('rect').attr('x', lx).attr('y', 4).attr('width', 12).attr('height', 12).attr('fill', colorOf('split', split));
      legend.append('text').attr('x', lx + 16).attr('y', 10).attr('dy', '0.35em').text(SPLIT_LABELS[split]);
      lx += 16 + SPLIT_LABELS[split].length * 7 + 18;
    }
  }

  el.replaceChildren(svg.node() as SVGSVGElement);
  return { table: layout.table };
};
