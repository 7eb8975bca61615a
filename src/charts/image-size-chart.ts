// Image sizes as dots on a columns × rows plane (pixels), coloured by vendor, dot area ∝ images; "side by side"
// draws a training and a test panel (next to each other when there is room, else one above the other).
// Every size is a mark in every shown panel, a size with no images there included (radius 0).

import { axisBottom, axisLeft } from 'd3-axis';
import { format } from 'd3-format';
import { scaleLinear, scaleSqrt } from 'd3-scale';
import { create, type Selection } from 'd3-selection';
import { SPLIT_LABELS } from '../lib/chart-data/format.ts';
import { layoutImageSizes, type ImageSizesData } from '../lib/chart-data/vendors.ts';
import type { RenderChart } from './frame/types.ts';

const PANEL_HEIGHT = 300;
const CHAR_WIDTH = 6.8;

/** Pads an extent so dots at its ends are not cut by the axes. */
function padded([lo, hi]: [number, number]): [number, number] {
  const pad = Math.max(60, (hi - lo) * 0.08);
  return [lo - pad, hi + pad];
}

export const render: RenderChart<ImageSizesData> = (el, data, { view, width, id }) => {
  const layout = layoutImageSizes(data, view);
  const twoColumns = layout.panels.length > 1 && width >= 620;
  const columns = twoColumns ? 2 : 1;
  const panelRows = Math.ceil(layout.panels.length / columns);

  // Vendor legend across the top, wrapped to the width.
  const placed: { label: string; color: string; x: number; y: number }[] = [];
  let lx = 0;
  let ly = 6;
  for (const vendor of data.vendors) {
    const w = 16 + vendor.label.length * CHAR_WIDTH + 14;
    if (lx + w > width && lx > 0) {
      lx = 0;
      ly += 18;
    }
    placed.push({ label: vendor.label, color: vendor.color, x: lx, y: ly });
    lx += w;
  }
  const top = ly + 22;
  const height = top + panelRows * PANEL_HEIGHT;
  const panelWidth = width / columns;

  const svg = create('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('class', 'chart-svg')
    .attr('role', 'group')
    .attr('aria-label', layout.table.caption);

  const clipId = `${id}-clip`;
  const defs = svg.append('defs');
  const margin = { top: layout.panels.length > 1 ? 26 : 10, right: 14, bottom: 44, left: 68 };
  const innerWidth = Math.max(60, panelWidth - margin.left - margin.right);
  const innerHeight = PANEL_HEIGHT - margin.top - margin.bottom;
  defs.append('clipPath').attr('id', clipId).append('rect').attr('x', margin.left).attr('y', margin.top).attr('width', innerWidth).attr('height', innerHeight);

  const x = scaleLinear().domain(padded(layout.columnsExtent)).nice().range([margin.left, margin.left + innerWidth]);
  const y = scaleLinear().domain(padded(layout.rowsExtent)).nice().range([margin.top + innerHeight, margin.top]);
  const maxRadius = Math.max(8, Math.min(26, innerWidth / 12));
  const r = scaleSqrt().domain([0, layout.max || 1]).range([0, maxRadius]);
  const grouped = format(',');

  layout.panels.forEach((split, p) => {
    const panel: Selection<SVGGElement, undefined, null, undefined> = svg.append('g')
      .attr('transform', `translate(${(p % columns) * panelWidth},${top + Math.floor(p / columns) * PANEL_HEIGHT})`);
    if (layout.panels.length > 1) panel.append('text').attr('x', margin.left).attr('y', 14).attr('font-weight', 600).text(SPLIT_LABELS[split]);
    const xTicks = x.ticks(Math.max(2, Math.floor(innerWidth / 70)));
    const yTicks = y.ticks(5);
    const grid = panel.append('g').attr('class', 'grid');
    grid.selectAll('line.v').data(xTicks).join('line').attr('class', 'v')
      .attr('x1', (d) => x(d)).attr('x2', (d) => x(d)).attr('y1', margin.top).attr('y2', margin.top + innerHeight);
    grid.selectAll('line.h').data(yTicks).join('line').attr('class', 'h')
      .attr('x1', margin.left).attr('x2', margin.left + innerWidth).attr('y1', (d) => y(d)).attr('y2', (d) => y(d));
    panel.append('g').attr('class', 'axis').attr('transform', `translate(0,${margin.top + innerHeight})`)
      .call(axisBottom(x).tickValues(xTicks).tickFormat((d) => grouped(Number(d))).tickSizeOuter(0));
    panel.append('g').attr('class', 'axis').attr('transform', `translate(${margin.left},0)`)
      .call(axisLeft(y).tickValues(yTicks).tickFormat((d) => grouped(Number(d))).tickSizeOuter(0));
    panel.append('text').attr('class', 'axis-title').attr('x', margin.left + innerWidth / 2).attr('y', PANEL_HEIGHT - 8)
      .attr('text-anchor', 'middle').text('Columns (image width, px)');
    panel.append('text').attr('class', 'axis-title').attr('transform', `translate(12,${margin.top + innerHeight / 2}) rotate(-90)`)
      .attr('text-anchor', 'middle').text('Rows (height, px)');

    const dots = panel.append('g').attr('class', 'dots').attr('clip-path', `url(#${clipId})`);
    for (const dot of layout.dots.filter((d) => d.split === split)) {
      dots.append('circle')
        .attr('class', 'mark')
        .attr('cx', x(dot.columns)).attr('cy', y(dot.rows))
        .attr('r', dot.count > 0 ? Math.max(3, r(dot.value)) : 0)
        .attr('fill', dot.color).attr('fill-opacity', 0.8)
        .attr('data-tip', dot.tip)
        .attr('data-row', `${dot.rows}x${dot.columns}`).attr('data-series', dot.vendor).attr('data-split', dot.split)
        .attr('data-count', dot.count).attr('data-value', dot.value);
    }
  });

  const legend = svg.append('g').attr('class', 'legend').attr('aria-hidden', 'true');
  for (const item of placed) {
    legend.append('circle').attr('cx', item.x + 6).attr('cy', item.y + 6).attr('r', 6).attr('fill', item.color);
    legend.append('text').attr('x', item.x + 16).attr('y', item.y + 6).attr('dy', '0.35em').text(item.label);
  }

  el.replaceChildren(svg.node() as SVGSVGElement);
  return { table: layout.table };
};
