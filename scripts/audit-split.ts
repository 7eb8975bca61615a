// `npm run audit-split -- --data DIR --split FILE [--column NAME] [--out report.json] [--list-absent]`: audits any
// split of the release's studies (k subsets) and writes the report JSON (README "The split audit"). Exit 0 audited;
// 1 an input cannot be read (one line names the file, line and column); 2 wrong arguments.

import { commandLine, readFlags, type CommandLine } from '../src/node/command-line.ts';
import { ReleaseInputError } from '../src/lib/csv/errors.ts';
import { auditSplit } from '../src/lib/split-audit/audit-report.ts';
import { reportSummary } from '../src/lib/split-audit/report-summary.ts';
import { serializeReport } from '../src/lib/split-audit/report-json.ts';
import { readReleaseStudies, readSplitFile } from '../src/node/split/read-split-inputs.ts';
import { writeFileAtomically } from '../src/node/split/write-atomically.ts';

const USAGE = `Usage: npm run audit-split -- --data <release folder> --split <file> [--column NAME] [--out report.json]

Audits a split of the release's studies given as a CSV with a study id column (study_id, or image_id mapped to its
study) and a subset column (split, fold, or named with --column): per attribute χ², Holm-adjusted p, Cramér's V and
SMDs; LD/ED with a random baseline of the same subset sizes; leakage and unknown ids.

Options:
  --data <dir>     release folder (breast-level_annotations.csv, finding_annotations.csv, optional metadata.csv)
  --split <file>   the split file
  --column <name>  the subset column (default: split, else fold)
  --out <file>     write the report JSON there (else only the summary on stderr)
  --list-absent    list the release studies absent from the file in the report (else only counted)
  --help           show this help

Exit status: 0 audited; 1 an input cannot be read (one line on stderr says where); 2 wrong arguments.
`;

const command: CommandLine = commandLine('audit-split', USAGE);
const fail: CommandLine['fail'] = command.fail;

async function main(): Promise<void> {
  const values = readFlags<{ data?: string; split?: string; column?: string; out?: string; 'list-absent'?: boolean }>(command, USAGE, {
    data: { type: 'string' },
    split: { type: 'string' },
    column: { type: 'string' },
    out: { type: 'string' },
    'list-absent': { type: 'boolean' },
  });
  if (!values) return;
  if (!values.data || !values.split) command.usage('--data and --split are both required');
  try {
    const release = await readReleaseStudies(values.data);
    const { assignment, name, sha256 } = await readSplitFile(values.split, release, values.column);
    const report = auditSplit(release.studies, assignment, {
      fileFacts: { name, sha256 },
      sharedSeries: release.sharedSeries,
      listAbsent: values['list-absent'] ?? false,
    });
    if (values.out) await writeFileAtomically(values.out, serializeReport(report));
    process.stderr.write(reportSummary(report));
    if (values.out) process.stderr.write(`audit-split: wrote ${values.out}\n`);
  } catch (error) {
    if (error instanceof ReleaseInputError) fail(error.message, 1);
    fail(`unexpected failure: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
}

await main();
