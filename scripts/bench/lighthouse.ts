// Lighthouse (12.2.3) on every statistics page, the two audits and the study browser of the built site (not a
// test): serves dist/ on a free port of 127.0.0.1, runs Lighthouse's default (mobile, simulated throttling)
// performance and accessibility audits in Debian's Chromium, prints the scores, and stops the server.
//   tsx scripts/bench/lighthouse.ts        (or via `npm run bench -- --only lighthouse`; needs `npm run build`)
// Targets: performance ≥ 95, accessibility 100 on every page.

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { sitePagesIn } from '../../src/lib/site-pages.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/node/chromium.ts';
import { startPreviewServer } from '../../src/node/preview-server.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const TARGETS = { performance: 95, accessibility: 100 };

interface LighthouseScore {
  page: string;
  performance: number;
  accessibility: number;
  /** Ids of the accessibility audits that did not pass (what to fix). */
  failedAccessibilityAudits: string[];
}


export async function benchLighthouse(): Promise<LighthouseScore[]> {
  // Pages not built (yet) are skipped with a note.
  // Every page but the viewer, which needs a study and is measured by bench/viewer.ts instead.
  const wanted = sitePagesIn('statistics', 'audits', 'studies').map((page) => page.path);
  const pages = wanted.filter((page) => existsSync(join(ROOT, 'dist', page, 'index.html')));
  const missing = wanted.filter((page) => !pages.includes(page));
  if (missing.length) process.stdout.write(`lighthouse: not built, skipped: ${missing.join(' ')}\n`);
  const server = await startPreviewServer({ root: ROOT });
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_ARGS });
  const scores: LighthouseScore[] = [];
  try {
    for (const page of pages) {
      const result = await lighthouse(`${server.baseURL}${page}`, {
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
    await server.stop();
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
