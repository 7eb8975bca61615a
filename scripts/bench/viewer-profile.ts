// Where the viewer's time goes (not a test): opens the bench study once in headless Chromium with the CDP CPU
// profiler on the page's main thread, and prints the viewer's performance marks in order (ms after navigation) and
// the functions with the most self time. Writes the profile (open it in Chromium's DevTools, Performance panel).
//   tsx scripts/bench/viewer-profile.ts [--dist DIR] [--out FILE.cpuprofile] [--top N] [--screenshot FILE.png]
// --dist serves another build, e.g. a transcoded copy made by viewer-compressed.ts (`--keep` there prints its path).

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/node/chromium.ts';
import { startPreviewServer } from '../../src/node/preview-server.ts';
import type { SampleStudy } from '../../src/lib/types.ts';
import type {} from '../../src/viewer/viewer-page.ts';
import { pickBenchStudy } from './viewer.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (name, file, line), largest first. */
function selfTimes(profile: CpuProfile): { name: string; ms: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const file = frame.url.split('/').pop() || '';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dist: { type: 'string' }, out: { type: 'string' }, top: { type: 'string' }, screenshot: { type: 'string' } } });
  const dist = values.dist ? resolve(values.dist) : join(ROOT, 'dist');
  const samplesPath = join(dist, 'data', 'samples.json');
  if (!existsSync(samplesPath)) throw new Error(`${samplesPath} is missing (build the site first)`);
  const study = pickBenchStudy(JSON.parse(readFileSync(samplesPath, 'utf8')) as SampleStudy[]);
  if (!study) throw new Error('the build has no sample studies');
  const server = await startPreviewServer({ root: ROOT, outDir: values.dist ? dist : undefined });
  const profileDir = mkdtempSync(join(tmpdir(), 'viewer-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(`${server.baseURL}/viewer/?study=${encodeURIComponent(study.id)}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.vindrViewer !== undefined, undefined, { timeout: 120_000 });
    await page.evaluate(() => window.vindrViewer!.settled);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    if (values.screenshot) await page.screenshot({ path: values.screenshot, fullPage: true });
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const));
    process.stdout.write(`viewer marks, study ${study.id} (ms after navigation):\n`);
    for (const [name, at] of marks.sort((a, b) => a[1] - b[1])) process.stdout.write(`  ${String(Math.round(at)).padStart(6)}  ${name.replace(/^viewer:body:.*\//, 'viewer:body:')}\n`);
    process.stdout.write('main thread, most self time:\n');
    for (const { name, ms } of selfTimes(profile).slice(0, Number(values.top ?? 25))) process.stdout.write(`  ${ms.toFixed(1).padStart(8)} ms  ${name}\n`);
    const out = values.out ?? join(tmpdir(), 'viewer.cpuprofile');
    writeFileSync(out, JSON.stringify(profile));
    process.stdout.write(`profile written to ${out}\n`);
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`viewer profile failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
