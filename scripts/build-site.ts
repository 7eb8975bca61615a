// Builds the site: prepares everything the pages read into public/data/ (git-ignored), then runs `astro build`;
// with --serve, serves dist/ afterwards and, beside it, the release's own images/ folder in place (`npm start`,
// src/node/site-server/site-server.ts).
//
//   tsx scripts/build-site.ts [--data DIR] [--studies ID,ID,…] [--studies-file FILE] [--samples N]
//                             [--prepare-only [--data-out DIR]] [--public [--min-cell K]] [--serve] [--port N]
//   (or VINDR_DATA=DIR, VINDR_STUDIES=ID,ID,…)
//
// prepare: the demo release when no real one is given (generated into .demo-release/ when missing or stale),
// stats.json, the study index, the sample studies' DICOMs, and dwv's decoder workers where the viewer fetches them.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnAstro } from '../src/node/astro-cli.ts';
import { ensureDemoRelease } from '../src/node/demo/ensure-demo-release.ts';
import { ReleaseInputError } from '../src/lib/csv/errors.ts';
import { fileSink } from '../src/node/site/output-sink.ts';
import { prepareSiteData } from '../src/node/site/prepare-site-data.ts';
import { startSiteServer } from '../src/node/site-server/site-server.ts';
import { RELEASE_IMAGES_PREFIX } from '../src/lib/site-data/outputs.ts';
import { DEFAULT_MIN_CELL } from '../src/lib/publish/suppression.ts';

const DEMO_DIR = '.demo-release';
const PUBLIC_DIR = 'public';
const USAGE = `Usage: npm run build -- [--data DIR] [--studies ID,ID,…] [--studies-file FILE] [--samples N]
       npm start -- [same options] [--port N]

  --data DIR           a VinDr-Mammo release folder (or VINDR_DATA=DIR); default: the synthetic demo in ${DEMO_DIR}/
  --studies IDS        sample studies for the viewer, comma-separated (or VINDR_STUDIES); default: chosen automatically
  --studies-file FILE  the same, one study id per line (# comments allowed)
  --samples N          how many sample studies the viewer gets (default 8; the demo writes DICOMs for that many)
  --prepare-only       write public/data/ and stop (used by npm run dev)
  --data-out DIR       with --prepare-only: write into DIR/data/ instead of public/data/ (benchmarks, scratch builds)
  --public             a build that may be published: aggregate statistics only, counts under K suppressed,
                       no ids, no DICOMs, no study browser or viewer (README: "A build that may be published")
  --min-cell K         with --public: the smallest count shown (default ${DEFAULT_MIN_CELL}); smaller ones read "< K"
  --serve              serve dist/ after building (npm start), on 127.0.0.1:--port (default 4321), with the
                       release's images/ read in place at ${RELEASE_IMAGES_PREFIX} (every study with DICOMs opens)`;

const log = (line: string) => process.stderr.write(`${line}\n`);

/** A wrong command line: printed as one line, like bad input. */
class UsageError extends Error {}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      studies: { type: 'string' },
      'studies-file': { type: 'string' },
      samples: { type: 'string' },
      'prepare-only': { type: 'boolean' },
      'data-out': { type: 'string' },
      public: { type: 'boolean' },
      'min-cell': { type: 'string' },
      serve: { type: 'boolean' },
      port: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  return values;
}

/** Prepares the site data; resolves with the release folder it read. */
async function prepare(options: ReturnType<typeof parseOptions>): Promise<string> {
  const publish = publishOptions(options);
  const given = options.data ?? process.env.VINDR_DATA;
  let dataDir: string;
  if (given) {
    dataDir = resolve(given);
    log(`Release: ${given}`);
  } else {
    dataDir = resolve(DEMO_DIR);
    const samples = options.samples ? Number(options.samples) : undefined;
    if (samples !== undefined && !(Number.isInteger(samples) && samples >= 0)) {
      throw new UsageError(`--samples must be a whole number, got "${options.samples}"`);
    }
    const { generated } = await ensureDemoRelease(dataDir, { samples, log });
    log(generated ? `Demo release generated in ${DEMO_DIR}/` : `Demo release up to date in ${DEMO_DIR}/`);
  }

  const studyIds = options.studies ?? process.env.VINDR_STUDIES;
  if (options['data-out'] && !options['prepare-only']) throw new UsageError('--data-out only goes with --prepare-only (astro build reads public/)');
  await prepareSiteData(dataDir, fileSink(options['data-out'] ?? PUBLIC_DIR, log), {
    publish,
    studyIds: studyIds ? studyIds.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
    studiesFile: options['studies-file'],
    sampleCount: options.samples ? Number(options.samples) : undefined,
  });
  return dataDir;
}

/** Serves dist/ and the release's images/ until Ctrl-C; a public build is served as it would be published, without them. */
async function serve(dataDir: string | null, port: string): Promise<void> {
  const portNumber = Number(port);
  if (!(Number.isInteger(portNumber) && portNumber >= 0 && portNumber < 65536)) throw new UsageError(`--port must be a port number, got "${port}"`);
  const server = await startSiteServer({ siteDir: resolve('dist'), releaseDir: dataDir, port: portNumber });
  log(dataDir
    ? `Serving the site at ${server.url}/ with the release's images/ read in place at ${RELEASE_IMAGES_PREFIX} (Ctrl-C stops it)`
    : `Serving the public build at ${server.url}/ as it would be published: no images (Ctrl-C stops it)`);
  await new Promise<void>((done) => {
    const stop = () => void server.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** --public [--min-cell K]: K a whole number ≥ 2 (1 would suppress nothing). */
function publishOptions(options: ReturnType<typeof parseOptions>): { minCell: number } | undefined {
  if (!options.public) {
    if (options['min-cell'] !== undefined) throw new UsageError('--min-cell only goes with --public');
    return undefined;
  }
  // Sample studies are what a public build leaves out: naming some would be silently ignored.
  for (const flag of ['studies', 'studies-file', 'samples'] as const) {
    if (options[flag] !== undefined) throw new UsageError(`--${flag} does not go with --public (a public build has no sample studies)`);
  }
  const minCell = options['min-cell'] === undefined ? DEFAULT_MIN_CELL : Number(options['min-cell']);
  if (!(Number.isInteger(minCell) && minCell >= 2)) throw new UsageError(`--min-cell must be a whole number of at least 2, got "${options['min-cell']}"`);
  return { minCell };
}

/** Runs an astro command in the foreground, passing Ctrl-C through; resolves with its exit code. */
function astro(args: string[]): Promise<number> {
  return new Promise((done) => {
    const child = spawnAstro(args, { stdio: 'inherit' });
    const stop = () => child.kill('SIGTERM');
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    child.on('exit', (code) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done(code ?? 1);
    });
  });
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (options.help) {
    log(USAGE);
    return;
  }
  const dataDir = await prepare(options);
  if (options['prepare-only']) return;
  const built = await astro(['build']);
  if (built !== 0) {
    process.exitCode = built;
    return;
  }
  if (options.serve) await serve(options.public ? null : dataDir, options.port ?? '4321');
}

main().catch((error: unknown) => {
  const badArgs = error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
  if (error instanceof ReleaseInputError || error instanceof UsageError || badArgs) {
    log(`build: ${error.message}`);
  } else {
    log(`build failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  process.exitCode = 1;
});
