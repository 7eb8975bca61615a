// Lets only as many dwv-decoded views decode at once as the machine has cores. dwv starts one decoder worker per
// view as soon as its file arrives; four compressed mammograms decoding together on two cores all finish at about
// the time two-by-two finishes the last pair, so the first view waits for all of them. Taking turns, the first view
// gets a whole core and paints after one decode, and the last pair ends no later. Uncompressed files need no decoder
// and never wait; single-frame JPEG 2000 views are decoded by the page's own threads (src/lib/viewer/band-pool.ts).
// Pure (the viewer passes navigator.hardwareConcurrency).

import { isNativeSyntax } from '../dicom/transfer-syntax.ts';

/** Whether dwv hands this file's pixels to a decoder worker (native pixel data needs none; an absent syntax is left to dwv). */
export function needsDecoder(transferSyntax: string | null): boolean {
  return transferSyntax !== null && !isNativeSyntax(transferSyntax);
}

/** Runs `decode` once a slot is free, in the order asked; the slot is freed when it settles. */
type DecodeSlots = <T>(decode: () => Promise<T>) => Promise<T>;

/** `cores` slots (at least 1, at most 4: a study has four views). */
export function createDecodeSlots(cores: number): DecodeSlots {
  let free = Math.max(1, Math.min(4, Math.floor(cores) || 1));
  const waiting: (() => void)[] = [];
  return async <T>(decode: () => Promise<T>): Promise<T> => {
    if (free > 0 && waiting.length === 0) free--;
    else await new Promise<void>((start) => waiting.push(start));
    try {
      return await decode();
    } finally {
      // The slot passes straight to the next waiting decode, or back to the pool.
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
}
