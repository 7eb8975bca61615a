// The data step of a build that may be published (prepareSiteData with `publish`) on every fixture release, into a
// folder an ordinary build wrote first: afterwards it holds stats.json alone, public, and no study, series or image
// id of the release nor any line number of its files appears in it (the ordinary build's files did hold them).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { fileSink } from '../../src/node/site/output-sink.ts';
import { prepareSiteData } from '../../src/node/site/prepare-site-data.ts';
import { FILES } from '../../src/lib/vocabulary.ts';
import { releaseFixture } from '../lib/release/fixtures.ts';

const out = mkdtempSync(join(tmpdir(), 'vindr-public-step-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => name.split('\\').join('/'))
    .sort();
}

/** Every study, series and image id of a fixture's two annotation CSVs (the reordered one keeps them by name). */
function releaseIds(dir: string): Set<string> {
  const ids = new Set<string>();
  for (const file of [FILES.breast, FILES.finding]) {
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(dir, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
    for (const row of rows) for (const column of ['study_id', 'series_id', 'image_id']) if (row[column]) ids.add(row[column]);
  }
  return ids;
}

/** The ids found in a text: as JSON strings ("s1"), and the long ones anywhere. */
function idsIn(text: string, ids: Set<string>): string[] {
  return [...ids].filter((id) => text.includes(`"${id}"`) || (id.length >= 8 && text.includes(id)));
}

describe('the public data step', () => {
  for (const fixture of ['counting', 'dirty', 'leaky', 'quality', 'reordered', 'minimal']) {
    it(`${fixture}: stats.json only, public, without an id or a line number`, async () => {
      const dir = releaseFixture(fixture);
      const root = join(out, fixture);
      const ids = releaseIds(dir);
      const quiet = () => {};
      await prepareSiteData(dir, fileSink(root, quiet), { workers: false });
      const fullText = filesUnder(root).map((f) => readFileSync(join(root, f), 'utf8')).join('\n');
      expect(idsIn(fullText, ids).length).toBeGreaterThan(0);

      await prepareSiteData(dir, fileSink(root, quiet), { publish: { minCell: 5 } });
      expect(filesUnder(root)).toEqual(['data/stats.json']);
      const text = readFileSync(join(root, 'data', 'stats.json'), 'utf8');
      const stats = JSON.parse(text) as { public: boolean; minCell: number };
      expect([stats.public, stats.minCell]).toEqual([true, 5]);
      expect(idsIn(text, ids)).toEqual([]);
      expect(text).not.toMatch(/"line"|"examples"|\.dicom|\.png/);
    });
  }
});
