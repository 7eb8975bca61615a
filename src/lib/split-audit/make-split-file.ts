// "Make folds" as one call, shared by `npm run make-split` and the browser form: which studies, which plan, the
// seeded stratification, the CSV bytes, and the split read back as a SplitAssignment so it is audited like a file.

import type { Split } from '../types.ts';
import { foldsPlan, iterativeStratification, ratiosPlan, splitCsv, type SplitPlan } from './make-split.ts';
import { createSplitFileReader, type SplitAssignment } from './split-file.ts';
import type { StudyAttributes } from './study-attributes.ts';

export interface MakeSplitRequest {
  folds?: number;
  ratios?: string;
  /** Only the studies of this official split; all studies when absent. */
  from?: Split;
  seed: number;
}

interface MadeSplit {
  plan: SplitPlan;
  csv: string;
  assignment: SplitAssignment;
}

export function makeSplitFile(release: readonly StudyAttributes[], request: MakeSplitRequest, fileName = 'split.csv'): MadeSplit {
  const plan = request.folds !== undefined ? foldsPlan(request.folds) : ratiosPlan(request.ratios ?? '');
  const studies = request.from ? release.filter((s) => s.split === request.from) : release;
  if (studies.length < plan.names.length) throw new Error(`${studies.length} studies cannot fill ${plan.names.length} subsets`);
  const made = iterativeStratification(studies, plan.shares, request.seed);
  const csv = splitCsv(plan, made);
  // Read back like any split file, so the made split's audit is exactly the audit of the file it writes.
  const ids = new Set(made.ids);
  const [header, ...rows] = csv.trimEnd().split('\n');
  const reader = createSplitFileReader(fileName, header.split(','), { isKnownStudy: (id) => ids.has(id) });
  rows.forEach((row, i) => reader.onRow(row.split(','), i + 2));
  const assignment = reader.finish();
  return { plan, csv, assignment };
}
