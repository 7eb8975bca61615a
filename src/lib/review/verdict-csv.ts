// The review as CSV, one row per verdict, for spreadsheets and for import back: study, image, laterality, view, box
// coordinates, categories and finding BI-RADS as the release spells them, verdict, comment, reviewer, time, plus the
// columns import needs to rebuild each verdict exactly (release, kind, key, corrections). papaparse writes and
// reads it, so quoting (commas, quotes, line breaks in comments) round-trips.
import Papa from 'papaparse';
import type { Box } from '../types.ts';
import { parsePythonList } from '../csv/python-list.ts';
import { ReleaseInputError } from '../csv/errors.ts';
import { checkVerdict, VerdictShapeError } from './verdict-check.ts';
import type { Verdict } from './verdict-types.ts';

const VERDICT_CSV_COLUMNS = [
  'release', 'reviewer', 'time', 'kind', 'key', 'study_id', 'image_id', 'laterality', 'view_position',
  'xmin', 'ymin', 'xmax', 'ymax', 'finding_categories', 'finding_birads', 'verdict', 'comment',
  'corrected_categories', 'corrected_finding_birads', 'corrected_xmin', 'corrected_ymin', 'corrected_xmax', 'corrected_ymax',
] as const;
type Column = (typeof VERDICT_CSV_COLUMNS)[number];

/** A Python list literal as the release writes categories (['Mass', 'Skin Thickening']), read back by parsePythonList. */
function listCell(items: readonly string[] | undefined): string {
  return items === undefined ? '' : `[${items.map((item) => `'${item.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ')}]`;
}

function boxCells(box: Box | undefined): string[] {
  return box === undefined ? ['', '', '', ''] : [box.xmin, box.ymin, box.xmax, box.ymax].map(String);
}

function row(releaseKey: string, verdict: Verdict): string[] {
  const cells: Partial<Record<Column, string>> = {
    release: releaseKey, reviewer: verdict.reviewer, time: verdict.time, kind: verdict.kind, key: verdict.key,
    study_id: verdict.target.studyId, comment: verdict.comment,
  };
  if (verdict.kind !== 'reviewed') {
    Object.assign(cells, { image_id: verdict.target.imageId, laterality: verdict.target.laterality, view_position: verdict.target.view });
  }
  if (verdict.kind === 'box' || verdict.kind === 'missed') {
    const [xmin, ymin, xmax, ymax] = boxCells(verdict.target.box);
    Object.assign(cells, { xmin, ymin, xmax, ymax, finding_categories: listCell(verdict.target.categories), finding_birads: verdict.target.findingBirads });
  }
  cells.verdict = verdict.kind === 'box' ? verdict.verdict : verdict.kind === 'image-problem' ? verdict.problem : verdict.kind;
  if (verdict.kind === 'box' && verdict.corrected) {
    const [xmin, ymin, xmax, ymax] = boxCells(verdict.corrected.box);
    Object.assign(cells, {
      corrected_categories: listCell(verdict.corrected.categories),
      corrected_finding_birads: verdict.corrected.findingBirads ?? '',
      corrected_xmin: xmin, corrected_ymin: ymin, corrected_xmax: xmax, corrected_ymax: ymax,
    });
  }
  return VERDICT_CSV_COLUMNS.map((column) => cells[column] ?? '');
}

/** The verdicts as CSV text (header first, `\n` line ends), in the order given. */
export function verdictsCsv(releaseKey: string, verdicts: readonly Verdict[]): string {
  return `${Papa.unparse({ fields: [...VERDICT_CSV_COLUMNS], data: verdicts.map((verdict) => row(releaseKey, verdict)) }, { newline: '\n' })}\n`;
}

/** True when `text` starts with this module's header (how import tells our CSV from any other file). */
export function isVerdictCsv(text: string): boolean {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  return firstLine === VERDICT_CSV_COLUMNS.join(',');
}

function number(cell: string): number {
  return cell === 'NaN' ? Number.NaN : Number(cell);
}

/** The verdict a row rebuilds, in the JSON shape checkVerdict reads. */
function rowVerdict(cells: Record<Column, string>, list: (name: Column) => string[] | undefined): unknown {
  const coordinates = (prefix: '' | 'corrected_') => {
    const names = (['xmin', 'ymin', 'xmax', 'ymax'] as const).map((name): Column => `${prefix}${name}`);
    if (names.every((name) => cells[name] === '')) return undefined;
    return Object.fromEntries(names.map((name, i) => [['xmin', 'ymin', 'xmax', 'ymax'][i], number(cells[name])]));
  };
  const base = { key: cells.key, reviewer: cells.reviewer, time: cells.time, comment: cells.comment, kind: cells.kind };
  const image = { studyId: cells.study_id, imageId: cells.image_id, laterality: cells.laterality, view: cells.view_position };
  const boxTarget = { ...image, box: coordinates(''), categories: list('finding_categories'), findingBirads: cells.finding_birads };
  switch (cells.kind) {
    case 'box': {
      const corrected = {
        categories: list('corrected_categories'),
        findingBirads: cells.corrected_finding_birads === '' ? undefined : cells.corrected_finding_birads,
        box: coordinates('corrected_'),
      };
      const hasCorrections = Object.values(corrected).some((value) => value !== undefined);
      return { ...base, target: boxTarget, verdict: cells.verdict, ...(hasCorrections ? { corrected } : {}) };
    }
    case 'missed':
      return { ...base, target: boxTarget };
    case 'image-problem':
      return { ...base, target: image, problem: cells.verdict };
    default:
      return { ...base, target: { studyId: cells.study_id } };
  }
}

/**
 * The verdicts of a CSV this module wrote, for the release `releaseKey`. Throws ReleaseInputError naming the file,
 * line and column when a row is of another release or is not a verdict.
 */
export function readVerdictCsv(fileName: string, text: string, releaseKey: string): Verdict[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const [header, ...records] = parsed.data;
  if (header === undefined || header.join(',') !== VERDICT_CSV_COLUMNS.join(',')) {
    throw new ReleaseInputError({ file: fileName, line: 1 }, `not a review CSV of this site (its header must be ${VERDICT_CSV_COLUMNS.join(',')})`);
  }
  const lineOf = lineNumbers(text);
  return records.map((record, i) => {
    const line = lineOf[i + 1];
    if (record.length !== VERDICT_CSV_COLUMNS.length) {
      throw new ReleaseInputError({ file: fileName, line }, `the row has ${record.length} fields but the header has ${VERDICT_CSV_COLUMNS.length}`);
    }
    const cells = Object.fromEntries(VERDICT_CSV_COLUMNS.map((name, at) => [name, record[at]])) as Record<Column, string>;
    if (cells.release !== releaseKey) {
      throw new ReleaseInputError({ file: fileName, line, column: 'release' }, `the verdict is of release ${cells.release}, not this site's release ${releaseKey}`);
    }
    const list = (name: Column) => {
      if (cells[name] === '') return undefined;
      const items = parsePythonList(cells[name]);
      if (items === null) throw new ReleaseInputError({ file: fileName, line, column: name }, `"${cells[name]}" is not a list such as ['Mass']`);
      return items;
    };
    try {
      return checkVerdict(rowVerdict(cells, list));
    } catch (error) {
      if (!(error instanceof VerdictShapeError)) throw error;
      throw new ReleaseInputError({ file: fileName, line, column: csvColumnOf(error.field) }, error.reason);
    }
  });
}

/** The CSV column a verdict field comes from, so a refusal names what the user sees in the file. */
function csvColumnOf(field: string): string {
  const names: Record<string, Column> = {
    'target.studyId': 'study_id', 'target.imageId': 'image_id', 'target.laterality': 'laterality', 'target.view': 'view_position',
    'target.categories': 'finding_categories', 'target.findingBirads': 'finding_birads', problem: 'verdict',
  };
  if (names[field]) return names[field];
  if (field.startsWith('target.box')) return field.endsWith('box') ? 'xmin' : field.slice('target.box.'.length);
  if (field.startsWith('corrected.box')) return field.endsWith('box') ? 'corrected_xmin' : `corrected_${field.slice('corrected.box.'.length)}`;
  return field;
}

/** The 1-based line each record starts on (a quoted comment may span lines): index 0 is the header. */
function lineNumbers(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let quoted = false;
  let atRecordStart = true;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (atRecordStart && char !== '\n' && char !== '\r') {
      starts.push(line);
      atRecordStart = false;
    }
    if (char === '"') quoted = !quoted;
    else if (char === '\n') {
      line++;
      if (!quoted) atRecordStart = true;
    }
  }
  return starts;
}
