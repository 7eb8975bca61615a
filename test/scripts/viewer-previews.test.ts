// The build step that writes the viewer's previews (src/node/site/viewer-previews.ts), on the small DICOM fixtures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { previewOfDicom } from '../../src/node/site/viewer-previews.ts';

const FIXTURES = join('test', 'fixtures', 'dicom');
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

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

  it('skips compressed files (dwv decodes those at full resolution only)', () => {
    expect(previewOfDicom(bytes('rle.dicom'))).toEqual({ skipped: 'transfer syntax 1.2.840.10008.1.2.5' });
  });
});
