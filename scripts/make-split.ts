// `npm run make-split -- --data DIR (--folds K | --ratios 0.8,0.2) [--from training|test] --seed N --out FILE`:
// study-level iterative stratification of the release's studies (or one official split's), written as a split file
// (study_id,fold or study_id,split), then audited like any split file (summary on stderr).
// Exit 0 written; 1 the release cannot be read; 2 wrong arguments.

import { commandLine, readFlags, type CommandLine } from '../src/node/command-line.ts';
import { createHash } from 'node:crypto';
import { ReleaseInputError } from '../src/lib/csv/errors.ts';
import { auditSplit } from '../src/lib/split-audit/audit-report.ts';
import { makeSplitFile, type MakeSplitRequest } from '../src/lib/split-audit/make-split-file.ts';
import { reportSummary } from '../src/lib/split-audit/report-summary.ts';
import { readReleaseStudies } from '../src/node/split/read-split-inputs.ts';
import { writeFileAtomically } from '../src/node/split/write-atomically.ts';
import { basename } from 'node:path';

const USAGE = `Usage: npm run make-split -- --data <release folder> (--folds K | --ratios 0.8,0.2) [--from training] --seed N --out <file>

Splits the release's studies (or only those of one official split, --from training|test) by study-level iterative
stratification (Sechidis et al. 2011) over each study's BI-RADS and density per breast, finding categories per box
and category × finding BI-RADS, and writes study_id,fold (folds 1 … K) or study_id,split (train, validation[, test]).

Options:
  --data <dir>      release folder
  --folds <K>       K folds of equal size
  --ratios <list>   subset shares, e.g. 0.8,0.2 or 0.7,0.15,0.15
  --from <split>    only the studies of this official split (training or test); default all studies
  --seed <N>        seed (a whole number); the same seed gives the same file, here and in the browser
  --out <file>      where to write the split file
  --help            show this help

Exit status: 0 written; 1 the release cannot be read (one line on stderr says where); 2 wrong arguments.
`;

const command: CommandLine = commandLine('make-split', USAGE);
const fail: CommandLine['fail'] = command.fail;

async function main(): Promise<void> {
  const values = readFlags<{ data?: string; folds?: string; ratios?: string; from?: string; seed?: string; out?: string }>(command, USAGE, {
    data: { type: 'string' },
    folds: { type: 'string' },
    ratios: { type: 'string' },
    from: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string' },
  });
  if (!values) return;
  if (!values.data || !values.out || values.seed === undefined) command.usage('--data, --seed and --out are required');
  if ((values.folds === undefined) === (values.ratios === undefined)) command.usage('give exactly one of --folds and --ratios');
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed)) fail(`--seed must be a whole number, got "${values.seed}"`, 2);
  if (values.from !== undefined && values.from !== 'training' && values.from !== 'test') fail(`--from must be training or test, got "${values.from}"`, 2);
  const request: MakeSplitRequest = {
    folds: values.folds === undefined ? undefined : Number(values.folds),
    ratios: values.ratios,
    from: values.from as MakeSplitRequest['from'],
    seed,
  };
  try {
    const release = await readReleaseStudies(values.data);
    let made;
    try {
      made = makeSplitFile(release.studies, request);
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error), 2);
    }
    await writeFileAtomically(values.out, made.csv);
    const report = auditSplit(release.studies, made.assignment, {
      fileFacts: { name: basename(values.out), sha256: createHash('sha256').update(made.csv).digest('hex') },
      sharedSeries: release.sharedSeries,
    });
    process.stderr.write(`make-split: wrote ${values.out}\n`);
    process.stderr.write(reportSummary(report));
  } catch (error) {
    if (error instanceof ReleaseInputError) fail(error.message, 1);
    fail(`unexpected failure: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
}

await main();
