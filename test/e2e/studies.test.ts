// The study browser (/studies/): its numbers equal studies.json and stats.json, filters narrow the table with
// correct live counts, filters live in the URL (reload and back/forward), the keyboard reaches everything,
// every row opens the viewer (with the filter carried), and axe finds nothing in light, dark and phone-width layouts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CompactStudyIndex, CompactStudyRow } from '../../src/lib/studies/study-index.ts';
import type { Stats } from '../../src/lib/types.ts';
import { axeViolations, openBrowser, openPage, screenshot, type Browser } from './harness.ts';

/** axe over 50 rows of chips takes 10–25 s here; more on a busy machine. */
const AXE_TIMEOUT_MS = 150_000;

let browser: Browser;
let index: CompactStudyIndex;
let stats: Stats;

beforeAll(async () => {
  browser = await openBrowser();
  const base = browser.baseURL;
  index = (await (await fetch(new URL('/data/studies.json', base))).json()) as CompactStudyIndex;
  stats = (await (await fetch(new URL('/data/stats.json', base))).json()) as Stats;
});
afterAll(async () => {
  await browser?.close();
});

const grouped = (n: number) => n.toLocaleString('en-US');
const countText = (shown: number) => (shown === index.rows.length ? `${grouped(shown)} studies` : `${grouped(shown)} of ${grouped(index.rows.length)} studies`);
/** Rows of studies.json that pass `test`, counted straight from the compact arrays (not through the page's code). */
const countRows = (test: (row: CompactStudyRow) => boolean) => index.rows.filter(test).length;
const category = (name: string) => index.categories.indexOf(name);

async function loaded(page: Page): Promise<void> {
  await page.locator('#study-rows th[scope="row"]').first().waitFor();
}
const status = (page: Page) => page.getByRole('status').textContent();
const firstIds = (page: Page, n: number) => page.locator('#study-rows th[scope="row"]').evaluateAll((cells, n) => cells.slice(0, n).map((c) => c.textContent!.slice(0, 32)), n);

describe('study browser', () => {
  it('shows every study of the index, 50 per page, in id order, and agrees with stats.json', async () => {
    const { page, errors, offOrigin } = await openPage(browser, '/studies/');
    await loaded(page);
    expect(index.rows.length).toBe(stats.counts.studies.all);
    expect(await status(page)).toBe(countText(stats.counts.studies.all));
    await expect.poll(() => page.locator('#study-rows tr').count()).toBe(Math.min(50, index.rows.length));
    expect(await firstIds(page, 3)).toEqual(index.rows.slice(0, 3).map((r) => r[0]));
    await expect.poll(() => page.locator('#study-page').textContent()).toBe(`Page 1 of ${Math.ceil(index.rows.length / 50)}`);

    await page.getByLabel('Split').selectOption('test');
    expect(await status(page)).toBe(countText(stats.counts.studies.test));
    await page.getByLabel('Split').selectOption('training');
    expect(await status(page)).toBe(countText(stats.counts.studies.training));
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
  });

  it('narrows with each filter and combines them, with live counts equal to the index', async () => {
    const { page } = await openPage(browser, '/studies/');
    await loaded(page);
    const mass = category('Mass');
    await page.getByLabel('Finding', { exact: true }).selectOption('Mass');
    expect(await status(page)).toBe(countText(countRows((r) => r[4].includes(mass))));

    await page.getByLabel('Breast BI-RADS').selectOption('5');
    const massAnd5 = countRows((r) => r[4].includes(mass) && (r[2].startsWith('5') || r[3].startsWith('5')));
    expect(massAnd5).toBeGreaterThan(0);
    expect(await status(page)).toBe(countText(massAnd5));

    await page.getByLabel('Breast BI-RADS').selectOption('');
    await page.getByLabel('Finding', { exact: true }).selectOption('No Finding');
    expect(await status(page)).toBe(countText(countRows((r) => r[7] === 0)));

    await page.getByLabel('Finding', { exact: true }).selectOption('');
    await page.getByLabel('Breast density').selectOption('D');
    await page.getByLabel('Finding BI-RADS').selectOption('4');
    expect(await status(page)).toBe(countText(countRows((r) => (r[2].endsWith('D') || r[3].endsWith('D')) && r[5].includes(1))));

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => status(page)).toBe(countText(index.rows.length));

    const vendor = index.vendors.indexOf('Planmed');
    await page.getByLabel('Vendor').selectOption('Planmed');
    expect(await status(page)).toBe(countText(countRows((r) => r[6] === vendor)));

    const prefix = index.rows[0][0].slice(0, 2);
    await page.getByLabel('Vendor').selectOption('');
    await page.getByLabel('Study id starts with').fill(prefix.toUpperCase());
    expect(await status(page)).toBe(countText(countRows((r) => r[0].startsWith(prefix))));

    await page.getByLabel('Study id starts with').fill('zz');
    expect(await status(page)).toBe(countText(0));
    await expect.poll(() => page.locator('#study-rows').textContent()).toContain('No study matches these filters.');
  });

  it('sorts, and keeps filters, sort and page in the URL (reload and back/forward)', async () => {
    const { page } = await openPage(browser, '/studies/');
    await loaded(page);
    await page.getByLabel('Split').selectOption('test');
    await page.getByLabel('Sort by').selectOption('boxes');
    await page.getByLabel('Order').selectOption('desc');
    const maxBoxes = Math.max(...index.rows.filter((r) => r[1] === 1).map((r) => r[7]));
    await expect.poll(() => page.locator('#study-rows tr').first().locator('td').nth(4).textContent()).toBe(String(maxBoxes));
    expect(await page.locator('th[data-sort="boxes"]').getAttribute('aria-sort')).toBe('descending');
    await page.getByRole('button', { name: 'Next' }).click();
    expect(new URL(page.url()).search).toBe('?split=test&sort=-boxes&page=2');
    const page2 = await firstIds(page, 5);

    await page.reload({ waitUntil: 'networkidle' });
    await loaded(page);
    await expect.poll(() => page.getByLabel('Split').inputValue()).toBe('test');
    await expect.poll(() => page.getByLabel('Sort by').inputValue()).toBe('boxes');
    await expect.poll(() => page.getByLabel('Order').inputValue()).toBe('desc');
    await expect.poll(() => page.locator('#study-page').textContent()).toMatch(/^Page 2 of /);
    expect(await firstIds(page, 5)).toEqual(page2);

    await page.goBack();
    await expect.poll(() => page.locator('#study-page').textContent()).toMatch(/^Page 1 of /);
    expect(new URL(page.url()).search).toBe('?split=test&sort=-boxes');
    await page.goBack();
    await page.goBack();
    await page.goBack();
    await expect.poll(() => status(page)).toBe(countText(index.rows.length));
    await expect.poll(() => page.getByLabel('Split').inputValue()).toBe('');
    await page.goForward();
    await expect.poll(() => status(page)).toBe(countText(stats.counts.studies.test));
  });

  it('is usable from the keyboard: search, a filter, the pager', async () => {
    const { page } = await openPage(browser, '/studies/');
    await loaded(page);
    let steps = 0;
    while (!(await page.evaluate(() => document.activeElement?.getAttribute('name') === 'q')) && steps++ < 60) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');
    const prefix = index.rows[0][0].slice(0, 1);
    await page.keyboard.type(prefix);
    expect(await status(page)).toBe(countText(countRows((r) => r[0].startsWith(prefix))));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('split');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByLabel('Split').inputValue()).toBe('training');
    const both = countRows((r) => r[0].startsWith(prefix) && r[1] === 0);
    expect(await status(page)).toBe(countText(both));

    const next = page.getByRole('button', { name: 'Next' });
    await next.focus();
    await page.keyboard.press('Enter');
    if (both > 50) {
      await expect.poll(() => page.locator('#study-page').textContent()).toMatch(/^Page 2 of /);
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Next');
    // The table's scroll region takes focus too, so a keyboard user can scroll it sideways on a phone.
    expect(await page.getByRole('region', { name: /^Studies/ }).getAttribute('tabindex')).toBe('0');
  });

  it('links every study to the viewer with the filter carried along, saying which open without images', async () => {
    const { page } = await openPage(browser, '/studies/?images=1');
    const withImages = index.rows.filter((r) => r[8] === 1).map((r) => r[0]);
    expect(withImages.length).toBeGreaterThan(0);
    await loaded(page);
    await expect.poll(() => page.getByLabel('Only studies with images available (in this build)').isChecked()).toBe(true);
    expect(await status(page)).toBe(countText(withImages.length));
    const hrefs = await page.locator('#study-rows th[scope="row"] a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(withImages.slice(0, 50).map((id) => `/viewer/?study=${id}&images=1`));

    await page.goto(new URL('/studies/', browser.baseURL).href);
    await loaded(page);
    const firstPage = index.rows.slice(0, 50);
    const links = page.locator('#study-rows th[scope="row"] a');
    expect(await links.count()).toBe(firstPage.length);
    const texts = await links.evaluateAll((all) => all.map((a) => a.textContent ?? ''));
    expect(texts.map((t) => t.endsWith('Open in viewer'))).toEqual(firstPage.map((r) => r[8] === 1));
    expect(texts.filter((t) => t.endsWith('Open schematic (no images)')).length).toBe(firstPage.filter((r) => r[8] !== 1).length);
  });

  it('draws chips in the shared palette without inline style attributes in the markup', async () => {
    const { page } = await openPage(browser, `/studies/?finding=${encodeURIComponent('Suspicious Calcification')}`);
    await loaded(page);
    const dot = page.locator('#study-rows td span[aria-hidden="true"]').first();
    expect(await dot.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    const html = await (await fetch(new URL('/studies/', browser.baseURL))).text();
    expect(html).not.toMatch(/\sstyle="/);
    expect(html).not.toMatch(/\son[a-z]+="/);
  });

  it('passes axe and is screenshotted in light mode', async () => {
    const { page, errors } = await openPage(browser, '/studies/?finding=Mass&birads=5');
    await loaded(page);
    await screenshot(page, 'studies-light');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, AXE_TIMEOUT_MS);
});

describe('study browser in dark mode and at phone width', () => {
  it('passes axe in dark mode', async () => {
    const dark = await openBrowser({ colorScheme: 'dark' });
    try {
      const { page, errors } = await openPage(dark, '/studies/?images=1');
      await loaded(page);
      await screenshot(page, 'studies-dark');
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await dark.close();
    }
  }, AXE_TIMEOUT_MS);

  it('passes axe at 375 px wide', async () => {
    const phone = await openBrowser({ viewport: { width: 375, height: 800 } });
    try {
      const { page, errors } = await openPage(phone, '/studies/');
      await loaded(page);
      await screenshot(page, 'studies-375');
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await phone.close();
    }
  }, AXE_TIMEOUT_MS);
});
