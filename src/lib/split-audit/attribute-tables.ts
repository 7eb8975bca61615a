// The six audited attributes as k subsets × categories tables, counted from each study's attributes with the units
// stats.json uses (breasts, boxes) and per study where the audit of a split file can only know the study (age, vendor):
// breast BI-RADS and density per breast, finding categories per box (a box with several categories once for each),
// finding BI-RADS per box, age in 5-year bins per study, vendor per study. Unknown ages and vendors are left out.

import { BIRADS_ALLOWED, DENSITIES, FINDING_BIRADS } from '../vocabulary.ts';
import { sortCategories } from '../studies/study-index.ts';
import type { StudyAttributes } from './study-attributes.ts';

export const AUDIT_ATTRIBUTES = ['breastBirads', 'breastDensity', 'findingCategories', 'findingBirads', 'age', 'vendor'] as const;
export type AuditAttribute = (typeof AUDIT_ATTRIBUTES)[number];

export const ATTRIBUTE_NAMES: Readonly<Record<AuditAttribute, string>> = {
  breastBirads: 'Breast BI-RADS',
  breastDensity: 'Breast density',
  findingCategories: 'Finding categories',
  findingBirads: 'Finding BI-RADS',
  age: 'Age (5-year bins)',
  vendor: 'Vendor',
};

interface CountTable {
  unit: string;
  categories: string[];
  /** counts[subset][category]. */
  counts: number[][];
}

const AGE_BIN_YEARS = 5;

/** Tables before zero-total categories are dropped; `subsetOf[s]` is study s's subset (0 … k − 1). */
export function attributeTables(studies: readonly StudyAttributes[], subsetOf: readonly number[], k: number): Record<AuditAttribute, CountTable> {
  const tally = () => new Map<string, number[]>();
  const maps: Record<AuditAttribute, Map<string, number[]>> = {
    breastBirads: tally(),
    breastDensity: tally(),
    findingCategories: tally(),
    findingBirads: tally(),
    age: tally(),
    vendor: tally(),
  };
  const add = (attribute: AuditAttribute, category: string, subset: number) => {
    let row = maps[attribute].get(category);
    if (!row) maps[attribute].set(category, (row = new Array<number>(k).fill(0)));
    row[subset]++;
  };
  studies.forEach((study, s) => {
    const subset = subsetOf[s];
    for (const breast of study.breasts) {
      add('breastBirads', breast.birads, subset);
      add('breastDensity', breast.density, subset);
    }
    for (const box of study.boxes) {
      for (const category of box.categories) add('findingCategories', category, subset);
      add('findingBirads', box.findingBirads, subset);
    }
    if (study.ageYears !== null) {
      const from = Math.floor(study.ageYears / AGE_BIN_YEARS) * AGE_BIN_YEARS;
      add('age', `${from}–${from + AGE_BIN_YEARS}`, subset);
    }
    if (study.vendor !== null) add('vendor', study.vendor, subset);
  });
  const byOrder = (order: readonly string[]) => (a: string, b: string) => rank(order, a) - rank(order, b) || (a < b ? -1 : a > b ? 1 : 0);
  const orders: Record<AuditAttribute, (keys: string[]) => string[]> = {
    breastBirads: (keys) => keys.sort(byOrder(BIRADS_ALLOWED)),
    breastDensity: (keys) => keys.sort(byOrder(DENSITIES)),
    findingCategories: (keys) => sortCategories(keys),
    findingBirads: (keys) => keys.sort(byOrder(FINDING_BIRADS)),
    age: (keys) => keys.sort((a, b) => parseInt(a, 10) - parseInt(b, 10)),
    vendor: (keys) => keys.sort(),
  };
  const units: Record<AuditAttribute, string> = {
    breastBirads: 'breast',
    breastDensity: 'breast',
    findingCategories: 'box',
    findingBirads: 'box',
    age: 'study',
    vendor: 'study',
  };
  const out = {} as Record<AuditAttribute, CountTable>;
  for (const attribute of AUDIT_ATTRIBUTES) {
    const categories = orders[attribute]([...maps[attribute].keys()]);
    const counts = Array.from({ length: k }, (_, i) => categories.map((c) => maps[attribute].get(c)![i]));
    out[attribute] = { unit: units[attribute], categories, counts };
  }
  return out;
}

function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}
