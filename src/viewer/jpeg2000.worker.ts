// dwv's JPEG 2000 decoder worker, replaced: the same message protocol as dwv 0.36's jpeg2000.worker (in: the frame's
// codestream and {bitsAllocated, isSigned}; out: [pixels]), decoded by OpenJPEG in WebAssembly
// (src/lib/viewer/openjpeg-region.ts) instead of pdf.js's JavaScript JPX decoder. On two or more cores the image is
// cut into two bands of rows: this worker decodes the top one while a helper (this same script, started from here)
// decodes the bottom one, so one view uses both cores (decode-slots.ts lets the page's first such view decode alone).
// Built by src/node/site/viewer-decoders.ts to /viewer/assets/workers/jpeg2000.worker.min.js, where dwv fetches it,
// with openjpeg-region.wasm beside it. A failure is thrown from a task (not a rejected promise) so it reaches the
// page as the worker's error event.

import { codestreamHeight, instantiateOpenJpeg, type DecodedRows, type OpenJpeg } from '../lib/viewer/openjpeg-region.ts';

interface FrameRequest {
  buffer: Uint8Array;
  meta: { bitsAllocated: number; isSigned: boolean };
}
/** What this worker tells its helper, and what the helper answers. */
type HelperRequest = { kind: 'init'; module: WebAssembly.Module } | { kind: 'band'; codestream: Uint8Array; y0: number; y1: number };
type HelperReply = { kind: 'ready' } | { kind: 'band'; ok: true; rows: DecodedRows } | { kind: 'band'; ok: false; message: string };

/** Images shorter than this are decoded whole: the helper's share would not pay for the copy. */
const MIN_ROWS_TO_SPLIT = 512;
/** How long a frame waits for the helper to be ready before decoding alone. */
const HELPER_WAIT_MS = 3000;

const scope = self as unknown as Worker & { location: Location; navigator: Navigator; name: string };
const HELPER_NAME = 'jpeg2000.helper';
const isHelper = scope.name === HELPER_NAME;

/** Compiled once, as this script starts (the frame arrives after dwv has read the file); the helper gets it compiled. */
let compiled: Promise<WebAssembly.Module> | null = null;
function compileModule(): Promise<WebAssembly.Module> {
  compiled ??= fetch(new URL('openjpeg-region.wasm', scope.location.href))
    .then((response) => {
      if (!response.ok) throw new Error(`openjpeg-region.wasm could not be fetched (HTTP ${response.status})`);
      return response.arrayBuffer();
    })
    .then((bytes) => WebAssembly.compile(bytes));
  return compiled;
}

let openJpeg: Promise<OpenJpeg> | null = null;
function decoder(module?: WebAssembly.Module): Promise<OpenJpeg> {
  openJpeg ??= (module ? Promise.resolve(module) : compileModule()).then(instantiateOpenJpeg);
  return openJpeg;
}

/**
 * The helper thread, started with this worker rather than when the frame arrives: a nested worker starts on its
 * parent's event loop, which the top band's decode then holds for most of a second (measured: the helper only began
 * after it, and the halves ran one after the other).
 */
interface Helper {
  worker: Worker;
  /** True once it has instantiated the decoder; false when it cannot run. */
  ready: Promise<boolean>;
  pending: ((reply: HelperReply) => void) | null;
}
function startHelper(): Helper | null {
  if ((scope.navigator.hardwareConcurrency || 1) < 2) return null;
  let worker: Worker;
  try {
    worker = new Worker(scope.location.href, { type: 'module', name: HELPER_NAME });
  } catch {
    return null;
  }
  const helper: Helper = { worker, ready: Promise.resolve(false), pending: null };
  helper.ready = new Promise<boolean>((resolve) => {
    worker.onmessage = (event: MessageEvent<HelperReply>) => {
      if (event.data.kind === 'ready') resolve(true);
      else helper.pending?.(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      resolve(false);
      helper.pending?.({ kind: 'band', ok: false, message: event.message || 'the helper thread failed' });
    };
  });
  compileModule().then(
    (module) => worker.postMessage({ kind: 'init', module } satisfies HelperRequest),
    () => undefined,
  );
  return helper;
}
const helper = isHelper ? null : startHelper();
if (!isHelper) void compileModule().catch(() => undefined);

/**
 * Starts rows [y0, y1) on the helper thread (wrapped: an async function returning a bare promise would wait for it);
 * null when the helper is not ready in time (the caller then decodes them here).
 */
async function decodeOnHelper(codestream: Uint8Array, y0: number, y1: number): Promise<{ rows: Promise<DecodedRows> } | null> {
  if (!helper) return null;
  const ready = await Promise.race([helper.ready, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), HELPER_WAIT_MS))]);
  if (!ready) return null;
  const done = new Promise<DecodedRows>((resolve, reject) => {
    helper.pending = (reply) => {
      helper.pending = null;
      if (reply.kind === 'band' && reply.ok) resolve(reply.rows);
      else reject(new Error(reply.kind === 'band' && !reply.ok ? reply.message : 'the helper thread failed'));
    };
  });
  helper.worker.postMessage({ kind: 'band', codestream, y0, y1 } satisfies HelperRequest);
  return { rows: done };
}

async function decodeFrame(codestream: Uint8Array): Promise<DecodedRows> {
  const openjpeg = await decoder();
  const rows = codestreamHeight(codestream);
  if (rows === null || rows < MIN_ROWS_TO_SPLIT) return openjpeg.decodeRows(codestream);
  const half = Math.ceil(rows / 2);
  const bottom = await decodeOnHelper(codestream, half, rows);
  const top = openjpeg.decodeRows(codestream, 0, half);
  const lower = bottom ? await bottom.rows : openjpeg.decodeRows(codestream, half, rows);
  const pixels = top.signed ? new Int16Array(top.width * rows) : new Uint16Array(top.width * rows);
  pixels.set(top.pixels);
  pixels.set(lower.pixels, top.pixels.length);
  return { ...top, pixels, height: rows };
}

/** The typed array dwv expects for the file's Bits Allocated and Pixel Representation. */
function asDwvPixels(rows: DecodedRows, meta: FrameRequest['meta']): ArrayBufferView {
  if (rows.pixels.length === 0 || rows.width === 0 || rows.height === 0) throw new Error('the codestream could not be decoded (OpenJPEG returned no pixels)');
  if (meta.bitsAllocated === 16) return meta.isSigned ? new Int16Array(rows.pixels.buffer) : new Uint16Array(rows.pixels.buffer);
  if (meta.bitsAllocated === 8) return meta.isSigned ? Int8Array.from(rows.pixels) : Uint8Array.from(rows.pixels);
  throw new Error(`JPEG 2000 with ${meta.bitsAllocated} bits allocated is not supported`);
}

scope.addEventListener('message', (event: MessageEvent<FrameRequest | HelperRequest>) => {
  const data = event.data;
  if (isHelper) {
    const request = data as HelperRequest;
    if (request.kind === 'init') {
      decoder(request.module).then(
        () => scope.postMessage({ kind: 'ready' } satisfies HelperReply),
        (error: unknown) => scope.postMessage({ kind: 'band', ok: false, message: String(error) } satisfies HelperReply),
      );
      return;
    }
    decoder()
      .then((openjpeg) => {
        const rows = openjpeg.decodeRows(request.codestream, request.y0, request.y1);
        scope.postMessage({ kind: 'band', ok: true, rows } satisfies HelperReply, [rows.pixels.buffer]);
      })
      .catch((error: unknown) => scope.postMessage({ kind: 'band', ok: false, message: error instanceof Error ? error.message : String(error) } satisfies HelperReply));
    return;
  }
  const frame = data as FrameRequest;
  decodeFrame(new Uint8Array(frame.buffer))
    .then((rows) => {
      const pixels = asDwvPixels(rows, frame.meta);
      scope.postMessage([pixels], [pixels.buffer]);
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      setTimeout(() => {
        throw new Error(`JPEG 2000: the codestream could not be decoded (OpenJPEG: ${message})`);
      });
    });
});
