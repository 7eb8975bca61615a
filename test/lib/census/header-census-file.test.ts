import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeHeaderCensus } from '../../../src/node/header-census-file.ts';
import { syntheticDicom } from '../../fixtures/dicom/synthetic-dicom.ts';

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('writeHeaderCensus', () => {
  it('counts the headers under images/ per manufacturer, and a file that is not DICOM as unreadable', async () => {
    dir = mkdtempSync(join(tmpdir(), 'census-'));
    const study = join(dir, 'images', 's1');
    mkdirSync(study, { recursive: true });
    const small = { rows: 32, columns: 24, chestWall: 'left' as const, seed: 'c' };
    writeFileSync(join(study, 'a.dicom'), new Uint8Array(syntheticDicom({ ...small, seed: 'a', windowCenter: [2037], windowWidth: [2310] })));
    writeFileSync(join(study, 'b.dicom'), new Uint8Array(syntheticDicom({ ...small, seed: 'b', manufacturer: 'Planmed', photometric: 'MONOCHROME1', paddingValue: 4095 })));
    writeFileSync(join(study, 'c.dicom'), 'not a DICOM file');
    const out = join(dir, 'public', 'data', 'header-census.json');
    const census = await writeHeaderCensus(dir, out);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(census);
    expect([census.files, census.unreadable]).toEqual([3, 1]);
    expect(census.groups.map((g) => [g.manufacturer, g.images])).toEqual([
      ['Planmed', 1],
      ['SIEMENS', 1],
    ]);
    const siemens = census.groups.find((g) => g.manufacturer === 'SIEMENS')!;
    expect(siemens.windows).toEqual({ '2037/2310': 1 });
    expect(siemens.bitsStored).toEqual({ '12': 1 });
    expect(siemens.transferSyntax).toEqual({ '1.2.840.10008.1.2.1': 1 });
    const planmed = census.groups.find((g) => g.manufacturer === 'Planmed')!;
    expect(planmed.photometric).toEqual({ MONOCHROME1: 1 });
    expect(planmed.paddingValue).toEqual({ '4095': 1 });
  });

  it('writes an empty census for a release without images/', async () => {
    dir = mkdtempSync(join(tmpdir(), 'census-'));
    const census = await writeHeaderCensus(dir, join(dir, 'out.json'));
    expect(census).toEqual({ schemaVersion: 1, files: 0, unreadable: 0, groups: [] });
  });
});
