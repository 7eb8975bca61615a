// Benchmark of the split workbench (not a test): on a synthetic 20,000-image release (bench/stats.ts's generator,
// ~4,000 training studies) it times `npm run make-split -- --folds 5 --from training` and `npm run audit-split` of
// its file as child processes through tsx (wall, Node start-up included), and the audit itself in this process
// (what the browser page runs once the file is parsed).
//   tsx scripts/bench/split.ts        (or via `npm run bench -- --only split`)
// Targets: 5 folds of 4,000 training studies ≤ 2 s on the command line; the audit of a 5-fold file ≤ 1 s.

import { spawn } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditSplit } from '../../src/lib/split-audit/audit-report.ts';
import { createSplitFileReader } from '../../src/lib/split-audit/split-file.ts';
import { readReleaseStudies } from '../../src/node/split/read-split-inputs.ts';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { makeSplitFile } from '../../src/lib/split-audit/make-split-file.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/node/chromium.ts';
import { startPreviewServer } from '../../src/node/preview-server.ts';
import { generateRelease } from './stats.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

function timed(script: string, args: string[]): Promise<number> {
  const start = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts', script), ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(performance.now() - start) : fail(new Error(`${script} exited ${code}`))));
  });
}

export async function benchSplit(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-split-'));
  try {
    await generateRelease(dir, 20_000);
    const folds = join(dir, 'folds.csv');
    const make = await timed('make-split.ts', ['--data', dir, '--folds', '5', '--from', 'training', '--seed', '1', '--out', folds]);
    const audit = await timed('audit-split.ts', ['--data', dir, '--split', folds]);
    const release = await readReleaseStudies(dir);
    const text = await readFile(folds, 'utf8');
    const start = performance.now();
    const known = new Set(release.studies.map((s) => s.id));
    const [header, ...rows] = text.trimEnd().split('\n');
    const reader = createSplitFileReader('folds.csv', header.split(','), { isKnownStudy: (id) => known.has(id) });
    rows.forEach((row, i) => reader.onRow(row.split(','), i + 2));
    auditSplit(release.studies, reader.finish(), { fileFacts: { name: 'folds.csv', sha256: '' }, sharedSeries: release.sharedSeries });
    const inProcess = performance.now() - start;
    process.stdout.write(
      `split workbench, 20,000 images (${release.studies.filter((s) => s.split === 'training').length} training studies)\n` +
        `  make-split --folds 5 --from training (tsx, wall incl. start-up, audit printed)  ${(make / 1000).toFixed(2)} s   target ≤ 2 s\n` +
        `  audit-split of that file (tsx, wall incl. start-up)                            ${(audit / 1000).toFixed(2)} s\n` +
        `  the audit itself (file rows → report, in process)                               ${(inProcess / 1000).toFixed(2)} s   target ≤ 1 s\n`,
    );
    if (existsSync(join(ROOT, 'dist', 'audit', 'split-file', 'index.html')) && existsSync(join(ROOT, '.demo-release'))) {
      await benchBrowserAudit(dir);
    } else {
      process.stdout.write('  browser audit: skipped (needs `npm run build` of the demo release)\n');
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The page /audit/split-file/ of the built demo site: a 5-fold file chosen → report drawn, first and second time. */
async function benchBrowserAudit(dir: string): Promise<void> {
  const demo = await readReleaseStudies(join(ROOT, '.demo-release'));
  const path = join(dir, 'demo-folds.csv');
  await writeFile(path, makeSplitFile(demo.studies, { folds: 5, seed: 1 }).csv);
  const server = await startPreviewServer({ root: ROOT });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.baseURL}/audit/split-file/`, { waitUntil: 'networkidle' });
    await page.locator('#split-workbench[data-ready="true"]').waitFor();
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      await page.evaluate(() => (document.getElementById('split-workbench')!.dataset.state = 'busy'));
      await page.setInputFiles('#split-file', []);
      const start = performance.now();
      await page.setInputFiles('#split-file', path);
      await page.locator('#split-workbench[data-state="report"]').waitFor({ timeout: 60_000 });
      times.push(performance.now() - start);
    }
    process.stdout.write(
      `  browser: 5-fold file of the demo (5,000 studies) chosen → report drawn: first ${(times[0] / 1000).toFixed(2)} s (loads the study index), then ${times.slice(1).map((t) => (t / 1000).toFixed(2)).join(' s, ')} s   target ≤ 1 s\n`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchSplit();
