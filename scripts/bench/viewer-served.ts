// Viewer speed for a study that is not in the build but read in place from the release (not a test): the bench
// study of scripts/bench/viewer.ts made a non-sample in a scratch copy of dist/ (its DICOM folder left out, its
// entry dropped from samples.json), served by the in-place server of `npm start -- --data DIR` with the demo
// release's images/, and opened in headless Chromium as viewer.ts does (same warm-up-then-measure loop). No
// build-time preview exists for such a study, so "drawn" is full resolution.
//   tsx scripts/bench/viewer-served.ts [--runs N]   (or `npm run bench -- --only viewer-served`; needs `npm run build`)
// Targets (issue 11): first view at full resolution ≤ 1000 ms, all four ≤ 2500 ms, from 127.0.0.1.

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { OUTPUT, dicomName } from '../../src/lib/site-data/outputs.ts';
import type { SampleStudy } from '../../src/lib/types.ts';
import { startSiteServer } from '../../src/node/site-server/site-server.ts';
import { measureRuns, pickBenchStudy, summary } from './viewer.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const DEMO = join(ROOT, '.demo-release');
const TARGETS = { firstMs: 1000, allMs: 2500 };

/** A copy of dist/ in which `study` is not a sample: not in samples.json, and no sample DICOMs copied at all. */
function distWithout(dist: string, study: SampleStudy, scratch: string): string {
  const out = join(scratch, 'dist');
  const images = join(dist, dicomName(study.id, 'x'), '..', '..');
  cpSync(dist, out, { recursive: true, filter: (from) => from !== images && !from.startsWith(images + sep) });
  const samplesPath = join(out, OUTPUT.samples);
  const samples = JSON.parse(readFileSync(samplesPath, 'utf8')) as SampleStudy[];
  writeFileSync(samplesPath, JSON.stringify(samples.filter((s) => s.id !== study.id)));
  return out;
}

export async function benchServedViewer(options: { runs?: number } = {}): Promise<void> {
  const dist = join(ROOT, 'dist');
  const samplesPath = join(dist, OUTPUT.samples);
  if (!existsSync(samplesPath)) {
    process.stdout.write(`viewer-served: ${relative(ROOT, samplesPath)} is missing (build the site first); skipped\n`);
    return;
  }
  const study = pickBenchStudy(JSON.parse(readFileSync(samplesPath, 'utf8')) as SampleStudy[]);
  if (!study || !existsSync(join(DEMO, 'images', study.id))) {
    process.stdout.write('viewer-served: no sample study of this build has its DICOMs in .demo-release/images/; skipped\n');
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'viewer-served-bench-'));
  try {
    const siteDir = distWithout(dist, study, scratch);
    const runs = options.runs ?? 7;
    const serve = async () => {
      const server = await startSiteServer({ siteDir, releaseDir: DEMO, port: 0 });
      return { baseURL: server.url, stop: () => server.close() };
    };
    const before = loadavg()[0];
    const results = await measureRuns(siteDir, study.id, runs, serve);
    const size = `${study.images[0]?.rows}×${study.images[0]?.columns} ${study.images[0]?.vendor ?? ''}`.trim();
    process.stdout.write(`viewer-served: study ${study.id} read in place from .demo-release/images/ (${size}, not in the build, ${runs} cold-cache runs, load average ${before.toFixed(1)} → ${loadavg()[0].toFixed(1)})\n`);
    process.stdout.write(summary('first view, full resolution', results.map((r) => r.firstFullMs), TARGETS.firstMs));
    process.stdout.write(summary('all four, full resolution', results.map((r) => r.allFullMs), TARGETS.allMs));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { runs: { type: 'string' } } });
  benchServedViewer({ runs: values.runs ? Number(values.runs) : undefined }).catch((error: unknown) => {
    process.stderr.write(`viewer-served bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
