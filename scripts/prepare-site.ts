// Builds everything the static site reads, into public/data/ (git-ignored), before `astro build`:
// the demo release when no real one is given, stats.json, the study index, the sample studies' DICOMs,
// and dwv's decoder workers where the viewer fetches them.
//
//   tsx scripts/prepare-site.ts [--data DIR] [--studies ID,ID,…] [--studies-file FILE] [--samples N]
//   (or VINDR_DATA=DIR, VINDR_STUDIES=ID,ID,…)
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { computeStats, serializeStats } from '../src/node/compute-stats.ts';
import { ensureDemoRelease } from '../src/node/demo/ensure-demo-release.ts';
import { ReleaseInputError } from '../src/lib/csv/errors.ts';
import { writeStudyData } from '../src/node/site/write-study-data.ts';
import { copyViewerAssets } from '../src/node/site/viewer-assets.ts';

const DEMO_DIR = '.demo-release';
const OUT_DIR = join('public', 'data');

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      studies: { type: 'string' },
      'studies-file': { type: 'string' },
      samples: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    log('Usage: tsx scripts/prepare-site.ts [--data DIR] [--studies ID,ID,…] [--studies-file FILE] [--samples N]');
    log('Without --data (or VINDR_DATA) the synthetic demo release is generated into .demo-release/ and used.');
    return;
  }
  const given = values.data ?? process.env.VINDR_DATA;
  let dataDir: string;
  if (given) {
    dataDir = resolve(given);
    log(`Release: ${given}`);
  } else {
    dataDir = resolve(DEMO_DIR);
    const samples = values.samples ? Number(values.samples) : undefined;
    const { generated } = await ensureDemoRelease(dataDir, { samples, log });
    log(generated ? `Demo release generated in ${DEMO_DIR}/` : `Demo release up to date in ${DEMO_DIR}/`);
  }

  mkdirSync(OUT_DIR, { recursive: true });
  const stats = await computeStats(dataDir);
  writeAtomically(join(OUT_DIR, 'stats.json'), serializeStats(stats));
  log(`stats.json: ${stats.counts.studies.all} studies, ${stats.counts.images.all} images, ${stats.counts.findings.all} boxes`);

  const studyIds = values.studies ?? process.env.VINDR_STUDIES;
  await writeStudyData(dataDir, OUT_DIR, {
    studyIds: studyIds ? studyIds.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
    studiesFile: values['studies-file'],
    log,
  });
  copyViewerAssets('public', log);
}

function writeAtomically(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

main().catch((error: unknown) => {
  if (error instanceof ReleaseInputError) {
    log(`prepare-site: ${error.message}`);
  } else {
    log(`prepare-site failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  process.exitCode = 1;
});
