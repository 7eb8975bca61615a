import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { encodeLabelledStudies, type LabelledStudy } from '../../../src/lib/split-balance/label-encoding.ts';
import { drawLabelCounts, drawWithGroups, drawWithMasks, type DrawPlan } from '../../../src/lib/split-balance/random-draws.ts';

/** 300 studies whose labels come from a seeded generator (up to `labelCount` labels, about a third each). */
function studies(labelCount: number): LabelledStudy[] {
  const random = randomLcg(99);
  return Array.from({ length: 300 }, (_, i) => ({
    split: i % 5 === 0 ? 'test' : 'training',
    labels: Array.from({ length: labelCount }, (_, j) => `l${j}`).filter(() => random() < 0.33),
  }));
}

function collect(draw: (plan: DrawPlan, sink: (c: Int32Array) => void) => void, plan: Omit<DrawPlan, 'seed'>, seed: number): number[][] {
  const out: number[][] = [];
  draw({ ...plan, seed }, (counts) => out.push([...counts]));
  return out;
}

describe('drawWithMasks and drawWithGroups', () => {
  it.each([5, 32])('pick the same subsets, so give the same label counts, for %d labels', (labelCount) => {
    const encoded = encodeLabelledStudies(studies(labelCount));
    expect(encoded.labels).toHaveLength(labelCount);
    const plan = { encoded, picked: 60, draws: 50 };
    const masks = collect(drawWithMasks, plan, 5);
    expect(masks).toHaveLength(50);
    expect(collect(drawWithGroups, plan, 5)).toEqual(masks);
    expect(collect(drawWithMasks, plan, 6)).not.toEqual(masks);
  });

  it('count each picked study’s labels: picking every study gives the label totals', () => {
    const encoded = encodeLabelledStudies(studies(32));
    const [counts] = collect(drawWithMasks, { encoded, picked: 300, draws: 1 }, 1);
    expect(counts).toEqual([...encoded.labelTotals]);
  });

  it('refuses more than 32 labels for masks; groups take them', () => {
    const encoded = encodeLabelledStudies(studies(40));
    expect(() => collect(drawWithMasks, { encoded, picked: 10, draws: 1 }, 1)).toThrow(/32-bit mask/);
    const [counts] = collect(drawWithGroups, { encoded, picked: 300, draws: 1 }, 1);
    expect(counts).toEqual([...encoded.labelTotals]);
  });
});

describe('drawLabelCounts', () => {
  // (300 studies never exceed the group limit, so this checks the plumbing; the strategies' agreement is above.)
  it.each([{ labelCount: 3 }, { labelCount: 20 }, { labelCount: 40 }])('gives the strategies’ counts for $labelCount labels', ({ labelCount }) => {
    const encoded = encodeLabelledStudies(studies(labelCount));
    const plan = { encoded, picked: 100, draws: 20 };
    const chosen = collect(drawLabelCounts, plan, 3);
    expect(chosen).toEqual(collect(drawWithGroups, plan, 3));
  });
});

describe('the draws’ random numbers', () => {
  it('are d3-random’s randomLcg(seed): the first draw picks the studies a Fisher–Yates with randomLcg picks', () => {
    // 12 studies, study s carries the single label "s<s>"; picking 5 of them with randomLcg by hand.
    const labelled = Array.from({ length: 12 }, (_, s): LabelledStudy => ({ split: 'training', labels: [`s${String(s).padStart(2, '0')}`] }));
    const encoded = encodeLabelledStudies(labelled);
    const random = randomLcg(2011);
    const order = Array.from({ length: 12 }, (_, s) => s);
    for (let i = 0; i < 5; i++) {
      const j = i + Math.floor(random() * (12 - i));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const expected = new Array(12).fill(0);
    for (const s of order.slice(0, 5)) expected[s] = 1;
    const [groups] = collect(drawWithGroups, { encoded, picked: 5, draws: 1 }, 2011);
    expect(groups).toEqual(expected);
    const [masks] = collect(drawWithMasks, { encoded, picked: 5, draws: 1 }, 2011);
    expect(masks).toEqual(expected);
  });
});
