// The statistics pages in the browser: numbers equal stats.json, paper comparison verdicts, the overview's figures and
// links, the theme switch, every page (the viewer included) at phone width, and axe with 0 violations in light AND
// dark mode (screenshots of every page saved under test-output/screenshots/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderedKeys } from '../../src/lib/chart-data/bar-tables.ts';
import { csvNumber } from '../../src/lib/chart-data/format.ts';
import { paperComparisons, type PaperTables } from '../../src/lib/chart-data/paper-comparison.ts';
import { SITE_PAGES } from '../../src/lib/site-pages.ts';
import { FINDING_BIRADS, FINDING_CATEGORIES } from '../../src/lib/vocabulary.ts';
import { axeViolations, builtFile, openBrowser, openPage, screenshot, type Browser } from './harness.ts';
import { choose, download, marks, readStats, STATS_PAGES } from './dashboard-kit.ts';

const stats = readStats();
const paper = JSON.parse(readFileSync(join('src', 'data', 'paper-tables.json'), 'utf8')) as PaperTables;
// axe in both schemes runs here for this file's pages; the other statistics pages run it in dashboard-more.test.ts.
const OWN_PAGES = ['/', '/birads/', '/density/', '/findings/'];
const shotName = (page: string) => (page === '/' ? 'overview' : page.replaceAll('/', ''));

let light: Browser;
let dark: Browser;
beforeAll(async () => {
  [light, dark] = await Promise.all([openBrowser(), openBrowser({ colorScheme: 'dark' })]);
});
afterAll(async () => {
  await Promise.all([light?.close(), dark?.close()]);
});

describe.each([
  ['light', () => light],
  ['dark', () => dark],
] as const)('every statistics page in %s mode', (scheme, browser) => {
  // Concurrent: axe dominates the time and mostly waits on the browser.
  it.concurrent.each(OWN_PAGES)(`%s loads cleanly and has no axe violations (${scheme})`, async (path) => {
    const { page, errors, offOrigin } = await openPage(browser(), path);
    await page.locator('[data-chart-frame]:not([data-ready])').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
    await screenshot(page, `dashboard-${shotName(path)}-${scheme}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
    await page.close();
  });
});

// Every page of the registry, and the viewer on a sample study (its view headers with their preset menus).
const sampleStudy = (JSON.parse(readFileSync(builtFile('data', 'samples.json'), 'utf8')) as { id: string }[])[0].id;
const PHONE_PAGES = [...SITE_PAGES.filter((p) => p.path !== '/viewer/').map((p) => p.path), `/viewer/?study=${sampleStudy}`];

describe('every page at phone width (375 px)', () => {
  it.concurrent.each(PHONE_PAGES)('%s fits without sideways scrolling', async (path) => {
    const { page } = await openPage(light, path);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForTimeout(120); // the ResizeObserver redraw
    if (STATS_PAGES.includes(path)) await screenshot(page, `dashboard-${shotName(path)}-phone`);
    // The viewer fills in its preset menus as its views load: measure once they show.
    if (path.startsWith('/viewer/')) await page.locator('.viewer-preset:not(.hidden)').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.close();
  });
});

describe('overview', () => {
  it('shows the headline figures of stats.json, the synthetic banner when synthetic, and links to every section', async () => {
    const { page } = await openPage(light, '/');
    const figure = (label: string) => page.locator(`[data-stat="${label}"] [data-stat-value]`).textContent();
    expect(await figure('Studies')).toBe(stats.counts.studies.all.toLocaleString('en-US'));
    expect(await figure('Images')).toBe(stats.counts.images.all.toLocaleString('en-US'));
    expect(await figure('Breasts')).toBe(stats.counts.breasts.all.toLocaleString('en-US'));
    expect(await figure('Boxes')).toBe(stats.counts.findings.all.toLocaleString('en-US'));
    const vendors = Object.keys(stats.vendors.all).length;
    expect(await figure('Vendors')).toBe(vendors ? String(vendors) : '—');
    const share = stats.counts.studies.all ? ((stats.age.known.all / stats.counts.studies.all) * 100).toFixed(1) : '0.0';
    expect(await figure('Known ages')).toBe(`${share} %`);
    await expect.poll(() => page.locator('[data-synthetic-banner]').count()).toBe(stats.source.synthetic ? 1 : 0);

    const main = page.getByRole('main');
    const sections = SITE_PAGES.filter((p) => p.summary !== undefined);
    expect(sections.map((p) => p.path)).toEqual(expect.arrayContaining(['/birads/', '/audit/split/', '/studies/']));
    for (const { path, title } of sections) {
      expect(await main.getByRole('link', { name: title, exact: true }).getAttribute('href'), path).toBe(path);
    }
    const nav = page.getByRole('navigation', { name: 'Site' }).getByRole('link');
    expect(await nav.evaluateAll((links) => links.map((a) => [a.getAttribute('href'), a.textContent]))).toEqual(
      SITE_PAGES.filter((p) => p.navLabel !== undefined).map((p) => [p.path, p.navLabel]),
    );
    expect(await nav.and(page.locator('[aria-current="page"]')).textContent()).toBe('Overview');
    // A rule opens each group after the first (statistics | audits | studies).
    const navPages = SITE_PAGES.filter((p) => p.navLabel !== undefined);
    const groupStarts = navPages.filter((p, i) => i > 0 && navPages[i - 1].group !== p.group).map((p) => p.path);
    expect(groupStarts.length).toBeGreaterThanOrEqual(2);
    expect(await page.locator('nav[aria-label="Site"] li.border-l a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(groupStarts);
    const download = main.getByRole('link', { name: 'Download stats.json' });
    expect(await download.getAttribute('href')).toBe('/data/stats.json');
    const served = await page.evaluate(async () => (await fetch('/data/stats.json')).json());
    expect(served).toEqual(stats);
  });

  it('switches theme from the header and remembers it', async () => {
    const { page } = await openPage(light, '/');
    const toggle = page.getByRole('button', { name: /^Colour theme/ });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const before = await background();
    await toggle.click(); // system → light
    await toggle.click(); // light → dark
    expect(await toggle.getAttribute('aria-label')).toBe('Colour theme: dark');
    expect(await background()).not.toBe(before);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await toggle.click(); // back to system
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
  });
});

describe('paper comparison', () => {
  const expected = paperComparisons(stats, paper);
  it.each([
    ['/birads/', 'table3', expected.table3.differing],
    ['/density/', 'table4', expected.table4.differing],
    ['/findings/', 'table5-counts', expected.table5Counts.differing],
    ['/findings/', 'table5-rates', expected.table5Rates.differing],
  ])('%s %s marks every differing cell, or says it matches the paper', async (path, id, differing) => {
    const { page } = await openPage(light, path);
    const section = page.locator(`[data-paper-comparison="${id}"]`);
    expect(await section.locator('[data-diff]').count()).toBe(differing);
    const verdict = await section.locator('[data-verdict]').textContent();
    expect(verdict).toMatch(differing === 0 ? /Matches the paper/ : new RegExp(`${differing} of \\d+ cells differ`));
  });
});

describe('charts of the statistics pages draw stats.json', () => {
  it('/density/: one mark per density letter; percent = share of breasts', async () => {
    const { page } = await openPage(light, '/density/');
    const letters = orderedKeys(['A', 'B', 'C', 'D'], Object.keys(stats.breastDensity.all));
    expect((await marks(page, 'density')).map((m) => [m.row, m.count])).toEqual(letters.map((d) => [d, stats.breastDensity.all[d]]));
    await choose(page, 'density', 'Split', 'Training');
    await choose(page, 'density', 'Show', 'Percent');
    const total = letters.reduce((s, d) => s + stats.breastDensity.training[d], 0);
    (await marks(page, 'density')).forEach((m, i) => expect(m.value).toBeCloseTo(total ? (stats.breastDensity.training[letters[i]] / total) * 100 : 0, 9));
  });

  it('/findings/: Table 5 counts and rates per 100 images; Fig. 3 stacks every finding BI-RADS', async () => {
    const { page } = await openPage(light, '/findings/');
    // Every category stats.json has (vocabulary order, unknown spellings appended), zeros included.
    const categories = orderedKeys(FINDING_CATEGORIES, ['training', 'test', 'all'].flatMap((s) => Object.keys(stats.findingCategories[s as 'all'])));
    expect((await marks(page, 'findings')).map((m) => [m.row, m.count])).toEqual(categories.map((c) => [c, stats.findingCategories.all[c] ?? 0]));
    await choose(page, 'findings', 'Show', 'Per 100 images');
    (await marks(page, 'findings')).forEach((m, i) => expect(m.value).toBeCloseTo(stats.findingRatePer100Images.all[categories[i]] ?? 0, 9));
    await choose(page, 'findings', 'Split', 'Test');
    (await marks(page, 'findings')).forEach((m, i) => expect(m.value).toBeCloseTo(stats.findingRatePer100Images.test[categories[i]] ?? 0, 9));
    const csv = (await download(page, 'findings', 'CSV')).bytes.toString('utf8');
    expect(csv).toBe(
      ['Finding,Test (per 100 images)', ...categories.map((c) => `${c},${csvNumber(stats.findingRatePer100Images.test[c] ?? 0)}`)].join('\r\n') + '\r\n',
    );

    const stacked = await marks(page, 'finding-birads');
    expect(stacked.map((m) => `${m.row}|${m.series}|${m.count}`)).toEqual(
      categories.flatMap((c) => FINDING_BIRADS.map((b) => `${c}|${b}|${stats.findingBirads.all[c]?.[b] ?? 0}`)),
    );
    await choose(page, 'finding-birads', 'Split', 'Side by side');
    await expect.poll(() => page.locator('[data-chart-id="finding-birads"] .mark').count()).toBe(categories.length * FINDING_BIRADS.length * 2);
    await choose(page, 'finding-birads', 'Show', '% within category');
    const shares = await marks(page, 'finding-birads');
    const mass = shares.filter((m) => m.row === 'Mass' && m.split === 'training');
    const massTotal = FINDING_BIRADS.reduce((s, b) => s + (stats.findingBirads.training.Mass?.[b] ?? 0), 0);
    mass.forEach((m, i) => expect(m.value).toBeCloseTo(massTotal ? ((stats.findingBirads.training.Mass?.[FINDING_BIRADS[i]] ?? 0) / massTotal) * 100 : 0, 9));
  });

  it('controls are reachable by keyboard with a visible focus ring', async () => {
    const { page } = await openPage(light, '/density/');
    const radio = page.locator('[data-chart-id="density"]').getByRole('radio', { name: 'All', exact: true });
    await radio.focus();
    await page.keyboard.press('ArrowLeft'); // radios: arrows move the choice, like any radio group
    await expect.poll(() => page.locator('[data-chart-id="density"]').getByRole('radio', { name: 'Test', exact: true }).isChecked()).toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement?.nextElementSibling as Element).outlineStyle);
    expect(outline).toBe('solid');
    expect(new URL(page.url()).search).toBe('?density-split=test');
  });
});
