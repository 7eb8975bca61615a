// The contract between the chart frame and a chart module: a chart's `render(el, data, options)` draws its SVG
// into `el` and returns the data table of exactly what it drew. Everything else (controls, URL, tooltips, table,
// downloads) is the frame's job.

import type { ChartView, TableModel } from '../../lib/chart-data/types.ts';

interface RenderOptions {
  /** The view to draw (split, mode, and this chart's own toggles), read from the URL. */
  view: ChartView;
  /** Width available in CSS pixels; the SVG scales with its viewBox beyond that. */
  width: number;
  /** The frame's id, unique on the page: prefix SVG ids (patterns, clip paths) with it. */
  id: string;
}

interface RenderResult {
  /** The numbers drawn, in the order a reader would read them; becomes the data table and the CSV. */
  table: TableModel;
}

export type RenderChart<D> = (el: HTMLElement, data: D, options: RenderOptions) => RenderResult;

/** A chart-specific toggle the frame offers next to split and mode; the first option is the default. */
export interface FrameToggle {
  key: string;
  legend: string;
  options: { value: string; label: string }[];
}
