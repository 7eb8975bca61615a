// CC↔MLO lesion links: the same lesion is two rows of finding_annotations.csv (one per view) with nothing linking
// them. Within one breast, a box's counterpart is a box of the other view sharing one of its categories (category
// first), the one whose distance from the chest wall in millimetres is closest (that distance is roughly kept
// between CC and MLO, while the height in the image is not). Pure: used by the build for the viewer records and,
// through seenInOtherView, by the quality rule `finding-one-view-only`, so both say the same thing.

import type { Box, Laterality, ViewPosition } from '../types.ts';
import { HANGING_SLOTS, type Side } from '../viewer/hanging.ts';
import type { PixelSpacing } from './pixel-spacing.ts';

export interface LesionBox {
  imageId: string;
  laterality: Laterality;
  view: ViewPosition;
  /** 1-based line in finding_annotations.csv: with imageId, names the box. */
  line: number;
  categories: readonly string[];
  box: Box;
  /** The image's width in pixels (columns), to measure from a chest wall on the right edge. */
  columns: number;
  spacing: PixelSpacing;
  /** The edge of the stored image the chest wall touches, when known from the pixels; else the conventional one. */
  chestWall?: Side | null;
}

export interface BoxLink {
  imageId: string;
  line: number;
  /** Distance of the box's centre from the chest-wall edge, in mm. */
  chestWallMm: number;
  spacing: PixelSpacing;
  /** The paired box in the other view of the breast, or null when no box there shares a category. */
  counterpart: { imageId: string; line: number; differenceMm: number } | null;
  /** 1-based number of the lesion the box belongs to (the study's lesions, see StudyLesions.lesions). */
  lesion: number;
}

export interface Lesion {
  number: number;
  laterality: Laterality;
  /** The categories its boxes share across views (every category of a box seen in one view only). */
  categories: string[];
  /** "RCC", "RMLO", … that hold one of its boxes, in hanging order. */
  views: string[];
  /** "Lesion 1: Mass, RCC + RMLO". */
  label: string;
}

export interface StudyLesions {
  links: BoxLink[];
  lesions: Lesion[];
}

/** The edge a breast's chest wall touches in a conventionally stored image: the one the hanging puts it on. */
function conventionalChestWall(laterality: Laterality): Side {
  return HANGING_SLOTS.find((slot) => slot.laterality === laterality)!.chestWall;
}

/** Millimetres from the chest-wall edge to the box's centre (along the row). */
function chestWallDistanceMm(box: LesionBox): number {
  const centre = (box.box.xmin + box.box.xmax) / 2;
  const side = box.chestWall ?? conventionalChestWall(box.laterality);
  return (side === 'left' ? centre : box.columns - centre) * box.spacing.mm;
}

/**
 * For each box (any order, given as view and categories per breast): whether one of its categories occurs on a box
 * of the other view of the same breast. A box without categories is never seen in both views.
 */
export function seenInOtherView(boxes: readonly { laterality: Laterality; view: ViewPosition; categories: readonly string[] }[]): boolean[] {
  const present = new Set<string>();
  for (const box of boxes) for (const category of box.categories) present.add(`${box.laterality}|${box.view}|${category}`);
  return boxes.map((box) => {
    const other = box.view === 'CC' ? 'MLO' : 'CC';
    return box.categories.some((category) => present.has(`${box.laterality}|${other}|${category}`));
  });
}

const shareCategory = (a: LesionBox, b: LesionBox) => a.categories.some((category) => b.categories.includes(category));

/**
 * Links the boxes of one study. Pairs are made one to one first, closest chest-wall distances first (ties: lower
 * lines); a box left over whose other view has boxes of its category then joins its closest one (two CC boxes of
 * one MLO mass both point at it). Lesions are the linked groups, numbered in hanging order (right breast first,
 * then by the lowest line of their boxes); a box seen in one view only is a lesion of its own.
 */
export function linkLesions(boxes: readonly LesionBox[]): StudyLesions {
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a].line - boxes[b].line || (boxes[a].imageId < boxes[b].imageId ? -1 : 1));
  const mm = boxes.map(chestWallDistanceMm);
  const candidates: { cc: number; mlo: number; difference: number }[] = [];
  for (const cc of order) {
    if (boxes[cc].view !== 'CC') continue;
    for (const mlo of order) {
      const [a, b] = [boxes[cc], boxes[mlo]];
      if (b.view === 'MLO' && a.laterality === b.laterality && shareCategory(a, b)) candidates.push({ cc, mlo, difference: Math.abs(mm[cc] - mm[mlo]) });
    }
  }
  candidates.sort((x, y) => x.difference - y.difference || boxes[x.cc].line - boxes[y.cc].line || boxes[x.mlo].line - boxes[y.mlo].line);
  const partner = new Array<number>(boxes.length).fill(-1);
  for (const { cc, mlo } of candidates) {
    if (partner[cc] !== -1 || partner[mlo] !== -1) continue;
    partner[cc] = mlo;
    partner[mlo] = cc;
  }
  for (const { cc, mlo } of candidates) {
    if (partner[cc] === -1) partner[cc] = mlo;
    if (partner[mlo] === -1) partner[mlo] = cc;
  }
  // Groups: a box and its partner share a group (union–find over at most a few dozen boxes).
  const root = boxes.map((_, i) => i);
  const find = (i: number): number => (root[i] === i ? i : (root[i] = find(root[i])));
  boxes.forEach((_, i) => {
    if (partner[i] !== -1) root[find(i)] = find(partner[i]);
  });
  const slotOf = (box: LesionBox) => HANGING_SLOTS.findIndex((s) => s.laterality === box.laterality && s.view === box.view);
  const groups = new Map<number, number[]>();
  for (const i of order) groups.set(find(i), [...(groups.get(find(i)) ?? []), i]);
  const sorted = [...groups.values()].sort((a, b) => Number(boxes[a[0]].laterality === 'L') - Number(boxes[b[0]].laterality === 'L') || boxes[a[0]].line - boxes[b[0]].line);
  const lesionOf = new Array<number>(boxes.length);
  const lesions = sorted.map((members, i): Lesion => {
    for (const member of members) lesionOf[member] = i + 1;
    const categories = new Set<string>();
    for (const member of members) {
      const p = partner[member];
      for (const category of boxes[member].categories) if (p === -1 || boxes[p].categories.includes(category)) categories.add(category);
    }
    const views = [...new Set(members.map((m) => slotOf(boxes[m])))].sort((a, b) => a - b).map((slot) => HANGING_SLOTS[slot]?.label ?? '?');
    const names = [...categories];
    return {
      number: i + 1,
      laterality: boxes[members[0]].laterality,
      categories: names,
      views,
      label: `Lesion ${i + 1}: ${names.length > 0 ? names.join(', ') : 'no category'}, ${views.length > 1 ? views.join(' + ') : `${views[0]} only`}`,
    };
  });
  const links = order.map((i): BoxLink => {
    const p = partner[i];
    return {
      imageId: boxes[i].imageId,
      line: boxes[i].line,
      chestWallMm: mm[i],
      spacing: boxes[i].spacing,
      counterpart: p === -1 ? null : { imageId: boxes[p].imageId, line: boxes[p].line, differenceMm: Math.abs(mm[i] - mm[p]) },
      lesion: lesionOf[i],
    };
  });
  return { links, lesions };
}
