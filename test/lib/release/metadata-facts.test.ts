// metadata.csv read into an ImageFactsTable (on a worker for large files): the same stats as row by row.
import { describe, expect, test } from 'vitest';
import { ImageFactsTable } from '../../../src/lib/release/image-facts-table.ts';
import { Interner } from '../../../src/lib/release/interner.ts';
import { StatsAccumulator } from '../../../src/lib/release/stats-accumulator.ts';
import { computeStats, serializeStats } from '../../../src/node/compute-stats.ts';
import { collectMetadataFacts, startMetadataJob } from '../../../src/node/metadata-facts.ts';
import { wantsMetadataWorker } from '../../../src/lib/release/metadata-worker-choice.ts';
import { readMetadataFacts, streamBreastRows, streamFindingRows } from '../../../src/node/read-release.ts';
import { FILES } from '../../../src/lib/vocabulary.ts';
import { releaseFixture } from './fixtures.ts';

describe('ImageFactsTable', () => {
  test('keeps the first known age (with its line) and the first non-empty vendor of each image', () => {
    const table = new ImageFactsTable();
    table.add({ line: 2, imageId: 'a', ageYears: null, manufacturer: '', model: '', photometric: '', pixelSpacingMm: Number.NaN });
    table.add({ line: 3, imageId: 'a', ageYears: 50, manufacturer: 'SIEMENS', model: '', photometric: 'MONOCHROME2', pixelSpacingMm: Number.NaN });
    table.add({ line: 4, imageId: 'a', ageYears: 60, manufacturer: 'Planmed', model: 'Nuance', photometric: 'MONOCHROME1', pixelSpacingMm: Number.NaN });
    table.add({ line: 5, imageId: 'b', ageYears: 40, manufacturer: '', model: '', photometric: '', pixelSpacingMm: Number.NaN });
    expect(table.size).toBe(2);
    expect([table.ageYears[0], table.ageLine[0], table.vendors.get(table.vendor[0]), table.rows[0]]).toEqual([50, 3, 'SIEMENS', 3]);
    expect([table.ageYears[1], table.vendor[1], table.firstLine[1]]).toEqual([40, -1, 5]);
    // The first non-empty model and photometric interpretation win, like the vendor.
    expect([table.texts.get(table.model[0]), table.texts.get(table.photometric[0]), table.model[1]]).toEqual(['Nuance', 'MONOCHROME2', -1]);
  });

  test('over the release index: image i of the index is row i, other images get rows after them', () => {
    const known = new Interner();
    for (const id of ['a', 'b', 'c']) known.add(id);
    const table = new ImageFactsTable(undefined, known);
    const row = (line: number, imageId: string, ageYears: number | null) =>
      table.add({ line, imageId, ageYears, manufacturer: '', model: '', photometric: '', pixelSpacingMm: Number.NaN });
    row(2, 'c', null);
    row(3, 'x', 41);
    row(4, 'c', 70);
    row(5, 'a', 55);
    row(6, 'x', 42);
    expect([table.size, table.offset, known.size]).toEqual([4, 3, 3]);
    expect([0, 1, 2, 3].map((i) => [table.imageId(i), table.rows[i], table.firstLine[i], table.ageYears[i]])).toEqual([
      ['a', 1, 5, 55],
      ['b', 0, 0, Number.NaN],
      ['c', 2, 2, 70],
      ['x', 2, 3, 41],
    ]);
    expect(() => table.toParts()).toThrow(/stays on its thread/);
  });
});

async function rowByRowStats(name: string): Promise<string> {
  const accumulator = new StatsAccumulator();
  const dir = releaseFixture(name);
  await streamBreastRows(dir, (row) => accumulator.addBreastRow(row));
  await streamFindingRows(dir, (row) => accumulator.addFindingRow(row));
  await readMetadataFacts(dir, (facts) => accumulator.addImageFacts(facts, { file: FILES.metadata, line: facts.line }));
  const stats = await computeStats(dir);
  return serializeStats(accumulator.finish({ ...stats.source }));
}

describe.each(['counting', 'quality'])('metadata of the %s fixture', (name) => {
  test('as a table gives the same stats as row by row', async () => {
    expect(serializeStats(await computeStats(releaseFixture(name)))).toBe(await rowByRowStats(name));
  });

  test('read on a worker gives the same table as on this thread', async () => {
    const job = startMetadataJob(releaseFixture(name), true, () => null, 0);
    const [viaJob, here] = await Promise.all([job.result(), collectMetadataFacts(releaseFixture(name))]);
    expect(viaJob?.info).toEqual(here?.info);
    expect(viaJob?.table.images.values()).toEqual(here?.table.images.values());
    expect(Array.from(viaJob!.table.ageYears.subarray(0, here!.table.size))).toEqual(Array.from(here!.table.ageYears.subarray(0, here!.table.size)));
    expect(Array.from(viaJob!.table.pixelSpacingMm.subarray(0, here!.table.size))).toEqual(Array.from(here!.table.pixelSpacingMm.subarray(0, here!.table.size)));
  });
});

describe('wantsMetadataWorker', () => {
  const MB = 1024 * 1024;
  const idle = { cores: 2, loadAverage: 0.3, minBytes: null };
  test.each([
    ['a 4 MB file, prebuilt worker, a free core', { ...idle, bytes: 4 * MB, prebuilt: true }, true],
    ['a 4 MB file, prebuilt worker, no free core (load 1.5 of 2)', { ...idle, bytes: 4 * MB, prebuilt: true, loadAverage: 1.5 }, false],
    ['just under 1 MB, prebuilt worker, idle', { ...idle, bytes: MB - 1, prebuilt: true }, false],
    ['a 4 MB file under tsx, idle', { ...idle, bytes: 4 * MB, prebuilt: false }, false],
    ['16 MB under tsx, busy', { ...idle, bytes: 16 * MB, prebuilt: false, loadAverage: 9 }, true],
    ['16 MB prebuilt, busy', { ...idle, bytes: 16 * MB, prebuilt: true, loadAverage: 9 }, true],
    ['one core: never a free core below 16 MB', { ...idle, bytes: 4 * MB, prebuilt: true, cores: 1, loadAverage: 0 }, false],
    ['an override of 0 takes any file, busy or not', { ...idle, bytes: 10, prebuilt: false, loadAverage: 9, minBytes: 0 }, true],
    ['an override above the size refuses it', { ...idle, bytes: 20 * MB, prebuilt: true, minBytes: 30 * MB }, false],
  ])('%s → %s', (_, choice, expected) => {
    expect(wantsMetadataWorker(choice)).toBe(expected);
  });
});
