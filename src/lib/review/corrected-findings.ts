// The corrected finding_annotations.csv: the release's own file with the review applied, in its own format and
// spellings, so the stats command reads it like any release. Untouched lines are kept byte for byte; a box whose
// newest verdict is "not a finding" is removed; a box with typed corrections gets those fields rewritten; each
// missed finding becomes a box row of its image. An image keeps exactly one 'No Finding' row when it has no box
// left, and loses it when a missed finding gives it one (the release's rule: every image appears at least once).
import Papa from 'papaparse';
import { cellsOf, csvRecords, withoutLineEnd } from './finding-lines.ts';
import { ReleaseInputError } from '../csv/errors.ts';
import { parsePythonList } from '../csv/python-list.ts';
import { readNumberOrNaN } from '../csv/values.ts';
import { formatCoordinate, pythonList } from '../demo/release-csv.ts';
import { isNoFindingList } from '../release/finding-rows.ts';
import type { Box } from '../types.ts';
import { FILES, NO_FINDING } from '../vocabulary.ts';
import { boxKey } from './verdict-keys.ts';
import type { BoxVerdict, MissedFinding, Verdict } from './verdict-types.ts';

/** The columns this rewrites; the others (ids, sizes, breast labels, split) are copied from the image's rows. */
const NEEDED = ['image_id', 'finding_categories', 'finding_birads', 'xmin', 'ymin', 'xmax', 'ymax'] as const;

interface CorrectedFindings {
  text: string;
  removed: number;
  changed: number;
  added: number;
  /** Box verdicts and missed findings that point at no row or image of this file (named by key). */
  unmatched: string[];
}

/**
 * Of several reviewers' verdicts on one key, the newest decides (the import's rule: the newer verdict wins).
 * Only box verdicts and missed findings change the file.
 */
function decidingVerdicts(verdicts: readonly Verdict[]): Map<string, BoxVerdict | MissedFinding> {
  const byKey = new Map<string, BoxVerdict | MissedFinding>();
  for (const verdict of verdicts) {
    if (verdict.kind !== 'box' && verdict.kind !== 'missed') continue;
    const held = byKey.get(verdict.key);
    if (!held || Date.parse(verdict.time) > Date.parse(held.time)) byKey.set(verdict.key, verdict);
  }
  return byKey;
}

/** A finding BI-RADS as the release spells it: '4' or 'BI-RADS 4' → 'BI-RADS 4'; 'none' or '' → ''. */
function findingBiradsCell(value: string): string {
  if (value === '' || value === 'none') return '';
  return /^\d$/.test(value) ? `BI-RADS ${value}` : value;
}

function boxCells(box: Box): string[] {
  return [box.xmin, box.ymin, box.xmax, box.ymax].map(formatCoordinate);
}

export function correctedFindingCsv(original: string, verdicts: readonly Verdict[]): CorrectedFindings {
  const newline = original.includes('\r\n') ? '\r\n' : '\n';
  const lines = csvRecords(original);
  const header = cellsOf(withoutLineEnd(lines[0] ?? '').replace(/^\uFEFF/, ''));
  const at = Object.fromEntries(NEEDED.map((name) => [name, header.indexOf(name)])) as Record<(typeof NEEDED)[number], number>;
  const missing = NEEDED.filter((name) => at[name] < 0);
  if (missing.length > 0) throw new ReleaseInputError({ file: FILES.finding, line: 1 }, `no column ${missing.join(', ')}`);
  const unparse = (cells: string[]) => Papa.unparse([cells], { newline }) + newline;
  const deciding = decidingVerdicts(verdicts);
  const used = new Set<string>();
  const result: CorrectedFindings = { text: '', removed: 0, changed: 0, added: 0, unmatched: [] };

  /** Per image: a row of its to copy image columns from, its box rows kept, its 'No Finding' row if any. */
  const images = new Map<string, { template: string[]; boxes: number; noFindingAt: number | null }>();
  const out: (string | null)[] = [lines[0]];
  let lastBoxRow = 0;
  for (let i = 1; i < lines.length; i++) {
    const cells = cellsOf(withoutLineEnd(lines[i]));
    const imageId = cells[at.image_id];
    const image = images.get(imageId) ?? { template: cells, boxes: 0, noFindingAt: null };
    images.set(imageId, image);
    const categories = parsePythonList(cells[at.finding_categories] ?? '');
    if (categories !== null && isNoFindingList(categories)) {
      image.noFindingAt = out.length;
      out.push(lines[i]);
      continue;
    }
    const box = { xmin: readNumberOrNaN(cells[at.xmin]), ymin: readNumberOrNaN(cells[at.ymin]), xmax: readNumberOrNaN(cells[at.xmax]), ymax: readNumberOrNaN(cells[at.ymax]) };
    const key = boxKey(imageId, box);
    const verdict = deciding.get(key);
    if (verdict) used.add(key);
    if (verdict?.kind === 'box' && verdict.verdict === 'not-a-finding') {
      result.removed++;
      continue;
    }
    image.boxes++;
    lastBoxRow = out.length;
    const corrected = verdict?.kind === 'box' && verdict.verdict !== 'correct' ? verdict.corrected : undefined;
    if (!corrected || Object.keys(corrected).length === 0) {
      out.push(lines[i]);
      continue;
    }
    const changed = [...cells];
    if (corrected.categories) changed[at.finding_categories] = pythonList(corrected.categories);
    if (corrected.findingBirads !== undefined) changed[at.finding_birads] = findingBiradsCell(corrected.findingBirads);
    if (corrected.box) [changed[at.xmin], changed[at.ymin], changed[at.xmax], changed[at.ymax]] = boxCells(corrected.box);
    result.changed++;
    out.push(unparse(changed));
  }

  // Missed findings go after the last box row (the release lists box rows before its 'No Finding' rows).
  const addedRows: string[] = [];
  for (const verdict of deciding.values()) {
    if (verdict.kind !== 'missed') continue;
    const image = images.get(verdict.target.imageId);
    if (!image) continue;
    used.add(verdict.key);
    const cells = [...image.template];
    cells[at.finding_categories] = pythonList(verdict.target.categories);
    cells[at.finding_birads] = findingBiradsCell(verdict.target.findingBirads);
    [cells[at.xmin], cells[at.ymin], cells[at.xmax], cells[at.ymax]] = boxCells(verdict.target.box);
    addedRows.push(unparse(cells));
    image.boxes++;
    result.added++;
  }
  const noFindingRows: string[] = [];
  for (const image of images.values()) {
    if (image.boxes > 0 && image.noFindingAt !== null) out[image.noFindingAt] = null;
    if (image.boxes === 0 && image.noFindingAt === null) {
      const cells = [...image.template];
      cells[at.finding_categories] = pythonList([NO_FINDING]);
      for (const column of ['finding_birads', 'xmin', 'ymin', 'xmax', 'ymax'] as const) cells[at[column]] = '';
      noFindingRows.push(unparse(cells));
    }
  }
  // A file whose last line has no line end gets one when rows are added after it.
  const last = out.length - 1;
  if (addedRows.length + noFindingRows.length > 0 && out[last] !== null && !out[last].endsWith('\n')) out[last] += newline;
  out.splice(lastBoxRow + 1, 0, ...addedRows);
  result.unmatched = [...deciding.keys()].filter((key) => !used.has(key)).sort();
  result.text = [...out.filter((line): line is string => line !== null), ...noFindingRows].join('');
  return result;
}
