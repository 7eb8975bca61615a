// The build step that writes the viewer's previews (src/node/site/viewer-previews.ts), on the small DICOM fixtures.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { PREVIEW_VERSION, previewOfDicom, writeViewerPreviews } from '../../src/node/site/viewer-previews.ts';

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

describe('writeViewerPreviews', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one PNG per uncompressed sample image and a versioned manifest, and says which got none', () => {
    dir = mkdtempSync(join(tmpdir(), 'viewer-previews-'));
    mkdirSync(join(dir, 'data', 'images', 's1'), { recursive: true });
    copyFileSync(join(FIXTURES, 'uncompressed.dicom'), join(dir, 'data', 'images', 's1', 'a.dicom'));
    copyFileSync(join(FIXTURES, 'rle.dicom'), join(dir, 'data', 'images', 's1', 'b.dicom'));
    const image = (imageId: string) => ({ imageId, url: `/data/images/s1/${imageId}.dicom` });
    writeFileSync(join(dir, 'data', 'samples.json'), JSON.stringify([{ id: 's1', images: [image('a'), image('b'), image('c')] }]));
    const lines: string[] = [];
    const manifest = writeViewerPreviews(dir, (line) => lines.push(line));
    expect(manifest).toEqual({
      version: PREVIEW_VERSION,
      images: { a: { url: '/viewer/assets/previews/a.png', width: 128, height: 160, chestWall: 'left' } },
    });
    expect(existsSync(join(dir, 'viewer', 'assets', 'previews', 'a.png'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'viewer', 'assets', 'previews', 'index.json'), 'utf8'))).toEqual(manifest);
    expect(lines).toEqual(['Viewer previews: 1 written, 0 up to date, none for 2: b (transfer syntax 1.2.840.10008.1.2.5), c (no file)']);
    // A second run reuses the preview.
    writeViewerPreviews(dir, (line) => lines.push(line));
    expect(lines[1]).toMatch(/^Viewer previews: 0 written, 1 up to date/);
  });
});
