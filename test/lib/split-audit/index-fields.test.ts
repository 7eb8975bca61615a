// The browser audits from studies.json; the command line from the release's rows. Both must see the same studies.
import { describe, expect, it } from 'vitest';
import { releaseFromIndex, sharedSeriesRecord, withWorkbenchFields } from '../../../src/lib/split-audit/index-fields.ts';
import { studyAttributes } from '../../../src/lib/split-audit/study-attributes.ts';
import { decodeStudyIndex, encodeStudyIndex, serializeStudyIndex, summarizeStudy } from '../../../src/lib/studies/study-index.ts';
import { createStudyCollector } from '../../../src/lib/studies/study-records.ts';
import { breastRows, findingRows, metadataOf } from '../studies/study-fixtures.ts';

function collect() {
  const collector = createStudyCollector();
  for (const row of breastRows) collector.addBreastRow(row);
  for (const row of findingRows) collector.addFindingRow(row);
  return collector.studies();
}

describe('studies.json carries the split workbench fields', () => {
  const records = collect();
  const text = serializeStudyIndex(
    encodeStudyIndex(records.map((r) => withWorkbenchFields(summarizeStudy(r, metadataOf, false), r, metadataOf)), sharedSeriesRecord(records)),
  );
  const data = JSON.parse(text);

  it('round-trips to the attributes the command line computes from the rows', () => {
    const fromIndex = releaseFromIndex(decodeStudyIndex(data), data);
    expect(fromIndex.studies).toEqual(records.map((r) => studyAttributes(r, metadataOf)));
    expect(fromIndex.studies.find((s) => s.id === 's1')?.ageYears).toBe(53);
    expect(fromIndex.studies.find((s) => s.id === 's1')?.boxes).toHaveLength(3);
  });

  it('writes age and box list as two trailing row items, and shared series only when asked', () => {
    expect(data.rows[1]).toHaveLength(11);
    expect(data.rows[0].slice(9)).toEqual([-1, []]);
    expect(data.sharedSeries).toEqual({});
    expect(serializeStudyIndex(encodeStudyIndex(records.map((r) => summarizeStudy(r, metadataOf, false))))).not.toContain('sharedSeries');
  });

  it('refuses an index built before the workbench', () => {
    const old = JSON.parse(serializeStudyIndex(encodeStudyIndex(records.map((r) => summarizeStudy(r, metadataOf, false)))));
    expect(() => releaseFromIndex(decodeStudyIndex(old), old)).toThrow('lacks the split workbench fields');
  });
});
