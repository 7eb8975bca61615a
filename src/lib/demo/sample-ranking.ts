// Which studies get DICOMs. A greedy set cover over what a viewer should be able to show (every finding
// category, breast BI-RADS 3, 4 and 5, every density), then the richest remaining studies. Vendors are assigned
// after this ranking, so the planner can give the first picks one vendor each.

interface StudyFeatures {
  /** Index of the study in the plan. */
  index: number;
  features: Set<string>;
  boxes: number;
}

export function labelFeatures(categories: Iterable<string>, birads: Iterable<string>, densities: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const k of categories) out.add(`category:${k}`);
  for (const b of birads) if (b === '3' || b === '4' || b === '5') out.add(`birads:${b}`);
  for (const d of densities) out.add(`density:${d}`);
  return out;
}

/**
 * Greedy cover: repeatedly the study adding the most uncovered features (ties: more boxes, then earlier index).
 * Returns the cover, in pick order, followed by `extra` further studies with the most distinct features and boxes.
 */
export function rankSamples(studies: readonly StudyFeatures[], extra: number): number[] {
  const uncovered = new Set<string>();
  for (const s of studies) for (const f of s.features) uncovered.add(f);
  const picked: number[] = [];
  const taken = new Set<number>();
  while (uncovered.size > 0) {
    let best: StudyFeatures | null = null;
    let bestGain = 0;
    for (const s of studies) {
      if (taken.has(s.index)) continue;
      let gain = 0;
      for (const f of s.features) if (uncovered.has(f)) gain++;
      if (gain > bestGain || (gain === bestGain && gain > 0 && best !== null && s.boxes > best.boxes)) {
        best = s;
        bestGain = gain;
      }
    }
    if (best === null) break;
    picked.push(best.index);
    taken.add(best.index);
    for (const f of best.features) uncovered.delete(f);
  }
  const rest = studies
    .filter((s) => !taken.has(s.index) && s.boxes > 0)
    .sort((a, b) => b.features.size - a.features.size || b.boxes - a.boxes || a.index - b.index)
    .slice(0, extra);
  return [...picked, ...rest.map((s) => s.index)];
}
