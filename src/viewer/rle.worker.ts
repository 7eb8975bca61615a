// dwv's RLE decoder worker, replaced: the same message protocol as dwv 0.36's rle.worker (in: the frame's bytes and
// {bitsAllocated, isSigned, sliceSize, samplesPerPixel, planarConfiguration}; out: [pixels]), decoded by
// src/lib/viewer/rle-decode.ts and handed back transferred rather than copied. Built by src/node/site/viewer-decoders.ts
// to /viewer/assets/workers/rle.worker.min.js, where dwv fetches it. A failure is thrown from a task (not a rejected
// promise) so it reaches the page as the worker's error event, as in jpeg2000.worker.ts.

import { decodeRleFrame, type RleFrameInfo } from '../lib/viewer/rle-decode.ts';

self.addEventListener('message', (event: MessageEvent<{ buffer: Uint8Array; meta: RleFrameInfo }>) => {
  let pixels: ArrayBufferView;
  try {
    pixels = decodeRleFrame(new Uint8Array(event.data.buffer), event.data.meta);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    setTimeout(() => {
      throw new Error(`RLE: ${message}`);
    });
    return;
  }
  (self as unknown as Worker).postMessage([pixels], [pixels.buffer]);
});
