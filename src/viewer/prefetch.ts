// Starts every network request the viewer page needs as soon as its first (tiny, dwv-free) script runs: the sample
// list, the preview manifest, and the study's DICOMs (a sample's from the build, else the release's when served). The dwv bundle loads meanwhile and picks the buffers up from
// here. The DICOMs (≈20 MB each) are fetched in a worker (fetch.worker.ts), one after another in hanging order: in
// parallel they share the bandwidth and all finish late; in a row the first view gets full resolution after a
// quarter of the time and is drawn while the next file streams in. No dwv import here on purpose.

import { hangImages } from '../lib/viewer/hanging.ts';
import type { SampleStudy } from '../lib/types.ts';
import { OUTPUT, siteUrl, type PreviewManifest } from '../lib/site-data/outputs.ts';
import { fetchDicom, type FileResult } from './fetch-file.ts';
import type { FetchReply, FetchRequest } from './fetch.worker.ts';
import { releaseStudy } from './release-images.ts';
import { startDecodersFor } from './jpeg2000-pool.ts';
import { decodedJpeg2000File } from './jpeg2000-view.ts';
import { fileMetaTransferSyntax } from '../lib/dicom/part10.ts';

const NO_PREVIEWS: PreviewManifest = { version: 0, images: {} };

const SAMPLES_URL = siteUrl(OUTPUT.samples);
const PREVIEWS_URL = siteUrl(OUTPUT.previews);
export type { PreviewManifest };

/** What a view's file fetch ended with: the bytes, or why there are none. */
export type { FileResult };

export interface Prefetch {
  studyId: string | null;
  samples: Promise<SampleStudy[]>;
  previews: Promise<PreviewManifest>;
  /** One promise per image URL of the requested study (never rejects). */
  files: Promise<Map<string, Promise<FileResult>>>;
}

let started: Prefetch | null = null;

async function fetchJson<T>(url: string, fallback: T | null): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) {
    if (fallback !== null) return fallback;
    throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
  }
  return (await response.json()) as T;
}

/**
 * Starts the fetch worker before the sample list has arrived (its script then boots while samples.json is on the
 * wire, ≈50 ms earlier than starting it with the URLs); null when no worker can be started.
 */
function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const worker = new Worker(new URL('./fetch.worker.ts', import.meta.url), { type: 'module' });
    // A script that fails to load reports it once, possibly before the URLs are known: remember it.
    worker.onerror = (event) => {
      event.preventDefault();
      failedWorkers.add(worker);
    };
    return worker;
  } catch {
    return null;
  }
}
const failedWorkers = new WeakSet<Worker>();

/**
 * Lets an unneeded worker finish loading and close itself (an empty list). Terminating it while its script is
 * still being fetched leaves that request unfinished for good in Playwright's eyes, and the page never reaches
 * "networkidle" (the browser tests wait for it).
 */
function release(worker: Worker): void {
  worker.postMessage({ urls: [] } satisfies FetchRequest);
}

/** Gives the started worker its `urls`; one promise per URL, or null when there is nothing for it to do. */
function fetchInWorker(worker: Worker | null, urls: string[]): Map<string, Promise<FileResult>> | null {
  if (!worker) return null;
  if (urls.length === 0 || failedWorkers.has(worker)) {
    release(worker);
    return null;
  }
  // The worker resolves URLs against its own script URL: give it absolute ones, keyed back to the site-relative form.
  const settle = new Map<string, (result: FileResult) => void>();
  const map = new Map<string, Promise<FileResult>>();
  for (const url of urls) {
    const absolute = new URL(url, location.href).href;
    map.set(url, new Promise<FileResult>((resolve) => settle.set(absolute, resolve)));
  }
  worker.onmessage = (event: MessageEvent<FetchReply>) => {
    const reply = event.data;
    if ('transferSyntax' in reply) return startDecodersFor(reply.transferSyntax);
    performance.mark(`viewer:body:${reply.url}`);
    if (reply.ok) void decodedJpeg2000File(reply.buffer, fileMetaTransferSyntax(new Uint8Array(reply.buffer)));
    settle.get(reply.url)?.(reply.ok ? { ok: true, buffer: reply.buffer } : { ok: false, reason: reply.reason });
    settle.delete(reply.url);
    if (settle.size === 0) worker.terminate();
  };
  // A worker that fails to start (or dies) hands its remaining files to the main thread.
  worker.onerror = (event) => {
    event.preventDefault();
    for (const [absolute, resolve] of settle) void fetchDicom(absolute).then(resolve);
    settle.clear();
    worker.terminate();
  };
  worker.postMessage({ urls: [...settle.keys()] } satisfies FetchRequest);
  return map;
}

/** Idempotent: the first call starts the requests, later calls return the same promises. */
export function prefetch(search: string = location.search): Prefetch {
  if (started) return started;
  const studyId = new URLSearchParams(search).get('study');
  performance.mark('viewer:prefetch');
  const samples = fetchJson<SampleStudy[]>(SAMPLES_URL, null);
  // The manifest is optional (a build without previews still works).
  const previews = fetchJson<PreviewManifest>(PREVIEWS_URL, NO_PREVIEWS)
    .then((m) => (m && typeof m.images === 'object' && m.images !== null ? m : NO_PREVIEWS))
    .catch(() => NO_PREVIEWS);
  const worker = startWorker();
  // Not a sample: its DICOMs may still be served in place from the release (release-images.ts). Asked beside
  // samples.json, not after it: two small requests in a row before the first DICOM cost ~0.15 s of the first view.
  const served = studyId ? releaseStudy(studyId) : Promise.resolve(null);
  const files = Promise.all([samples, served])
    .then(([list, inPlace]) => list.find((s) => s.id === studyId) ?? inPlace)
    .then((study) => {
      const map = new Map<string, Promise<FileResult>>();
      const { slots, extra } = hangImages(study?.images ?? []);
      const urls = [...new Set([...slots, ...extra].filter((i) => i !== null).map((i) => i.url))];
      const viaWorker = fetchInWorker(worker, urls);
      if (viaWorker) return viaWorker;
      // No worker (blocked or unsupported): the same order on the main thread.
      let previous: Promise<unknown> = Promise.resolve();
      for (const url of urls) {
        const result = previous.then(() => fetchDicom(url));
        map.set(url, result);
        previous = result;
      }
      return map;
    })
    .catch(() => {
      if (worker) release(worker);
      return new Map<string, Promise<FileResult>>();
    });
  started = { studyId, samples, previews, files };
  return started;
}
