// Density × BI-RADS: breasts by density letter (rows) and breast BI-RADS (columns) per split. Percent is the row
// percent, the clinically useful reading: of the breasts of one density, which share got each BI-RADS.

import type { PerSplit, Stats } from '../types.ts';
import { BIRADS, DENSITIES } from '../vocabulary.ts';
import { orderedKeys } from './bar-tables.ts';
import { csvNumber, formatCount, formatShare, SPLIT_LABELS, splitsOf } from './format.ts';
import { heatColor, type HeatCell, type HeatLayout } from './heat-layout.ts';
import type { ChartView, TableModel } from './types.ts';

const SPLIT_KEYS = ['training', 'test', 'all'] as const;
const PERCENT_DECIMALS = 1;
const ROW_PERCENT_LABEL = '% of the density’s breasts';

export interface DensityBiradsData {
  densities: string[];
  birads: string[];
  /** counts[split][density][birads] */
  counts: PerSplit<number[][]>;
}

export function densityBiradsData(stats: Stats): DensityBiradsData {
  const table = stats.densityByBirads;
  const densities = orderedKeys(DENSITIES, SPLIT_KEYS.flatMap((s) => Object.keys(table[s] ?? {})));
  const birads = orderedKeys(
    BIRADS,
    SPLIT_KEYS.flatMap((s) => Object.values(table[s] ?? {}).flatMap((row) => Object.keys(row))),
  );
  const counts = Object.fromEntries(
    SPLIT_KEYS.map((split) => [split, densities.map((d) => birads.map((b) => table[split]?.[d]?.[b] ?? 0))]),
  ) as PerSplit<number[][]>;
  return { densities, birads, counts };
}

export function layoutDensityBirads(data: DensityBiradsData, view: ChartView): { heat: HeatLayout; table: TableModel } {
  const splits = splitsOf(view.split);
  const percent = view.mode === 'percent';
  const unit = percent ? ROW_PERCENT_LABEL : 'breasts';
  const cells: Omit<HeatCell, 'color'>[] = splits.flatMap((split, panel) =>
    data.densities.flatMap((density, row) => {
      const rowTotal = data.counts[split][row].reduce((a, b) => a + b, 0);
      return data.birads.map((birads, col) => {
        const count = data.counts[split][row][col];
        const value = percent ? (rowTotal > 0 ? (count / rowTotal) * 100 : 0) : count;
        const text = percent
          ? `${formatShare(value, PERCENT_DECIMALS)} % of density ${density}’s breasts (${formatCount(count)} of ${formatCount(rowTotal)} breasts)`
          : `${formatCount(count)} breasts`;
        return {
          panel,
          row,
          col,
          rowKey: density,
          colKey: birads,
          split,
          count,
          value,
          label: percent ? formatShare(value, PERCENT_DECIMALS) : formatCount(count),
          tip: `Density ${density}, BI-RADS ${birads} · ${SPLIT_LABELS[split]}: ${text}`,
        };
      });
    }),
  );
  const max = percent ? 100 : Math.max(0, ...cells.map((c) => c.value));
  const scale = percent ? 'linear' : 'sqrt';
  const heat: HeatLayout = {
    panels: splits.map((split) => ({ split, title: SPLIT_LABELS[split] })),
    rowLabels: data.densities,
    colLabels: data.birads,
    cells: cells.map((c) => ({ ...c, color: heatColor(c.value, max, scale) })),
    max,
    unit,
    scale,
  };
  const table: TableModel = {
    caption: `Breasts by density and BI-RADS: ${unit}, ${SPLIT_LABELS[view.split].toLowerCase()}`,
    columns: [
      { label: 'Density', numeric: false },
      ...splits.flatMap((split) =>
        data.birads.map((b) => ({
          label: splits.length > 1 ? `${SPLIT_LABELS[split]}: BI-RADS ${b} (${unit})` : `BI-RADS ${b} (${unit})`,
          numeric: true,
          decimals: percent ? PERCENT_DECIMALS : 0,
        })),
      ),
    ],
    rows: data.densities.map((d, row) => [
      `Density ${d}`,
      ...heat.cells.filter((c) => c.row === row).map((c) => csvNumber(c.value)),
    ]),
  };
  return { heat, table };
}
