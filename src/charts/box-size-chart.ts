// Box size and aspect per finding category as horizontal box plots: whisker from minimum to maximum, box from
// lower to upper quartile, a dark median tick. Each of the five numbers is a mark (five per category) with its
// exact value; aspect uses a log axis with a dashed line at 1 (square boxes).

import { axisBottom } from 'd3-axis';
import { format } from 'd3-format';
import { scaleBand, scaleLinear, scaleLog, type ScaleLinear } from 'd3-scale';
import { create } from 'd3-selection';
import { formatCount } from '../lib/chart-data/format.ts';
import { layoutBoxSize, type BoxSizeData } from '../lib/chart-data/box-size.ts';
import type { RenderChart } from './frame/types.ts';

const ROW_HEIGHT = 40;
const CHAR_WIDTH = 6.8;

/** A label in one line, or two split at the space nearest its middle when it is wider than `max` px. */
function wrap(label: string, max: number): string[] {
  if (label.length * CHAR_WIDTH <= max || !label.includes(' ')) return [label];
  const spaces = [...label.matchAll(/ /g)].map((m) => m.index ?? 0);
  const cut = spaces.reduce((best, i) => (Math.abs(i - label.length / 2) < Math.abs(best - label.length / 2) ? i : best), spaces[0]);
  return [label.slice(0, cut), label.slice(cut + 1)];
}

export const render: RenderChart<BoxSizeData> = (el, data, { view, width }) => {
  const layout = layoutBoxSize(data, view);
  const longest = Math.max(1, ...layout.rows.flatMap((r) => wrap(r.label, width * 0.34).map((l) => l.length)));
  const margin = { top: 16, right: 66, bottom: 46, left: Math.min(width * 0.36, longest * CHAR_WIDTH + 14) };
  const height = margin.top + layout.rows.length * ROW_HEIGHT + margin.bottom;
  const innerWidth = Math.max(60, width - margin.left - margin.right);
  const [lo, hi] = layout.extent;
  const x = layout.log
    ? scaleLog().domain([Math.min(lo, 0.5) / 1.15, Math.max(hi, 2) * 1.15]).range([margin.left, margin.left + innerWidth])
    : scaleLinear().domain([0, hi || 1]).nice().range([margin.left, margin.left + innerWidth]);
  const y = scaleBand<string>().domain(layout.rows.map((r) => r.key)).range([margin.top, height - margin.bottom]).paddingInner(0.3).paddingOuter(0.15);

  const svg = create('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('class', 'chart-svg')
    .attr('role', 'group')
    .attr('aria-label', layout.table.caption);

  const ticks = layout.log
    ? [0.125, 0.25, 0.5, 1, 2, 4, 8].filter((t) => t >= x.domain()[0] && t <= x.domain()[1])
    : (x as ScaleLinear<number, number>).ticks(Math.max(2, Math.floor(innerWidth / 80)));
  svg.append('g').attr('class', 'grid').selectAll('line').data(ticks).join('line')
    .attr('x1', (d) => x(d)).attr('x2', (d) => x(d)).attr('y1', margin.top).attr('y2', height - margin.bottom);
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - margin.bottom})`)
    .call(axisBottom(x as ScaleLinear<number, number>).tickValues(ticks).tickFormat((d) => format(layout.log ? '~r' : ',~r')(Number(d))).tickSizeOuter(0));
  const title = layout.measure.key === 'aspect' ? 'Aspect: width ÷ height (log scale; 1 = square)' : `Box ${layout.measure.label.toLowerCase()} (px)`;
  svg.append('text').attr('class', 'axis-title').attr('x', margin.left + innerWidth / 2).attr('y', height - 8).attr('text-anchor', 'middle').text(title);
  if (layout.log) {
    svg.append('line').attr('x1', x(1)).attr('x2', x(1)).attr('y1', margin.top - 6).attr('y2', height - margin.bottom)
      .attr('stroke', 'currentColor').attr('stroke-dasharray', '4 3');
  }

  const labels = svg.append('g').attr('class', 'axis axis-y');
  const plots = svg.append('g').attr('class', 'box-plots');
  for (const row of layout.rows) {
    const top = y(row.key) ?? 0;
    const band = y.bandwidth();
    const mid = top + band / 2;
    const lines = wrap(row.label, margin.left - 14);
    const label = labels.append('text').attr('x', margin.left - 8).attr('y', mid).attr('text-anchor', 'end');
    lines.forEach((line, i) => label.append('tspan').attr('x', margin.left - 8).attr('dy', i === 0 ? `${0.35 - (lines.length - 1) * 0.6}em` : '1.2em').text(line));
    svg.append('text').attr('class', 'value-label').attr('x', margin.left + innerWidth + 6).attr('y', mid).attr('dy', '0.35em').text(`n = ${formatCount(row.count)}`);

    const { min, q1, q3, max } = row.five;
    plots.append('line').attr('x1', x(min)).attr('x2', x(max)).attr('y1', mid).attr('y2', mid).attr('stroke', 'currentColor').attr('stroke-width', 1.5);
    plots.append('rect').attr('x', x(q1)).attr('y', top).attr('width', Math.max(0, x(q3) - x(q1))).attr('height', band)
      .attr('fill', row.color).attr('fill-opacity', 0.35).attr('stroke', row.color).attr('stroke-width', 1);
    for (const mark of row.marks) {
      const isMedian = mark.stat === 'median';
      const isEnd = mark.stat === 'min' || mark.stat === 'max';
      const w = isMedian ? 5 : 3;
      const h = isEnd ? band * 0.6 : band;
      const rect = plots.append('rect')
        .attr('class', 'mark')
        .attr('x', x(mark.value) - w / 2).attr('y', mid - h / 2).attr('width', w).attr('height', h)
        .attr('fill', isMedian ? 'currentColor' : row.color)
        .attr('data-tip', mark.tip)
        .attr('data-row', mark.category).attr('data-series', mark.stat).attr('data-split', 'all')
        .attr('data-count', mark.count).attr('data-value', mark.value);
      if (isMedian) rect.style('color', 'var(--ink)');
    }
  }

  el.replaceChildren(svg.node() as SVGSVGElement);
  return { table: layout.table };
};
