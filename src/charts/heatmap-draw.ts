// Draws a HeatLayout (src/lib/chart-data/heat-layout.ts) as an SVG: one grid per panel (next to each other when
// there is room, else one above the other), every cell a mark with its exact value, optional in-cell numbers, and a
// colour legend. Used by the density × BI-RADS and the box-location charts.

import { format } from 'd3-format';
import { create, type Selection } from 'd3-selection';
import type { HeatLayout } from '../lib/chart-data/heat-layout.ts';
import { heatColor } from '../lib/chart-data/heat-layout.ts';
import { inkOn } from '../lib/palette.ts';

interface HeatmapOptions {
  width: number;
  caption: string;
  /** Axis titles: what the rows and the columns are. */
  rowTitle: string;
  colTitle: string;
  /** Cell height as a multiple of its width (image grids), or a fixed height in px. */
  cellHeight: { ratio: number } | { px: number };
  /** Largest cell width in px. */
  maxCell: number;
  /** Print each cell's value inside it (when it fits). */
  showValues: boolean;
  /** Label every row and column ('all'), or only the grid's start, middle and end ('edges', for fine grids). */
  ticks: 'all' | 'edges';
}

const CHAR_WIDTH = 6.8;
const LEGEND_HEIGHT = 56;

export function drawHeatmap(layout: HeatLayout, options: HeatmapOptions): SVGSVGElement {
  const { width } = options;
  const nRows = layout.rowLabels.length;
  const nCols = layout.colLabels.length;
  const several = layout.panels.length > 1;
  const rowLabelWidth = options.ticks === 'all' ? Math.max(...layout.rowLabels.map((l) => l.length), 1) * CHAR_WIDTH + 8 : 34;
  const margin = { left: 20 + rowLabelWidth, top: (several ? 22 : 0) + 36, right: 8 };
  const sideBySide = several && width >= 2 * (margin.left + margin.right + nCols * 36) + 24;
  const panelWidth = sideBySide ? (width - 24) / layout.panels.length : width;
  const cellWidth = Math.max(10, Math.min(options.maxCell, (panelWidth - margin.left - margin.right) / Math.max(1, nCols)));
  const cellHeight = 'px' in options.cellHeight ? options.cellHeight.px : cellWidth * options.cellHeight.ratio;
  const gridWidth = cellWidth * nCols;
  const gridHeight = cellHeight * nRows;
  const panelHeight = margin.top + gridHeight + 12;
  const height = (sideBySide ? panelHeight : panelHeight * layout.panels.length) + LEGEND_HEIGHT;
  const showValues = options.showValues && cellWidth >= Math.max(...layout.cells.map((c) => c.label.length), 1) * 7 + 6 && cellHeight >= 18;

  const svg = create('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('class', 'chart-svg')
    .attr('role', 'group')
    .attr('aria-label', options.caption);

  const pick = (labels: string[], i: number) => {
    if (options.ticks === 'all') return labels[i];
    return null;
  };

  layout.panels.forEach((panel, p) => {
    const ox = sideBySide ? p * (panelWidth + 24) : 0;
    const oy = sideBySide ? 0 : p * panelHeight;
    const g: Selection<SVGGElement, undefined, null, undefined> = svg.append('g').attr('transform', `translate(${ox},${oy})`);
    if (several) g.append('text').attr('x', 0).attr('y', 14).attr('font-weight', 600).text(panel.title);
    const top = margin.top;
    const left = margin.left;
    // Axis titles: columns above the grid, rows rotated along its left side.
    g.append('text').attr('class', 'axis-title').attr('x', left + gridWidth / 2).attr('y', top - 22).attr('text-anchor', 'middle').text(options.colTitle);
    g.append('text').attr('class', 'axis-title').attr('transform', `translate(10,${top + gridHeight / 2}) rotate(-90)`).attr('text-anchor', 'middle').text(options.rowTitle);
    const axis = g.append('g').attr('class', 'axis');
    for (let c = 0; c < nCols; c++) {
      const label = pick(layout.colLabels, c);
      if (label !== null) axis.append('text').attr('x', left + (c + 0.5) * cellWidth).attr('y', top - 6).attr('text-anchor', 'middle').text(label);
    }
    for (let r = 0; r < nRows; r++) {
      const label = pick(layout.rowLabels, r);
      if (label !== null) axis.append('text').attr('x', left - 6).attr('y', top + (r + 0.5) * cellHeight).attr('dy', '0.35em').attr('text-anchor', 'end').text(label);
    }
    if (options.ticks === 'edges') {
      // Fine grids: 0, 50 and 100 % along both edges.
      for (const t of [0, 0.5, 1]) {
        const text = `${t * 100}%`;
        axis.append('text').attr('x', left + t * gridWidth).attr('y', top - 6).attr('text-anchor', t === 0 ? 'start' : t === 1 ? 'end' : 'middle').text(text);
        axis.append('text').attr('x', left - 6).attr('y', top + t * gridHeight).attr('dy', t === 0 ? '0.7em' : t === 1 ? '0' : '0.35em').attr('text-anchor', 'end').text(text);
      }
    }

    // A frame around the grid keeps its edge visible where cells are as dark (or as light) as the page.
    g.append('rect').attr('x', left - 1).attr('y', top - 1).attr('width', gridWidth + 2).attr('height', gridHeight + 2)
      .attr('fill', 'none').attr('stroke', 'currentColor').attr('stroke-width', 1);
    const cells = g.append('g').attr('class', 'cells');
    for (const cell of layout.cells.filter((c) => c.panel === p)) {
      const x = left + cell.col * cellWidth;
      const y = top + cell.row * cellHeight;
      cells.append('rect')
        .attr('class', 'mark')
        .attr('x', x).attr('y', y).attr('width', cellWidth).attr('height', cellHeight)
        .attr('fill', cell.color)
        .attr('data-tip', cell.tip)
        .attr('data-row', cell.rowKey).attr('data-series', cell.colKey).attr('data-split', cell.split)
        .attr('data-count', cell.count).attr('data-value', cell.value);
      if (showValues) {
        cells.append('text').attr('class', 'cell-label')
          .attr('x', x + cellWidth / 2).attr('y', y + cellHeight / 2).attr('dy', '0.35em').attr('text-anchor', 'middle')
          .style('fill', inkOn(cell.color)).style('pointer-events', 'none').style('font-size', '12px')
          .text(cell.label);
      }
    }
  });

  // Colour legend: what a value is, then the ramp from 0 to the shared maximum in five steps.
  const legend = svg.append('g').attr('class', 'legend').attr('aria-hidden', 'true').attr('transform', `translate(${margin.left},${height - LEGEND_HEIGHT + 8})`);
  const steps = 5;
  const stepWidth = Math.min(44, (width - margin.left - 8) / steps);
  legend.append('text').attr('x', 0).attr('y', 4).attr('dy', '0.35em').text(`Colour: ${layout.unit}${layout.scale === 'sqrt' ? ' (square-root scale)' : ''}`);
  for (let i = 0; i < steps; i++) {
    const value = (layout.max * i) / (steps - 1);
    legend.append('rect').attr('x', i * stepWidth).attr('y', 14).attr('width', stepWidth).attr('height', 10).attr('fill', heatColor(value, layout.max, layout.scale));
  }
  legend.append('text').attr('x', 0).attr('y', 34).attr('dy', '0.35em').text('0');
  legend.append('text').attr('x', steps * stepWidth).attr('y', 34).attr('dy', '0.35em').attr('text-anchor', 'end').text(format(',~r')(Number(layout.max.toPrecision(4))));
  return svg.node() as SVGSVGElement;
}
