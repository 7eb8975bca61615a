// dwv's JPEG 2000 decoder worker, replaced: the same message protocol as dwv 0.36's jpeg2000.worker (in: the frame's
// codestream and {bitsAllocated, isSigned}; out: [pixels]), decoded by OpenJPEG compiled to WebAssembly
// (@cornerstonejs/codec-openjpeg, the codec OHIF/cornerstone ship) instead of pdf.js's JavaScript JPX decoder. Measured
// on a 3518×2800 lossless mammogram: see `npm run bench -- --only viewer-compressed`. Built by
// src/node/site/viewer-decoders.ts to /viewer/assets/workers/jpeg2000.worker.min.js, where dwv fetches it.
// A failure is thrown from a task (not a rejected promise) so it reaches the page as the worker's error event.

import OpenJPEGWASM from '@cornerstonejs/codec-openjpeg/decodewasmjs';

interface OpenJpegModule {
  J2KDecoder: new () => {
    getEncodedBuffer(length: number): Uint8Array;
    decode(): void;
    getDecodedBuffer(): Uint8Array;
    getFrameInfo(): { width: number; height: number; bitsPerSample: number; componentCount: number; isSigned: boolean };
    delete(): void;
  };
}

const codec: Promise<OpenJpegModule> = (OpenJPEGWASM as (options: object) => Promise<OpenJpegModule>)({
  // The .wasm sits beside this worker.
  locateFile: (file: string) => new URL(file, self.location.href).href,
  // OpenJPEG prints "[INFO] …" lines for every decode: not for the page's console.
  print: () => undefined,
  printErr: () => undefined,
});

function decode(openjpeg: OpenJpegModule, codestream: Uint8Array, meta: { bitsAllocated: number; isSigned: boolean }): ArrayBufferView {
  const decoder = new openjpeg.J2KDecoder();
  try {
    decoder.getEncodedBuffer(codestream.length).set(codestream);
    decoder.decode();
    // A copy out of the WebAssembly heap (the view dies with the decoder).
    const bytes = decoder.getDecodedBuffer().slice();
    const info = decoder.getFrameInfo();
    // OpenJPEG answers a codestream it cannot read with an empty image rather than an exception.
    if (bytes.length === 0 || info.width === 0 || info.height === 0) throw new Error('the codestream could not be decoded (OpenJPEG returned no pixels)');
    if (meta.bitsAllocated === 8) return meta.isSigned ? new Int8Array(bytes.buffer) : bytes;
    if (meta.bitsAllocated === 16) return meta.isSigned ? new Int16Array(bytes.buffer) : new Uint16Array(bytes.buffer);
    throw new Error(`JPEG 2000 with ${meta.bitsAllocated} bits allocated is not supported`);
  } finally {
    decoder.delete();
  }
}

self.addEventListener('message', (event: MessageEvent<{ buffer: Uint8Array; meta: { bitsAllocated: number; isSigned: boolean } }>) => {
  codec
    .then((openjpeg) => {
      const pixels = decode(openjpeg, new Uint8Array(event.data.buffer), event.data.meta);
      (self as unknown as Worker).postMessage([pixels], [pixels.buffer]);
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : typeof error === 'number' ? `OpenJPEG error (code ${error})` : String(error);
      setTimeout(() => {
        throw new Error(`JPEG 2000: ${message}`);
      });
    });
});
