// `npm run stats -- --data DIR --out FILE`: reads a VinDr-Mammo release folder and writes its stats.json.
// Exit 0 and write FILE when the input can be read (data-quality problems go into the file); otherwise exit 1,
// write nothing and print one line naming the file, line and column. Usage errors exit 2.

import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ReleaseInputError } from '../src/lib/csv/errors.ts';
import { releaseSummary } from '../src/lib/release/release-summary.ts';
import type { Stats } from '../src/lib/types.ts';
import { commandLine, readFlags, type CommandLine } from '../src/node/command-line.ts';
import { computeStats, serializeStats, type ReadProgress } from '../src/node/compute-stats.ts';

const USAGE = `Usage: npm run stats -- --data <release folder> --out <file>
   or: vindr-stats --data <release folder> --out <file>   (prebuilt by npm ci: node build/vindr-stats.mjs …)

Reads the release's breast-level_annotations.csv and finding_annotations.csv (required), metadata.csv or the
DICOM headers under images/ (optional, for ages and vendors), and writes stats.json to <file>.

Options:
  --data <dir>   release folder, laid out as downloaded from PhysioNet
  --out <file>   where to write stats.json (written only when the input can be read)
  --help         show this help

Exit status: 0 written; 1 the input cannot be read (one line on stderr says where); 2 wrong arguments.
`;

const command: CommandLine = commandLine('stats', USAGE);
const fail: CommandLine['fail'] = command.fail;

function progressLine(): ((progress: ReadProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return ({ file, bytesRead, bytesTotal }) => {
    const now = Date.now();
    if (now - last < 100 && bytesRead < bytesTotal) return;
    last = now;
    const percent = bytesTotal > 0 ? Math.floor((bytesRead / bytesTotal) * 100) : 100;
    process.stderr.write(`\r\x1b[Kreading ${file} ${percent}%`);
  };
}

function summary(stats: Stats, out: string): string {
  return [`stats: wrote ${out}`, ...releaseSummary(stats).map((line) => `  ${line}`)].join('\n') + '\n';
}

async function main(): Promise<void> {
  const values = readFlags<{ data?: string; out?: string }>(command, USAGE, { data: { type: 'string' }, out: { type: 'string' } });
  if (!values) return;
  if (!values.data || !values.out) command.usage('--data and --out are both required');

  const onProgress = progressLine();
  let stats: Stats;
  try {
    stats = await computeStats(values.data, { onProgress });
  } catch (error) {
    if (onProgress) process.stderr.write('\r\x1b[K');
    if (error instanceof ReleaseInputError) fail(error.message, 1);
    fail(`unexpected failure: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
  if (onProgress) process.stderr.write('\r\x1b[K');

  // Write beside the target, then rename: a reader never sees half a file, and a failure leaves none.
  const temporary = `${values.out}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(values.out), { recursive: true });
    await writeFile(temporary, serializeStats(stats));
    await rename(temporary, values.out);
  } catch (error) {
    await rm(temporary, { force: true });
    fail(`cannot write ${values.out}: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
  process.stderr.write(summary(stats, values.out));
}

await main();
