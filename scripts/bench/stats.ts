// Benchmark of `npm run stats` (not a test): generates a synthetic release of N images in a temp folder, runs the
// stats CLI on it as a child process (prebuilt with esbuild, and through tsx as `npm run stats` does) and prints
// wall time, CPU time and peak RSS.
//   tsx scripts/bench/stats.ts [--images 20000]      (or via `npm run bench -- --only stats --images N`)
// Targets: 20,000 images ≤ 1.5 s wall incl. Node start-up; 1,000,000 images ≤ 10 s and ≤ 500 MB peak RSS.
// The release is a quick generator of our own (the demo generator's realism is not needed to measure speed):
// four views per study, 80/20 split, BI-RADS and density mixes like the paper's, boxes on about 11% of rows.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { randomLcg } from 'd3-random';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const BIRADS_WEIGHTS: [string, number][] = [['1', 0.67], ['2', 0.234], ['3', 0.0465], ['4', 0.038], ['5', 0.0115]];
const DENSITY_WEIGHTS: [string, number][] = [['A', 0.005], ['B', 0.095], ['C', 0.765], ['D', 0.135]];
const CATEGORIES = ['Mass', 'Suspicious Calcification', 'Focal Asymmetry', 'Architectural Distortion', 'Asymmetry'];
const VENDORS: [string, string, number, number][] = [
  ['SIEMENS', 'Mammomat Inspiration', 3518, 2800],
  ['Planmed', 'Planmed Nuance', 2812, 2012],
  ['IMS s.r.l.', 'GIOTTO IMAGE 3DL', 3580, 2686],
];

/** Writes a synthetic release of `images` images (rounded up to whole studies of four) into `dir`. */
async function generateRelease(dir: string, images: number, seed = 42): Promise<void> {
  const random = randomLcg(seed);
  const pick = (weights: [string, number][]): string => {
    let r = random();
    for (const [value, weight] of weights) if ((r -= weight) < 0) return value;
    return weights[weights.length - 1][0];
  };
  const hex = (): string => {
    let id = '';
    for (let i = 0; i < 4; i++) id += Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
    return id;
  };
  const breast = createWriteStream(join(dir, 'breast-level_annotations.csv'));
  const finding = createWriteStream(join(dir, 'finding_annotations.csv'));
  const metadata = createWriteStream(join(dir, 'metadata.csv'));
  const columns = 'study_id,series_id,image_id,laterality,view_position,height,width,breast_birads,breast_density';
  let b = `${columns},split\n`;
  let f = `${columns},finding_categories,finding_birads,xmin,ymin,xmax,ymax,split\n`;
  let m =
    "SOP Instance UID,Series Instance UID,SOP Instance UID,Patient's Age,View Position,Image Laterality," +
    'Photometric Interpretation,Rows,Columns,Imager Pixel Spacing,Pixel Spacing,Pixel Padding Value,' +
    'Pixel Padding Range Limit,Window Center,Window Width,Rescale Intercept,Rescale Slope,Rescale Type,' +
    "Window Center & Width Explanation,Manufacturer,Manufacturer's Model Name\n";
  const flush = async (force: boolean): Promise<void> => {
    if (!force && b.length + f.length + m.length < 4_000_000) return;
    const writes = [breast.write(b), finding.write(f), metadata.write(m)];
    b = f = m = '';
    if (writes.includes(false)) {
      await Promise.all([once(breast, 'drain'), once(finding, 'drain'), once(metadata, 'drain')].filter((_, i) => !writes[i]));
    }
  };
  for (let study = 0; study * 4 < images; study++) {
    const studyId = hex();
    const seriesId = hex();
    const split = random() < 0.8 ? 'training' : 'test';
    const [vendor, model, height, width] = VENDORS[random() < 0.76 ? 0 : random() < 0.8 ? 1 : 2];
    const age = random() < 0.11 ? '' : `0${40 + Math.floor(random() * 40)}Y`;
    for (const laterality of ['L', 'R']) {
      const birads = pick(BIRADS_WEIGHTS);
      const density = pick(DENSITY_WEIGHTS);
      for (const view of ['CC', 'MLO']) {
        const imageId = hex();
        const common = `${studyId},${seriesId},${imageId},${laterality},${view},${height},${width},BI-RADS ${birads},DENSITY ${density}`;
        b += `${common},${split}\n`;
        if (Number(birads) >= 3) {
          const boxes = 1 + Math.floor(random() * 2);
          for (let i = 0; i < boxes; i++) {
            const category = CATEGORIES[Math.floor(random() * CATEGORIES.length)];
            const categories = random() < 0.08 ? `"['${category}', 'Nipple Retraction']"` : `['${category}']`;
            const x = random() * (width - 300);
            const y = random() * (height - 300);
            const size = 100 + random() * 200;
            f += `${common},${categories},BI-RADS ${birads},${x},${y},${x + size},${y + size},${split}\n`;
          }
        } else {
          f += `${common},['No Finding'],,,,,,${split}\n`;
        }
        const window = vendor.startsWith('IMS') ? '"[2047, 2047]","[4095, 4095]"' : '2047,4095';
        m += `${imageId},${seriesId},${imageId},${age},${view},${laterality},MONOCHROME2,${height},${width},"[0.085, 0.085]","[0.085, 0.085]",0,,${window},0,1,LIN,,${vendor},${model}\n`;
      }
    }
    await flush(false);
  }
  await flush(true);
  await Promise.all([breast, finding, metadata].map((stream) => new Promise((done) => stream.end(done))));
}

interface RunFigures {
  wallSeconds: number;
  peakRssMB: number | null;
  cpuSeconds: number | null;
  exitCode: number | null;
}

/** Runs a stats CLI command on `dir`, under GNU time when present (peak RSS and CPU time of the child). */
async function runStatsCli(cli: string[], dir: string, out: string): Promise<RunFigures> {
  const useTime = existsSync('/usr/bin/time');
  const args = [...cli.slice(1), '--data', dir, '--out', out];
  const [command, commandArgs] = useTime ? ['/usr/bin/time', ['-v', cli[0], ...args]] : [cli[0], args];
  const started = performance.now();
  const child = spawn(command, commandArgs, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [exitCode] = (await once(child, 'close')) as [number | null];
  const wallSeconds = (performance.now() - started) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  if (exitCode !== 0) process.stderr.write(stderr);
  return {
    wallSeconds,
    peakRssMB: rss ? Number(rss[1]) / 1024 : null,
    cpuSeconds: user && system ? Number(user[1]) + Number(system[1]) : null,
    exitCode,
  };
}

/**
 * Compiles the CLI ahead with esbuild (a dependency of astro/vite) into node_modules/.cache/stats-cli/, so a run
 * does not pay tsx's TypeScript start-up. Returns the command to run it, or null when esbuild is unavailable.
 */
async function buildStatsBundle(): Promise<string[] | null> {
  const esbuild = join(ROOT, 'node_modules/.bin/esbuild');
  if (!existsSync(esbuild)) return null;
  const outdir = join(ROOT, 'node_modules/.cache/stats-cli');
  const child = spawn(
    esbuild,
    [
      'scripts/stats.ts',
      'src/node/metadata-worker.ts',
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--target=node20',
      '--packages=external',
      `--outdir=${outdir}`,
      '--entry-names=[name]',
      '--out-extension:.js=.mjs',
      '--log-level=warning',
    ],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const [code] = (await once(child, 'close')) as [number | null];
  return code === 0 ? [process.execPath, join(outdir, 'stats.mjs')] : null;
}

function describe(label: string, figures: RunFigures): string {
  const rss = figures.peakRssMB === null ? 'n/a' : `${figures.peakRssMB.toFixed(0)} MB`;
  const cpu = figures.cpuSeconds === null ? '' : `, CPU ${figures.cpuSeconds.toFixed(2)} s`;
  return `  ${label}: wall ${figures.wallSeconds.toFixed(2)} s${cpu}, peak RSS ${rss}, exit ${figures.exitCode}\n`;
}

export async function benchStats(args: { images: number }): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'vindr-bench-'));
  try {
    const generating = performance.now();
    await generateRelease(dir, args.images);
    const generated = ((performance.now() - generating) / 1000).toFixed(1);
    const target = args.images <= 20_000 ? 'target ≤ 1.5 s wall' : 'target ≤ 10 s wall, ≤ 500 MB RSS (1M images)';
    const load = loadavg()[0].toFixed(1);
    process.stdout.write(
      `stats bench: ${args.images.toLocaleString('en-US')} images (generated in ${generated} s; ${target}; ` +
        `${cpus().length} CPUs, load average ${load})\n`,
    );
    const bundle = await buildStatsBundle();
    const runs: [string, string[]][] = [
      ['tsx scripts/stats.ts', [join(ROOT, 'node_modules/.bin/tsx'), join(ROOT, 'scripts/stats.ts')]],
    ];
    if (bundle) runs.unshift(['prebuilt bundle (esbuild)', bundle]);
    for (const [label, cli] of runs) {
      const figures = await runStatsCli(cli, dir, join(dir, 'stats.json'));
      process.stdout.write(describe(label, figures));
      if (figures.exitCode !== 0) process.exitCode = 1;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { images: { type: 'string', default: '20000' } } });
  await benchStats({ images: Number(values.images) });
}
