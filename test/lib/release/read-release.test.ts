// The node-side readers: streaming rows with correct 1-based lines (CRLF, BOM, quoted newlines), provenance
// (sha256 of the bytes, data-row counts) and the optional metadata.csv.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ReleaseInputError } from '../../../src/lib/csv/errors.ts';
import type { BreastRow } from '../../../src/lib/types.ts';
import type { MetadataFacts } from '../../../src/lib/csv/rows.ts';
import { streamCsv } from '../../../src/node/csv-stream.ts';
import { readMetadataFacts, streamBreastRows, streamFindingRows } from '../../../src/node/read-release.ts';
import { releaseFixture } from './fixtures.ts';

const temporary: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'stats-read-'));
  temporary.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(temporary.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('streamCsv(path)', () => {
  test('gives each record its line, counting CRLF and newlines inside quoted fields; skips blank lines', async () => {
    const dir = await tempDir();
    const path = join(dir, 'x.csv');
    await writeFile(path, '\ufeffa,b\r\n1,"two\r\nlines"\r\n\r\n3,4\r\n"5\n\n",6\r\n7,8');
    const records: [string[], number][] = [];
    let header: string[] = [];
    const info = await streamCsv(path, 'x.csv', {
      onHeader: (cells) => (header = cells),
      onRecord: (cells, line) => records.push([cells, line]),
    });
    expect(header).toEqual(['a', 'b']);
    expect(records).toEqual([
      [['1', 'two\r\nlines'], 2],
      [['3', '4'], 5],
      [['5\n\n', '6'], 6],
      [['7', '8'], 9],
    ]);
    expect(info.rows).toBe(4);
  });

  test('sha256 is of the file bytes; progress reaches the file size', async () => {
    const path = join(releaseFixture('counting'), 'finding_annotations.csv');
    const bytes = await readFile(path);
    const seen: number[] = [];
    const info = await streamCsv(path, 'finding_annotations.csv', {
      onHeader: () => {},
      onRecord: () => {},
      onProgress: ({ bytesRead, bytesTotal }) => seen.push(bytesRead / bytesTotal),
    });
    expect(info.sha256).toBe(createHash('sha256').update(new Uint8Array(bytes)).digest('hex'));
    expect(seen.at(-1)).toBe(1);
  });

  test('an unclosed quote is a CSV that cannot be parsed, reported at its line', async () => {
    const dir = await tempDir();
    const path = join(dir, 'x.csv');
    await writeFile(path, 'a,b\n1,2\n3,"4\n5,6\n');
    const call = streamCsv(path, 'x.csv', { onHeader: () => {}, onRecord: () => {} });
    await expect(call).rejects.toThrow(ReleaseInputError);
    await expect(call).rejects.toThrow('x.csv:3: the CSV cannot be parsed: a quoted field is never closed');
  });

  test('an empty file has no header', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'x.csv'), '');
    await expect(streamCsv(join(dir, 'x.csv'), 'x.csv', { onHeader: () => {}, onRecord: () => {} })).rejects.toThrow(
      'x.csv: the file is empty: no header line',
    );
  });

  test('a handler error stops the read and rejects with it', async () => {
    let calls = 0;
    const call = streamCsv(join(releaseFixture('counting'), 'breast-level_annotations.csv'), 'b.csv', {
      onHeader: () => {},
      onRecord: () => {
        calls++;
        throw new Error('stop here');
      },
    });
    await expect(call).rejects.toThrow('stop here');
    expect(calls).toBe(1);
  });
});

describe('release readers', () => {
  test('streamBreastRows validates rows; lines in the reordered fixture account for BOM, CRLF and a two-line note', async () => {
    const rows: BreastRow[] = [];
    await streamBreastRows(releaseFixture('reordered'), (row) => rows.push(row));
    expect(rows).toHaveLength(12);
    expect(rows[0]).toMatchObject({ line: 2, imageId: 's1-lcc', laterality: 'L', view: 'CC', split: 'training' });
    // The second data row's note spans two lines, so the third data row starts on line 5.
    expect(rows[2]).toMatchObject({ line: 5, imageId: 's1-rcc' });
  });

  test('a bad value after a multi-line field is reported at its true line', async () => {
    const dir = await tempDir();
    await cp(releaseFixture('reordered'), dir, { recursive: true });
    const path = join(dir, 'breast-level_annotations.csv');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('s2-rcc,s2-series,s2\r\n', 's2-rcc,s2-series,\r\n'));
    await expect(streamBreastRows(dir, () => {})).rejects.toThrow(
      'breast-level_annotations.csv:9, column "study_id": an empty value is not valid; expected a non-empty id',
    );
  });

  test('streamFindingRows reads boxes and No Finding rows', async () => {
    let boxes = 0;
    let noFinding = 0;
    await streamFindingRows(releaseFixture('counting'), (row) => (row.box ? boxes++ : noFinding++));
    expect([boxes, noFinding]).toEqual([6, 7]);
  });

  test('readMetadataFacts resolves null without metadata.csv, the file info with it', async () => {
    const rows: MetadataFacts[] = [];
    expect(await readMetadataFacts(releaseFixture('minimal'), (row) => rows.push(row))).toBe(null);
    expect(await readMetadataFacts(releaseFixture('counting'), (row) => rows.push(row))).toMatchObject({ rows: 12 });
    expect(rows).toHaveLength(12);
    expect(rows[4]).toMatchObject({ imageId: 's2-lcc', ageYears: null, manufacturer: 'Planmed' });
  });

  test('a missing required file is named', async () => {
    const dir = await tempDir();
    await expect(streamFindingRows(dir, () => {})).rejects.toThrow(
      `finding_annotations.csv: required file not found in the release folder ${dir}`,
    );
  });
});

describe('streamCsv(path) text decoding', () => {
  test('UTF-8 characters split across read chunks decode intact', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stats-read-'));
    temporary.push(dir);
    const path = join(dir, 'x.csv');
    // 1.5 MB of ASCII rows, then ~1.5 MB of multi-byte characters: read chunks (1 MB) split some of them.
    const ascii = Array.from({ length: 50_000 }, (_, i) => `row${i},${'x'.repeat(20)}`).join('\n');
    const wide = Array.from({ length: 50_000 }, (_, i) => `ü${i},Ünïcødé ✓ 東京`).join('\n');
    await writeFile(path, `a,b\n${ascii}\n${wide}\n`);
    const seen: string[][] = [];
    await streamCsv(path, 'x.csv', { onHeader: () => {}, onRecord: (cells) => seen.push(cells) });
    expect(seen).toHaveLength(100_000);
    expect(seen[49_999]).toEqual(['row49999', 'x'.repeat(20)]);
    expect(seen.slice(50_000).every((cells, i) => cells[0] === `ü${i}` && cells[1] === 'Ünïcødé ✓ 東京')).toBe(true);
  });
});
