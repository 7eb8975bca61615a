// Renders the viewer's previews: a mammogram → a small 8-bit PNG, drawn as dwv will draw it, and the edge its chest
// wall touches. The viewer shows these at once and swaps in the full resolution when decoded. Uncompressed files are
// subsampled; JPEG 2000 files (a release transcoded to save disk) are decoded by OpenJPEG a few resolution levels
// down, which skips most of the work (0.1–0.2 s a file instead of ≈1.3 s for 3518×2800, header included). Other compressed or unreadable files
// get no preview (the viewer still loads them). prepare-site-data.ts writes them.

import dcmjs from 'dcmjs';
import { PNG } from 'pngjs';
import { chestWallSide } from '../../lib/viewer/hanging.ts';
import { paddingRange } from '../../lib/viewer/pixel-padding.ts';
import { previewFactor, renderPreview } from '../../lib/viewer/preview-image.ts';
import { voiFunction } from '../../lib/viewer/greyscale.ts';
import { windowPresets } from '../../lib/viewer/window-presets.ts';
import type { PreviewEntry } from '../../lib/site-data/outputs.ts';
import { fileMetaTransferSyntax } from '../../lib/dicom/part10.ts';
import { isJpeg2000 } from '../../lib/dicom/transfer-syntax.ts';
import { singleEncapsulatedFrame } from '../../lib/viewer/encapsulated-frame.ts';
import type { OpenJpeg } from '../../lib/viewer/openjpeg-region.ts';

/** Bump when the preview or the chest-wall side would come out differently: older previews are then redone. */
export const PREVIEW_VERSION = 3;
/** Rows of a preview: about a view's height on a large screen (the enlarged view shows full resolution soon). */
const PREVIEW_MAX_HEIGHT = 720;

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

/** The resolution levels to skip so that a JPEG 2000 image still has at least `maxHeight` rows (0: none). */
function levelsDown(rows: number, maxHeight: number): number {
  let levels = 0;
  while (Math.ceil(rows / 2 ** (levels + 1)) >= maxHeight) levels++;
  return levels;
}

type Pixels = { pixels: Uint8Array | Uint16Array | Int16Array; rows: number; columns: number } | { skipped: string };

/** The file's pixels: native ones as they are, a single-frame 16-bit JPEG 2000 one a few levels down. */
function previewPixels(bytes: Uint8Array, ds: Dataset, transferSyntax: string, openJpeg: OpenJpeg | null): Pixels {
  const rows = num(ds.Rows);
  const columns = num(ds.Columns);
  const bits = num(ds.BitsAllocated);
  if (!rows || !columns || (bits !== 16 && bits !== 8) || num(ds.SamplesPerPixel) !== 1) return { skipped: 'not a single-channel 8/16-bit image' };
  if (isJpeg2000(transferSyntax) && openJpeg) {
    const frame = singleEncapsulatedFrame(bytes);
    if (!frame) return { skipped: `transfer syntax ${transferSyntax}, not one 16-bit frame` };
    const decoded = openJpeg.decodeRows(frame.codestream, 0, 0, levelsDown(rows, PREVIEW_MAX_HEIGHT));
    if (decoded.components !== 1) return { skipped: 'not a single-channel image' };
    return { pixels: decoded.pixels, rows: decoded.height, columns: decoded.width };
  }
  if (!UNCOMPRESSED.has(transferSyntax)) return { skipped: `transfer syntax ${transferSyntax}` };
  const data = (ds.PixelData as ArrayBuffer[] | undefined)?.[0];
  if (!data || data.byteLength < rows * columns * (bits / 8)) return { skipped: 'pixel data missing or truncated' };
  const signed = num(ds.PixelRepresentation) === 1;
  const pixels = bits === 8 ? new Uint8Array(data, 0, rows * columns) : signed ? new Int16Array(data, 0, rows * columns) : new Uint16Array(data, 0, rows * columns);
  return { pixels, rows, columns };
}

/** Renders one DICOM file to a preview, or says why not; `openJpeg` reads JPEG 2000 files (none without it). */
export function previewOfDicom(bytes: Uint8Array, openJpeg: OpenJpeg | null = null): { png: Buffer; entry: Omit<PreviewEntry, 'url'> } | { skipped: string } {
  // The syntax first, from the meta group alone: a file this cannot preview is not parsed.
  const transferSyntax = fileMetaTransferSyntax(bytes) ?? 'absent';
  if (!UNCOMPRESSED.has(transferSyntax) && !(isJpeg2000(transferSyntax) && openJpeg)) return { skipped: `transfer syntax ${transferSyntax}` };
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const file = dcmjs.data.DicomMessage.readFile(buffer, { untilTag: undefined });
  const ds = dcmjs.data.DicomMetaDictionary.naturalizeDataset(file.dict) as Dataset;
  const read = previewPixels(bytes, ds, transferSyntax, openJpeg);
  if ('skipped' in read) return read;
  const { pixels, rows, columns } = read;
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
