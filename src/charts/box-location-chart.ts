// Where boxes sit on the image: a heatmap of box centres on the stats' grid, for all boxes or one finding
// category (all splits; right breasts mirrored onto the left's orientation). Cells are portrait like a mammogram.

import { layoutBoxLocation, type BoxLocationData } from '../lib/chart-data/box-location.ts';
import { drawHeatmap } from './heatmap-draw.ts';
import type { RenderChart } from './frame/types.ts';

export const render: RenderChart<BoxLocationData> = (el, data, { view, width }) => {
  const { heat, table } = layoutBoxLocation(data, view);
  el.replaceChildren(
    drawHeatmap(heat, {
      width,
      caption: table.caption,
      rowTitle: 'Down the image (top → bottom)',
      colTitle: 'Across the image (left → right)',
      cellHeight: { ratio: 1.25 },
      maxCell: 40,
      showValues: false,
      ticks: 'edges',
    }),
  );
  return { table };
};
