// The split-balance attributes as the chart kit's bar tables (src/lib/chart-data/types.ts), so the audit page can
// show each attribute's training and test bars side by side with the statistics pages' own BarChart.

import type { BarTable } from '../chart-data/types.ts';
import { colorOf, UNKNOWN_COLOR, type PaletteName } from '../palette.ts';
import type { BalanceAttribute } from '../types.ts';
import { BALANCE_ATTRIBUTE_LABELS } from './split-audit.ts';

/** Each attribute's palette and how its category keys read on an axis. */
const ROW_STYLE: Readonly<Record<string, { palette?: PaletteName; label: (key: string) => string }>> = {
  breastBirads: { palette: 'birads', label: (key) => `BI-RADS ${key}` },
  breastDensity: { palette: 'density', label: (key) => `Density ${key}` },
  findingCategories: { palette: 'finding', label: (key) => key },
  findingBirads: { palette: 'findingBirads', label: (key) => (key === 'none' ? 'No BI-RADS' : `BI-RADS ${key}`) },
  ageBins: { label: (key) => `${key} years` },
  vendor: { palette: 'vendor', label: (key) => key },
};

const PLURALS: Readonly<Record<string, string>> = { breast: 'breasts', box: 'boxes', study: 'studies', image: 'images' };

/** One bar table per attribute, in the order given (the page passes largest imbalance first). */
export function splitShareTables(attributes: readonly { key: string; attribute: BalanceAttribute }[]): BarTable[] {
  return attributes.map(({ key, attribute }) => {
    const style = ROW_STYLE[key] ?? { label: (k: string) => k };
    const unit = PLURALS[attribute.unit] ?? attribute.unit;
    return {
      id: key,
      label: BALANCE_ATTRIBUTE_LABELS[key] ?? key,
      rowLabel: BALANCE_ATTRIBUTE_LABELS[key] ?? key,
      rows: attribute.categories.map((category) => ({
        key: category,
        label: style.label(category),
        color: style.palette ? colorOf(style.palette, category) : UNKNOWN_COLOR,
      })),
      series: [{ key: 'count', label: unit, color: '' }],
      unit,
      counts: {
        training: attribute.training.map((n) => [n]),
        test: attribute.test.map((n) => [n]),
        all: attribute.training.map((n, j) => [n + attribute.test[j]]),
      },
      percent: { of: 'total', label: `% of ${unit}`, decimals: 1 },
    };
  });
}
