// Viewer speed on compressed files (not a test): the bench study's four 3518×2800 DICOMs transcoded losslessly with
// GDCM's gdcmconv (Debian package libgdcm-tools) to JPEG 2000, JPEG lossless and RLE, served from a scratch copy of
// dist/ (links to the build, the study's folder replaced), and opened in headless Chromium as scripts/bench/viewer.ts
// does. Prints, per transfer syntax, first view and all four at full resolution (dwv's decode and our draw).
//   tsx scripts/bench/viewer-compressed.ts [--runs N] [--syntax j2k|jpeg|rle] [--keep]
//   (or `npm run bench -- --only viewer-compressed`); --keep leaves the transcoded builds and prints where, for
//   scripts/bench/viewer-profile.ts --dist DIR.
// Targets (issue 14): JPEG 2000 and JPEG lossless first view ≤ 2000 ms, four ≤ 4000 ms; RLE ≤ 1000 / ≤ 2500 ms.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import dcmjs from 'dcmjs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { SampleStudy } from '../../src/lib/types.ts';
import { measureRuns, pickBenchStudy, summary } from './viewer.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

const SYNTAXES: { name: string; flags: string[]; firstMs: number; allMs: number }[] = [
  { name: 'JPEG 2000 lossless', flags: ['--j2k'], firstMs: 2000, allMs: 4000 },
  { name: 'JPEG lossless', flags: ['--jpeg'], firstMs: 2000, allMs: 4000 },
  { name: 'RLE lossless', flags: ['--rle'], firstMs: 1000, allMs: 2500 },
];

/** Mirrors `from` into `to` with symbolic links, descending only along `path` (whose last folder is left empty). */
function linkTreeExcept(from: string, to: string, path: string[]): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (name === path[0]) {
      if (path.length > 1) linkTreeExcept(join(from, name), join(to, name), path.slice(1));
      else mkdirSync(join(to, name), { recursive: true });
    } else {
      symlinkSync(join(from, name), join(to, name));
    }
  }
}

/** Digital Mammography X-Ray Image Storage – For Presentation. */
const MAMMOGRAPHY_SOP_CLASS = '1.2.840.10008.5.1.4.1.1.1.2';

/**
 * The file with a known SOP class written to `to`: GDCM refuses to compress the release's MediaStorageSOPClassUID
 * `1.2.3.4` (and its missing SOPClassUID). Pixels and the rest of the header are unchanged.
 */
function withMammographyClass(from: string, to: string): string {
  const bytes = readFileSync(from);
  const file = dcmjs.data.DicomMessage.readFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  (file.meta as Record<string, unknown>)['00020002'] = { vr: 'UI', Value: [MAMMOGRAPHY_SOP_CLASS] };
  (file.dict as Record<string, unknown>)['00080016'] = { vr: 'UI', Value: [MAMMOGRAPHY_SOP_CLASS] };
  writeFileSync(to, new Uint8Array(file.write() as ArrayBuffer));
  return to;
}

/** A scratch dist/ whose study folder holds the study's images transcoded with `flags`. */
function transcodedDist(dist: string, study: SampleStudy, flags: string[], scratch: string): string {
  const out = join(scratch, flags.join('').replace(/-/g, ''));
  const first = study.images[0].url.split('/').filter(Boolean);
  const studyPath = first.slice(0, -1);
  linkTreeExcept(dist, out, studyPath);
  for (const image of study.images) {
    const rel = image.url.split('/').filter(Boolean);
    const input = withMammographyClass(join(dist, ...rel), join(scratch, 'input.dcm'));
    execFileSync('gdcmconv', [...flags, input, join(out, ...rel)], { stdio: 'ignore' });
  }
  return out;
}

export async function benchCompressedViewer(options: { runs?: number; syntax?: string; keep?: boolean } = {}): Promise<void> {
  const dist = join(ROOT, 'dist');
  const samplesPath = join(dist, 'data', 'samples.json');
  if (!existsSync(samplesPath)) {
    process.stdout.write('viewer (compressed): dist/ is not built; skipped\n');
    return;
  }
  try {
    execFileSync('gdcmconv', ['--version'], { stdio: 'ignore' });
  } catch {
    process.stdout.write('viewer (compressed): gdcmconv is missing (apt-get install libgdcm-tools); skipped\n');
    return;
  }
  const study = pickBenchStudy(JSON.parse(readFileSync(samplesPath, 'utf8')) as SampleStudy[]);
  if (!study) return;
  const runs = options.runs ?? 5;
  const scratch = mkdtempSync(join(tmpdir(), 'viewer-compressed-'));
  try {
    for (const syntax of SYNTAXES.filter((s) => !options.syntax || s.flags.includes(`--${options.syntax}`))) {
      const outDir = transcodedDist(dist, study, syntax.flags, scratch);
      if (options.keep) process.stdout.write(`viewer, ${syntax.name}: transcoded build in ${outDir}\n`);
      const results = await measureRuns(outDir, study.id, runs);
      process.stdout.write(`viewer, ${syntax.name}: study ${study.id} (${runs} cold-cache runs)\n`);
      process.stdout.write(summary('first view, full resolution', results.map((r) => r.firstFullMs), syntax.firstMs));
      process.stdout.write(summary('all four, full resolution', results.map((r) => r.allFullMs), syntax.allMs));
    }
  } finally {
    if (!options.keep) rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, syntax: { type: 'string' }, keep: { type: 'boolean' } } });
  benchCompressedViewer({ runs: values.runs ? Number(values.runs) : undefined, syntax: values.syntax, keep: values.keep }).catch((error: unknown) => {
    process.stderr.write(`viewer (compressed) bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
