// Benchmark of the stats command (not a test): runs it as a child process, as the prebuilt `vindr-stats` entry
// (build/vindr-stats.mjs, which `npm ci` writes) and through tsx as `npm run stats` does, and prints wall time, CPU
// time and peak RSS.
//   tsx scripts/bench/stats.ts [--runs 9]        the demo release (20,000 images), several runs: median and min
//   tsx scripts/bench/stats.ts --images N        a quick synthetic release of N images, one run each
//   (or via `npm run bench -- --only stats [--images N]`)
// Targets: the demo ≤ 0.25 s wall incl. Node start-up (prebuilt); 1,000,000 images ≤ 10 s and ≤ 500 MB peak RSS.
// On the demo it also prints where a run's time goes: Node's start-up, and the computation cold against warm
// (stats-warm.ts).
// The release is a quick generator of our own (the demo generator's realism is not needed to measure speed):
// four views per study, 80/20 split, BI-RADS and density mixes like the paper's, boxes on about 11% of rows.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { randomLcg } from 'd3-random';
import { writeDemoRelease } from '../../src/node/demo/write-demo-release.ts';
import { buildStatsBin, STATS_BIN_DIR, STATS_BIN_NAME } from '../build-stats-bin.ts';
import type { Stats } from '../../src/lib/types.ts';

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
export async function generateRelease(dir: string, images: number, seed = 42): Promise<void> {
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
  return runMeasured(cli, ['--data', dir, '--out', out]);
}

/** Runs a command under GNU time when present: wall time, and the peak RSS and CPU time of its largest process. */
export async function runMeasured(cli: string[], extraArgs: string[], cwd = ROOT, env: NodeJS.ProcessEnv = process.env): Promise<RunFigures> {
  const useTime = existsSync('/usr/bin/time');
  const args = [...cli.slice(1), ...extraArgs];
  const [command, commandArgs] = useTime ? ['/usr/bin/time', ['-v', cli[0], ...args]] : [cli[0], args];
  const started = performance.now();
  const child = spawn(command, commandArgs, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
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

/** The prebuilt `vindr-stats` entry that `npm ci` writes; built here when it is missing. */
async function prebuiltEntry(): Promise<string> {
  const entry = join(STATS_BIN_DIR, STATS_BIN_NAME);
  if (existsSync(entry)) return entry;
  process.stdout.write(`  (${STATS_BIN_NAME} is missing: building it as \`npm ci\` does)\n`);
  return buildStatsBin();
}

export function describe(label: string, figures: RunFigures): string {
  const rss = figures.peakRssMB === null ? 'n/a' : `${figures.peakRssMB.toFixed(0)} MB`;
  const cpu = figures.cpuSeconds === null ? '' : `, CPU ${figures.cpuSeconds.toFixed(2)} s`;
  return `  ${label}: wall ${figures.wallSeconds.toFixed(2)} s${cpu}, peak RSS ${rss}, exit ${figures.exitCode}\n`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Several runs of one command: median and min of wall and CPU time (the machine may be shared), max peak RSS. */
function describeRuns(label: string, runs: RunFigures[]): string {
  const wall = runs.map((run) => run.wallSeconds);
  const cpu = runs.map((run) => run.cpuSeconds).filter((value): value is number => value !== null);
  const rss = runs.map((run) => run.peakRssMB).filter((value): value is number => value !== null);
  const exits = [...new Set(runs.map((run) => run.exitCode))].join('/');
  const cpuText = cpu.length ? `; CPU median ${median(cpu).toFixed(3)} s, min ${Math.min(...cpu).toFixed(3)} s` : '';
  const rssText = rss.length ? `; peak RSS ${Math.max(...rss).toFixed(0)} MB` : '';
  return (
    `  ${label}, ${runs.length} runs: wall median ${median(wall).toFixed(3)} s, min ${Math.min(...wall).toFixed(3)} s` +
    `${cpuText}${rssText}; exit ${exits}\n`
  );
}

const loadNow = (): string => loadavg()[0].toFixed(1);

const medianOf = (runs: RunFigures[]): number => median(runs.map((run) => run.wallSeconds));

const PANDAS_SCRIPT = join(ROOT, 'scripts/bench/pandas-tables.py');
const PANDAS_MISSING = 'no python3 with pandas and SciPy; on Debian: apt-get install -y python3-pandas python3-scipy';

/** A python3 that imports pandas and SciPy (Debian's own first: pyenv shims may shadow it without them), or null. */
async function pythonWithPandas(): Promise<string | null> {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const child = spawn(candidate, ['-c', 'import pandas, scipy'], { stdio: 'ignore' });
    const [code] = (await Promise.race([once(child, 'close'), once(child, 'error').then(() => [null])])) as [number | null];
    if (code === 0) return candidate;
  }
  return null;
}

/** A command's standard output (its errors pass through). */
async function outputOf(cli: string[]): Promise<string> {
  const child = spawn(cli[0], cli.slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  await once(child, 'close');
  return text;
}

/**
 * Whether the yardstick and stats.json give the same Tables 3–5 and χ² tests: the comparison is only fair when
 * both compute the same numbers. Returns one line saying so, or naming the first differences.
 */
async function compareWithPandas(python: string, dir: string, out: string): Promise<string> {
  const pandas = JSON.parse(await outputOf([python, PANDAS_SCRIPT, dir])) as Record<string, Record<string, Record<string, number>>> & {
    chiSquared: Record<string, { statistic: number; p: number }>;
  };
  const stats = JSON.parse(await readFile(out, 'utf8')) as Stats;
  const differences: string[] = [];
  for (const table of ['breastBirads', 'breastDensity', 'findingCategories'] as const) {
    for (const split of ['training', 'test'] as const) {
      const ours = stats[table][split] as Record<string, number>;
      const theirs = pandas[table][split] ?? {};
      for (const key of new Set([...Object.keys(ours).filter((k) => ours[k] !== 0), ...Object.keys(theirs)])) {
        if ((ours[key] ?? 0) !== (theirs[key] ?? 0)) differences.push(`${table}.${split}.${key}: ${ours[key] ?? 0} vs ${theirs[key] ?? 0}`);
      }
    }
    const test = stats.splitBalance.attributes[table];
    const { statistic, p } = pandas.chiSquared[table];
    if (!test || Math.abs(test.chi2 - statistic) > 1e-5 || Math.abs(test.pValue - p) > 1e-9) {
      differences.push(`χ² of ${table}: ${test?.chi2}, p ${test?.pValue} vs ${statistic}, p ${p}`);
    }
  }
  return differences.length === 0
    ? 'pandas and stats.json agree: Tables 3–5 count for count, and the three χ² tests (statistic and p) to 1e-9'
    : `pandas and stats.json DISAGREE (the timing compares unlike work): ${differences.slice(0, 5).join('; ')}`;
}

/**
 * The demo figure: the prebuilt entry on the real 20,000-image demo release (CSVs only, as `npm run demo-data`
 * writes them), several runs, against the same command through tsx (`npm run stats`, the figure before the prebuilt
 * entry). The goal is ≤ 0.25 s wall; a pandas script computing Tables 3–5 from the same CSVs takes ~0.5 s.
 */
export async function benchStatsOnDemo(args: { runs: number }): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'vindr-bench-demo-'));
  try {
    const generating = performance.now();
    await writeDemoRelease(dir, { samples: 0 });
    const generated = ((performance.now() - generating) / 1000).toFixed(1);
    process.stdout.write(
      `stats bench: the 20,000-image demo release (CSVs written in ${generated} s; target ≤ 0.25 s wall, Node ` +
        `start-up included; ${cpus().length} CPUs, load average ${loadNow()})\n`,
    );
    const entry = await prebuiltEntry();
    const out = join(dir, 'stats.json');
    const python = await pythonWithPandas();
    const commands: [string, string[], string[], number][] = [
      [`after: node ${STATS_BIN_NAME} (prebuilt)`, [process.execPath, entry], ['--data', dir, '--out', out], args.runs],
      ['before: tsx scripts/stats.ts (npm run stats)', [join(ROOT, 'node_modules/.bin/tsx'), join(ROOT, 'scripts/stats.ts')], ['--data', dir, '--out', out], Math.max(3, args.runs >> 1)],
    ];
    if (python) commands.push(['yardstick: pandas + SciPy, Tables 3–5 and χ² only (scripts/bench/pandas-tables.py)', [python, PANDAS_SCRIPT], [dir], args.runs]);
    // Interleaved, so that every command meets the same load on a shared machine.
    const runs: RunFigures[][] = commands.map(() => []);
    for (let i = 0; i < args.runs; i++) {
      for (const [c, [, cli, cliArgs, count]] of commands.entries()) if (i < count) runs[c].push(await runMeasured(cli, cliArgs));
    }
    for (const [c, [label]] of commands.entries()) {
      process.stdout.write(describeRuns(label, runs[c]));
      if (runs[c].some((run) => run.exitCode !== 0)) process.exitCode = 1;
    }
    if (python) {
      const ratio = medianOf(runs[2]) / medianOf(runs[0]);
      process.stdout.write(`  the prebuilt command is ${ratio.toFixed(1)}× as fast as the pandas yardstick (wall medians)\n`);
      process.stdout.write(`  ${await compareWithPandas(python, dir, out)}\n`);
    } else {
      process.stdout.write(`  (pandas yardstick not run: ${PANDAS_MISSING})\n`);
    }
    process.stdout.write(await coldAndWarm(dir));
    process.stdout.write(`  (load average after: ${loadNow()})\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Where a run's time goes: Node's own start-up (`node -e 0`), and the computation on one thread in one process, its
 * first (cold) run against the same work warm (stats-warm.ts). Every `vindr-stats` process pays the cold figure.
 */
async function coldAndWarm(dir: string): Promise<string> {
  const startups: number[] = [];
  for (let i = 0; i < 5; i++) startups.push((await runMeasured([process.execPath, '-e', '0'], [])).wallSeconds);
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const runs = JSON.parse(await outputOf([tsx, join(ROOT, 'scripts/bench/stats-warm.ts'), dir, '6'])) as number[];
  const warm = median(runs.slice(3));
  return (
    `  where the time goes: Node's start-up (node -e 0) ${median(startups).toFixed(3)} s (median of 5); the computation ` +
    `on one thread, in one process: first run ${(runs[0] / 1000).toFixed(3)} s, the same work warm ` +
    `${(warm / 1000).toFixed(3)} s (median of runs 4–6): a run pays V8's compiling and warming of our code and ` +
    `papaparse, which start cold in every process\n`
  );
}

/** One run each of the prebuilt entry and tsx on a quick synthetic release of `images` images (e.g. 1,000,000). */
export async function benchStats(args: { images: number }): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'vindr-bench-'));
  try {
    const generating = performance.now();
    await generateRelease(dir, args.images);
    const generated = ((performance.now() - generating) / 1000).toFixed(1);
    const target = args.images <= 20_000 ? 'target ≤ 1.5 s wall' : 'target ≤ 10 s wall, ≤ 500 MB RSS (1M images)';
    process.stdout.write(
      `stats bench: ${args.images.toLocaleString('en-US')} images (generated in ${generated} s; ${target}; ` +
        `${cpus().length} CPUs, load average ${loadNow()})\n`,
    );
    const runs: [string, string[]][] = [
      [`node ${STATS_BIN_NAME} (prebuilt)`, [process.execPath, await prebuiltEntry()]],
      ['tsx scripts/stats.ts', [join(ROOT, 'node_modules/.bin/tsx'), join(ROOT, 'scripts/stats.ts')]],
    ];
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
  const { values } = parseArgs({ options: { images: { type: 'string' }, runs: { type: 'string', default: '9' } } });
  if (values.images) await benchStats({ images: Number(values.images) });
  else await benchStatsOnDemo({ runs: Number(values.runs) });
}
