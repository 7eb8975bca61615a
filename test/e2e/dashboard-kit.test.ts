// The chart kit end to end on the BI-RADS chart: marks carry stats.json's numbers, toggles change them, the URL
// round-trips the view (reload, back, forward), tooltips follow hover and keyboard, downloads hold the right bytes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderedKeys } from '../../src/lib/chart-data/bar-tables.ts';
import { openBrowser, openPage, type Browser } from './harness.ts';
import { choose, download, frame, marks, readStats, tableCells } from './dashboard-kit.ts';

const stats = readStats();
// Every BI-RADS digit stats.json has, in order (the release has 1–5; another version may add 0 or 6).
const BIRADS = orderedKeys(['1', '2', '3', '4', '5'], ['training', 'test', 'all'].flatMap((s) => Object.keys(stats.breastBirads[s as 'all'])));
const total = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('chart kit on /birads/', () => {
  it('draws one mark per BI-RADS value of stats.json, and the toggles change them', async () => {
    const { page, errors } = await openPage(browser, '/birads/');
    const all = await marks(page, 'birads');
    expect(all.map((m) => [m.row, m.count])).toEqual(BIRADS.map((b) => [b, stats.breastBirads.all[b]]));

    await choose(page, 'birads', 'Split', 'Test');
    expect((await marks(page, 'birads')).map((m) => m.value)).toEqual(BIRADS.map((b) => stats.breastBirads.test[b]));

    await choose(page, 'birads', 'Show', 'Percent');
    const testTotal = total(stats.breastBirads.test);
    const shares = (await marks(page, 'birads')).map((m) => m.value);
    shares.forEach((v, i) => expect(v).toBeCloseTo(testTotal ? (stats.breastBirads.test[BIRADS[i]] / testTotal) * 100 : 0, 9));

    await choose(page, 'birads', 'Split', 'Side by side');
    const side = await marks(page, 'birads');
    expect(side.map((m) => `${m.row}:${m.split}:${m.count}`)).toEqual(
      BIRADS.flatMap((b) => [`${b}:training:${stats.breastBirads.training[b]}`, `${b}:test:${stats.breastBirads.test[b]}`]),
    );

    await choose(page, 'birads', 'Grouping', 'Screening groups');
    await choose(page, 'birads', 'Show', 'Counts');
    await choose(page, 'birads', 'Split', 'All');
    const a = stats.breastBirads.all;
    expect((await marks(page, 'birads')).map((m) => [m.row, m.count])).toEqual([
      ['normal', a['1']],
      ['benign', a['2']],
      ['recall', a['3'] + a['4'] + a['5']],
    ]);
    expect(errors).toEqual([]);
  });

  it('keeps the view in the URL: reload restores it, back and forward step through it', async () => {
    const { page } = await openPage(browser, '/birads/');
    await choose(page, 'birads', 'Split', 'Test');
    await choose(page, 'birads', 'Show', 'Percent');
    expect(new URL(page.url()).search).toBe('?birads-mode=percent&birads-split=test');
    await page.reload({ waitUntil: 'networkidle' });
    expect(await frame(page, 'birads').getByRole('radio', { name: 'Percent' }).isChecked()).toBe(true);
    expect((await marks(page, 'birads')).every((m) => m.split === 'test')).toBe(true);

    await page.goBack();
    await expect.poll(() => new URL(page.url()).search).toBe('?birads-split=test');
    expect(await frame(page, 'birads').getByRole('radio', { name: 'Counts' }).isChecked()).toBe(true);
    expect((await marks(page, 'birads')).map((m) => m.value)).toEqual(BIRADS.map((b) => stats.breastBirads.test[b]));
    await page.goBack();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    expect((await marks(page, 'birads')).map((m) => m.value)).toEqual(BIRADS.map((b) => stats.breastBirads.all[b]));
    await page.goForward();
    await expect.poll(() => new URL(page.url()).search).toBe('?birads-split=test');
    expect(await frame(page, 'birads').getByRole('radio', { name: 'Test', exact: true }).isChecked()).toBe(true);
  });

  it('shows the exact value on hover and on keyboard focus, and arrows move between marks', async () => {
    const { page } = await openPage(browser, '/birads/');
    const tip = frame(page, 'birads').locator('[data-chart-tooltip]');
    const first = frame(page, 'birads').locator('.mark').first();
    const widest = BIRADS.reduce((best, b) => (stats.breastBirads.all[b] > stats.breastBirads.all[best] ? b : best), BIRADS[0]);
    await frame(page, 'birads').locator(`.mark[data-row="${widest}"]`).hover();
    await expect.poll(() => tip.textContent()).toBe(`BI-RADS ${widest} · All: ${stats.breastBirads.all[widest].toLocaleString('en-US')} breasts`);
    await page.mouse.move(0, 0);
    await expect.poll(() => tip.isVisible()).toBe(false);

    await first.focus();
    expect(await tip.textContent()).toBe(`BI-RADS 1 · All: ${stats.breastBirads.all['1'].toLocaleString('en-US')} breasts`);
    expect(await tip.isVisible()).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await tip.textContent()).toBe(`BI-RADS 2 · All: ${stats.breastBirads.all['2'].toLocaleString('en-US')} breasts`);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toContain('BI-RADS 2');
    await page.keyboard.press('End');
    expect(await tip.textContent()).toContain('BI-RADS 5');
  });

  it('has a data table and downloads with the right contents', async () => {
    const { page } = await openPage(browser, '/birads/?birads-split=side');
    const cells = await tableCells(page, 'birads');
    expect(cells[0]).toEqual(['BI-RADS', 'Training (breasts)', 'Test (breasts)']);
    expect(cells.slice(1)).toEqual(
      BIRADS.map((b) => [`BI-RADS ${b}`, stats.breastBirads.training[b].toLocaleString('en-US'), stats.breastBirads.test[b].toLocaleString('en-US')]),
    );

    const csv = await download(page, 'birads', 'CSV');
    expect(csv.name).toBe('birads-side-count-categories.csv');
    const expectedCsv = ['BI-RADS,Training (breasts),Test (breasts)', ...BIRADS.map((b) => `BI-RADS ${b},${stats.breastBirads.training[b]},${stats.breastBirads.test[b]}`)];
    expect(csv.bytes.toString('utf8')).toBe(expectedCsv.join('\r\n') + '\r\n');

    const svg = await download(page, 'birads', 'SVG');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.localName, bars: doc.querySelectorAll('.bars rect, g > rect[fill]').length };
    }, svg.bytes.toString('utf8'));
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.bars).toBeGreaterThanOrEqual(10);

    const png = await download(page, 'birads', 'PNG');
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(500); // IHDR width: 2× the chart
  });
});
