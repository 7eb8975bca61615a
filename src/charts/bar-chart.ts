// Horizontal bar chart (plain or stacked) for categorical tables: Tables 3–5 and Fig. 3. One row per category;
// "side by side" puts a training and a test bar in each row (test hatched). Every segment is a mark with its
// exact value in data-tip, so the frame's tooltips, keyboard focus and tests all read the same numbers.

import { axisBottom, axisLeft } from 'd3-axis';
import { format } from 'd3-format';
import { scaleBand, scaleLinear } from 'd3-scale';
import { create } from 'd3-selection';
import { countTicks } from '../lib/chart-data/count-ticks.ts';
import { layoutBars } from '../lib/chart-data/bar-layout.ts';
import { formatCount, formatShare, SPLIT_LABELS } from '../lib/chart-data/format.ts';
import type { BarTable } from '../lib/chart-data/types.ts';
import type { RenderChart } from './frame/types.ts';

interface BarChartData {
  /** One or more tables; with several, the frame's `table` toggle picks one (first = default). */
  tables: BarTable[];
}

const ROW_HEIGHT = 40;
const CHAR_WIDTH = 6.8;

const TOP_WITHOUT_LEGEND = 16;
const BOTTOM = 46;

/** Height the chart takes for `rows` rows without a legend (BarChart.astro reserves it). */
function barChartHeight(rows: number): number {
  return TOP_WITHOUT_LEGEND + rows * ROW_HEIGHT + BOTTOM;
}

export const render: RenderChart<BarChartData> = (el, data, { view, width, id }) => {
  const table = data.tables.find((t) => t.id === view.table) ?? data.tables[0];
  const layout = layoutBars(table, view);
  const percent = view.mode === 'percent';
  const stacked = table.series.length > 1;
  const side = view.split === 'side';
  const decimals = percent ? table.percent.decimals : 0;

  // Legend across the top (series colours for stacks, solid/hatched for side by side), laid out first: its lines
  // set the top margin.
  const items: { label: string; color: string; hatch?: boolean }[] = [
    ...(stacked ? table.series.map((s) => ({ label: s.label, color: s.color })) : []),
    ...(side ? [{ label: SPLIT_LABELS.training, color: '#8A8F98' }, { label: SPLIT_LABELS.test, color: '#8A8F98', hatch: true }] : []),
  ];
  const placed: { item: (typeof items)[number]; x: number; y: number }[] = [];
  let lx = 0;
  let ly = 8;
  for (const item of items) {
    const w = 16 + item.label.length * CHAR_WIDTH + 14;
    if (lx + w > width && lx > 0) {
      lx = 0;
      ly += 18;
    }
    placed.push({ item, x: lx, y: ly });
    lx += w;
  }
  const legendHeight = items.length ? ly + 12 : 0;

  const longest = Math.max(...table.rows.map((r) => r.label.length));
  const margin = {
    top: items.length ? legendHeight + 14 : TOP_WITHOUT_LEGEND,
    right: stacked ? 16 : 64,
    bottom: BOTTOM,
    left: Math.min(width * 0.42, longest * CHAR_WIDTH + 14),
  };
  const height = barChartHeight(table.rows.length) - TOP_WITHOUT_LEGEND + margin.top;
  const innerWidth = Math.max(60, width - margin.left - margin.right);

  const y = scaleBand<string>().domain(table.rows.map((r) => r.key)).range([margin.top, height - margin.bottom]).paddingInner(0.22).paddingOuter(0.1);
  const sub = scaleBand<string>().domain(side ? ['training', 'test'] : [view.split]).range([0, y.bandwidth()]).paddingInner(0.12);
  const x = scaleLinear().domain([0, layout.max || 1]).nice().range([margin.left, margin.left + innerWidth]);

  const svg = create('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('class', 'chart-svg')
    .attr('role', 'group')
    .attr('aria-label', layout.table.caption);

  const hatchId = `${id}-hatch`;
  svg.append('defs').append('pattern').attr('id', hatchId).attr('patternUnits', 'userSpaceOnUse').attr('width', 6).attr('height', 6)
    .attr('patternTransform', 'rotate(45)')
    .append('rect').attr('width', 2.5).attr('height', 6).attr('fill', '#ffffff').attr('fill-opacity', 0.75);

  // Vertical grid lines under the bars.
  const niceTicks = x.ticks(Math.max(2, Math.floor(innerWidth / 90)));
  const ticks = percent ? niceTicks : countTicks(niceTicks);
  svg.append('g').attr('class', 'grid').selectAll('line').data(ticks).join('line')
    .attr('x1', (d) => x(d)).attr('x2', (d) => x(d)).attr('y1', margin.top).attr('y2', height - margin.bottom);

  const tickFormat = percent ? (d: number) => `${format('~r')(d)}` : format('~s');
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - margin.bottom})`)
    .call(axisBottom(x).tickValues(ticks).tickFormat((d) => tickFormat(Number(d))).tickSizeOuter(0));
  svg.append('text').attr('class', 'axis-title').attr('x', margin.left + innerWidth / 2).attr('y', height - 8).attr('text-anchor', 'middle')
    .text(layout.axisLabel);
  svg.append('g').attr('class', 'axis axis-y').attr('transform', `translate(${margin.left},0)`)
    .call(axisLeft(y).tickFormat((key) => table.rows.find((r) => r.key === key)?.label ?? key).tickSize(0).tickPadding(8));

  // Bars: one group per row, one bar per shown split, one mark per segment (zero-width segments included).
  const bars = svg.append('g').attr('class', 'bars');
  for (const group of layout.groups) {
    for (const bar of group.bars) {
      const top = (y(group.rowKey) ?? 0) + (sub(bar.split) ?? 0);
      for (const seg of bar.segments) {
        bars.append('rect')
          .attr('class', 'mark')
          .attr('x', x(seg.y0)).attr('y', top)
          .attr('width', Math.max(0, x(seg.y1) - x(seg.y0))).attr('height', sub.bandwidth())
          .attr('fill', seg.color)
          .attr('data-tip', seg.tip)
          .attr('data-row', seg.rowKey).attr('data-series', seg.seriesKey).attr('data-split', seg.split)
          .attr('data-count', seg.count).attr('data-value', seg.value);
        if (bar.split === 'test' && side) {
          bars.append('rect').attr('class', 'hatch').attr('x', x(seg.y0)).attr('y', top)
            .attr('width', Math.max(0, x(seg.y1) - x(seg.y0))).attr('height', sub.bandwidth()).attr('fill', `url(#${hatchId})`);
        }
      }
      if (!stacked) {
        const value = bar.segments[0].value;
        svg.append('text').attr('class', 'value-label').attr('x', x(bar.total) + 4).attr('y', top + sub.bandwidth() / 2).attr('dy', '0.35em')
          .text(percent ? formatShare(value, decimals) : formatCount(value));
      }
    }
  }

  const legend = svg.append('g').attr('class', 'legend').attr('aria-hidden', 'true');
  for (const { item, x: px, y: py } of placed) {
    legend.append('rect').attr('x', px).attr('y', py).attr('width', 12).attr('height', 12).attr('fill', item.color);
    if (item.hatch) legend.append('rect').attr('x', px).attr('y', py).attr('width', 12).attr('height', 12).attr('fill', `url(#${hatchId})`);
    legend.append('text').attr('x', px + 16).attr('y', py + 6).attr('dy', '0.35em').text(item.label);
  }

  el.replaceChildren(svg.node() as SVGSVGElement);
  return { table: layout.table };
};
