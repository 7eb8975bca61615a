// Runs DICOM jobs on worker threads (one per core, at most `threads`), falling back to the calling thread when
// workers cannot start. Workers load TypeScript through tsx's loader API, since a worker does not inherit the
// loader the main thread runs under (tsx or vitest).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sourcePath } from '../project-root.ts';
import { runDicomJob } from './dicom-job.ts';
import type { DicomJob, DicomJobResult } from './dicom-job.ts';

/** URL of tsx's ES-module loader API (its CommonJS build registers hooks at a path that does not exist). */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports: Record<string, { import?: { default?: string } }> };
  const entry = manifest.exports['./esm/api']?.import?.default;
  if (entry === undefined) throw new Error('tsx/package.json: no ES-module export for ./esm/api');
  return pathToFileURL(join(dirname(manifestPath), entry)).href;
}

function startWorker(): Worker {
  const entry = pathToFileURL(sourcePath('src/node/demo/render-worker.ts')).href;
  const bootstrap = `import(${JSON.stringify(tsxEsmApi())}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  // No inherited flags: the bootstrap registers tsx itself, and a parent's flags (vitest's `--conditions
  // development`) would change how tsx's own files resolve.
  return new Worker(bootstrap, { eval: true, execArgv: [] });
}

/** Runs one job on a worker; rejects on a job error or a worker crash. */
function runOn(worker: Worker, job: DicomJob): Promise<DicomJobResult> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { ok: boolean; result?: DicomJobResult; error?: string }) => {
      cleanup();
      if (m.ok && m.result) resolve(m.result);
      else reject(new Error(m.error ?? 'worker failed'));
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage(job);
  });
}

export async function runDicomJobs(
  jobs: readonly DicomJob[],
  options: {
    threads?: number;
    onDone?: (result: DicomJobResult, done: number) => void;
    /** Told when a worker fails and its lane continues on the calling thread. */
    log?: (line: string) => void;
  } = {},
): Promise<DicomJobResult[]> {
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), jobs.length));
  const results: DicomJobResult[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const finish = (i: number, r: DicomJobResult) => {
    results[i] = r;
    done++;
    options.onDone?.(r, done);
  };
  const lane = async (start: Worker | null): Promise<void> => {
    let worker = start;
    while (next < jobs.length) {
      const i = next++;
      if (worker !== null) {
        try {
          finish(i, await runOn(worker, jobs[i]));
          continue;
        } catch (error) {
          // A worker that cannot load or crashed: finish this lane here. A bad job fails again below, with its message.
          options.log?.(`demo-data: worker failed (${error instanceof Error ? error.message : String(error)}); rendering on the main thread`);
          worker = null;
        }
      }
      finish(i, await runDicomJob(jobs[i]));
    }
  };
  let workers: Worker[] = [];
  if (threads > 1) {
    try {
      workers = Array.from({ length: threads }, startWorker);
    } catch {
      workers = [];
    }
  }
  try {
    await Promise.all(workers.length > 0 ? workers.map((w) => lane(w)) : [lane(null)]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
