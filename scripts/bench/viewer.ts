// Viewer speed (not a test): serves the built site with `astro preview` on a free port of 127.0.0.1, opens the viewer
// for a SIEMENS 3518×2800 sample study several times in headless Debian Chromium (a fresh profile each run, so the
// HTTP cache is cold), and prints, in ms after navigation (median and range):
//   first view drawn / all four drawn — a view counts as drawn when its preview or its full resolution is on screen;
//   first / all four at full resolution — dwv's own rendering of the DICOM (zoomable, window/level);
//   all four with boxes — the CSV's boxes and their labels, built one frame after each view's image.
// The viewer marks these moments with performance.mark('viewer:preview:<slot>'), ('viewer:ready:<slot>') and
// ('viewer:boxes:<slot>').
//   tsx scripts/bench/viewer.ts [--runs N] [--dist DIR]   (or `npm run bench -- --only viewer`; needs `npm run build`)
// Targets: first view ≤ 1000 ms, all four ≤ 2500 ms.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { extent, median } from 'd3-array';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/node/chromium.ts';
import { startPreviewServer } from '../../src/node/preview-server.ts';
import type { SampleStudy } from '../../src/lib/types.ts';
import type {} from '../../src/viewer/viewer-page.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const TARGETS = { firstMs: 1000, allMs: 2500 };

interface ViewerRun {
  firstDrawnMs: number;
  allDrawnMs: number;
  firstFullMs: number;
  allFullMs: number;
  allBoxesMs: number;
}

interface ViewerBench {
  studyId: string;
  runs: ViewerRun[];
}


/** A sample study whose four images are all SIEMENS 3518×2800 (the heaviest common case), else the first sample. */
export function pickBenchStudy(samples: readonly SampleStudy[]): SampleStudy | undefined {
  const siemens = samples.find(
    (s) => s.images.length >= 4 && s.images.every((i) => i.vendor === 'SIEMENS' && i.rows === 3518 && i.columns === 2800),
  );
  return siemens ?? samples[0];
}


export function summary(label: string, values: number[], target?: number): string {
  const m = median(values) ?? NaN;
  const [low, high] = extent(values);
  const verdict = target === undefined ? '' : m <= target ? `  ✓ ≤ ${target}` : `  ✗ > ${target}`;
  return `  ${label.padEnd(30)} median ${String(Math.round(m)).padStart(5)} ms   range ${Math.round(low ?? NaN)}–${Math.round(high ?? NaN)} ms${verdict}\n`;
}

async function oneRun(baseURL: string, studyId: string): Promise<ViewerRun> {
  const profile = mkdtempSync(join(tmpdir(), 'viewer-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
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
    const boxes: number[] = [];
    for (let slot = 0; slot < 4; slot++) {
      const ready = at(`viewer:ready:${slot}`);
      boxes.push(at(`viewer:boxes:${slot}`) ?? ready ?? NaN);
      const preview = at(`viewer:preview:${slot}`);
      if (ready === undefined) throw new Error(`view ${slot} was not drawn at full resolution`);
      full.push(ready);
      drawn.push(Math.min(ready, preview ?? Infinity));
    }
    return { firstDrawnMs: Math.min(...drawn), allDrawnMs: Math.max(...drawn), firstFullMs: Math.min(...full), allFullMs: Math.max(...full), allBoxesMs: Math.max(...boxes) };
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
  const results = await measureRuns(options.dist ? dist : undefined, study.id, runs);
  const size = `${study.images[0]?.rows}×${study.images[0]?.columns} ${study.images[0]?.vendor ?? ''}`.trim();
  process.stdout.write(`viewer: study ${study.id} (${size}, ${runs} cold-cache runs, headless Chromium, 127.0.0.1)\n`);
  process.stdout.write(summary('first view drawn', results.map((r) => r.firstDrawnMs), TARGETS.firstMs));
  process.stdout.write(summary('all four drawn', results.map((r) => r.allDrawnMs), TARGETS.allMs));
  process.stdout.write(summary('first view, full resolution', results.map((r) => r.firstFullMs)));
  process.stdout.write(summary('all four, full resolution', results.map((r) => r.allFullMs)));
  process.stdout.write(summary('all four with boxes', results.map((r) => r.allBoxesMs)));
  return { studyId: study.id, runs: results };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, dist: { type: 'string' } } });
  benchViewer({ runs: values.runs ? Number(values.runs) : undefined, dist: values.dist }).catch((error: unknown) => {
    process.stderr.write(`viewer bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}

/**
 * Serves `outDir` (default dist/; with `astro preview` unless `serve` starts another server) and opens the study
 * `runs` times cold, after one warm-up run that is not counted.
 */
export async function measureRuns(
  outDir: string | undefined,
  studyId: string,
  runs: number,
  serve: () => Promise<{ baseURL: string; stop(): Promise<void> }> = () => startPreviewServer({ root: ROOT, outDir }),
): Promise<ViewerRun[]> {
  const server = await serve();
  const results: ViewerRun[] = [];
  try {
    // One warm-up run (server file cache, Chromium's first start), not counted.
    await oneRun(server.baseURL, studyId);
    for (let i = 0; i < runs; i++) results.push(await oneRun(server.baseURL, studyId));
  } finally {
    await server.stop();
  }
  return results;
}
