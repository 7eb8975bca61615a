// Lets only as many compressed views decode at once as the machine has cores. dwv starts one decoder worker per
// view as soon as its file arrives; four JPEG 2000 mammograms decoding together on two cores all finish at about the
// time two-by-two finishes the last pair, so the first view waits for all of them. Taking turns, the first view gets
// a whole core and paints after one decode, and the last pair ends no later. Uncompressed files need no decoder and
// never wait. JPEG 2000 has its own rule (decodeSlotsFor). Pure (the viewer passes navigator.hardwareConcurrency).

/** Native pixel data (implicit/explicit VR little endian, explicit big endian): dwv reads it without a worker. */
const UNCOMPRESSED = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1', '1.2.840.10008.1.2.2']);

/** Whether dwv hands this file's pixels to a decoder worker (an unknown or absent syntax is left to dwv). */
export function needsDecoder(transferSyntax: string | null): boolean {
  return transferSyntax !== null && !UNCOMPRESSED.has(transferSyntax);
}

const JPEG_2000 = new Set(['1.2.840.10008.1.2.4.90', '1.2.840.10008.1.2.4.91']);

/**
 * How many decode slots a file's decode takes. A JPEG 2000 view decodes on two threads (src/viewer/jpeg2000.worker.ts
 * cuts it into two bands), so the page's first one takes every slot: it decodes alone, on both cores, and paints
 * after half a decode. The JPEG 2000 views after it take none (0: they wait only for a view that holds every slot),
 * so they decode together and finish as soon as in turns, without a drawn view between decodes holding the next one
 * back. Every other decoder takes one slot.
 */
export function decodeSlotsFor(transferSyntax: string | null, firstJpeg2000Started: boolean): number {
  if (transferSyntax === null || !JPEG_2000.has(transferSyntax)) return 1;
  return firstJpeg2000Started ? 0 : Number.POSITIVE_INFINITY;
}

/**
 * Runs a decode once `slots` of the slots are free, in the order asked (hanging order: the first view first; a later
 * view never overtakes one that waits): 1 by default; Infinity takes all of them (the decode runs alone); 0 runs
 * beside anything but a decode that holds all of them. The slots are freed when the decode calls `release` (its
 * pixels are decoded; drawing them needs no decoder; true when that started a waiting decode) or, at the latest,
 * when it settles.
 */
type DecodeSlots = <T>(decode: (release: () => boolean) => Promise<T>, slots?: number) => Promise<T>;

/** `cores` slots (at least 1, at most 4: a study has four views). */
export function createDecodeSlots(cores: number): DecodeSlots {
  const total = Math.max(1, Math.min(4, Math.floor(cores) || 1));
  let free = total;
  /** Running decodes that hold every slot. */
  let alone = 0;
  const waiting: { need: number; start: () => void }[] = [];
  const canStart = (need: number) => (need === 0 ? alone === 0 : need <= free);
  const take = (need: number) => {
    free -= need;
    if (need === total) alone++;
  };
  /** Starts what waits and can run now; true when it started any. */
  const startWaiting = (): boolean => {
    let started = false;
    while (waiting.length > 0 && canStart(waiting[0].need)) {
      const next = waiting.shift()!;
      take(next.need);
      next.start();
      started = true;
    }
    return started;
  };
  return async <T>(decode: (release: () => boolean) => Promise<T>, slots = 1): Promise<T> => {
    const need = Math.max(0, Math.min(total, Math.floor(slots)));
    if (waiting.length === 0 && canStart(need)) take(need);
    else await new Promise<void>((start) => waiting.push({ need, start }));
    let held = true;
    const release = (): boolean => {
      if (!held) return false;
      held = false;
      free += need;
      if (need === total) alone--;
      return startWaiting();
    };
    try {
      return await decode(release);
    } finally {
      release();
    }
  };
}
