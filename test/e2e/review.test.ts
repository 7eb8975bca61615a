// The review page end to end on the built demo site: verdicts seeded into the browser's store (IndexedDB
// `vindr-review`, as the viewer writes them), the summary with a disagreement and its viewer link, exports (CSV,
// JSON, corrected finding_annotations.csv) as downloads, clear with confirmation, import back to an identical store,
// refusal of a wrong file that changes nothing, keyboard reach, axe, screenshots of the empty and the full page.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingBoxLines } from '../../src/lib/review/finding-lines.ts';
import { verdictsJson } from '../../src/lib/review/verdict-file.ts';
import { releaseKey } from '../../src/lib/review/verdict-keys.ts';
import type { BoxVerdict, Verdict } from '../../src/lib/review/verdict-types.ts';
import type { Stats } from '../../src/lib/types.ts';
import { axeViolations, builtFile, openBrowser, openPage, screenshot, type Browser } from './harness.ts';

const stats = JSON.parse(readFileSync(builtFile('data', 'stats.json'), 'utf8')) as Stats;
const RELEASE = releaseKey(stats);
const FINDINGS = readFileSync(builtFile('data', 'finding_annotations.csv'), 'utf8');
const FINDING_LINES = FINDINGS.split('\n');

/** The two first boxes of the demo's finding_annotations.csv, as verdict targets. */
function boxTarget(index: number): { key: string; line: number; target: BoxVerdict['target'] } {
  const [key, [line]] = [...findingBoxLines(FINDINGS)][index];
  const cells = FINDING_LINES[line - 1].split(',');
  const [, imageId, xmin, ymin, xmax, ymax] = key.split(':');
  return {
    key,
    line,
    target: {
      studyId: cells[0], imageId, laterality: cells[3] as 'L' | 'R', view: cells[4] as 'CC' | 'MLO',
      box: { xmin: Number(xmin), ymin: Number(ymin), xmax: Number(xmax), ymax: Number(ymax) },
      categories: ['Mass'], findingBirads: '4',
    },
  };
}
const first = boxTarget(0);
const second = boxTarget(1);
/** A finding BI-RADS other than the second box's own, so the correction shows in its line. */
const SECOND_NEW_BIRADS = Papa.parse<string[]>(FINDING_LINES[second.line - 1]).data[0][10] === 'BI-RADS 5' ? '3' : '5';
const time = (minute: number) => `2026-12-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const SEED: Verdict[] = [
  { kind: 'box', key: first.key, reviewer: 'ana', time: time(1), comment: 'vessel, "not" a mass', target: first.target, verdict: 'not-a-finding' },
  { kind: 'box', key: first.key, reviewer: 'bea', time: time(2), comment: '', target: first.target, verdict: 'correct' },
  { kind: 'box', key: second.key, reviewer: 'ana', time: time(3), comment: '', target: second.target, verdict: 'wrong-birads', corrected: { findingBirads: SECOND_NEW_BIRADS } },
  { kind: 'missed', key: `missed:${first.target.imageId}:e2e1`, reviewer: 'ana', time: time(4), comment: '', target: { ...first.target, box: { xmin: 10, ymin: 20, xmax: 110, ymax: 140 }, categories: ['Suspicious Calcification'], findingBirads: '3' } },
  { kind: 'image-problem', key: `image:${second.target.imageId}`, reviewer: 'bea', time: time(5), comment: 'ruler in view', target: { studyId: second.target.studyId, imageId: second.target.imageId, laterality: second.target.laterality, view: second.target.view }, problem: 'artefact' },
  { kind: 'reviewed', key: `study:${first.target.studyId}`, reviewer: 'ana', time: time(6), comment: '', target: { studyId: first.target.studyId } },
];
/** A verdict of another release in the same database: never shown, exported, imported over or cleared here. */
const OTHER_RELEASE = 'ffffffffffffffff';

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await openBrowser();
  dir = await mkdtemp(join(tmpdir(), 'review-e2e-'));
});
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The raw records of the store (database `vindr-review`, store `verdicts`, key [release, reviewer, key]). */
function storedRecords(page: Page): Promise<{ release: string; reviewer: string; key: string; verdict: Verdict }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('vindr-review');
        open.onsuccess = () => {
          const request = open.result.transaction('verdicts').objectStore('verdicts').getAll();
          request.onsuccess = () => {
            resolve(request.result);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

function seed(page: Page, records: { release: string; reviewer: string; key: string; verdict: Verdict }[]): Promise<void> {
  return page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('vindr-review');
        open.onsuccess = () => {
          const transaction = open.result.transaction('verdicts', 'readwrite');
          for (const row of rows) transaction.objectStore('verdicts').put(row);
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    records,
  );
}

const byIdentity = (records: { release: string; reviewer: string; key: string }[]) =>
  [...records].sort((a, b) => (`${a.release} ${a.reviewer} ${a.key}` < `${b.release} ${b.reviewer} ${b.key}` ? -1 : 1));
const seedRecords = [...SEED.map((verdict) => ({ release: RELEASE, reviewer: verdict.reviewer, key: verdict.key, verdict })),
  { release: OTHER_RELEASE, reviewer: 'ana', key: SEED[0].key, verdict: SEED[0] }];

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; path: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  // Each download in a folder of its own: its name stays the one the page gave (import reports it).
  const path = join(await mkdtemp(join(dir, 'download-')), download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), path, text: await readFile(path, 'utf8') };
}

async function ready(page: Page): Promise<void> {
  await page.locator('#review-page[data-state="ready"]').waitFor();
}

async function importFile(page: Page, path: string): Promise<string> {
  const before = await page.getByTestId('review-status').textContent();
  await page.setInputFiles('#review-import', path);
  await page.waitForFunction((old) => document.querySelector('[data-testid="review-status"]')?.textContent !== old, before);
  return (await page.getByTestId('review-status').textContent()) ?? '';
}

describe('the review page', () => {
  it('starts empty, names the release, and is axe-clean and keyboard-reachable', async () => {
    const { page, errors, offOrigin } = await openPage(browser, '/review/');
    await ready(page);
    await expect.poll(() => page.getByTestId('review-empty').textContent()).toContain('No verdicts yet');
    await expect.poll(() => page.locator('main').textContent()).toContain(RELEASE);
    // The name field is remembered across a reload.
    await page.getByLabel('Your name').fill('ana');
    await page.getByLabel('Your name').press('Tab');
    await page.reload();
    await ready(page);
    await expect.poll(() => page.getByLabel('Your name').inputValue()).toBe('ana');
    // Tab from the name field walks through the three exports, the import and the clear button.
    await page.getByLabel('Your name').focus();
    const reached: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement?.textContent?.trim() || document.activeElement?.id || ''));
    }
    expect(reached).toEqual(['Download verdicts (CSV)', 'Download verdicts (JSON)', 'Download corrected finding_annotations.csv', 'review-import', 'Clear all verdicts…']);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'review-empty');
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
    await page.close();
  });

  it('summarises seeded verdicts with the disagreement and its viewer link; exports, clears and imports back to the same store', async () => {
    const { page, errors } = await openPage(browser, '/review/');
    await ready(page);
    await seed(page, seedRecords);
    await page.reload();
    await ready(page);
    await expect.poll(() => page.getByTestId('review-totals').textContent()).toContain('6 verdicts by 2 reviewers: ana (4), bea (2). 1 study marked reviewed.');
    const disagreements = page.getByTestId('review-disagreements').locator('li');
    await expect.poll(() => disagreements.count()).toBe(1);
    await expect.poll(() => disagreements.first().textContent()).toContain('ana: not a finding (“vessel, "not" a mass”) · bea: correct');
    await expect.poll(() => disagreements.first().getByRole('link').getAttribute('href')).toBe(`/viewer/?study=${first.target.studyId}`);
    // Mass: not a finding 1 (ana), correct 1 (bea), wrong finding BI-RADS 1 (ana); calcification: 1 missed.
    const massRow = page.getByTestId('review-per-category').locator('tr', { has: page.locator('th', { hasText: /^Mass$/ }) });
    await expect.poll(() => massRow.locator('td').allTextContents()).toEqual(['1', '0', '0', '1', '1', '0']);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'review-with-data');

    const json = await downloadText(page, () => page.getByRole('button', { name: 'Download verdicts (JSON)' }).click());
    expect(JSON.parse(json.text)).toMatchObject({ format: 'vindr-mammo-review/1', release: RELEASE, verdicts: expect.any(Array) });
    expect(JSON.parse(json.text).verdicts).toHaveLength(6);
    const csv = await downloadText(page, () => page.getByRole('button', { name: 'Download verdicts (CSV)' }).click());
    expect(csv.name).toMatch(/^review-[0-9a-f]{16}-\d{4}-\d{2}-\d{2}\.csv$/);
    // Header and six rows; the quoted comment keeps its comma and quotes.
    expect(csv.text.trimEnd().split('\n')).toHaveLength(1 + 6);
    expect(csv.text).toContain('"vessel, ""not"" a mass"');

    const corrected = await downloadText(page, () => page.getByRole('button', { name: 'Download corrected finding_annotations.csv' }).click());
    expect(corrected.name).toBe('finding_annotations.csv');
    const lines = corrected.text.trimEnd().split('\n');
    // bea's "correct" (10:02) is newer than ana's "not a finding" (10:01): the first box stays; one missed finding
    // is added, and the second box's finding BI-RADS changes.
    expect(lines).toHaveLength(FINDING_LINES.length - 1 + 1);
    expect(lines).toContain(FINDING_LINES[first.line - 1]);
    expect(lines).not.toContain(FINDING_LINES[second.line - 1]);
    expect(lines.filter((line) => line.includes('10.0,20.0,110.0,140.0'))).toHaveLength(1);
    await expect.poll(() => page.getByTestId('review-status').textContent()).toBe('Corrected finding_annotations.csv: 0 boxes removed, 1 changed, 1 missed findings added.');

    // Clear: Escape cancels, the confirmation clears this release only.
    await page.getByRole('button', { name: 'Clear all verdicts…' }).click();
    await expect.poll(() => page.locator('#review-clear-count').textContent()).toContain('all 6 verdicts');
    await page.keyboard.press('Escape');
    await expect.poll(() => storedRecords(page).then((r) => r.length)).toBe(7);
    await page.getByRole('button', { name: 'Clear all verdicts…' }).click();
    await page.getByTestId('confirm-clear').click();
    await page.getByTestId('review-empty').waitFor();
    await expect.poll(() => storedRecords(page)).toEqual([seedRecords[6]]);

    expect(await importFile(page, json.path)).toBe(`Imported ${json.name}: 6 added, 0 updated (the file’s were newer), 0 conflicting, 0 unchanged.`);
    expect(byIdentity(await storedRecords(page))).toEqual(byIdentity(seedRecords));
    await page.getByRole('button', { name: 'Clear all verdicts…' }).click();
    await page.getByTestId('confirm-clear').click();
    await page.getByTestId('review-empty').waitFor();
    expect(await importFile(page, csv.path)).toContain('6 added');
    expect(byIdentity(await storedRecords(page))).toEqual(byIdentity(seedRecords));
    // The same file again changes nothing; a newer verdict of bea's on the first box updates one, an older one conflicts.
    expect(await importFile(page, json.path)).toContain('0 added, 0 updated (the file’s were newer), 0 conflicting, 6 unchanged');
    const newer = join(dir, 'newer.json');
    await writeFile(newer, verdictsJson({ key: RELEASE, files: stats.source.files }, [
      { ...(SEED[1] as BoxVerdict), time: time(30), verdict: 'wrong-geometry' },
      { ...(SEED[0] as BoxVerdict), time: time(0), verdict: 'correct' },
    ]));
    const merged = await importFile(page, newer);
    expect(merged).toContain('0 added, 1 updated (the file’s were newer), 1 conflicting, 0 unchanged. Conflicting: this browser already held');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses another release’s file and a file of another format, and changes nothing', async () => {
    const { page } = await openPage(browser, '/review/');
    await ready(page);
    const before = byIdentity(await storedRecords(page));
    const otherFiles = { ...stats.source.files, 'finding_annotations.csv': { sha256: '0'.repeat(64), rows: 1 } };
    const theirs = join(dir, 'theirs.json');
    await writeFile(theirs, verdictsJson({ key: OTHER_RELEASE, files: otherFiles }, [SEED[0]]));
    expect(await importFile(page, theirs)).toBe(
      `Refused, nothing changed: theirs.json: the review of another release (${OTHER_RELEASE}: its finding_annotations.csv differs); this site shows release ${RELEASE}.`,
    );
    const statsFile = join(dir, 'stats.json');
    await writeFile(statsFile, JSON.stringify(stats));
    expect(await importFile(page, statsFile)).toBe('Refused, nothing changed: stats.json: not a review file of this site: no format tag, expected "vindr-mammo-review/1".');
    expect(byIdentity(await storedRecords(page))).toEqual(before);
    await page.close();
  });
});
