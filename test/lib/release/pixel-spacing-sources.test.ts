// The lesion links' chest-wall distances use the spacing the release states: a DICOM header's, else metadata.csv's,
// else the vendor's usual one; the viewer record says which. A tiny release written to a temp folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ReleaseStudies } from '../../../src/lib/studies/release-studies.ts';
import { readImageHeaders, readRelease } from '../../../src/node/compute-stats.ts';
import { syntheticDicom } from '../../fixtures/dicom/synthetic-dicom.ts';

const BREAST_HEADER = 'study_id,series_id,image_id,laterality,view_position,height,width,breast_birads,breast_density,split';
const FINDING_HEADER = 'study_id,series_id,image_id,laterality,view_position,height,width,breast_birads,breast_density,finding_categories,finding_birads,xmin,ymin,xmax,ymax,split';
const METADATA_HEADER = "SOP Instance UID,Patient's Age,Manufacturer,Imager Pixel Spacing,Pixel Spacing";
const VIEWS = ['RCC', 'LCC', 'RMLO', 'LMLO'] as const;
// Every image is 100 rows × 80 columns; a right breast's chest wall is its right edge (column 80).
const breast = (view: (typeof VIEWS)[number]) => `s,s-series,s-${view},${view[0]},${view.slice(1)},100,80,BI-RADS 4,DENSITY C`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'spacing-'));
  writeFileSync(join(dir, 'breast-level_annotations.csv'), [BREAST_HEADER, ...VIEWS.map((v) => `${breast(v)},training`)].join('\n') + '\n');
  writeFileSync(
    join(dir, 'finding_annotations.csv'),
    [
      FINDING_HEADER,
      `${breast('RCC')},['Mass'],BI-RADS 4,10,40,30,60,training`, // centre column 20: 80 − 20 = 60 px from the chest wall
      `${breast('RMLO')},['Mass'],BI-RADS 4,20,40,40,60,training`, // centre column 30: 50 px
      `${breast('LCC')},['No Finding'],,,,,,training`,
      `${breast('LMLO')},['No Finding'],,,,,,training`,
    ].join('\n') + '\n',
  );
  // RCC: Pixel Spacing (row 0.1, column 0.2) beats the imager's 0.085; RMLO: metadata states 0.3 (no Pixel
  // Spacing, so the imager's); the others state none.
  writeFileSync(
    join(dir, 'metadata.csv'),
    [METADATA_HEADER, 's-RCC,050Y,SIEMENS,"[0.085, 0.085]","[0.1, 0.2]"', 's-RMLO,050Y,SIEMENS,0.3\\0.3,', 's-LCC,050Y,SIEMENS,,', 's-LMLO,050Y,SIEMENS,,'].join('\n') + '\n',
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function links() {
  const reading = await readRelease(dir, { threads: false });
  await readImageHeaders(reading, reading.acc.imagesWithFiles());
  reading.acc.sizeArrays();
  const studies = new ReleaseStudies(reading.acc);
  const { record } = studies.viewerRecord(studies.find('s'), { reason: '', inBuild: () => false });
  const image = (id: string) => record.images.find((i) => i.imageId === id)!;
  const link = (id: string) => record.lesions.links.find((l) => l.imageId === id)!;
  return { image, link };
}

describe('pixel spacing sources', () => {
  test('metadata.csv: the column value of Pixel Spacing, else of Imager Pixel Spacing', async () => {
    const { image, link } = await links();
    expect(image('s-RCC')).toMatchObject({ pixelSpacingMm: 0.2, pixelSpacingSource: 'metadata' });
    expect(link('s-RCC').spacing).toEqual({ mm: 0.2, source: 'metadata' });
    expect(link('s-RCC').chestWallMm).toBeCloseTo(60 * 0.2, 9); // 12 mm, not 60 × 0.085 = 5.1
    expect(link('s-RMLO').spacing).toEqual({ mm: 0.3, source: 'metadata' });
    expect(link('s-RMLO').chestWallMm).toBeCloseTo(50 * 0.3, 9); // 15 mm
    expect(image('s-LCC')).toMatchObject({ pixelSpacingMm: null, pixelSpacingSource: null });
  });

  test('a DICOM header beats metadata.csv; without either, the vendor table', async () => {
    mkdirSync(join(dir, 'images', 's'), { recursive: true });
    const dicom = syntheticDicom({ rows: 100, columns: 80, chestWall: 'right', view: 'MLO', pixelSpacing: [0.05, 0.07], seed: 'rmlo' });
    writeFileSync(join(dir, 'images', 's', 's-RMLO.dicom'), new Uint8Array(dicom));
    writeFileSync(join(dir, 'metadata.csv'), `${METADATA_HEADER}\ns-RMLO,050Y,SIEMENS,0.3\\0.3,\ns-RCC,050Y,SIEMENS,,\n`);
    const { image, link } = await links();
    expect(image('s-RMLO')).toMatchObject({ pixelSpacingMm: 0.07, pixelSpacingSource: 'dicom' });
    expect(link('s-RMLO').spacing).toEqual({ mm: 0.07, source: 'dicom' });
    expect(link('s-RMLO').chestWallMm).toBeCloseTo(50 * 0.07, 9); // 3.5 mm, not metadata's 15
    expect(link('s-RCC').spacing).toEqual({ mm: 0.085, source: 'vendor' });
    expect(link('s-RCC').chestWallMm).toBeCloseTo(60 * 0.085, 9); // 5.1 mm
  });
});
