// Checks that a value read from an import file (JSON object or CSV row) is a verdict of the contract
// (verdict-types.ts): every field present with an allowed value. One rule for both file formats, so a file that
// cannot be trusted is refused whole with the reason, before anything is stored.
import type { Box } from '../types.ts';
import { boxKey, imageKey, missedKey, studyKey } from './verdict-keys.ts';
import { BOX_VERDICTS, IMAGE_PROBLEMS, type BoxRef, type ImageRef, type Verdict } from './verdict-types.ts';

/** A verdict that breaks the contract: `reason` names the field and what was expected. */
export class VerdictShapeError extends Error {
  constructor(readonly field: string, readonly reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'VerdictShapeError';
  }
}

type Fields = Record<string, unknown>;

function object(value: unknown, field: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new VerdictShapeError(field, 'expected an object');
  return value as Fields;
}

function text(fields: Fields, name: string, path: string, nonEmpty = true): string {
  const value = fields[name];
  if (typeof value !== 'string') throw new VerdictShapeError(`${path}${name}`, 'expected text');
  if (nonEmpty && value === '') throw new VerdictShapeError(`${path}${name}`, 'is empty');
  return value;
}

function oneOf<T extends string>(fields: Fields, name: string, allowed: readonly T[], path: string): T {
  const value = text(fields, name, path);
  if (!(allowed as readonly string[]).includes(value)) throw new VerdictShapeError(`${path}${name}`, `"${value}" is not one of ${allowed.join(', ')}`);
  return value as T;
}

/** A coordinate: a number, or null (how JSON writes NaN, a coordinate the CSV did not give as a number) read as NaN. */
function coordinate(fields: Fields, name: string, path: string): number {
  const value = fields[name];
  if (value === null) return Number.NaN;
  if (typeof value !== 'number') throw new VerdictShapeError(`${path}${name}`, 'expected a number');
  return value;
}

function box(value: unknown, path: string): Box {
  const fields = object(value, path);
  const at = `${path}.`;
  return { xmin: coordinate(fields, 'xmin', at), ymin: coordinate(fields, 'ymin', at), xmax: coordinate(fields, 'xmax', at), ymax: coordinate(fields, 'ymax', at) };
}

function categories(value: unknown, path: string): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new VerdictShapeError(path, 'expected a list of category names');
  return [...(value as string[])];
}

function imageRef(value: unknown): ImageRef {
  const fields = object(value, 'target');
  return {
    studyId: text(fields, 'studyId', 'target.'),
    imageId: text(fields, 'imageId', 'target.'),
    laterality: oneOf(fields, 'laterality', ['L', 'R'] as const, 'target.'),
    view: oneOf(fields, 'view', ['CC', 'MLO'] as const, 'target.'),
  };
}

function boxRef(value: unknown): BoxRef {
  const fields = object(value, 'target');
  return {
    ...imageRef(value),
    box: box(fields.box, 'target.box'),
    categories: categories(fields.categories, 'target.categories'),
    findingBirads: text(fields, 'findingBirads', 'target.', false),
  };
}

function corrections(value: unknown): { categories?: string[]; findingBirads?: string; box?: Box } {
  const fields = object(value, 'corrected');
  const corrected: { categories?: string[]; findingBirads?: string; box?: Box } = {};
  if (fields.categories !== undefined) corrected.categories = categories(fields.categories, 'corrected.categories');
  if (fields.findingBirads !== undefined) corrected.findingBirads = text(fields, 'findingBirads', 'corrected.', false);
  if (fields.box !== undefined) corrected.box = box(fields.box, 'corrected.box');
  return corrected;
}

/** The verdict `value` holds, rebuilt field by field (unknown fields dropped), or a VerdictShapeError. */
export function checkVerdict(value: unknown): Verdict {
  const verdict = readVerdict(value);
  checkKey(verdict);
  return verdict;
}

/**
 * A verdict's key must be the one its target gives (verdict-keys.ts): the key is the verdict's identity, so a key
 * that names another box would merge the verdict into the wrong one.
 */
function checkKey(verdict: Verdict): void {
  const expected =
    verdict.kind === 'box' ? boxKey(verdict.target.imageId, verdict.target.box)
    : verdict.kind === 'missed' ? missedKey(verdict.target.imageId, '')
    : verdict.kind === 'image-problem' ? imageKey(verdict.target.imageId)
    : studyKey(verdict.target.studyId);
  const fits = verdict.kind === 'missed' ? verdict.key.startsWith(expected) && verdict.key.length > expected.length : verdict.key === expected;
  if (!fits) throw new VerdictShapeError('key', `"${verdict.key}" is not the key of its target (${verdict.kind === 'missed' ? `${expected}<id>` : expected})`);
}

function readVerdict(value: unknown): Verdict {
  const fields = object(value, 'verdict');
  const time = text(fields, 'time', '');
  if (Number.isNaN(Date.parse(time))) throw new VerdictShapeError('time', `"${time}" is not an ISO 8601 time`);
  const base = { key: text(fields, 'key', ''), reviewer: text(fields, 'reviewer', ''), time, comment: text(fields, 'comment', '', false) };
  const kind = oneOf(fields, 'kind', ['box', 'missed', 'image-problem', 'reviewed'] as const, '');
  switch (kind) {
    case 'box': {
      const verdict = { ...base, kind, target: boxRef(fields.target), verdict: oneOf(fields, 'verdict', BOX_VERDICTS, '') };
      return fields.corrected === undefined ? verdict : { ...verdict, corrected: corrections(fields.corrected) };
    }
    case 'missed':
      return { ...base, kind, target: boxRef(fields.target) };
    case 'image-problem':
      return { ...base, kind, target: imageRef(fields.target), problem: oneOf(fields, 'problem', IMAGE_PROBLEMS, '') };
    case 'reviewed':
      return { ...base, kind, target: { studyId: text(object(fields.target, 'target'), 'studyId', 'target.') } };
  }
}
