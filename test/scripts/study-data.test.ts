// writeStudyData (called by scripts/build-site.ts) on a tiny release written to a temp folder: studies.json,
// samples.json, every study's viewer record chunk, the copied DICOMs, stale-file removal, the user's study list and its errors.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeStudyIndex } from '../../src/lib/studies/study-index.ts';
import type { SampleStudy } from '../../src/lib/types.ts';
import { writeStudyData } from '../../src/node/site/write-study-data.ts';
import { computeStats } from '../../src/node/compute-stats.ts';
import { createStudyCollector } from '../../src/lib/studies/study-records.ts';

const BREAST_HEADER = 'study_id,series_id,image_id,laterality,view_position,height,width,breast_birads,breast_density,split';
const FINDING_HEADER = `${BREAST_HEADER.replace(',split', '')},finding_categories,finding_birads,xmin,ymin,xmax,ymax,split`;
const METADATA_HEADER = "SOP Instance UID,Series Instance UID,SOP Instance UID,Patient's Age,View Position,Image Laterality,Photometric Interpretation,Rows,Columns,Imager Pixel Spacing,Pixel Spacing,Pixel Padding Value,Pixel Padding Range Limit,Window Center,Window Width,Rescale Intercept,Rescale Slope,Rescale Type,Window Center & Width Explanation,Manufacturer,Manufacturer's Model Name";

// Study "mass": BI-RADS 4 C right with a mass on both views, SIEMENS; "calc": BI-RADS 5 D left, Planmed MONOCHROME1;
// "normal": BI-RADS 1 A, SIEMENS; "partial": one DICOM only; "none": no DICOM.
type Image = [study: string, lat: 'L' | 'R', view: 'CC' | 'MLO', birads: number, density: string, split: string];
const images: Image[] = [];
for (const [study, birads, density, split] of [
  ['mass', [1, 4], ['B', 'C'], 'training'],
  ['calc', [5, 2], ['D', 'D'], 'test'],
  ['normal', [1, 1], ['A', 'A'], 'training'],
  ['partial', [1, 1], ['B', 'B'], 'training'],
  ['none', [2, 2], ['C', 'C'], 'test'],
] as const) {
  for (const [i, lat] of (['L', 'R'] as const).entries()) {
    for (const view of ['CC', 'MLO'] as const) images.push([study, lat, view, birads[i], density[i], split]);
  }
}
const imageId = ([study, lat, view]: Image) => `${study}-${lat}${view}`;
const vendorOf = (study: string) => (study === 'calc' ? ['Planmed', 'MONOCHROME1', '2812', '2012'] : ['SIEMENS', 'MONOCHROME2', '3518', '2800']);

function breastLine(image: Image): string {
  const [study, lat, view, birads, density, split] = image;
  return `${study},${study}-s,${imageId(image)},${lat},${view},100,80,BI-RADS ${birads},DENSITY ${density},${split}`;
}
function findingLine(image: Image, categories: string, findingBirads: string, box: string): string {
  const [, , , , , split] = image;
  return `${breastLine(image).replace(`,${split}`, '')},${categories},${findingBirads},${box},${split}`;
}

let dir: string;
let data: string;
let out: string;
let lines: string[];
const log = (line: string) => lines.push(line);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'study-data-'));
  data = join(dir, 'release');
  out = join(dir, 'out');
  lines = [];
  mkdirSync(data);
  writeFileSync(join(data, 'breast-level_annotations.csv'), [BREAST_HEADER, ...images.map(breastLine)].join('\n') + '\n');
  const find = (study: string, lat: string, view: string) => images.find((i) => imageId(i) === `${study}-${lat}${view}`)!;
  writeFileSync(
    join(data, 'finding_annotations.csv'),
    [
      FINDING_HEADER,
      findingLine(find('mass', 'R', 'CC'), "['Mass']", 'BI-RADS 4', '10.5,20,30,40'), // line 2
      findingLine(find('mass', 'R', 'MLO'), '"[\'Mass\', \'Nipple Retraction\']"', 'BI-RADS 4', '-3,20,30,40'), // line 3, out of bounds
      findingLine(find('calc', 'L', 'CC'), "['Suspicious Calcification']", 'BI-RADS 5', '1,2,3,4'), // line 4
      ...images
        .filter((i) => !['mass-RCC', 'mass-RMLO', 'calc-LCC'].includes(imageId(i)))
        .map((i) => findingLine(i, "['No Finding']", '', ',,,')),
    ].join('\n') + '\n',
  );
  writeFileSync(
    join(data, 'metadata.csv'),
    [
      METADATA_HEADER,
      ...images.map((i) => {
        const [vendor, photometric, rows, cols] = vendorOf(i[0]);
        const window = vendor === 'Planmed' ? '"[2047, 2100]","[4095, 3000]"' : '2047,4095';
        return `${imageId(i)},${i[0]}-s,${imageId(i)},056Y,${i[2]},${i[1]},${photometric},${rows},${cols},,,,,${window},0,1,,,${vendor},${vendor} M`;
      }),
    ].join('\n') + '\n',
  );
  for (const image of images) {
    const [study] = image;
    if (study === 'none' || (study === 'partial' && imageId(image) !== 'partial-LCC')) continue;
    mkdirSync(join(data, 'images', study), { recursive: true });
    writeFileSync(join(data, 'images', study, `${imageId(image)}.dicom`), `DICM ${imageId(image)}`);
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const readJson = (name: string): unknown => JSON.parse(readFileSync(join(out, name), 'utf8'));
const copied = () =>
  existsSync(join(out, 'images'))
    ? readdirSync(join(out, 'images')).flatMap((s) => readdirSync(join(out, 'images', s)).map((f) => `${s}/${f}`)).sort()
    : [];

describe('writeStudyData', () => {
  it('chooses samples automatically from studies whose images all exist, and writes the index and samples', async () => {
    await writeStudyData(data, out, { log, sampleCount: 2 });
    // calc covers Suspicious Calcification, BI-RADS 5, density D, Planmed, MONOCHROME1 (5); mass then adds
    // Mass, Nipple Retraction, BI-RADS 4, density B, density C, SIEMENS, MONOCHROME2 (7). partial and none lack files.
    const samples = readJson('samples.json') as SampleStudy[];
    expect(samples.map((s) => [s.id, s.reason])).toEqual([
      ['mass', 'covers Mass, Nipple Retraction, BI-RADS 4, density B, density C, SIEMENS, MONOCHROME2'],
      ['calc', 'covers Suspicious Calcification, BI-RADS 5, density D, Planmed, MONOCHROME1'],
    ]);
    expect(lines).toContain('Sample studies: 2 chosen automatically from 3 studies whose images all exist');
    expect(lines).toContain('  not shown by any sample: density A');
    expect(lines).toContain('  mass  covers Mass, Nipple Retraction, BI-RADS 4, density B, density C, SIEMENS, MONOCHROME2');

    const mass = samples[0];
    expect(mass.ageYears).toBe(56);
    expect(mass.images.map((i) => i.imageId)).toEqual(['mass-RCC', 'mass-LCC', 'mass-RMLO', 'mass-LMLO']);
    expect(mass.images[2].boxes).toEqual([
      { categories: ['Mass', 'Nipple Retraction'], findingBirads: '4', box: { xmin: -3, ymin: 20, xmax: 30, ymax: 40 }, line: 3, outOfBounds: true },
    ]);
    expect(mass.images[0].boxes[0].box).toEqual({ xmin: 10.5, ymin: 20, xmax: 30, ymax: 40 });
    expect(samples[1].images[1]).toMatchObject({ imageId: 'calc-LCC', vendor: 'Planmed', photometric: 'MONOCHROME1', windowCenter: [2047, 2100], windowWidth: [4095, 3000] });

    expect(copied()).toEqual([
      ...['LCC', 'LMLO', 'RCC', 'RMLO'].map((v) => `calc/calc-${v}.dicom`),
      ...['LCC', 'LMLO', 'RCC', 'RMLO'].map((v) => `mass/mass-${v}.dicom`),
    ]);
    expect(readFileSync(join(out, 'images', 'mass', 'mass-RCC.dicom'), 'utf8')).toBe('DICM mass-RCC');

    const index = decodeStudyIndex(readJson('studies.json'));
    expect(index.map((s) => [s.id, s.split, s.boxes, s.vendor, s.hasImages])).toEqual([
      ['calc', 'test', 1, 'Planmed', true],
      ['mass', 'training', 2, 'SIEMENS', true],
      ['none', 'test', 0, 'SIEMENS', false],
      ['normal', 'training', 0, 'SIEMENS', false],
      ['partial', 'training', 0, 'SIEMENS', false],
    ]);
    expect(index[1]).toMatchObject({ L: { birads: '1', density: 'B' }, R: { birads: '4', density: 'C' }, findings: ['Mass', 'Nipple Retraction'], findingBirads: ['4'] });
  });

  it('writes the same bytes twice and removes DICOMs of studies no longer chosen', async () => {
    await writeStudyData(data, out, { log, sampleCount: 2 });
    const first = [readFileSync(join(out, 'studies.json'), 'utf8'), readFileSync(join(out, 'samples.json'), 'utf8')];
    await writeStudyData(data, out, { log, sampleCount: 2 });
    expect([readFileSync(join(out, 'studies.json'), 'utf8'), readFileSync(join(out, 'samples.json'), 'utf8')]).toEqual(first);
    expect(lines).toContain('DICOMs: 0 copied, 8 unchanged, 0 stale removed (0 MB in images/)');

    writeFileSync(join(out, 'images', 'mass', 'left-over.dicom'), 'x');
    await writeStudyData(data, out, { log, studyIds: ['normal'] });
    expect(copied()).toEqual(['LCC', 'LMLO', 'RCC', 'RMLO'].map((v) => `normal/normal-${v}.dicom`));
    expect(lines).toContain('DICOMs: 4 copied, 0 unchanged, 9 stale removed (0 MB in images/)');
  });

  it('writes every study\'s viewer record into chunks by id prefix, saying where each DICOM is', async () => {
    mkdirSync(join(out, 'studies'), { recursive: true });
    writeFileSync(join(out, 'studies', 'zz.json'), '{}');
    await writeStudyData(data, out, { log, studyIds: ['partial', 'mass'] });
    // Keys: first two characters of each id; the stale zz.json of an earlier build is gone.
    expect(readdirSync(join(out, 'studies')).sort()).toEqual(['ca.json', 'ma.json', 'no.json', 'pa.json']);
    expect(Object.keys(readJson('studies/no.json') as object)).toEqual(['none', 'normal']);
    type Chunk = Record<string, { reason: string; releaseHasImages: boolean; images: { imageId: string; inBuild: boolean; inRelease: boolean; boxes: unknown[] }[] }>;
    const where = (chunk: string, id: string) => (readJson(`studies/${chunk}.json`) as Chunk)[id].images.map((i) => `${i.imageId}:${i.inBuild ? 'build' : '-'}/${i.inRelease ? 'release' : '-'}`);
    // partial: a sample with one file; normal: all files in the release, not a sample; none: no file at all.
    expect(where('pa', 'partial')).toEqual(['partial-RCC:-/-', 'partial-LCC:build/release', 'partial-RMLO:-/-', 'partial-LMLO:-/-']);
    expect(where('no', 'normal')).toEqual(['normal-RCC:-/release', 'normal-LCC:-/release', 'normal-RMLO:-/release', 'normal-LMLO:-/release']);
    expect(where('no', 'none').every((w) => w.endsWith(':-/-'))).toBe(true);
    const mass = (readJson('studies/ma.json') as Chunk).mass;
    expect([mass.reason, mass.releaseHasImages]).toEqual(['named by the user', true]);
    // The same record as samples.json, plus the two flags per image.
    const sample = (readJson('samples.json') as SampleStudy[]).find((s) => s.id === 'mass')!;
    expect(mass.images.map(({ inBuild: _b, inRelease: _r, ...image }) => image)).toEqual(sample.images);
    expect(lines).toContain('studies/: 5 viewer records in 4 files (0.0 MB)');
  });

  it('writes the same files from rows collected during computeStats as from its own read', async () => {
    await writeStudyData(data, out, { log, sampleCount: 2 });
    const own = [readFileSync(join(out, 'studies.json'), 'utf8'), readFileSync(join(out, 'samples.json'), 'utf8')];
    const collected = createStudyCollector();
    await computeStats(data, { onBreastRow: (r) => collected.addBreastRow(r), onFindingRow: (r) => collected.addFindingRow(r) });
    // Without the annotation CSVs, only the collected rows can give the same files.
    rmSync(join(data, 'breast-level_annotations.csv'));
    rmSync(join(data, 'finding_annotations.csv'));
    rmSync(out, { recursive: true, force: true });
    await writeStudyData(data, out, { log, sampleCount: 2, collected });
    expect([readFileSync(join(out, 'studies.json'), 'utf8'), readFileSync(join(out, 'samples.json'), 'utf8')]).toEqual(own);
  });

  it('takes the user\'s studies from --studies and --studies-file, and keeps a study with a missing file', async () => {
    const file = join(dir, 'samples.txt');
    writeFileSync(file, '# QA set\npartial   # one view only\n\nnormal\n');
    await writeStudyData(data, out, { log, studyIds: ['calc'], studiesFile: file });
    const samples = readJson('samples.json') as SampleStudy[];
    expect(samples.map((s) => [s.id, s.reason])).toEqual([
      ['calc', 'named by the user'],
      ['partial', 'named by the user'],
      ['normal', 'named by the user'],
    ]);
    expect(samples[1].images).toHaveLength(4);
    expect(lines).toContain('  missing images/partial/partial-LMLO.dicom: the viewer shows a message in that view');
    expect(copied().filter((f) => f.startsWith('partial/'))).toEqual(['partial/partial-LCC.dicom']);
  });

  it('names unknown ids and ids without images in one clear error', async () => {
    await expect(writeStudyData(data, out, { log, studyIds: ['mass', 'nope', 'none', 'zzz'] })).rejects.toThrow(
      '--studies: 2 study ids not in breast-level_annotations.csv: nope, zzz; 1 study without any DICOM under images/: none',
    );
    expect(existsSync(join(out, 'studies.json'))).toBe(false);
  });

  it('reports an unreadable or empty studies file', async () => {
    await expect(writeStudyData(data, out, { log, studiesFile: join(dir, 'missing.txt') })).rejects.toThrow('the studies file cannot be read (ENOENT)');
    writeFileSync(join(dir, 'empty.txt'), '# nothing yet\n');
    await expect(writeStudyData(data, out, { log, studiesFile: join(dir, 'empty.txt') })).rejects.toThrow('the studies file names no study id');
  });

  it('writes an index without samples when the release has no images folder', async () => {
    rmSync(join(data, 'images'), { recursive: true });
    await writeStudyData(data, out, { log });
    expect(readJson('samples.json')).toEqual([]);
    expect(decodeStudyIndex(readJson('studies.json')).filter((s) => s.hasImages)).toEqual([]);
    expect(lines[0]).toMatch(/^Sample studies: none/);
  });
});
