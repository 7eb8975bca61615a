// Lets only as many compressed views decode at once as the machine has cores. dwv starts one decoder worker per
// view as soon as its file arrives; four JPEG 2000 mammograms decoding together on two cores all finish at about the
// time two-by-two finishes the last pair, so the first view waits for all of them. Taking turns, the first view gets
// a whole core and paints after one decode, and the last pair ends no later. Uncompressed files need no decoder and
// never wait. Pure (the viewer passes navigator.hardwareConcurrency).

/** Native pixel data (implicit/explicit VR little endian, explicit big endian): dwv reads it without a worker. */
const UNCOMPRESSED = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1', '1.2.840.10008.1.2.2']);

/** Whether dwv hands this file's pixels to a decoder worker (an unknown or absent syntax is left to dwv). */
export function needsDecoder(transferSyntax: string | null): boolean {
  return transferSyntax !== null && !UNCOMPRESSED.has(transferSyntax);
}

/** Runs a decode once one of the slots is free, in the order asked (hanging order: the first view first). */
type DecodeSlots = <T>(decode: () => Promise<T>) => Promise<T>;

/** `cores` slots (at least 1, at most 4: a study has four views). */
export function createDecodeSlots(cores: number): DecodeSlots {
  let free = Math.max(1, Math.min(4, Math.floor(cores) || 1));
  const waiting: (() => void)[] = [];
  return async <T>(decode: () => Promise<T>): Promise<T> => {
    if (free > 0) free--;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await decode();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free++;
    }
  };
}
