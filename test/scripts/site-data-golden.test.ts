// Goldens driven by fixture folders (as Observable Framework's build tests): each release under
// test/fixtures/releases/ is a case; the build's data step writes into a temporary folder, and every file it writes
// under data/ is compared byte for byte with test/fixtures/goldens/<case>/<name>. A mismatch (or a missing or extra
// file) writes the actual file beside the expected one as `<name>-changed` (git-ignored) to review with a diff;
// when the change is right, `UPDATE_GOLDENS=1 npx vitest run test/scripts/site-data-golden.test.ts` rewrites them.
//
// The same builds are checked for agreement: per split, the studies of studies.json are stats.json's studies, their
// boxes add up to its findings, and their category memberships are the ones findingCategories counts.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { OUTPUT } from '../../src/lib/site-data/outputs.ts';
import { decodeStudyIndex } from '../../src/lib/studies/study-index.ts';
import type { StudyViewerRecord } from '../../src/lib/studies/study-chunks.ts';
import type { Stats } from '../../src/lib/types.ts';
import { fileSink } from '../../src/node/site/output-sink.ts';
import { prepareSiteData } from '../../src/node/site/prepare-site-data.ts';

const RELEASES = join('test', 'fixtures', 'releases');
const GOLDENS = join('test', 'fixtures', 'goldens');
const CASES = readdirSync(RELEASES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const update = process.env.UPDATE_GOLDENS === '1';

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split('\\').join('/'))
    .filter((name) => !name.endsWith('-changed') && statSync(join(dir, name)).isFile());
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Every file the data step writes for a release: name (relative to public/) → its bytes or text. */
interface Built {
  files: Map<string, string | Uint8Array>;
}

async function build(name: string): Promise<Built> {
  const dir = mkdtempSync(join(tmpdir(), `golden-${name}-`));
  try {
    await prepareSiteData(join(RELEASES, name), fileSink(dir, () => {}), { workers: false });
    const files = new Map<string, string | Uint8Array>();
    for (const file of listFiles(dir).sort()) {
      const bytes = new Uint8Array(readFileSync(join(dir, file)));
      files.set(file, file.endsWith('.json') ? new TextDecoder().decode(bytes) : bytes);
    }
    return { files };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(CASES)('the %s release', (name) => {
  let sink: Built;
  const written = () => new Map([...sink.files].filter(([file]) => file.startsWith('data/')));
  beforeAll(async () => {
    sink = await build(name);
  });

  test('writes exactly the golden files, byte for byte', () => {
    const goldenDir = join(GOLDENS, name);
    const actual = written();
    const problems: string[] = [];
    for (const [file, content] of actual) {
      const path = join(goldenDir, file);
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      const expected = existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
      if (update) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, bytes);
        continue;
      }
      if (expected === null || !sameBytes(expected, bytes)) {
        problems.push(`${file} ${expected === null ? 'is not in the goldens' : 'differs'}; see ${path}-changed`);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(`${path}-changed`, bytes);
      } else {
        rmSync(`${path}-changed`, { force: true });
      }
    }
    for (const file of listFiles(goldenDir)) {
      if (actual.has(file)) continue;
      if (update) rmSync(join(goldenDir, file));
      else problems.push(`${file} is in the goldens but was not written`);
    }
    expect(problems).toEqual([]);
  });

  test('is deterministic: a second build writes the same bytes', async () => {
    const again = await build(name);
    expect(new Map([...again.files].filter(([file]) => file.startsWith('data/')))).toEqual(written());
  });

  test('studies.json, the viewer records and stats.json agree on every study, box and category', () => {
    const files = written();
    const stats = JSON.parse(files.get(OUTPUT.stats) as string) as Stats;
    const studies = decodeStudyIndex(JSON.parse(files.get(OUTPUT.studyIndex) as string));
    const records = new Map<string, StudyViewerRecord>();
    for (const [file, text] of files) {
      if (file.startsWith('data/studies/')) for (const [id, record] of Object.entries(JSON.parse(text as string) as Record<string, StudyViewerRecord>)) records.set(id, record);
    }
    const unlisted = stats.quality.issues.find((issue) => issue.rule === 'image-not-in-both-files');
    for (const split of ['training', 'test'] as const) {
      const inSplit = studies.filter((s) => s.split === split);
      expect(inSplit.length, `${split} studies`).toBe(stats.counts.studies[split]);
      // A box on an image the breast-level file does not list belongs to no study row; the fixtures say so in quality.
      if (!unlisted) expect(inSplit.reduce((sum, s) => sum + s.boxes, 0), `${split} boxes`).toBe(stats.counts.findings[split]);
      for (const [category, boxes] of Object.entries(stats.findingCategories[split])) {
        const withCategory = inSplit.filter((s) => s.findings.includes(category));
        expect(withCategory.length > 0, `${split} ${category}`).toBe(boxes > 0);
      }
      for (const study of inSplit) {
        for (const category of study.findings) expect(stats.findingCategories[split][category], `${study.id} ${category}`).toBeGreaterThan(0);
      }
    }
    // quality-instances.csv holds every instance: its rows per rule are stats.json's counts.
    const instanceRows = (files.get(OUTPUT.qualityInstances) as Uint8Array | undefined) ?? new Uint8Array();
    const perRule = new Map<string, number>();
    for (const line of new TextDecoder().decode(instanceRows).split('\n').slice(1, -1)) perRule.set(line.split(',')[0], (perRule.get(line.split(',')[0]) ?? 0) + 1);
    expect(Object.fromEntries(perRule)).toEqual(Object.fromEntries(stats.quality.issues.map((issue) => [issue.rule, issue.count])));
    expect([...records.keys()].sort()).toEqual(studies.map((s) => s.id).sort());
    for (const study of studies) {
      const record = records.get(study.id)!;
      const drawn = record.images.reduce((sum, image) => sum + image.boxes.length, 0);
      const undrawable = stats.quality.issues.find((issue) => issue.rule === 'box-degenerate' && issue.examples.some((e) => e.study_id === study.id));
      // A box without numeric coordinates cannot be drawn: its study is checked by the quality rule instead.
      if (undrawable) continue;
      expect(drawn, `${study.id} boxes in its viewer record`).toBe(study.boxes);
      const categories = new Set(record.images.flatMap((image) => image.boxes.flatMap((box) => box.categories)));
      expect([...categories].sort(), study.id).toEqual([...study.findings].sort());
    }
  });
});

describe('the dirty release (edge cases of one reading)', () => {
  let stats: Stats;
  let studies: ReturnType<typeof decodeStudyIndex>;
  beforeAll(async () => {
    const sink = await build('dirty');
    stats = JSON.parse(sink.files.get(OUTPUT.stats) as string) as Stats;
    studies = decodeStudyIndex(JSON.parse(sink.files.get(OUTPUT.studyIndex) as string));
  });

  test('an [] category list is a box of no category; No Finding beside Mass is a Mass box', () => {
    // d1: line 4 `[]` with coordinates, line 5 ['No Finding', 'Mass'] → 2 boxes, Mass 1; d2: 2 lymph node boxes.
    expect(stats.counts.findings).toEqual({ training: 2, test: 2, all: 4 });
    expect(stats.findingCategories.training).toMatchObject({ Mass: 1 });
    expect(studies.map((s) => [s.id, s.boxes, s.findings])).toEqual([
      ['d1', 2, ['Mass']],
      ['d2', 2, ['Suspicious Lymph Node']],
    ]);
  });

  test("a study's vendor is its first image's known Manufacturer; its age the first known age of metadata.csv", () => {
    // d1-lcc (first in the breast file) has an empty Manufacturer, d1-lmlo says Planmed; d2-lcc SIEMENS.
    expect(studies.map((s) => s.vendor)).toEqual(['Planmed', 'SIEMENS']);
    // metadata.csv lists d1-rcc (048Y) before d1-lmlo (052Y): d1 is 48; d2-lcc 061Y comes before d2-rmlo 059Y.
    expect(stats.age.summary.training).toEqual({ mean: 48, median: 48, min: 48, max: 48 });
    expect(stats.age.summary.test).toEqual({ mean: 61, median: 61, min: 61, max: 61 });
  });

  test('an image size names no vendor when some of its images have none: unknown is never imputed', () => {
    // All 8 images are 3518×2800: d1-rcc, d1-rmlo and d2-lcc/lmlo/rcc SIEMENS, d1-lmlo Planmed, d1-lcc and d2-rmlo none.
    expect(stats.imageSizes).toEqual([
      { rows: 3518, columns: 2800, vendor: null, byVendor: { SIEMENS: 5, Planmed: 1 }, unknownVendor: 2, training: 4, test: 4, all: 8 },
    ]);
    expect(stats.vendorsUnknown).toEqual({ training: 1, test: 1, all: 2 });
  });
});
