// CLI: writes the synthetic demo release (CSVs, sample DICOMs, LICENSE, SHA256SUMS, SYNTHETIC marker).
//   npm run demo-data -- --out DIR [--samples N] [--seed S] [--threads T]

import { parseArgs } from 'node:util';
import { DEFAULT_SAMPLES, DEFAULT_SEED, GENERATOR_VERSION } from '../src/lib/demo/version.ts';
import { writeDemoRelease } from '../src/node/demo/write-demo-release.ts';

const USAGE = `Usage: npm run demo-data -- --out DIR [--samples N] [--seed S] [--threads T]

Writes a synthetic, deterministic VinDr-Mammo-like release into DIR (${GENERATOR_VERSION}):
  breast-level_annotations.csv, finding_annotations.csv, metadata.csv  (5,000 studies, 20,000 images)
  images/<study_id>/<image_id>.dicom                                    (DICOMs of N sample studies)
  LICENSE.txt, SHA256SUMS.txt, SYNTHETIC.txt

Options:
  --out DIR      target folder (default .demo-release); refuses a folder holding a non-demo release
  --samples N    sample studies with DICOMs (default ${DEFAULT_SAMPLES}; 8 or more cover every category,
                 BI-RADS 3-5, density, vendor and photometric interpretation; 0 writes CSVs only;
                 each study is four uncompressed images, ~60-80 MB)
  --seed S       integer seed (default ${DEFAULT_SEED}); the same seed writes the same bytes
  --threads T    worker threads for the DICOMs (default: one per core)
  --help         this text`;

function fail(message: string): never {
  process.stderr.write(`demo-data: ${message}\n`);
  process.exit(1);
}

function integer(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) fail(`--${name} must be an integer ≥ ${min}, got "${value}"`);
  return n;
}

let args;
try {
  args = parseArgs({
    options: {
      out: { type: 'string' },
      samples: { type: 'string' },
      seed: { type: 'string' },
      threads: { type: 'string' },
      help: { type: 'boolean' },
    },
  }).values;
} catch (e) {
  fail(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
}

if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const out = args.out ?? '.demo-release';
try {
  const result = await writeDemoRelease(out, {
    seed: integer('seed', args.seed, DEFAULT_SEED, 0),
    samples: integer('samples', args.samples, DEFAULT_SAMPLES, 0),
    threads: args.threads === undefined ? undefined : integer('threads', args.threads, 1, 1),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stderr.write(
    `demo-data: ${out}: ${result.studies} studies, ${result.images} images, ${result.boxes} boxes, ` +
      `${result.dicomFiles} DICOMs for ${result.sampleStudies.length} sample studies\n`,
  );
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
