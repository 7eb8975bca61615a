// Writes the viewer's previews: for each uncompressed sample image in <publicDir>/data/samples.json, a small 8-bit
// PNG under <publicDir>/viewer/assets/previews/<image_id>.png and one manifest (index.json) with its size and the
// edge its chest wall touches. The viewer draws these at once and swaps in dwv's full resolution when parsed.
// Compressed or unreadable files get no preview (dwv still loads them). A preview newer than its DICOM is reused.

import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import dcmjs from 'dcmjs';
import { PNG } from 'pngjs';
import { chestWallSide } from '../../lib/viewer/hanging.ts';
import { paddingRange } from '../../lib/viewer/pixel-padding.ts';
import { previewFactor, renderPreview } from '../../lib/viewer/preview-image.ts';
import type { SampleStudy } from '../../lib/types.ts';
import { voiFunction } from '../../lib/viewer/greyscale.ts';
import { windowPresets } from '../../lib/viewer/window-presets.ts';
import type { PreviewEntry, PreviewManifest } from '../../viewer/prefetch.ts';

export const PREVIEW_DIR = join('viewer', 'assets', 'previews');
/** Bump when the preview or the chest-wall side would come out differently: older previews are then redone. */
export const PREVIEW_VERSION = 3;
/** Rows of a preview: about a view's height on a large screen (the enlarged view shows full resolution soon). */
export const PREVIEW_MAX_HEIGHT = 720;

const UNCOMPRESSED = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1']);

type Dataset = Record<string, unknown>;

function num(value: unknown): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function nums(value: unknown): number[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((v) => Number(v));
}

/** Renders one DICOM file to a preview, or says why not. */
export function previewOfDicom(bytes: Uint8Array): { png: Buffer; entry: Omit<PreviewEntry, 'url'> } | { skipped: string } {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const file = dcmjs.data.DicomMessage.readFile(buffer, { untilTag: undefined });
  const transferSyntax = String((file.meta as Dataset)['00020010'] && ((file.meta as Dataset)['00020010'] as { Value: string[] }).Value[0]);
  if (!UNCOMPRESSED.has(transferSyntax)) return { skipped: `transfer syntax ${transferSyntax}` };
  const ds = dcmjs.data.DicomMetaDictionary.naturalizeDataset(file.dict) as Dataset;
  const rows = num(ds.Rows);
  const columns = num(ds.Columns);
  const bits = num(ds.BitsAllocated);
  if (!rows || !columns || (bits !== 16 && bits !== 8) || num(ds.SamplesPerPixel) !== 1) return { skipped: 'not a single-channel 8/16-bit image' };
  const data = (ds.PixelData as ArrayBuffer[] | undefined)?.[0];
  if (!data || data.byteLength < rows * columns * (bits / 8)) return { skipped: 'pixel data missing or truncated' };
  const signed = num(ds.PixelRepresentation) === 1;
  const pixels = bits === 8 ? new Uint8Array(data, 0, rows * columns) : signed ? new Int16Array(data, 0, rows * columns) : new Uint16Array(data, 0, rows * columns);
  const photometric = typeof ds.PhotometricInterpretation === 'string' ? ds.PhotometricInterpretation : null;
  const padValue = num(ds.PixelPaddingValue);
  // A VOI LUT Sequence (the full view's default) is not previewed: the view would change its look when drawn.
  if (ds.VOILUTSequence !== undefined) return { skipped: 'VOI LUT Sequence' };
  const voiFn = voiFunction(typeof ds.VOILUTFunction === 'string' ? ds.VOILUTFunction : null);
  const presets = windowPresets(nums(ds.WindowCenter), nums(ds.WindowWidth), [], voiFn);
  const factor = previewFactor(rows, PREVIEW_MAX_HEIGHT);
  const preview = renderPreview(
    {
      pixels,
      rows,
      columns,
      photometric,
      rescaleSlope: num(ds.RescaleSlope) ?? 1,
      rescaleIntercept: num(ds.RescaleIntercept) ?? 0,
      window: presets[0] ?? null,
      voiFunction: voiFn,
      presentationLutShape: typeof ds.PresentationLUTShape === 'string' ? ds.PresentationLUTShape : null,
      padding: padValue === undefined ? null : paddingRange(padValue, num(ds.PixelPaddingRangeLimit)),
    },
    factor,
  );
  const png = new PNG({ width: preview.width, height: preview.height, colorType: 0, inputColorType: 0, bitDepth: 8, inputHasAlpha: false });
  png.data = Buffer.from(preview.grey.buffer, preview.grey.byteOffset, preview.grey.byteLength);
  const encoded = PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8 });
  return { png: encoded, entry: { width: preview.width, height: preview.height, chestWall: chestWallSide(pixels, rows, columns) } };
}

/** Writes previews for every sample image; returns the manifest it wrote. */
export function writeViewerPreviews(publicDir: string, log: (line: string) => void): PreviewManifest {
  const outDir = join(publicDir, PREVIEW_DIR);
  mkdirSync(outDir, { recursive: true });
  const samplesPath = join(publicDir, 'data', 'samples.json');
  const samples: SampleStudy[] = existsSync(samplesPath) ? (JSON.parse(readFileSync(samplesPath, 'utf8')) as SampleStudy[]) : [];
  const indexPath = join(outDir, 'index.json');
  let previous: Record<string, PreviewEntry> = {};
  try {
    const old = existsSync(indexPath) ? (JSON.parse(readFileSync(indexPath, 'utf8')) as Partial<PreviewManifest>) : {};
    if (old.version === PREVIEW_VERSION && old.images) previous = old.images;
  } catch {
    previous = {};
  }
  const manifest: Record<string, PreviewEntry> = {};
  let made = 0;
  let reused = 0;
  const skipped: string[] = [];
  for (const study of samples) {
    for (const image of study.images) {
      const source = join(publicDir, image.url.replace(/^\/+/, ''));
      const name = `${image.imageId}.png`;
      const target = join(outDir, name);
      const url = `/${PREVIEW_DIR.split('\\').join('/')}/${name}`;
      if (!existsSync(source)) {
        skipped.push(`${image.imageId} (no file)`);
        continue;
      }
      if (previous[image.imageId] && existsSync(target) && statSync(target).mtimeMs >= statSync(source).mtimeMs) {
        manifest[image.imageId] = previous[image.imageId];
        reused++;
        continue;
      }
      try {
        const bytes = readFileSync(source);
        const result = previewOfDicom(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        if ('skipped' in result) {
          skipped.push(`${image.imageId} (${result.skipped})`);
          continue;
        }
        writeFileSync(target, new Uint8Array(result.png.buffer, result.png.byteOffset, result.png.byteLength));
        manifest[image.imageId] = { url, ...result.entry };
        made++;
      } catch (error) {
        skipped.push(`${image.imageId} (${error instanceof Error ? error.message : String(error)})`);
      }
    }
  }
  // Drop previews of images no longer sampled.
  for (const file of readdirSync(outDir)) {
    if (file.endsWith('.png') && !manifest[file.slice(0, -4)]) rmSync(join(outDir, file));
  }
  const sorted: PreviewManifest = { version: PREVIEW_VERSION, images: Object.fromEntries(Object.keys(manifest).sort().map((k) => [k, manifest[k]])) };
  writeFileSync(`${indexPath}.tmp`, `${JSON.stringify(sorted, null, 1)}\n`);
  renameSync(`${indexPath}.tmp`, indexPath);
  log(`Viewer previews: ${made} written, ${reused} up to date${skipped.length ? `, none for ${skipped.length}: ${skipped.join(', ')}` : ''}`);
  return sorted;
}
