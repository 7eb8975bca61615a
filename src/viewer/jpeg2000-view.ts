// A single-frame 16-bit JPEG 2000 view, decoded by the page's decoder threads (jpeg2000-pool.ts) and handed to dwv
// as the same file with native pixels (src/lib/viewer/encapsulated-frame.ts): dwv then reads an uncompressed file
// and starts no decoder of its own. Every other JPEG 2000 file is left to dwv and its worker. The decode starts as
// soon as the file has arrived (prefetch.ts asks), while the viewer's code still loads; the view asks again for the
// same buffer and gets the same decode.

import { isJpeg2000 } from '../lib/dicom/transfer-syntax.ts';
import { singleEncapsulatedFrame, withNativePixels } from '../lib/viewer/encapsulated-frame.ts';
import { explainLoadFailure, LOAD_TIMEOUT_MS, timedOut } from '../lib/viewer/load-failure.ts';
import { codestreamHeight, type DecodedRows } from '../lib/viewer/openjpeg-region.ts';
import { jpeg2000Pool } from './jpeg2000-pool.ts';
import { errorText, ViewLoadError } from './view-load-error.ts';

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(timedOut(ms))), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

async function decode(buffer: ArrayBuffer, transferSyntax: string | null): Promise<ArrayBuffer | null> {
  if (!isJpeg2000(transferSyntax)) return null;
  const bytes = new Uint8Array(buffer);
  const frame = singleEncapsulatedFrame(bytes);
  if (!frame) return null;
  let bands: DecodedRows[];
  try {
    bands = await within(jpeg2000Pool().decode(frame.codestream, codestreamHeight(frame.codestream)), LOAD_TIMEOUT_MS);
  } catch (error) {
    const raw = errorText(error);
    const facts = { dicomPrefix: true, transferSyntax };
    throw new ViewLoadError(explainLoadFailure(raw === timedOut() ? raw : `JPEG 2000: the codestream could not be decoded (OpenJPEG: ${raw})`, facts));
  }
  const width = bands[0].width;
  const height = bands.reduce((sum, band) => sum + band.height, 0);
  if (bands[0].components !== 1 || width !== frame.columns || height !== frame.rows) {
    throw new ViewLoadError({
      message: `its JPEG 2000 image is ${width} × ${height} pixels with ${bands[0].components} component(s), but its header says ${frame.columns} × ${frame.rows} (Columns × Rows), one sample`,
      detail: null,
    });
  }
  return withNativePixels(bytes, frame, bands.map((band) => band.pixels));
}

const started = new WeakMap<ArrayBuffer, Promise<ArrayBuffer | null>>();

/** The file with its pixels decoded, or null when dwv reads it itself; rejects with a ViewLoadError when it cannot be read. */
export function decodedJpeg2000File(buffer: ArrayBuffer, transferSyntax: string | null): Promise<ArrayBuffer | null> {
  let decoding = started.get(buffer);
  if (!decoding) {
    decoding = decode(buffer, transferSyntax);
    // Asked early, a failure waits for its view: it is not an unhandled rejection meanwhile.
    decoding.catch(() => undefined);
    started.set(buffer, decoding);
  }
  return decoding;
}
