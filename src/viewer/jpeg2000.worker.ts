// The viewer's JPEG 2000 decoder thread, OpenJPEG in WebAssembly (src/lib/viewer/openjpeg-region.ts) instead of
// pdf.js's JavaScript JPX decoder. Two roles, by the worker's name:
// - a band thread of the page's pool (src/viewer/jpeg2000-pool.ts, name "jpeg2000.band"): says when it is ready,
//   then decodes rows [y0, y1) of codestreams for as long as the page lives. This is how the viewer reads a
//   single-frame 16-bit JPEG 2000 view (src/lib/viewer/band-pool.ts says why).
// - dwv's decoder for every other JPEG 2000 file (multi-frame, 8-bit, colour), with dwv 0.36's jpeg2000.worker
//   protocol (in: the frame's codestream and {bitsAllocated, isSigned}; out: [pixels]), decoded whole.
// Built by src/node/site/viewer-decoders.ts to /viewer/assets/workers/jpeg2000.worker.min.js, where dwv fetches it,
// with openjpeg-region.wasm beside it. dwv's role throws a failure from a task (not a rejected promise) so it
// reaches the page as the worker's error event; the band role answers with the failure.

import { BAND_THREAD_NAME, type BandReply, type BandRequest } from '../lib/viewer/band-pool.ts';
import { instantiateOpenJpeg, type DecodedRows, type OpenJpeg } from '../lib/viewer/openjpeg-region.ts';

interface FrameRequest {
  buffer: Uint8Array;
  meta: { bitsAllocated: number; isSigned: boolean };
}

const scope = self as unknown as Worker & { location: Location; name: string };
const isBandThread = scope.name === BAND_THREAD_NAME;

/**
 * Compiled as this script starts, in either role (the page's CSP lets workers compile WebAssembly, not itself).
 * Streaming, so that Chromium can keep the compiled code with the cached file for the next page (the next study of
 * a review); a server that does not send application/wasm gets the plain compile.
 */
const WASM_URL = new URL('openjpeg-region.wasm', scope.location.href);
async function compileOpenJpeg(): Promise<WebAssembly.Module> {
  const response = await fetch(WASM_URL);
  if (!response.ok) throw new Error(`openjpeg-region.wasm could not be fetched (HTTP ${response.status})`);
  if (response.headers.get('Content-Type')?.split(';')[0].trim() === 'application/wasm') return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}
const openJpeg: Promise<OpenJpeg> = compileOpenJpeg().then(instantiateOpenJpeg);
void openJpeg.catch(() => undefined);

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function reply(message: BandReply, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

/**
 * What a band thread reserves before it says it is ready (while the file is still on the wire): a band of a
 * 3518×2800 image grows OpenJPEG's memory to ~87 MB, and growing and faulting it in during the first decode made it
 * ~80 ms slower (Chromium, median of 3).
 */
const RESERVE_BYTES = 96 << 20;

// A band thread says when it can decode, or why it cannot.
if (isBandThread) {
  openJpeg.then(
    (openjpeg) => {
      openjpeg.reserve(RESERVE_BYTES);
      reply({ kind: 'ready' });
    },
    (error: unknown) => reply({ kind: 'band', ok: false, message: messageOf(error) }),
  );
}

function onBandRequest(request: BandRequest): void {
  openJpeg
    .then((openjpeg) => {
      const rows = openjpeg.decodeRows(request.codestream, request.y0, request.y1);
      reply({ kind: 'band', ok: true, rows }, [rows.pixels.buffer]);
    })
    .catch((error: unknown) => reply({ kind: 'band', ok: false, message: messageOf(error) }));
}

/** The typed array dwv expects for the file's Bits Allocated and Pixel Representation. */
function asDwvPixels(rows: DecodedRows, meta: FrameRequest['meta']): ArrayBufferView {
  if (rows.pixels.length === 0 || rows.width === 0 || rows.height === 0) throw new Error('the codestream could not be decoded (OpenJPEG returned no pixels)');
  if (meta.bitsAllocated === 16) return meta.isSigned ? new Int16Array(rows.pixels.buffer) : new Uint16Array(rows.pixels.buffer);
  if (meta.bitsAllocated === 8) return meta.isSigned ? Int8Array.from(rows.pixels) : Uint8Array.from(rows.pixels);
  throw new Error(`JPEG 2000 with ${meta.bitsAllocated} bits allocated is not supported`);
}

function onDwvFrame(frame: FrameRequest): void {
  openJpeg
    .then((openjpeg) => {
      const pixels = asDwvPixels(openjpeg.decodeRows(new Uint8Array(frame.buffer)), frame.meta);
      scope.postMessage([pixels], [pixels.buffer]);
    })
    .catch((error: unknown) => {
      setTimeout(() => {
        throw new Error(`JPEG 2000: the codestream could not be decoded (OpenJPEG: ${messageOf(error)})`);
      });
    });
}

scope.addEventListener('message', (event: MessageEvent<FrameRequest | BandRequest>) => {
  if (isBandThread) onBandRequest(event.data as BandRequest);
  else onDwvFrame(event.data as FrameRequest);
});
