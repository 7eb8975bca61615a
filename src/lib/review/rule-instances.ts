// Reads data/quality-instances.csv (every instance of every quality rule: rule, severity, file, line, study, image,
// detail; written by the build, see the review contract) into what the review summary needs to tell which verdicts
// fall on a rule's instances: box instances by finding_annotations.csv line, the others by image and study.
import Papa from 'papaparse';
import { FILES } from '../vocabulary.ts';

export interface RuleMembers {
  rule: string;
  severity: string;
  instances: number;
  findingLines: Set<number>;
  images: Set<string>;
  studies: Set<string>;
}

/** Per rule, in the file's order of first appearance; a file without the contract's header gives an error message. */
export function readRuleInstances(text: string): RuleMembers[] | { error: string } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const missing = ['rule', 'severity', 'file', 'line', 'study', 'image'].filter((name) => !parsed.meta.fields?.includes(name));
  if (missing.length > 0) return { error: `quality-instances.csv has no column ${missing.join(', ')}` };
  const rules = new Map<string, RuleMembers>();
  for (const row of parsed.data) {
    const members = rules.get(row.rule) ?? { rule: row.rule, severity: row.severity, instances: 0, findingLines: new Set<number>(), images: new Set<string>(), studies: new Set<string>() };
    rules.set(row.rule, members);
    members.instances++;
    if (row.file === FILES.finding && /^\d+$/.test(row.line)) members.findingLines.add(Number(row.line));
    else if (row.image) members.images.add(row.image);
    else if (row.study) members.studies.add(row.study);
  }
  return [...rules.values()];
}
