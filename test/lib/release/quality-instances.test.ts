// Every quality instance as CSV: the line format (hand-quoted), the log streaming past its 20 examples, and the
// build's files (whole and per rule) on the hand-computed `quality` fixture.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { QUALITY_INSTANCES_HEADER, qualityInstanceLine } from '../../../src/lib/release/quality-instances.ts';
import { QualityLog } from '../../../src/lib/release/quality-log.ts';
import { OUTPUT, qualityInstancesOfRule } from '../../../src/lib/site-data/outputs.ts';
import type { Stats } from '../../../src/lib/types.ts';
import { fileSink } from '../../../src/node/site/output-sink.ts';
import { prepareSiteData } from '../../../src/node/site/prepare-site-data.ts';
import { releaseFixture } from './fixtures.ts';

describe('qualityInstanceLine', () => {
  test('plain fields as they are; a detail with a comma and quotes quoted RFC 4180 style', () => {
    expect(qualityInstanceLine('box-out-of-bounds', 'warning', { file: 'finding_annotations.csv', line: 14, study_id: 'q4', image_id: 'q4-lcc', detail: 'xmax 2810.5 > width 2800' })).toBe(
      'box-out-of-bounds,warning,finding_annotations.csv,14,q4,q4-lcc,xmax 2810.5 > width 2800\n',
    );
    expect(qualityInstanceLine('missing-view', 'warning', { file: 'f.csv', line: 2, study_id: 's', image_id: '', detail: 'L-CC ×2, "L-MLO" ×0' })).toBe(
      'missing-view,warning,f.csv,2,s,,"L-CC ×2, ""L-MLO"" ×0"\n',
    );
  });

  test('a line number that does not apply is an empty cell', () => {
    expect(qualityInstanceLine('age-missing', 'info', { file: 'x', line: 0, study_id: 's', image_id: 'i', detail: 'd' })).toBe('age-missing,info,x,,s,i,d\n');
  });
});

describe('QualityLog with an instance writer', () => {
  test('keeps 20 examples but hands on every instance, with the rule catalogue severity', () => {
    const log = new QualityLog();
    const lines: [string, string][] = [];
    log.streamInstances({ write: (rule, line) => lines.push([rule, line]) });
    for (let i = 1; i <= 25; i++) log.report('age-missing', () => ({ file: 'b.csv', line: i + 1, study_id: `s${i}`, image_id: `i${i}`, detail: 'no age' }));
    log.report('box-degenerate', () => ({ file: 'f.csv', line: 7, study_id: 's1', image_id: 'i1', detail: 'xmin 3 ≥ xmax 2' }));
    expect(log.issues().map((issue) => [issue.rule, issue.count, issue.examples.length])).toEqual([
      ['box-degenerate', 1, 1],
      ['age-missing', 25, 20],
    ]);
    expect(lines).toHaveLength(26);
    expect(lines[24]).toEqual(['age-missing', 'age-missing,info,b.csv,26,s25,i25,no age\n']);
    expect(lines[25]).toEqual(['box-degenerate', 'box-degenerate,error,f.csv,7,s1,i1,xmin 3 ≥ xmax 2\n']);
  });

  test('without a writer no example past the 20th is even built', () => {
    const log = new QualityLog();
    let built = 0;
    for (let i = 0; i < 30; i++) log.report('age-missing', () => ({ file: 'b.csv', line: i + 2, study_id: 's', image_id: 'i', detail: String(built++) }));
    expect(built).toBe(20);
    expect(log.count('age-missing')).toBe(30);
  });
});

describe('the build writes every instance (quality fixture)', () => {
  let dir: string;
  let stats: Stats;
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quality-instances-'));
    stats = await prepareSiteData(releaseFixture('quality'), fileSink(dir, () => {}), { workers: false });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('quality-instances.csv: the contract header, one row per instance, rules in stats.json order', () => {
    const text = read(OUTPUT.qualityInstances);
    expect(text.startsWith(QUALITY_INSTANCES_HEADER)).toBe(true);
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    // The fixture fires 12 rules with 1+3+1+1+1+1+2+2+1+1+1+4 = 19 instances (test/lib/release/quality-rules.test.ts).
    expect(rows).toHaveLength(19);
    const rules = [...new Set(rows.map((row) => row.rule))];
    expect(rules).toEqual(stats.quality.issues.map((issue) => issue.rule));
    for (const issue of stats.quality.issues) {
      const mine = rows.filter((row) => row.rule === issue.rule);
      expect(mine.length, issue.rule).toBe(issue.count);
      // Fewer than 20 each here: the rows are exactly the examples of stats.json.
      expect(mine.map((row) => ({ file: row.file, line: Number(row.line), study_id: row.study, image_id: row.image, detail: row.detail }))).toEqual(issue.examples);
      expect(mine.every((row) => row.severity === issue.severity)).toBe(true);
    }
    const degenerate = rows.filter((row) => row.rule === 'box-degenerate').map((row) => [row.file, row.line, row.image]);
    expect(degenerate).toEqual([
      ['finding_annotations.csv', '15', 'q4-lmlo'],
      ['finding_annotations.csv', '16', 'q4-rcc'],
      ['finding_annotations.csv', '17', 'q4-rcc'],
    ]);
  });

  test('one file per rule that fired, each the header and that rule’s rows of the whole file', () => {
    const whole = read(OUTPUT.qualityInstances).split('\n').slice(1, -1);
    const files = readdirSync(join(dir, 'data', 'quality-instances')).sort();
    expect(files).toEqual(stats.quality.issues.map((issue) => `${issue.rule}.csv`).sort());
    for (const issue of stats.quality.issues) {
      const lines = read(qualityInstancesOfRule(issue.rule)).split('\n');
      expect(lines[0]).toBe(QUALITY_INSTANCES_HEADER.trim());
      expect(lines.slice(1, -1)).toEqual(whole.filter((line) => line.startsWith(`${issue.rule},`)));
    }
  });
});
