// The build step that writes the viewer's previews (src/node/site/viewer-previews.ts), on the small DICOM fixtures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OpenJpeg } from '../../src/lib/viewer/openjpeg-region.ts';
import { loadOpenJpeg } from '../../src/node/openjpeg-node.ts';
import { previewOfDicom } from '../../src/node/site/viewer-previews.ts';

const FIXTURES = join('test', 'fixtures', 'dicom');
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

let openJpeg: OpenJpeg;
beforeAll(async () => {
  openJpeg = await loadOpenJpeg();
});

describe('previewOfDicom', () => {
  it('renders the uncompressed fixture at full size (160 rows ≤ 720) and finds its chest wall on the left', () => {
    const result = previewOfDicom(bytes('uncompressed.dicom'));
    if ('skipped' in result) throw new Error(result.skipped);
    expect(result.entry).toEqual({ width: 128, height: 160, chestWall: 'left' });
    const png = PNG.sync.read(result.png);
    expect([png.width, png.height]).toEqual([128, 160]);
    // Background black at the right edge, the lesion centre (45, 70) brighter than the tissue beside it (25, 70).
    const grey = (x: number, y: number) => png.data[(y * png.width + x) * 4];
    expect(grey(127, 80)).toBe(0);
    expect(grey(45, 70)).toBeGreaterThan(grey(25, 70));
  });

  it('skips other compressed files, and JPEG 2000 without OpenJPEG', () => {
    expect(previewOfDicom(bytes('rle.dicom'), openJpeg)).toEqual({ skipped: 'transfer syntax 1.2.840.10008.1.2.5' });
    expect(previewOfDicom(bytes('jpeg2000.dicom'))).toEqual({ skipped: 'transfer syntax 1.2.840.10008.1.2.4.90' });
  });

  it('renders a JPEG 2000 file like the same image uncompressed (lossless, 160 rows: full resolution)', () => {
    const j2k = previewOfDicom(bytes('jpeg2000.dicom'), openJpeg);
    const plain = previewOfDicom(bytes('uncompressed.dicom'));
    if ('skipped' in j2k || 'skipped' in plain) throw new Error('no preview');
    expect(j2k.entry).toEqual(plain.entry);
    expect(PNG.sync.read(j2k.png).data).toEqual(PNG.sync.read(plain.png).data);
  });

  it('decodes a tall JPEG 2000 file a resolution level down: 1536 rows → 768 decoded → a 384-row preview', () => {
    const result = previewOfDicom(bytes('jpeg2000-preview.dicom'), openJpeg);
    if ('skipped' in result) throw new Error(result.skipped);
    expect(result.entry).toEqual({ width: 16, height: 384, chestWall: 'left' });
    const png = PNG.sync.read(result.png);
    const grey = (x: number, y: number) => png.data[(y * png.width + x) * 4];
    // The lesion (centre 30, 900 at full size: 7, 225 here) brighter than the tissue above it; background black.
    expect(grey(7, 225)).toBeGreaterThan(grey(7, 150));
    expect(grey(15, 225)).toBeLessThan(grey(7, 225));
  });
});
