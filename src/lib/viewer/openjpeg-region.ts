// OpenJPEG 2.5.4 in WebAssembly (vendor/openjpeg/: built from the library and a 100-line C entry point), for the
// viewer's JPEG 2000 threads and the build's previews: decodes a codestream whole or a band of its rows, at full
// resolution or a few levels down. A band is what lets one image use two
// cores: OpenJPEG decodes only the code-blocks a band needs, so the top and bottom halves on two threads take a
// little over half the time of the whole (0.72–0.86 s each against 1.26–1.52 s for a 3518×2800 lossless mammogram,
// Node, quiet machine), with exactly the same pixels. @cornerstonejs/codec-openjpeg, used before, exposes neither
// bands nor threads. Pure: the same module runs in the worker and in the tests.

export interface DecodedRows {
  /** Samples of rows [y0, y0 + height), `width` per row (16-bit words; signed when `signed`). */
  pixels: Uint16Array | Int16Array;
  width: number;
  height: number;
  /** Rows of the whole image. */
  imageHeight: number;
  precision: number;
  signed: boolean;
  components: number;
}

export interface OpenJpeg {
  /**
   * Rows [y0, y1) of the image, or all of them when y1 <= y0; `reduce` resolution levels down (each halves the width
   * and height; capped at the levels the codestream has). Throws with OpenJPEG's words when it cannot.
   */
  decodeRows(codestream: Uint8Array, y0?: number, y1?: number, reduce?: number): DecodedRows;
  /**
   * Grows the WebAssembly memory to hold `bytes` at once and touches every page, then frees it for the decodes to
   * reuse: a first decode otherwise pays for growing and faulting in ~100 MB as it goes. False when it cannot.
   */
  reserve(bytes: number): boolean;
}

interface Exports {
  memory: WebAssembly.Memory;
  _initialize(): void;
  j2k_malloc(bytes: number): number;
  j2k_free(pointer: number): void;
  j2k_info(): number;
  j2k_message(): number;
  j2k_decode_rows(data: number, length: number, y0: number, y1: number, reduce: number): number;
}

/** Instantiates the compiled module (WebAssembly.compile of vendor/openjpeg/openjpeg-region.wasm). */
export async function instantiateOpenJpeg(module: WebAssembly.Module): Promise<OpenJpeg> {
  let memory: WebAssembly.Memory | null = null;
  const words = () => new DataView(memory!.buffer);
  // The C library's few system calls: no environment, and nothing is printed (errors come back as messages).
  const instance = await WebAssembly.instantiate(module, {
    env: { emscripten_notify_memory_growth: () => undefined },
    wasi_snapshot_preview1: {
      fd_write: (_fd: number, _iovs: number, _count: number, written: number) => (words().setUint32(written, 0, true), 0),
      environ_sizes_get: (count: number, size: number) => (words().setUint32(count, 0, true), words().setUint32(size, 0, true), 0),
      environ_get: () => 0,
    },
  });
  const x = instance.exports as unknown as Exports;
  memory = x.memory;
  x._initialize();

  const message = (): string => {
    const bytes = new Uint8Array(x.memory.buffer, x.j2k_message(), 512);
    const end = bytes.indexOf(0);
    return new TextDecoder().decode(bytes.subarray(0, end < 0 ? bytes.length : end)).trim();
  };

  return {
    reserve(bytes) {
      const block = x.j2k_malloc(bytes);
      if (block === 0) return false;
      new Uint8Array(x.memory.buffer, block, bytes).fill(1);
      x.j2k_free(block);
      return true;
    },
    decodeRows(codestream, y0 = 0, y1 = 0, reduce = 0) {
      const input = x.j2k_malloc(codestream.length);
      if (input === 0) throw new Error('out of memory for the codestream');
      try {
        new Uint8Array(x.memory.buffer).set(codestream, input);
        const output = x.j2k_decode_rows(input, codestream.length, y0, y1, reduce);
        if (output === 0) throw new Error(message() || 'the codestream could not be decoded');
        try {
          const [, imageHeight, , , width, height, precision, signed, components] = new Int32Array(x.memory.buffer, x.j2k_info(), 9);
          // A copy out of the WebAssembly heap (the next decode reuses it).
          const words = new Uint16Array(x.memory.buffer, output, width * height).slice();
          return { pixels: signed ? new Int16Array(words.buffer) : words, width, height, imageHeight, precision, signed: signed === 1, components };
        } finally {
          x.j2k_free(output);
        }
      } finally {
        x.j2k_free(input);
      }
    },
  };
}

/**
 * The image's height from the codestream's SIZ marker segment (ISO 15444-1 A.5.1), found after its SOC marker
 * (a JP2 file holds the codestream in a box): what the split into bands needs before decoding. Null when absent.
 */
export function codestreamHeight(bytes: Uint8Array): number | null {
  const limit = Math.min(bytes.length - 20, 1 << 16);
  for (let i = 0; i < limit; i++) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0x4f && bytes[i + 2] === 0xff && bytes[i + 3] === 0x51) {
      const view = new DataView(bytes.buffer, bytes.byteOffset + i + 4);
      // Lsiz (2), Rsiz (2), Xsiz (4), Ysiz (4), XOsiz (4), YOsiz (4).
      return view.getUint32(8) - view.getUint32(16);
    }
  }
  return null;
}
