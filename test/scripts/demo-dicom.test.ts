// The demo's DICOM files, written by the node layer and read back with dcmjs: sizes as in the CSV, the release's
// non-compliant UIDs, the display tags, 16-bit pixels with MONOCHROME1 stored inverted.

import { mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dcmjs from 'dcmjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planRelease } from '../../src/lib/demo/plan-release.ts';
import type { StudyPlan } from '../../src/lib/demo/plan-types.ts';
import { dicomAge } from '../../src/lib/demo/release-csv.ts';
import { runDicomJob } from '../../src/node/demo/dicom-job.ts';
import { runDicomJobs } from '../../src/node/demo/render-pool.ts';
import { sampleJobs } from '../../src/node/demo/write-demo-release.ts';

const { DicomMessage, DicomMetaDictionary } = dcmjs.data;

let root: string;
const plan = planRelease();
const samples = plan.sampleRanking.slice(0, 8).map((id) => plan.studies.find((s) => s.studyId === id)!);
/** One image each: the SIEMENS study with boxes, a Planmed (MONOCHROME1) and a GIOTTO (multi-window) study. */
const picks: StudyPlan[] = [
  samples[0],
  samples.find((s) => s.manufacturer === 'Planmed')!,
  samples.find((s) => s.manufacturer === 'IMS GIOTTO S.p.A.')!,
];
const read: { study: StudyPlan; meta: Record<string, unknown>; ds: Record<string, unknown>; bytes: number }[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'demo-dicom-'));
  for (const study of picks) {
    const job = sampleJobs({ ...plan, sampleRanking: [study.studyId] }, root, 1).find((j) => j.image.boxes.length > 0) ?? sampleJobs({ ...plan, sampleRanking: [study.studyId] }, root, 1)[0];
    await mkdir(join(root, 'images', study.studyId), { recursive: true });
    await runDicomJob(job);
    const file = await readFile(join(root, job.relPath));
    const dict = DicomMessage.readFile(new Uint8Array(file).buffer);
    read.push({ study, meta: DicomMetaDictionary.naturalizeDataset(dict.meta), ds: { ...DicomMetaDictionary.naturalizeDataset(dict.dict), _image: job.image }, bytes: file.byteLength });
  }
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('demo DICOM files', () => {
  it('carry the release\'s non-compliant meta header: 1.2.3.4 class UIDs, explicit VR little endian', () => {
    for (const { meta } of read) {
      expect(meta.MediaStorageSOPClassUID).toBe('1.2.3.4');
      expect(meta.ImplementationClassUID).toBe('1.2.3.4');
      expect(meta.TransferSyntaxUID).toBe('1.2.840.10008.1.2.1');
    }
  });

  it('have Rows/Columns as in the CSV, 16-bit uncompressed pixels, no SOPClassUID and no dates', () => {
    for (const { ds, bytes } of read) {
      const image = ds._image as StudyPlan['images'][number];
      expect([ds.Rows, ds.Columns]).toEqual([image.height, image.width]);
      expect([ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation, ds.SamplesPerPixel]).toEqual([16, 12, 11, 0, 1]);
      expect((ds.PixelData as ArrayBuffer[])[0].byteLength).toBe(image.height * image.width * 2);
      expect(bytes).toBeGreaterThan(image.height * image.width * 2);
      expect(ds.SOPClassUID).toBeUndefined();
      expect(ds.StudyDate).toBeUndefined();
      expect(ds.ContentDate).toBeUndefined();
      expect(ds.PatientID).toBeUndefined();
      expect([ds.ImageLaterality, ds.ViewPosition]).toEqual([image.laterality, image.view]);
    }
  });

  it('use the md5-hex ids as UIDs (dcmjs reads hex UIDs back with their letters dropped)', async () => {
    // dcmjs 0.51 strips non-digits from UI values when reading; the raw bytes still hold the 32-hex ids.
    for (const { study, ds } of read) {
      const image = ds._image as StudyPlan['images'][number];
      const raw = (await readFile(join(root, 'images', study.studyId, `${image.imageId}.dicom`))).toString('latin1');
      for (const id of [image.imageId, study.studyId, image.seriesId]) expect(raw).toContain(id);
      expect(String(ds.SOPInstanceUID)).toBe(image.imageId.replace(/[^0-9]/g, ''));
    }
  });

  it('hold the display tags of metadata.csv: manufacturer, photometric, window (two presets for GIOTTO), age', () => {
    const [siemens, planmed, giotto] = read;
    expect([siemens.ds.Manufacturer, siemens.ds.PhotometricInterpretation]).toEqual(['SIEMENS', 'MONOCHROME2']);
    expect([planmed.ds.Manufacturer, planmed.ds.PhotometricInterpretation, planmed.ds.PixelPaddingValue]).toEqual(['Planmed', 'MONOCHROME1', 4095]);
    expect([giotto.ds.Manufacturer, giotto.ds.ManufacturerModelName]).toEqual(['IMS GIOTTO S.p.A.', 'GIOTTO CLASS']);
    expect(giotto.ds.WindowCenter).toEqual([2047, 2047]);
    expect(giotto.ds.WindowWidth).toEqual([4095, 2730]);
    for (const { study, ds } of read) {
      const image = ds._image as StudyPlan['images'][number];
      const center = ds.WindowCenter as number | number[];
      expect(Array.isArray(center) ? center : [center]).toEqual(image.window.centers);
      expect([ds.RescaleSlope, ds.RescaleIntercept]).toEqual([1, 0]);
      expect(ds.PatientAge).toBe(study.ageYears === null ? undefined : dicomAge(study.ageYears));
    }
  });

  it('store air dark for MONOCHROME2 and bright (inverted) for MONOCHROME1, tissue inside the window', () => {
    for (const { ds } of read) {
      const image = ds._image as StudyPlan['images'][number];
      const px = new Uint16Array((ds.PixelData as ArrayBuffer[])[0]);
      // The corner away from the chest wall, top row, is air in every view.
      const airX = image.laterality === 'L' ? image.width - 5 : 5;
      const air = px[5 * image.width + airX];
      // Tissue near the chest wall, mid-height.
      const tissueX = image.laterality === 'L' ? 40 : image.width - 40;
      const tissue = px[Math.floor(image.height * 0.6) * image.width + tissueX];
      const c = image.window.centers[0];
      const w = image.window.widths[0];
      if (ds.PhotometricInterpretation === 'MONOCHROME1') {
        expect(air).toBeGreaterThan(4000);
        expect(tissue).toBeLessThan(c + w / 2);
      } else {
        expect(air).toBeLessThan(100);
        expect(tissue).toBeGreaterThan(c - w / 2);
      }
      expect(Math.max(...px.subarray(0, 100000))).toBeLessThanOrEqual(4095);
    }
  });
});

describe('runDicomJobs', () => {
  it('writes the same bytes on worker threads as inline', async () => {
    const planmed = picks[1];
    const jobsIn = (dir: string) => sampleJobs({ ...plan, sampleRanking: [planmed.studyId] }, dir, 1).slice(0, 2);
    const threaded = join(root, 'threaded');
    const inline = join(root, 'inline');
    for (const dir of [threaded, inline]) await mkdir(join(dir, 'images', planmed.studyId), { recursive: true });
    const problems: string[] = [];
    const a = await runDicomJobs(jobsIn(threaded), { threads: 2, log: (line) => problems.push(line) });
    expect(problems).toEqual([]);
    const b = await runDicomJobs(jobsIn(inline), { threads: 1 });
    expect(a.map((r) => r.relPath)).toEqual(b.map((r) => r.relPath));
    expect(a.map((r) => r.sha256)).toEqual(b.map((r) => r.sha256));
  }, 60_000);
});
