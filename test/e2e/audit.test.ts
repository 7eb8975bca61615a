// The audit pages against the stats.json they were built from: every number on the page equals stats.json, every
// quality rule is listed (0 when it did not fire), leakage is shown even when zero, and axe finds nothing, in light
// and dark mode.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUALITY_RULES, qualitySections } from '../../src/lib/quality-rules.ts';
import { attributeBalances, formatLD, formatPValue, formatPercent, formatPp, leakageSentence } from '../../src/lib/split-balance/split-audit.ts';
import type { Stats } from '../../src/lib/types.ts';
import { choose, marks } from './dashboard-kit.ts';
import { axeViolations, builtFile, openBrowser, openPage, screenshot, type Browser } from './harness.ts';

const stats = JSON.parse(readFileSync(builtFile('data', 'stats.json'), 'utf8')) as Stats;
// Every study of the release opens in the viewer: examples link to it whenever their study is in the index.
const viewableStudies = new Set((JSON.parse(readFileSync(builtFile('data', 'studies.json'), 'utf8')) as { rows: [string][] }).rows.map((row) => row[0]));
const cellTexts = (texts: string[]) => texts.map((t) => t.trim());

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('/audit/split/', () => {
  it('shows each attribute’s χ², df, p and V from stats.json, largest Cramér’s V first', async () => {
    const { page, errors, offOrigin } = await openPage(browser, '/audit/split/');
    const expected = attributeBalances(stats.splitBalance.attributes);
    expect(expected.map((a) => a.key)).toEqual(expect.arrayContaining(['breastBirads', 'breastDensity', 'findingCategories']));
    const rows = page.getByTestId('attribute-summary').locator('tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-attribute')))).toEqual(expected.map((a) => a.key));
    for (const a of expected) {
      const row = page.getByTestId('attribute-summary').locator(`tr[data-attribute="${a.key}"]`);
      expect((await row.locator('[data-col="chi2"]').textContent())?.trim()).toBe(a.chi2.toFixed(2));
      expect((await row.locator('[data-col="df"]').textContent())?.trim()).toBe(String(a.df));
      expect((await row.locator('[data-col="p"]').textContent())?.trim()).toContain(formatPValue(a.pValue));
      expect((await row.locator('[data-col="v"]').textContent())?.trim()).toBe(a.cramersV.toFixed(3));
      expect(await row.getAttribute('data-significant')).toBe(String(a.pValue < 0.05));

      // the attribute's own table: one row per kept category, shares and gaps from the counts in stats.json
      const table = page.locator(`section[data-attribute="${a.key}"] table`);
      expect(await table.locator('tbody th').allTextContents().then((t) => t.map((s) => s.replace('largest gap', '').trim()))).toEqual(
        stats.splitBalance.attributes[a.key].categories,
      );
      expect(cellTexts(await table.locator('[data-col="training-share"]').allTextContents())).toEqual(a.categories.map((c) => `${c.trainingShare.toFixed(1)}%`));
      expect(cellTexts(await table.locator('[data-col="test-share"]').allTextContents())).toEqual(a.categories.map((c) => `${c.testShare.toFixed(1)}%`));
      expect(cellTexts(await table.locator('[data-col="difference"]').allTextContents())).toEqual(a.categories.map((c) => formatPp(c.differencePp)));
    }
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
  });

  it('shows LD, ED, the random baseline and leakage (even when zero), and the stratification sentence', async () => {
    const { page } = await openPage(browser, '/audit/split/');
    const balance = stats.splitBalance;
    expect((await page.getByTestId('ld-value').textContent())?.trim()).toBe(formatLD(balance.labelDistribution));
    expect((await page.getByTestId('ed-value').textContent())?.trim()).toBe(balance.examplesDistribution.toLocaleString('en-US', { maximumFractionDigits: 2 }));
    expect((await page.getByTestId('actual-percentile').textContent())?.trim()).toBe(formatPercent(balance.randomBaseline.actualPercentile));
    await expect.poll(() => page.getByTestId('baseline-sentence').textContent()).toContain(`seed ${balance.randomBaseline.seed}`);
    const quantiles = cellTexts(await page.getByTestId('baseline-quantiles').locator('td').allTextContents()).slice(0, 5);
    const q = balance.randomBaseline.quantiles;
    expect(quantiles).toEqual([q.p05, q.p25, q.p50, q.p75, q.p95].map(formatLD));
    const bars = page.getByTestId('baseline-histogram').locator('rect');
    expect(await bars.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('data-count'))))).toEqual(balance.randomBaseline.histogram.map((b) => b.count));
    await expect.poll(() => page.getByTestId('actual-ld-marker').count()).toBe(1);

    expect((await page.getByTestId('leakage-studies-count').textContent())?.trim()).toBe(leakageSentence(balance.leakage.studies.length, 'studies'));
    expect((await page.getByTestId('leakage-series-count').textContent())?.trim()).toBe(leakageSentence(balance.leakage.series.length, 'series'));
    await expect.poll(() => page.getByRole('heading', { name: leakageSentence(balance.leakage.studies.length, 'studies') }).count()).toBe(1);
    for (const id of [...balance.leakage.studies, ...balance.leakage.series]) await expect.poll(() => page.getByText(id, { exact: true }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('stratification').textContent()).toContain('iterative stratification');
  });

  it('draws every attribute’s training and test bars with the chart kit, counts and shares from stats.json', async () => {
    const { page, errors } = await openPage(browser, '/audit/split/');
    const expected = attributeBalances(stats.splitBalance.attributes);
    for (const a of expected) {
      await choose(page, 'split-shares', 'Attribute', a.label);
      await choose(page, 'split-shares', 'Show', 'Percent');
      const drawn = await marks(page, 'split-shares');
      const training = drawn.filter((m) => m.split === 'training');
      const test = drawn.filter((m) => m.split === 'test');
      expect(training.map((m) => m.row)).toEqual(a.categories.map((c) => c.category));
      expect(training.map((m) => m.count)).toEqual(a.categories.map((c) => c.training));
      expect(test.map((m) => m.count)).toEqual(a.categories.map((c) => c.test));
      training.forEach((m, j) => expect(m.value).toBeCloseTo(a.categories[j].trainingShare, 6));
      test.forEach((m, j) => expect(m.value).toBeCloseTo(a.categories[j].testShare, 6));
    }
    expect(errors).toEqual([]);
  });

  it('reaches an attribute’s table from the summary by keyboard', async () => {
    const { page } = await openPage(browser, '/audit/split/');
    const first = attributeBalances(stats.splitBalance.attributes)[0];
    await page.getByRole('link', { name: first.label, exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#attr-${first.key}`);
  });
});

describe('/audit/quality/', () => {
  it('lists every rule with its count from stats.json, 0 when it did not fire', async () => {
    const { page, errors, offOrigin } = await openPage(browser, '/audit/quality/');
    const sections = qualitySections(stats.quality.issues, viewableStudies);
    expect(sections.length).toBeGreaterThanOrEqual(QUALITY_RULES.length);
    const summary = page.getByTestId('quality-summary-table');
    expect(await summary.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-rule')))).toEqual(sections.map((s) => s.rule));
    for (const section of sections) {
      expect((await summary.locator(`tr[data-rule="${section.rule}"] [data-col="count"]`).textContent())?.trim()).toBe(section.count.toLocaleString('en-US'));
      const body = page.locator(`section[data-rule="${section.rule}"]`);
      expect((await body.getByTestId('rule-count').textContent())?.trim()).toBe(`${section.count.toLocaleString('en-US')} found`);
      expect(await body.getByRole('region', { name: `${section.title}: examples` }).locator('tbody tr').count()).toBe(section.examples.length);
      for (const example of section.examples) {
        const row = body.locator('tbody tr', { hasText: `${example.file}:${example.line}` }).first();
        expect(await row.textContent()).toContain(example.image_id);
        const links = row.getByRole('link');
        if (example.viewerHref) expect(await links.first().getAttribute('href')).toBe(example.viewerHref);
        else expect(await links.count()).toBe(0);
      }
    }
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
  });
});

describe.each(['light', 'dark'] as const)('audit pages in %s mode', (colorScheme) => {
  let themed: Browser;
  beforeAll(async () => {
    themed = await openBrowser({ colorScheme });
  });
  afterAll(async () => {
    await themed?.close();
  });

  it.each(['split', 'quality'])('/audit/%s/ has no axe violations', async (name) => {
    const { page, errors } = await openPage(themed, `/audit/${name}/`);
    await screenshot(page, `audit-${name}-${colorScheme}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
