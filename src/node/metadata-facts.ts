// Reads metadata.csv into an ImageFactsTable, on a worker thread when one can be started, so that on a two-core
// machine the largest CSV is parsed while the annotation CSVs are. Falls back to reading it on this thread
// (same table, same stats) when no worker can be started, e.g. under a test runner that cannot load it.

import { existsSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ReleaseInputError, type InputLocation } from '../lib/csv/errors.ts';
import { wantsMetadataWorker } from '../lib/release/metadata-worker-choice.ts';
import { ImageFactsTable, type ImageFactsParts } from '../lib/release/image-facts-table.ts';
import type { Interner } from '../lib/release/interner.ts';
import { FILES } from '../lib/vocabulary.ts';
import { readMetadataFacts, type CsvFileInfo } from './read-release.ts';

export interface CollectedFacts {
  info: CsvFileInfo;
  table: ImageFactsTable;
}

/** What the worker posts back. */
export type WorkerReply =
  | { kind: 'done'; info: CsvFileInfo; parts: ImageFactsParts }
  | { kind: 'absent' }
  | { kind: 'input-error'; location: InputLocation; reason: string }
  | { kind: 'failure'; message: string };

/**
 * Reads metadata.csv on this thread; null when the release has none. `known`: the release index's images, complete
 * by now (see ImageFactsTable.known).
 */
export async function collectMetadataFacts(dir: string, known: Interner | null = null): Promise<CollectedFacts | null> {
  const table = new ImageFactsTable(undefined, known);
  const info = await readMetadataFacts(dir, (facts) => table.add(facts));
  return info === null ? null : { info, table };
}

export interface MetadataJob {
  /** The facts, once read: on this thread the reading starts at the first call (so the caller decides when). */
  result(): Promise<CollectedFacts | null>;
  /** Where the file is being read. */
  where: 'worker' | 'this thread';
  /** Stops the worker (when the run fails before the result is needed). */
  cancel(): void;
}

/**
 * The worker script beside this module: .ts when run from source (through tsx), .mjs in a prebuilt bundle
 * (`prebuilt`: it starts in a few milliseconds, where registering tsx in the worker first takes hundreds).
 */
function workerSource(): { code: string; prebuilt: boolean } | null {
  const here = import.meta.url;
  const bundled = new URL('./metadata-worker.mjs', here);
  if (!here.endsWith('.ts') && existsSync(fileURLToPath(bundled))) {
    return { code: `import(${JSON.stringify(bundled.href)});`, prebuilt: true };
  }
  const source = new URL('./metadata-worker.ts', here);
  if (!existsSync(fileURLToPath(source))) return null;
  let tsxApi: string;
  try {
    tsxApi = import.meta.resolve('tsx/esm/api');
  } catch {
    return null;
  }
  // A worker does not inherit tsx's loader: register it first, then load the TypeScript worker.
  return {
    code: `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); });`,
    prebuilt: false,
  };
}

const WORKER_MIN_BYTES_OVERRIDE = workerMinBytesFromEnvironment();

/** VINDR_METADATA_WORKER_MIN_BYTES replaces both rules by one size, so tests can make the CLI use its worker. */
function workerMinBytesFromEnvironment(): number | null {
  const value = process.env.VINDR_METADATA_WORKER_MIN_BYTES;
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * Starts reading metadata.csv: on a worker when `threads` allows and wantsMetadataWorker says so, else on this
 * thread when the result is first awaited (after the annotation CSVs: `knownImages` then gives the release index's
 * images). `workerMinBytes` replaces the rules by one size.
 */
export function startMetadataJob(
  dir: string,
  threads = true,
  knownImages: () => Interner | null = () => null,
  workerMinBytes = WORKER_MIN_BYTES_OVERRIDE,
): MetadataJob {
  let source = threads ? workerSource() : null;
  if (source !== null) {
    const wanted = wantsMetadataWorker({
      bytes: fileSize(join(dir, FILES.metadata)),
      prebuilt: source.prebuilt,
      cores: availableParallelism(),
      loadAverage: loadavg()[0],
      minBytes: workerMinBytes,
    });
    if (!wanted) source = null;
  }
  if (source === null) {
    let started: Promise<CollectedFacts | null> | null = null;
    return {
      result() {
        started ??= collectMetadataFacts(dir, knownImages());
        return started;
      },
      where: 'this thread',
      cancel() {},
    };
  }
  // The worker's heap only ever holds one chunk's rows; the cap bounds peak memory (a worker that hits it fails
  // over to this thread below).
  const worker = new Worker(source.code, {
    eval: true,
    workerData: { dir },
    resourceLimits: { maxOldGenerationSizeMb: 256 },
  });
  const result = new Promise<CollectedFacts | null>((resolve, reject) => {
    let replied = false;
    worker.once('message', (reply: WorkerReply) => {
      replied = true;
      void worker.terminate();
      if (reply.kind === 'done') resolve({ info: reply.info, table: new ImageFactsTable(reply.parts) });
      else if (reply.kind === 'absent') resolve(null);
      else if (reply.kind === 'input-error') reject(new ReleaseInputError(reply.location, reply.reason));
      else reject(new Error(reply.message));
    });
    // The worker could not run at all (say its loader is missing): read on this thread instead.
    worker.once('error', () => {
      if (!replied) collectMetadataFacts(dir).then(resolve, reject);
    });
  });
  // Its failure is reported in file order, when asked for; until then it must not count as unhandled.
  result.catch(() => {});
  return { result: () => result, where: 'worker', cancel: () => void worker.terminate() };
}
