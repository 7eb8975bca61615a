// Density × BI-RADS heatmap: breasts per (density, BI-RADS) cell per split, or the row percent (the share of a
// density's breasts in each BI-RADS). Drawing is shared with the box-location chart (heatmap-draw.ts).

import { layoutDensityBirads, type DensityBiradsData } from '../lib/chart-data/density-birads.ts';
import { drawHeatmap } from './heatmap-draw.ts';
import type { RenderChart } from './frame/types.ts';

export const render: RenderChart<DensityBiradsData> = (el, data, { view, width }) => {
  const { heat, table } = layoutDensityBirads(data, view);
  el.replaceChildren(
    drawHeatmap(heat, { width, caption: table.caption, rowTitle: 'Density', colTitle: 'Breast BI-RADS', cellHeight: { px: 46 }, maxCell: 96, showValues: true, ticks: 'all' }),
  );
  return { table };
};
