import { describe, expect, it } from 'vitest';
import { createSplitFileReader } from '../../../src/lib/split-audit/split-file.ts';

const known = new Set(['s1', 's2', 's3', 's4']);
const options = { isKnownStudy: (id: string) => known.has(id) };

function read(lines: string[][], opts: Parameters<typeof createSplitFileReader>[2] = options) {
  const [header, ...rows] = lines;
  const reader = createSplitFileReader('folds.csv', header, opts);
  rows.forEach((row, i) => reader.onRow(row, i + 2));
  return reader.finish();
}

describe('createSplitFileReader', () => {
  it('reads study ids and subsets, in natural order, with the file’s own sizes', () => {
    const a = read([['study_id', 'fold'], ['s1', '10'], ['s2', '2'], ['s3', '2'], ['s3', '2']]);
    expect(a.subsets).toEqual(['2', '10']);
    expect([...a.subsetOf]).toEqual([['s1', 1], ['s2', 0], ['s3', 0]]);
    expect(a.fileSizes).toEqual([2, 1]);
    expect(a.rows).toBe(4);
    expect(a.subsetColumn).toBe('fold');
  });

  it('lists a study whose rows name two subsets as leakage and counts it in its first row’s subset', () => {
    const a = read([['study_id', 'split'], ['s1', 'train'], ['s2', 'val'], ['s1', 'val']]);
    expect(a.subsetOf.get('s1')).toBe(0);
    expect([...a.conflicts]).toEqual([['s1', ['train', 'val']]]);
  });

  it('lists unknown ids and still assigns the known ones; their subsets count in the file’s sizes', () => {
    const a = read([['study_id', 'split'], ['s1', 'a'], ['zz', 'b'], ['s2', 'b']]);
    expect(a.unknownIds).toEqual(['zz']);
    expect(a.fileSizes).toEqual([1, 2]);
    expect(a.subsetOf.size).toBe(2);
  });

  it('maps image ids to studies when it can', () => {
    const studyOfImage = (id: string) => ({ i1: 's1', i2: 's1', i3: 's2' })[id];
    const a = read([['image_id', 'split'], ['i1', 'a'], ['i2', 'b'], ['i3', 'b'], ['i9', 'a']], { ...options, studyOfImage });
    expect(a.idColumn).toBe('image_id');
    expect([...a.conflicts]).toEqual([['s1', ['a', 'b']]]);
    expect(a.unknownIds).toEqual(['i9']);
  });

  it('uses --column', () => {
    const a = read([['study_id', 'my_split', 'split'], ['s1', 'x', 'a'], ['s2', 'y', 'a']], { ...options, column: 'my_split' });
    expect(a.subsets).toEqual(['x', 'y']);
  });

  it.each([
    { lines: [['id', 'split'], ['s1', 'a']], message: 'folds.csv:1: no study id column' },
    { lines: [['study_id', 'group'], ['s1', 'a']], message: 'folds.csv:1: no subset column' },
    { lines: [['study_id', 'split'], ['s1', 'a'], ['s2', ' ']], message: 'folds.csv:3, column "split": the subset name is empty' },
    { lines: [['study_id', 'split'], ['', 'a']], message: 'folds.csv:2, column "study_id": the id is empty' },
    { lines: [['study_id', 'split'], ['s1', 'a'], ['s2', 'a']], message: 'folds.csv, column "split": only one subset ("a")' },
    { lines: [['study_id', 'split'], ['x1', 'a'], ['x2', 'b']], message: 'none of its 2 ids is in this release' },
    { lines: [['image_id', 'split'], ['i1', 'a']], message: 'folds.csv:1, column "image_id": image ids cannot be mapped' },
  ])('refuses in one line: $message', ({ lines, message }) => {
    expect(() => read(lines)).toThrow(message);
  });
});
