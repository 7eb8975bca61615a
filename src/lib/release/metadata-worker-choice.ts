// Where metadata.csv is read: on a worker thread beside the annotation CSVs, or on the main thread. A pure rule of
// file size, worker kind and free cores, so it is tested without starting threads (src/node/metadata-facts.ts).

/** Files from this size are always read on a worker: under tsx, registering its loader in the worker takes ~0.3 s. */
const WORKER_MIN_BYTES = 16 * 1024 * 1024;
/**
 * A prebuilt worker starts in milliseconds, so from this size (the demo's and the real release's metadata.csv are
 * ~4 MB) it pays off as soon as a core is free: this thread reads the annotation CSVs meanwhile. On a busy machine
 * (load average ≥ cores − 1, the rule of make's -l) the two threads would only split one share of the CPU, and the
 * worker's own start-up and cold code would be a loss, so the file is read here.
 */
const PREBUILT_WORKER_MIN_BYTES = 1024 * 1024;

interface WorkerChoice {
  /** metadata.csv's size. */
  bytes: number;
  /** The worker is the prebuilt .mjs (else the TypeScript source under tsx). */
  prebuilt: boolean;
  cores: number;
  /** The machine's 1-minute load average. */
  loadAverage: number;
  /** A size that replaces the rules (VINDR_METADATA_WORKER_MIN_BYTES), or null. */
  minBytes: number | null;
}

/** Whether metadata.csv is worth a worker thread (see the constants above). */
export function wantsMetadataWorker({ bytes, prebuilt, cores, loadAverage, minBytes }: WorkerChoice): boolean {
  if (minBytes !== null) return bytes >= minBytes;
  if (bytes >= WORKER_MIN_BYTES) return true;
  return prebuilt && bytes >= PREBUILT_WORKER_MIN_BYTES && loadAverage < cores - 1;
}
