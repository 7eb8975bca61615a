// Lighthouse (12.2.3) on every statistics page of the built site (not a test): serves dist/ with `astro preview` on a
// free port of 127.0.0.1, runs Lighthouse's default (mobile, simulated throttling) performance and accessibility
// audits in Debian's Chromium, prints the scores, and stops the server by PID.
//   tsx scripts/bench/lighthouse.ts        (or via `npm run bench -- --only lighthouse`; needs `npm run build`)
// Targets: performance ≥ 95, accessibility 100 on every page.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { STATS_PAGES } from '../../src/data/stats-pages.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TARGETS = { performance: 95, accessibility: 100 };

export interface LighthouseScore {
  page: string;
  performance: number;
  accessibility: number;
  /** Ids of the accessibility audits that did not pass (what to fix). */
  failedAccessibilityAudits: string[];
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

async function startPreview(port: number): Promise<ChildProcess> {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'astro'), ['preview', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
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

export async function benchLighthouse(): Promise<LighthouseScore[]> {
  // Pages not built (yet) are skipped with a note.
  const pages = STATS_PAGES.filter((page) => existsSync(join(ROOT, 'dist', page, 'index.html')));
  const missing = STATS_PAGES.filter((page) => !pages.includes(page));
  if (missing.length) process.stdout.write(`lighthouse: not built, skipped: ${missing.join(' ')}\n`);
  const port = await freePort();
  const server = await startPreview(port);
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS });
  const scores: LighthouseScore[] = [];
  try {
    for (const page of pages) {
      const result = await lighthouse(`http://127.0.0.1:${port}${page}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      const categories = result?.lhr.categories;
      const score = (name: string) => Math.round((categories?.[name]?.score ?? 0) * 100);
      const failed = (categories?.accessibility?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && (result?.lhr.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => ref.id);
      scores.push({ page, performance: score('performance'), accessibility: score('accessibility'), failedAccessibilityAudits: failed });
    }
  } finally {
    chrome.kill();
    await stop(server);
  }
  process.stdout.write('lighthouse (mobile, simulated throttling)\n  page                 performance  accessibility\n');
  for (const s of scores) {
    const below = s.performance < TARGETS.performance || s.accessibility < TARGETS.accessibility;
    const flag = below ? `  ← below target${s.failedAccessibilityAudits.length ? ` (failing: ${s.failedAccessibilityAudits.join(', ')})` : ''}` : '';
    process.stdout.write(`  ${s.page.padEnd(20)} ${String(s.performance).padStart(11)}  ${String(s.accessibility).padStart(13)}${flag}\n`);
  }
  process.stdout.write(`  targets: performance ≥ ${TARGETS.performance}, accessibility ${TARGETS.accessibility}\n`);
  return scores;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchLighthouse().catch((error: unknown) => {
    process.stderr.write(`lighthouse bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
