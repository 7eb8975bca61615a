import { describe, expect, it } from 'vitest';
import { verdictsCsv } from '../../../src/lib/review/verdict-csv.ts';
import { readVerdictFile, verdictsJson, type ReviewRelease } from '../../../src/lib/review/verdict-file.ts';
import { boxKey } from '../../../src/lib/review/verdict-keys.ts';
import { boxVerdict, missedFinding, oneOfEach } from './review-fixtures.ts';

const RELEASE: ReviewRelease = { key: 'aaaa000011112222', files: { 'finding_annotations.csv': { sha256: 'f1', rows: 9 }, 'breast-level_annotations.csv': { sha256: 'b1', rows: 8 } } };
const OTHER: ReviewRelease = { key: 'bbbb000011112222', files: { 'finding_annotations.csv': { sha256: 'f2', rows: 9 }, 'breast-level_annotations.csv': { sha256: 'b1', rows: 8 } } };

/** Quoting's hard cases in one comment: comma, double quote, a line break, a leading space, a quote in a category. */
const AWKWARD_BOX = { xmin: 2355.1398925781, ymin: Number.NaN, xmax: 2482.9799804688, ymax: 1852.75 };
const AWKWARD = boxVerdict({
  key: boxKey('s1-rcc', AWKWARD_BOX),
  comment: ' edge, "spiculated"\nsee MLO',
  verdict: 'wrong-category',
  corrected: { categories: ["Architectural Distortion", "it's odd, really"], box: { xmin: 1.25, ymin: Number.NaN, xmax: -3, ymax: 1e21 } },
  target: { ...boxVerdict().target, box: AWKWARD_BOX, categories: ['Nipple Retraction', 'Mass'] },
});

/** What the viewer's panel saves after "wrong category" then "wrong finding BI-RADS": both corrections, digit spelling. */
const RECLASSED = boxVerdict({ verdict: 'wrong-birads', corrected: { categories: ['Mass'], findingBirads: '4' } });

describe('verdictsCsv → readVerdictFile', () => {
  it('round-trips a corrected category and finding BI-RADS through CSV and JSON', () => {
    const csv = verdictsCsv(RELEASE.key, [RECLASSED]);
    expect(csv.split('\n')[1]).toContain(`['Mass'],4,`);
    expect(readVerdictFile('review.csv', csv, RELEASE)).toEqual({ verdicts: [RECLASSED] });
    expect(readVerdictFile('review.json', verdictsJson(RELEASE, [RECLASSED]), RELEASE)).toEqual({ verdicts: [RECLASSED] });
  });

  it('round-trips every kind of verdict and every quoting case exactly', () => {
    const verdicts = [...oneOfEach(), AWKWARD, boxVerdict({ reviewer: 'bea, "B"' })];
    const read = readVerdictFile('review.csv', verdictsCsv(RELEASE.key, verdicts), RELEASE);
    expect(read).toEqual({ verdicts });
  });

  it('writes one row per verdict with the release’s spellings of categories', () => {
    const lines = verdictsCsv(RELEASE.key, [AWKWARD]).split('\n');
    // header, one record over two lines (the comment's line break is inside quotes), and the final newline.
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`"['Nipple Retraction', 'Mass']"`);
    expect(lines[1]).toContain('2355.1398925781,NaN,2482.9799804688,1852.75');
    expect(lines[1]).toContain('" edge, ""spiculated""');
  });

  it('refuses a row of another release, naming the file, line and column', () => {
    const csv = verdictsCsv(RELEASE.key, [boxVerdict()]) + verdictsCsv(OTHER.key, [missedFinding()]).split('\n')[1] + '\n';
    expect(readVerdictFile('mixed.csv', csv, RELEASE)).toEqual({
      refused: `mixed.csv:3, column "release": the verdict is of release ${OTHER.key}, not this site's release ${RELEASE.key}`,
    });
  });

  it('refuses a row whose verdict is not one of the five, naming its column', () => {
    const csv = verdictsCsv(RELEASE.key, [boxVerdict()]).replace(',correct,', ',fine,');
    expect(readVerdictFile('bad.csv', csv, RELEASE)).toEqual({
      refused: 'bad.csv:2, column "verdict": "fine" is not one of correct, wrong-geometry, wrong-category, wrong-birads, not-a-finding',
    });
  });
});

describe('verdictsJson → readVerdictFile', () => {
  it('round-trips the verdicts, NaN coordinates included (null in JSON)', () => {
    const verdicts = [...oneOfEach(), AWKWARD];
    const json = verdictsJson(RELEASE, verdicts);
    expect(JSON.parse(json)).toMatchObject({ format: 'vindr-mammo-review/1', release: RELEASE.key, files: RELEASE.files });
    const read = readVerdictFile('review.json', json, RELEASE);
    expect('verdicts' in read && read.verdicts).toEqual(expect.arrayContaining(verdicts));
    expect('verdicts' in read && read.verdicts.length).toBe(5);
  });

  it('refuses the review of another release and names the file that differs', () => {
    expect(readVerdictFile('theirs.json', verdictsJson(OTHER, [boxVerdict()]), RELEASE)).toEqual({
      refused: `theirs.json: the review of another release (${OTHER.key}: its finding_annotations.csv differs); this site shows release ${RELEASE.key}`,
    });
  });

  it('refuses a file of another format: other JSON, a split CSV, a verdict that breaks the contract', () => {
    expect(readVerdictFile('stats.json', '{"schemaVersion":1}', RELEASE)).toEqual({
      refused: 'stats.json: not a review file of this site: no format tag, expected "vindr-mammo-review/1"',
    });
    expect(readVerdictFile('folds.csv', 'study_id,fold\ns1,1\n', RELEASE)).toEqual({
      refused: 'folds.csv: neither a review JSON (format vindr-mammo-review/1) nor a review CSV exported by this page',
    });
    const moved = JSON.parse(verdictsJson(RELEASE, [boxVerdict()]));
    moved.verdicts[0].target.box.xmin = 101;
    expect(readVerdictFile('moved.json', JSON.stringify(moved), RELEASE)).toEqual({
      refused: 'moved.json: verdict 1: key: "box:s1-rcc:100:200:300:500" is not the key of its target (box:s1-rcc:101:200:300:500)',
    });
    const broken = JSON.parse(verdictsJson(RELEASE, [boxVerdict(), missedFinding()]));
    broken.verdicts[1].target.laterality = 'left';
    expect(readVerdictFile('broken.json', JSON.stringify(broken), RELEASE)).toEqual({
      refused: 'broken.json: verdict 2: target.laterality: "left" is not one of L, R',
    });
  });
});
