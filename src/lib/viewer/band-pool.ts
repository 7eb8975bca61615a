// The viewer's JPEG 2000 decodes, shared out over a few long-lived decoder threads, first come first served. An
// image can be cut into one band of rows per thread (OpenJPEG decodes only the code-blocks a band needs): the
// page's first view is, so that it decodes on every core at once and paints after half a decode. Bands cost ~12 %
// more work than one whole decode, so when at least as many images wait as there are threads, they go whole, one
// per thread; an image left over is cut again, so no thread idles while another decodes alone. Four 3518×2800
// views on two cores, their files arriving one after another: the first two are cut (each thread holds a band of
// both), the last two go whole side by side and end together. Threads outlive the views (no start-up or compile per
// view). Pure: the threads are given (src/viewer/jpeg2000-pool.ts binds them to workers;
// the tests to functions).

import type { DecodedRows } from './openjpeg-region.ts';

/** Rows [y0, y1) of one codestream; y1 <= y0 asks for the whole image. */
export interface BandTask {
  codestream: Uint8Array;
  y0: number;
  y1: number;
}

/** One decoder thread: bands are decoded one at a time, in the order given; the next may be given before one ends. */
export interface BandThread {
  decode(task: BandTask): Promise<DecodedRows>;
}

/** The worker name that makes src/viewer/jpeg2000.worker.ts a band thread; what the pool tells it, and its answers. */
export const BAND_THREAD_NAME = 'jpeg2000.band';
export type BandRequest = { kind: 'band' } & BandTask;
export type BandReply = { kind: 'ready' } | { kind: 'band'; ok: true; rows: DecodedRows } | { kind: 'band'; ok: false; message: string };

/**
 * Bands a thread may hold at once: the one it decodes and the next. The pool runs on the page's main thread, which
 * is busy for ~200 ms drawing each decoded view; a thread that finished meanwhile would wait for it to hand out the
 * next band (measured: ~90 ms idle per view).
 */
const PIPELINE_DEPTH = 2;

/** Images shorter than this are decoded whole: a band's share would not pay for its copy. */
const MIN_ROWS_TO_SPLIT = 512;

/** `count` bands of rows covering [0, height), top to bottom, the upper ones a row taller when it does not divide. */
function rowBands(height: number, count: number): [number, number][] {
  const n = Math.max(1, Math.min(Math.floor(count), height));
  const bands: [number, number][] = [];
  for (let i = 0, y0 = 0; i < n; i++) {
    const y1 = y0 + Math.ceil((height - y0) / (n - i));
    bands.push([y0, y1]);
    y0 = y1;
  }
  return bands;
}

export interface BandPool {
  /** The image's rows, band by band, top to bottom; `height` from the codestream's SIZ (null: decode it whole). */
  decode(codestream: Uint8Array, height: number | null): Promise<DecodedRows[]>;
}

/** An image in the queue; its bands are chosen when a thread first takes it. */
interface Job {
  codestream: Uint8Array;
  height: number | null;
  /** Bands not yet taken by a thread (null until the image is cut). */
  bands: [number, number][] | null;
  settles: ((result: Promise<DecodedRows>) => void)[];
  done: (parts: Promise<DecodedRows>[]) => void;
}

/** A pool over `threads` (at least one). */
export function createBandPool(threads: readonly BandThread[]): BandPool {
  if (threads.length === 0) throw new Error('a band pool needs at least one thread');
  /** Bands given to each thread and not yet answered. */
  const given = new Map(threads.map((thread) => [thread, 0]));
  const jobs: Job[] = [];
  let cutAny = false;
  /** Images still to be given whole, one per thread, since a batch of them was started. */
  let wholeLeft = 0;

  /** The head image's bands: the pool's first image is cut; later ones go whole, a thread each, while as many wait as there are threads. */
  const cut = (job: Job): [number, number][] => {
    const splittable = job.height !== null && job.height >= MIN_ROWS_TO_SPLIT && threads.length > 1;
    const waiting = jobs.filter((j) => j.bands === null).length;
    if (splittable && cutAny && wholeLeft === 0 && waiting >= threads.length) wholeLeft = threads.length;
    cutAny = true;
    if (!splittable || wholeLeft > 0) {
      wholeLeft = Math.max(0, wholeLeft - 1);
      return [[0, 0]];
    }
    return rowBands(job.height!, threads.length);
  };

  /** The thread with the fewest bands in hand, or null when every thread holds PIPELINE_DEPTH. */
  const leastBusy = (): BandThread | null => {
    let best: BandThread | null = null;
    for (const thread of threads) if (given.get(thread)! < PIPELINE_DEPTH && (best === null || given.get(thread)! < given.get(best)!)) best = thread;
    return best;
  };

  const pump = () => {
    for (let thread = leastBusy(); thread !== null && jobs.length > 0; thread = leastBusy()) {
      const job = jobs[0];
      if (job.bands === null) {
        job.bands = cut(job);
        job.done(job.bands.map(() => new Promise<DecodedRows>((resolve) => job.settles.push(resolve))));
      }
      const [y0, y1] = job.bands.shift()!;
      const settle = job.settles.shift()!;
      if (job.bands.length === 0) jobs.shift();
      given.set(thread, given.get(thread)! + 1);
      const done = thread.decode({ codestream: job.codestream, y0, y1 });
      settle(done);
      void done
        .catch(() => undefined)
        .then(() => {
          given.set(thread, given.get(thread)! - 1);
          pump();
        });
    }
  };
  return {
    decode(codestream, height) {
      const parts = new Promise<Promise<DecodedRows>[]>((done) => jobs.push({ codestream, height, bands: null, settles: [], done }));
      pump();
      return parts.then((list) => Promise.all(list));
    },
  };
}
