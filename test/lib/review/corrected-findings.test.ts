import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { correctedFindingCsv } from '../../../src/lib/review/corrected-findings.ts';
import { boxKey } from '../../../src/lib/review/verdict-keys.ts';
import { COUNTING_REVIEW } from './correction-verdicts.ts';
import { boxVerdict } from './review-fixtures.ts';

const COUNTING = readFileSync(join('test', 'fixtures', 'releases', 'counting', 'finding_annotations.csv'), 'utf8');

describe('correctedFindingCsv(original, verdicts)', () => {
  it('applies the counting review line by line, keeping every untouched line byte for byte', () => {
    const original = COUNTING.split('\n');
    const corrected = correctedFindingCsv(COUNTING, COUNTING_REVIEW);
    expect(corrected.text.split('\n')).toEqual([
      original[0],
      original[1],
      original[2],
      // line 4 (s1-rcc Mass) removed; line 5 rewritten with only its Mass, unquoted as pandas writes one item.
      's1,s1-series,s1-rcc,R,CC,3518,2800,BI-RADS 4,DENSITY C,[\'Mass\'],BI-RADS 4,1000.5,1000,1100.5,1050,training',
      // line 6: the lymph node's new box in the release's coordinate spelling.
      's1,s1-series,s1-rmlo,R,MLO,3518,2800,BI-RADS 4,DENSITY C,[\'Suspicious Lymph Node\'],,2000.0,100.0,2150.25,320.0,training',
      original[6],
      original[7],
      // line 9 (s2-rcc's only box) removed; line 10 (s2-rmlo 'No Finding') removed for its missed finding.
      original[10],
      original[11],
      's2,s2-series,s2-rmlo,R,MLO,2812,2012,BI-RADS 3,DENSITY B,[\'Mass\'],BI-RADS 3,10.0,20.0,30.5,40.0,training',
      original[12],
      original[13],
      's2,s2-series,s2-rcc,R,CC,2812,2012,BI-RADS 3,DENSITY B,[\'No Finding\'],,,,,,training',
      '',
    ]);
    expect([corrected.removed, corrected.changed, corrected.added]).toEqual([2, 2, 1]);
    expect(corrected.unmatched).toEqual(['box:s1-rcc:1:2:3:4']);
  });

  it('writes a corrected category and finding BI-RADS in the release’s spelling', () => {
    // s3-lmlo (line 12): ['Mass'] BI-RADS 5 → Architectural Distortion, BI-RADS 4 (the panel stores the digit).
    const box = { xmin: 50, ymin: 60, xmax: 250, ymax: 360 };
    const target = { studyId: 's3', imageId: 's3-lmlo', laterality: 'L' as const, view: 'MLO' as const, box, categories: ['Mass'], findingBirads: '5' };
    const verdict = boxVerdict({ key: boxKey('s3-lmlo', box), target, verdict: 'wrong-birads', corrected: { categories: ['Architectural Distortion'], findingBirads: '4' } });
    const corrected = correctedFindingCsv(COUNTING, [verdict]);
    expect(corrected.text.split('\n')[11]).toBe("s3,s3-series,s3-lmlo,L,MLO,3518,2800,BI-RADS 5,DENSITY D,['Architectural Distortion'],BI-RADS 4,50,60,250,360,test");
    expect([corrected.removed, corrected.changed, corrected.added]).toEqual([0, 1, 0]);
  });

  it('keeps the file as it is without verdicts, CRLF, BOM and a two-line quoted cell included', () => {
    expect(correctedFindingCsv(COUNTING, []).text).toBe(COUNTING);
    const reordered = readFileSync(join('test', 'fixtures', 'releases', 'reordered', 'finding_annotations.csv'), 'utf8');
    expect(correctedFindingCsv(reordered, []).text).toBe(reordered);
  });

  it('refuses a file without the columns it rewrites, naming the file and line', () => {
    expect(() => correctedFindingCsv('study_id,image_id\ns1,s1-lcc\n', [])).toThrow(
      'finding_annotations.csv:1: no column finding_categories, finding_birads, xmin, ymin, xmax, ymax',
    );
  });
});
