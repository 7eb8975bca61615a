// The browser audits from studies.json; the command line from the release itself. Both must see the same studies:
// the command line's attributes equal those the browser reads back from the build's studies.json.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseFromIndex } from '../../../src/lib/split-audit/index-fields.ts';
import { OUTPUT } from '../../../src/lib/site-data/outputs.ts';
import { decodeStudyIndex } from '../../../src/lib/studies/study-index.ts';
import { fileSink } from '../../../src/node/site/output-sink.ts';
import { prepareSiteData } from '../../../src/node/site/prepare-site-data.ts';
import { readReleaseStudies } from '../../../src/node/split/read-split-inputs.ts';

describe.each(['counting', 'leaky', 'dirty'])('the %s release: studies.json carries what the split workbench reads', (name) => {
  const release = join('test', 'fixtures', 'releases', name);
  let dir = '';
  let data: { rows: unknown[][]; sharedSeries: Record<string, string[]> };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'index-fields-'));
    await prepareSiteData(release, fileSink(dir, () => {}), { workers: false });
    data = JSON.parse(readFileSync(join(dir, OUTPUT.studyIndex), 'utf8'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips to the attributes the command line computes', async () => {
    const fromIndex = releaseFromIndex(decodeStudyIndex(data), data);
    const fromRelease = await readReleaseStudies(release);
    expect(fromIndex.studies).toEqual(fromRelease.studies);
    expect(fromIndex.sharedSeries).toEqual(fromRelease.sharedSeries);
    expect(data.rows.every((row) => row.length === 11)).toBe(true);
  });
});

describe('releaseFromIndex', () => {
  it('refuses an index built before the workbench (9-item rows)', () => {
    const old = { version: 1, categories: [], vendors: [], sharedSeries: {}, rows: [['s1', 0, '1A', '1A', [], [], -1, 0, 0]] };
    expect(() => releaseFromIndex(decodeStudyIndex(old), old)).toThrow('lacks the split workbench fields');
  });
});
