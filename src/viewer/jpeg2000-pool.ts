// The page's JPEG 2000 decoder threads (src/lib/viewer/band-pool.ts): one worker per core, at most four, started
// with the page's first JPEG 2000 view and kept for the page's life. Each compiles OpenJPEG as it starts (the page's
// CSP lets workers compile WebAssembly, not the page). A thread that crashes fails its band and is replaced.

import { BAND_THREAD_NAME, createBandPool, type BandPool, type BandReply, type BandRequest, type BandTask, type BandThread } from '../lib/viewer/band-pool.ts';
import type { DecodedRows } from '../lib/viewer/openjpeg-region.ts';
import { siteUrl, WORKERS_DIR } from '../lib/site-data/outputs.ts';
import { isJpeg2000 } from '../lib/dicom/transfer-syntax.ts';

const WORKER_URL = siteUrl(`${WORKERS_DIR}/jpeg2000.worker.min.js`);

/** One worker, started at once; it answers bands in the order given. A new one replaces it after a crash. */
function workerThread(): BandThread {
  let worker: Worker | null = null;
  let ready: Promise<void> = Promise.resolve();
  const pending: ((reply: BandReply) => void)[] = [];
  const start = () => {
    const w = new Worker(WORKER_URL, { type: 'module', name: BAND_THREAD_NAME });
    ready = new Promise<void>((resolve, reject) => {
      w.onmessage = (event: MessageEvent<BandReply>) => {
        if (event.data.kind === 'ready') resolve();
        else if (pending.length > 0) pending.shift()!(event.data);
        else reject(new Error(event.data.ok ? 'unexpected answer' : event.data.message));
      };
      w.onerror = (event) => {
        event.preventDefault();
        const message = `the JPEG 2000 decoder thread failed${event.message ? ` (${event.message})` : ''}`;
        reject(new Error(message));
        for (const answer of pending.splice(0)) answer({ kind: 'band', ok: false, message });
        w.terminate();
        if (worker === w) worker = null;
      };
    });
    void ready.catch(() => undefined);
    worker = w;
  };
  // Started now, not at the first band: the script loads and compiles while the file is read.
  start();
  return {
    async decode(task: BandTask): Promise<DecodedRows> {
      if (!worker) start();
      const w = worker!;
      await ready;
      return new Promise<DecodedRows>((resolve, reject) => {
        pending.push((reply) => {
          if (reply.kind === 'band' && reply.ok) resolve(reply.rows);
          else reject(new Error(reply.kind === 'band' && !reply.ok ? reply.message : 'unexpected answer'));
        });
        w.postMessage({ kind: 'band', ...task } satisfies BandRequest);
      });
    },
  };
}

let pool: BandPool | null = null;

/** The page's pool, started on first use. */
export function jpeg2000Pool(): BandPool {
  if (pool) return pool;
  const cores = navigator.hardwareConcurrency > 0 ? navigator.hardwareConcurrency : 2;
  const threads = Array.from({ length: Math.max(1, Math.min(4, cores)) }, () => workerThread());
  pool = createBandPool(threads);
  return pool;
}

/**
 * Starts the pool when a file's first bytes say JPEG 2000 (the fetch worker reports them while the rest of the
 * file is on the wire): ≈70 ms per thread to start and compile OpenJPEG then no longer delay the first view.
 */
export function startDecodersFor(transferSyntax: string | null): void {
  if (isJpeg2000(transferSyntax)) jpeg2000Pool();
}
