// Ages and vendors from DICOM headers when a release has images/ but no metadata.csv. The DICOMs are written at
// test time with dcmjs, non-compliant like the release's (md5 hex UIDs, MediaStorageSOPClassUID 1.2.3.4), with
// pixel data well past the 64 KB the reader looks at.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Stats } from '../../../src/lib/types.ts';
import { computeStats } from '../../../src/node/compute-stats.ts';
import { readDicomHeaderFacts } from '../../../src/node/dicom-header.ts';
import { releaseFixture } from './fixtures.ts';

interface DcmjsWriter {
  DicomDict: new (meta: Record<string, unknown>) => { dict: Record<string, unknown>; write(): ArrayBuffer };
}
const DCMJS = 'dcmjs';

async function dicomBytes(age: string | null, manufacturer: string): Promise<Uint8Array> {
  const { DicomDict } = ((await import(DCMJS)) as { default: { data: DcmjsWriter } }).default.data;
  const uid = '4e3a578f0bd2b57c0d2de3bd8dc7c4a1';
  const dict = new DicomDict({
    '00020001': { vr: 'OB', Value: [new Uint8Array([0, 1]).buffer] },
    '00020002': { vr: 'UI', Value: ['1.2.3.4'] },
    '00020003': { vr: 'UI', Value: [uid] },
    '00020010': { vr: 'UI', Value: ['1.2.840.10008.1.2.1'] },
    '00020012': { vr: 'UI', Value: ['1.2.3.4'] },
  });
  const rows = 300;
  const columns = 200;
  dict.dict = {
    '00080018': { vr: 'UI', Value: [uid] },
    '00080070': { vr: 'LO', Value: [manufacturer] },
    ...(age === null ? {} : { '00101010': { vr: 'AS', Value: [age] } }),
    '00280010': { vr: 'US', Value: [rows] },
    '00280011': { vr: 'US', Value: [columns] },
    '00280100': { vr: 'US', Value: [16] },
    '7FE00010': { vr: 'OW', Value: [new Uint16Array(rows * columns).buffer] },
  };
  return new Uint8Array(dict.write());
}

let dir: string;
let stats: Stats;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stats-dicom-'));
  await cp(releaseFixture('minimal'), dir, { recursive: true });
  const images = join(dir, 'images', 'm1');
  await mkdir(images, { recursive: true });
  // m1-lcc has no age, m1-lmlo says 045Y, m1-rcc is not DICOM, m1-rmlo is absent.
  await writeFile(join(images, 'm1-lcc.dicom'), await dicomBytes(null, 'Planmed'));
  await writeFile(join(images, 'm1-lmlo.dicom'), await dicomBytes('045Y', 'Planmed'));
  await writeFile(join(images, 'm1-rcc.dicom'), 'not a dicom file');
  stats = await computeStats(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ages and vendors from DICOM headers (no metadata.csv)', () => {
  test('readDicomHeaderFacts reads age and vendor from a header followed by more than 64 KB of pixels', async () => {
    const bytes = await dicomBytes('053Y', 'SIEMENS');
    expect(bytes.length).toBeGreaterThan(64 * 1024); // the reader reads the first 64 KB only
    const path = join(dir, 'single.dicom');
    await writeFile(path, bytes);
    expect(await readDicomHeaderFacts(path)).toMatchObject({ ageYears: 53, manufacturer: 'SIEMENS', model: '' });
  });

  test('the study takes the first age its images give; vendors count the readable images', () => {
    expect(stats.source.ageSource).toBe('dicom');
    expect(stats.source.files).not.toHaveProperty('metadata.csv');
    expect(stats.age.known).toEqual({ training: 0, test: 1, all: 1 });
    expect(stats.age.summary.test).toEqual({ mean: 45, median: 45, min: 45, max: 45 });
    expect(stats.vendors.all).toEqual({ Planmed: 2 });
  });

  test('an unreadable file is a dicom-unreadable issue naming it; an absent file is only counted', () => {
    const issue = stats.quality.issues.find((candidate) => candidate.rule === 'dicom-unreadable');
    expect(issue?.count).toBe(1);
    expect(issue?.examples.map((e) => [e.line, e.image_id])).toEqual([[4, 'm1-rcc']]);
    expect(issue?.examples[0].detail).toMatch(/^images\/m1\/m1-rcc\.dicom: not readable as DICOM/);
    // m1-rmlo has no file: one of the 4 images lacks its DICOM, so no study is complete.
    expect(stats.source.images).toEqual({ folder: true, withFile: 3, completeStudies: 0 });
  });

  test("a DICOM whose Rows × Columns differ from the CSV's height × width is a dicom-size-mismatch error naming both", () => {
    // The two readable files are 300 × 200; breast-level_annotations.csv says 2812 × 2012 (lines 2 and 3).
    const issue = stats.quality.issues.find((candidate) => candidate.rule === 'dicom-size-mismatch');
    expect([issue?.severity, issue?.count]).toEqual(['error', 2]);
    expect(issue?.examples.map((e) => [e.file, e.line, e.image_id, e.detail])).toEqual([
      ['breast-level_annotations.csv', 2, 'm1-lcc', 'images/m1/m1-lcc.dicom: 300×200 (rows × columns) in the DICOM, 2812×2012 in the CSV'],
      ['breast-level_annotations.csv', 3, 'm1-lmlo', 'images/m1/m1-lmlo.dicom: 300×200 (rows × columns) in the DICOM, 2812×2012 in the CSV'],
    ]);
  });

  test('the SYNTHETIC.txt marker sets source.synthetic', () => {
    expect(stats.source.synthetic).toBe(true);
  });
});

describe('neither metadata.csv nor images/', () => {
  test('age source is none and every study is missing its age', async () => {
    const minimal = await computeStats(releaseFixture('minimal'));
    expect(minimal.source.ageSource).toBe('none');
    expect(minimal.age.bins).toEqual([]);
    expect(minimal.age.known.all).toBe(0);
    expect(minimal.age.missing).toEqual({ training: 0, test: 1, all: 1 });
    expect(minimal.vendors).toEqual({ training: {}, test: {}, all: {} });
    expect(minimal.imageSizes).toEqual([{ rows: 2812, columns: 2012, vendor: null, byVendor: {}, unknownVendor: 4, training: 0, test: 4, all: 4 }]);
  });
});
