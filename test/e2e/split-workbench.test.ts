// The split workbench page: a split file chosen through the file input is audited in the browser, and its JSON
// download is byte for byte the report the command line writes for the same file; "Make folds" downloads the
// command line's bytes for the same seed; bad files get one sentence; axe finds nothing.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSplit } from '../../src/lib/split-audit/audit-report.ts';
import { makeSplitFile } from '../../src/lib/split-audit/make-split-file.ts';
import { officialSplitCsv } from '../../src/lib/split-audit/make-split.ts';
import { serializeReport } from '../../src/lib/split-audit/report-json.ts';
import type { Stats } from '../../src/lib/types.ts';
import { readReleaseStudies, readSplitFile, type SplitRelease } from '../../src/node/split/read-split-inputs.ts';
import { axeViolations, openBrowser, openPage, screenshot, type Browser } from './harness.ts';

// The site is built from the demo release unless VINDR_DATA names another (then the same folder is read here).
const stats = JSON.parse(readFileSync(join('public', 'data', 'stats.json'), 'utf8')) as Stats;
const releaseDir = process.env.VINDR_DATA ?? '.demo-release';

let browser: Browser;
let release: SplitRelease;
let dir: string;
beforeAll(async () => {
  browser = await openBrowser();
  release = await readReleaseStudies(releaseDir);
  dir = await mkdtemp(join(tmpdir(), 'split-workbench-'));
});
afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

async function chooseFile(page: Page, path: string): Promise<void> {
  await page.locator('#split-workbench[data-ready="true"]').waitFor();
  await page.setInputFiles('#split-file', path);
  await page.locator('#split-workbench[data-state="report"], #split-workbench[data-state="error"]').waitFor({ timeout: 30_000 });
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

describe('/audit/split-file/', () => {
  it('audits a 5-fold file chosen through the file input: the JSON equals the command line’s report', async () => {
    expect(stats.counts.studies.all).toBe(release.studies.length);
    // 5 folds of the training studies, plus a study listed twice in two folds and an id of another release.
    const made = makeSplitFile(release.studies, { folds: 5, from: 'training', seed: 3 });
    const [leaking, firstFold] = made.csv.split('\n')[1].split(',');
    const path = join(dir, 'my-folds.csv');
    await writeFile(path, `${made.csv}${leaking},5\nnot-a-study,2\n`);
    const cli = await readSplitFile(path, release, undefined);
    const expected = auditSplit(release.studies, cli.assignment, { fileFacts: { name: cli.name, sha256: cli.sha256 }, sharedSeries: release.sharedSeries });

    const { page, errors, offOrigin } = await openPage(browser, '/audit/split-file/');
    await chooseFile(page, path);
    await expect.poll(() => page.getByTestId('report-conclusion').textContent()).toBe(expected.conclusion);
    await expect.poll(() => page.getByTestId('report-file').textContent()).toContain(`my-folds.csv: ${expected.file.rows.toLocaleString('en-US')} rows, sha256 ${cli.sha256}`);
    const rows = page.locator('[data-testid="table-attributes"] tbody tr');
    expect(await rows.count()).toBe(6 - expected.notTestable.length);
    const json = await downloadText(page, () => page.getByTestId('download-json').click());
    expect(json.name).toBe('my-folds-audit.json');
    expect(json.text).toBe(serializeReport(expected));
    expect(expected.leakage.studies).toEqual(firstFold === '5' ? [] : [{ id: leaking, subsets: [firstFold, '5'] }]);
    expect(expected.unknownIds.ids).toEqual(['not-a-study']);
    const csv = await downloadText(page, () => page.locator('[data-testid="table-subsets"] button').click());
    expect(csv.text.split('\r\n')[0]).toBe('Subset,Studies,Share (%)');

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'split-workbench-report');
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
    await page.close();
  });

  it('audits the official split as official-split.csv, as the command line does', async () => {
    const path = join(dir, 'official-split.csv');
    await writeFile(path, officialSplitCsv(release.studies));
    const cli = await readSplitFile(path, release, undefined);
    const expected = auditSplit(release.studies, cli.assignment, { fileFacts: { name: cli.name, sha256: cli.sha256 }, sharedSeries: release.sharedSeries });
    expect(expected.subsets.map((s) => s.studies)).toEqual([stats.counts.studies.test, stats.counts.studies.training]);
    const { page, errors } = await openPage(browser, '/audit/split-file/');
    await page.locator('#split-workbench[data-ready="true"]').waitFor();
    await page.getByTestId('audit-official').click();
    await page.locator('#split-workbench[data-state="report"]').waitFor({ timeout: 30_000 });
    const json = await downloadText(page, () => page.getByTestId('download-json').click());
    expect(json.text).toBe(serializeReport(expected));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('makes folds with the command line’s bytes for the same seed', async () => {
    const { page, errors } = await openPage(browser, '/audit/split-file/');
    await page.locator('#split-workbench[data-ready="true"]').waitFor();
    await page.locator('input[name="folds"]').fill('4');
    await page.locator('input[name="seed"]').fill('17');
    await page.locator('select[name="from"]').selectOption('training');
    const file = await downloadText(page, () => page.getByTestId('make-split-button').click());
    expect(file.text).toBe(makeSplitFile(release.studies, { folds: 4, from: 'training', seed: 17 }).csv);
    await page.locator('input[name="how"][value="ratios"]').check();
    await page.locator('input[name="ratios"]').fill('0.9,0.1');
    await page.locator('select[name="from"]').selectOption('all');
    const ratios = await downloadText(page, () => page.getByTestId('make-split-button').click());
    expect(ratios.text).toBe(makeSplitFile(release.studies, { ratios: '0.9,0.1', seed: 17 }).csv);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no axe violations in dark mode with a report on a phone-sized screen', async () => {
    const dark = await openBrowser({ colorScheme: 'dark', viewport: { width: 390, height: 844 } });
    try {
      const path = join(dir, 'two-folds.csv');
      await writeFile(path, makeSplitFile(release.studies, { folds: 2, seed: 1 }).csv);
      const { page, errors } = await openPage(dark, '/audit/split-file/');
      await chooseFile(page, path);
      expect(await page.locator('#split-workbench').getAttribute('data-state')).toBe('report');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'split-workbench-dark-phone');
      expect(errors).toEqual([]);
    } finally {
      await dark.close();
    }
  });

  it.each([
    { text: 'id,fold\nx,1\n', message: 'bad.csv:1: no study id column' },
    { text: 'study_id,fold\nx1,1\nx2,2\n', message: 'none of its 2 ids is in this release' },
  ])('says what is wrong with a bad file in one sentence: $message', async ({ text, message }) => {
    const path = join(dir, 'bad.csv');
    await writeFile(path, text);
    const { page } = await openPage(browser, '/audit/split-file/');
    await chooseFile(page, path);
    await expect.poll(() => page.getByTestId('split-status').textContent()).toContain(message);
    await expect.poll(() => page.getByTestId('split-report').textContent()).toBe('');
    await page.close();
  });
});
