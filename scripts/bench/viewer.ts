// Viewer speed (not a test): serves the built site with `astro preview` on a free port of 127.0.0.1, opens the viewer
// for a SIEMENS 3518×2800 sample study several times in headless Debian Chromium (a fresh profile each run, so the
// HTTP cache is cold), and prints, in ms after navigation (median and range):
//   first view drawn / all four drawn — a view counts as drawn when its preview or its full resolution is on screen;
//   first / all four at full resolution — dwv's own rendering of the DICOM (zoomable, window/level, boxes).
// The viewer marks both moments with performance.mark('viewer:preview:<slot>') / ('viewer:ready:<slot>').
//   tsx scripts/bench/viewer.ts [--runs N] [--dist DIR]   (or `npm run bench -- --only viewer`; needs `npm run build`)
// Targets: first view ≤ 1000 ms, all four ≤ 2500 ms.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import type { SampleStudy } from '../../src/lib/types.ts';
import type {} from '../../src/viewer/viewer-page.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TARGETS = { firstMs: 1000, allMs: 2500 };

export interface ViewerRun {
  firstDrawnMs: number;
  allDrawnMs: number;
  firstFullMs: number;
  allFullMs: number;
}

export interface ViewerBench {
  studyId: string;
  runs: ViewerRun[];
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no free port'))));
    });
  });
}

async function startPreview(port: number, dist: string | undefined): Promise<ChildProcess> {
  const args = ['preview', '--host', '127.0.0.1', '--port', String(port), ...(dist ? ['--outDir', dist] : [])];
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'astro'), args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro preview exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  child.kill('SIGTERM');
  throw new Error('astro preview did not start within 30 s');
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** A sample study whose four images are all SIEMENS 3518×2800 (the heaviest common case), else the first sample. */
export function pickBenchStudy(samples: readonly SampleStudy[]): SampleStudy | undefined {
  const siemens = samples.find(
    (s) => s.images.length >= 4 && s.images.every((i) => i.vendor === 'SIEMENS' && i.rows === 3518 && i.columns === 2800),
  );
  return siemens ?? samples[0];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summary(label: string, values: number[], target?: number): string {
  const m = median(values);
  const verdict = target === undefined ? '' : m <= target ? `  ✓ ≤ ${target}` : `  ✗ > ${target}`;
  return `  ${label.padEnd(30)} median ${String(Math.round(m)).padStart(5)} ms   range ${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))} ms${verdict}\n`;
}

async function oneRun(baseURL: string, studyId: string): Promise<ViewerRun> {
  const profile = mkdtempSync(join(tmpdir(), 'viewer-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = await context.newPage();
    await page.goto(`${baseURL}/viewer/?study=${encodeURIComponent(studyId)}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.vindrViewer !== undefined, undefined, { timeout: 60_000 });
    await page.evaluate(() => window.vindrViewer!.settled);
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const));
    const at = (name: string) => marks.find(([n]) => n === name)?.[1];
    const drawn: number[] = [];
    const full: number[] = [];
    for (let slot = 0; slot < 4; slot++) {
      const ready = at(`viewer:ready:${slot}`);
      const preview = at(`viewer:preview:${slot}`);
      if (ready === undefined) throw new Error(`view ${slot} was not drawn at full resolution`);
      full.push(ready);
      drawn.push(Math.min(ready, preview ?? Infinity));
    }
    return { firstDrawnMs: Math.min(...drawn), allDrawnMs: Math.max(...drawn), firstFullMs: Math.min(...full), allFullMs: Math.max(...full) };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function benchViewer(options: { runs?: number; dist?: string } = {}): Promise<ViewerBench | null> {
  const dist = options.dist ? resolve(options.dist) : join(ROOT, 'dist');
  const samplesPath = join(dist, 'data', 'samples.json');
  if (!existsSync(samplesPath)) {
    process.stdout.write(`viewer: ${samplesPath} is missing (build the site first); skipped\n`);
    return null;
  }
  const study = pickBenchStudy(JSON.parse(readFileSync(samplesPath, 'utf8')) as SampleStudy[]);
  if (!study) {
    process.stdout.write('viewer: the build has no sample studies; skipped\n');
    return null;
  }
  const runs = options.runs ?? 7;
  const port = await freePort();
  const server = await startPreview(port, options.dist ? dist : undefined);
  const results: ViewerRun[] = [];
  try {
    // One warm-up run (server file cache, Chromium's first start), not counted.
    await oneRun(`http://127.0.0.1:${port}`, study.id);
    for (let i = 0; i < runs; i++) results.push(await oneRun(`http://127.0.0.1:${port}`, study.id));
  } finally {
    await stop(server);
  }
  const size = `${study.images[0]?.rows}×${study.images[0]?.columns} ${study.images[0]?.vendor ?? ''}`.trim();
  process.stdout.write(`viewer: study ${study.id} (${size}, ${runs} cold-cache runs, headless Chromium, 127.0.0.1)\n`);
  process.stdout.write(summary('first view drawn', results.map((r) => r.firstDrawnMs), TARGETS.firstMs));
  process.stdout.write(summary('all four drawn', results.map((r) => r.allDrawnMs), TARGETS.allMs));
  process.stdout.write(summary('first view, full resolution', results.map((r) => r.firstFullMs)));
  process.stdout.write(summary('all four, full resolution', results.map((r) => r.allFullMs)));
  return { studyId: study.id, runs: results };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, dist: { type: 'string' } } });
  benchViewer({ runs: values.runs ? Number(values.runs) : undefined, dist: values.dist }).catch((error: unknown) => {
    process.stderr.write(`viewer bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
