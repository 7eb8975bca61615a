// The age, vendors, density × BI-RADS and box-geometry pages end to end: every chart draws one mark per value of
// stats.json with the same numbers, toggles change them, the URL round-trips the view, tooltips follow keyboard
// focus, downloads hold the drawn numbers, axe finds nothing in light and dark, and each page is screenshotted
// (desktop light, desktop dark, phone 335 px).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderedKeys } from '../../src/lib/chart-data/bar-tables.ts';
import { imageSizesData } from '../../src/lib/chart-data/vendors.ts';
import { FINDING_CATEGORIES } from '../../src/lib/vocabulary.ts';
import { axeViolations, openBrowser, openPage, screenshot, type Browser } from './harness.ts';
import { choose, download, frame, marks, readStats, tableCells } from './dashboard-kit.ts';

const stats = readStats();
const SPLITS = ['training', 'test', 'all'] as const;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const share = (count: number, of: number) => (of > 0 ? (count / of) * 100 : 0);
const FIVE = ['min', 'q1', 'median', 'q3', 'max'] as const;

/** Dark mode changes only colours, so the second axe pass checks colour contrast alone (a full pass is slow). */
async function contrastViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('/age/', () => {
  const bins = stats.age.bins;
  it('draws one bar per age bin and split with stats.json’s counts and shares', async () => {
    const { page, errors, offOrigin } = await openPage(browser, '/age/');
    if (bins.length === 0) {
      // A release without metadata.csv or DICOM headers has no ages: the page says so and draws no chart.
      await expect.poll(() => page.locator('[data-empty="age"]').textContent()).toContain('no patient ages');
      expect(await frame(page, 'age').count()).toBe(0);
      expect([errors, offOrigin]).toEqual([[], []]);
      return;
    }
    await expect.poll(() => page.locator('[data-empty="age"]').count()).toBe(0);
    expect((await marks(page, 'age')).map((m) => [m.row, m.split, m.count])).toEqual(bins.map((b) => [String(b.from), 'all', b.all]));

    await choose(page, 'age', 'Split', 'Test');
    expect((await marks(page, 'age')).map((m) => m.value)).toEqual(bins.map((b) => b.test));
    await choose(page, 'age', 'Show', '% of known ages');
    const shares = (await marks(page, 'age')).map((m) => m.value);
    shares.forEach((v, i) => expect(v).toBeCloseTo(share(bins[i].test, stats.age.known.test), 9));

    await choose(page, 'age', 'Split', 'Side by side');
    const side = await marks(page, 'age');
    expect(side.map((m) => `${m.row}:${m.split}:${m.count}`)).toEqual(bins.flatMap((b) => [`${b.from}:training:${b.training}`, `${b.from}:test:${b.test}`]));
    side.forEach((m, i) => {
      const bin = bins[Math.floor(i / 2)];
      expect(m.value).toBeCloseTo(share(m.split === 'training' ? bin.training : bin.test, stats.age.known[m.split as 'training' | 'test']), 9);
    });
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
  });

  it('shows the summary statistics of stats.json per split', async () => {
    const { page } = await openPage(browser, '/age/');
    const cells = await page.locator('[data-age-summary] tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
    const number = (text: string) => Number(text.replace(/,/g, ''));
    SPLITS.forEach((split, i) => {
      const summary = stats.age.summary[split];
      const column = cells.map((row) => row[i + 1]);
      if (summary) {
        expect(number(column[0])).toBeCloseTo(summary.mean, 1);
        expect([number(column[1]), number(column[2]), number(column[3])]).toEqual([summary.median, summary.min, summary.max]);
      } else {
        expect(column.slice(0, 4)).toEqual(['–', '–', '–', '–']);
      }
      expect([number(column[4]), number(column[5])]).toEqual([stats.age.known[split], stats.age.missing[split]]);
    });
  });

  it('keeps the view in the URL and has a CSV of the drawn numbers (none without ages)', async () => {
    const { page } = await openPage(browser, '/age/');
    if (bins.length === 0) {
      await expect.poll(() => page.getByRole('radio').count()).toBe(0);
      await expect.poll(() => page.getByRole('button', { name: /as CSV$/ }).count()).toBe(0);
      return;
    }
    await choose(page, 'age', 'Split', 'Training');
    await choose(page, 'age', 'Show', '% of known ages');
    expect(new URL(page.url()).search).toBe('?age-mode=percent&age-split=training');
    await page.reload({ waitUntil: 'networkidle' });
    expect((await marks(page, 'age')).every((m) => m.split === 'training')).toBe(true);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).search).toBe('?age-split=training');
    expect((await marks(page, 'age')).map((m) => m.value)).toEqual(bins.map((b) => b.training));

    const csv = (await download(page, 'age', 'CSV')).bytes.toString('utf8').trimEnd().split('\r\n');
    expect(csv[0]).toBe('Age (years),Training (studies)');
    expect(csv.slice(1).map((line) => Number(line.split(',')[1]))).toEqual(bins.map((b) => b.training));
  });
});

describe('/vendors/', () => {
  const vendorNames = Object.keys(stats.vendors.all).sort((a, b) => stats.vendors.all[b] - stats.vendors.all[a] || a.localeCompare(b));
  it('draws one bar per vendor with stats.json’s image counts, and the shares', async () => {
    const { page, errors, offOrigin } = await openPage(browser, '/vendors/');
    if (vendorNames.length === 0) {
      // No metadata.csv and no DICOM headers: no manufacturer is known, and the page says why there is no chart.
      await expect.poll(() => page.locator('[data-empty="vendors"]').textContent()).toContain('names no manufacturer');
      await expect.poll(() => page.getByRole('main').textContent()).toContain('which this release does not name');
      expect(await frame(page, 'vendors').count()).toBe(0);
      expect([errors, offOrigin]).toEqual([[], []]);
      return;
    }
    await expect.poll(() => page.locator('[data-empty="vendors"]').count()).toBe(0);
    expect((await marks(page, 'vendors')).map((m) => [m.row, m.count])).toEqual(vendorNames.map((v) => [v, stats.vendors.all[v]]));
    await choose(page, 'vendors', 'Split', 'Side by side');
    await choose(page, 'vendors', 'Show', 'Percent');
    const side = await marks(page, 'vendors');
    expect(side.map((m) => `${m.row}:${m.split}:${m.count}`)).toEqual(vendorNames.flatMap((v) => [`${v}:training:${stats.vendors.training[v] ?? 0}`, `${v}:test:${stats.vendors.test[v] ?? 0}`]));
    for (const m of side) {
      const split = m.split as 'training' | 'test';
      expect(m.value).toBeCloseTo(share(stats.vendors[split][m.row] ?? 0, sum(Object.values(stats.vendors[split]))), 9);
    }
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
  });

  it('draws one dot per image size with its vendor and counts, per split', async () => {
    const sizes = stats.imageSizes;
    const { page } = await openPage(browser, '/vendors/?sizes-split=side');
    if (sizes.length === 0) {
      await expect.poll(() => page.locator('[data-empty="sizes"]').textContent()).toContain('no image sizes');
      expect(await frame(page, 'sizes').count()).toBe(0);
      return;
    }
    // A size names its vendor only when all its images do; else "Unknown vendor" or "Several or unknown vendors".
    const sizeVendorLabel = (s: (typeof sizes)[number]) => imageSizesData(stats).sizes[sizes.indexOf(s)].vendor;
    const side = await marks(page, 'sizes');
    expect(side.map((m) => `${m.row}:${m.series}:${m.split}:${m.count}`)).toEqual([
      ...sizes.map((s) => `${s.rows}x${s.columns}:${sizeVendorLabel(s)}:training:${s.training}`),
      ...sizes.map((s) => `${s.rows}x${s.columns}:${sizeVendorLabel(s)}:test:${s.test}`),
    ]);
    await choose(page, 'sizes', 'Split', 'All');
    await choose(page, 'sizes', 'Show', '% of images');
    const total = sum(sizes.map((s) => s.all));
    (await marks(page, 'sizes')).forEach((m, i) => expect(m.value).toBeCloseTo(share(sizes[i].all, total), 9));
    expect(new URL(page.url()).search).toBe('?sizes-mode=percent');
    const cells = await tableCells(page, 'sizes');
    expect(cells.slice(1).map((row) => row.slice(0, 2))).toEqual(sizes.map((s) => [`${s.rows} × ${s.columns}`, sizeVendorLabel(s)]));
  });
});

describe('/density-birads/', () => {
  const table = stats.densityByBirads;
  const densities = ['A', 'B', 'C', 'D'].filter((d) => SPLITS.some((s) => table[s]?.[d]));
  const birads = ['1', '2', '3', '4', '5'];
  it('draws one cell per density and BI-RADS with stats.json’s breasts; row percent adds to 100 per density', async () => {
    const { page, errors, offOrigin } = await openPage(browser, '/density-birads/');
    expect((await marks(page, 'density-birads')).map((m) => `${m.row}${m.series}:${m.count}`)).toEqual(
      densities.flatMap((d) => birads.map((b) => `${d}${b}:${table.all[d]?.[b] ?? 0}`)),
    );
    await choose(page, 'density-birads', 'Show', 'Row percent');
    await choose(page, 'density-birads', 'Split', 'Test');
    const cells = await marks(page, 'density-birads');
    for (const d of densities) {
      const row = cells.filter((m) => m.row === d);
      const rowTotal = sum(birads.map((b) => table.test[d]?.[b] ?? 0));
      row.forEach((m, i) => expect(m.value).toBeCloseTo(share(table.test[d]?.[birads[i]] ?? 0, rowTotal), 9));
      if (rowTotal > 0) expect(sum(row.map((m) => m.value))).toBeCloseTo(100, 9);
    }
    await choose(page, 'density-birads', 'Split', 'Side by side');
    const side = await marks(page, 'density-birads');
    expect(side.map((m) => `${m.split}:${m.row}${m.series}:${m.count}`)).toEqual(
      ['training', 'test'].flatMap((s) => densities.flatMap((d) => birads.map((b) => `${s}:${d}${b}:${table[s as 'training']?.[d]?.[b] ?? 0}`))),
    );
    expect(new URL(page.url()).search).toBe('?density-birads-mode=percent&density-birads-split=side');
    await page.reload({ waitUntil: 'networkidle' });
    expect((await marks(page, 'density-birads')).length).toBe(2 * densities.length * birads.length);
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
  });

  it('shows the exact value on keyboard focus and downloads CSV, SVG and PNG', async () => {
    const { page } = await openPage(browser, '/density-birads/');
    const first = frame(page, 'density-birads').locator('.mark').first();
    await first.focus();
    const tip = frame(page, 'density-birads').locator('[data-chart-tooltip]');
    expect(await tip.textContent()).toBe(`Density ${densities[0]}, BI-RADS 1 · All: ${(table.all[densities[0]]?.['1'] ?? 0).toLocaleString('en-US')} breasts`);
    await page.keyboard.press('ArrowRight');
    expect(await tip.textContent()).toContain(`Density ${densities[0]}, BI-RADS 2`);

    const csv = await download(page, 'density-birads', 'CSV');
    expect(csv.name).toBe('density-birads-all-count.csv');
    expect(csv.bytes.toString('utf8').trimEnd().split('\r\n')).toEqual([
      ['Density', ...birads.map((b) => `BI-RADS ${b} (breasts)`)].join(','),
      ...densities.map((d) => [`Density ${d}`, ...birads.map((b) => table.all[d]?.[b] ?? 0)].join(',')),
    ]);
    const svg = (await download(page, 'density-birads', 'SVG')).bytes.toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.localName, rects: doc.querySelectorAll('rect').length };
    }, svg);
    expect([parsed.error, parsed.root]).toEqual([null, 'svg']);
    expect(parsed.rects).toBeGreaterThanOrEqual(densities.length * birads.length + 1); // cells + the background
    const png = await download(page, 'density-birads', 'PNG');
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });
});

describe('/boxes/', () => {
  const size = stats.boxGeometry.size;
  const categories = orderedKeys(FINDING_CATEGORIES, Object.keys(size)).filter((c) => size[c]?.count > 0);
  const { cols, rows, all, byCategory } = stats.boxGeometry.location;
  it('draws the five numbers of every category’s box size, and the measure toggle switches them', async () => {
    const { page, errors, offOrigin } = await openPage(browser, '/boxes/');
    if (categories.length === 0) {
      await expect.poll(() => page.locator('[data-empty="box-size"]').textContent()).toContain('no boxes');
      expect(await frame(page, 'box-size').count()).toBe(0);
      expect([errors, offOrigin]).toEqual([[], []]);
      return;
    }
    const width = await marks(page, 'box-size');
    expect(width.map((m) => `${m.row}:${m.series}`)).toEqual(categories.flatMap((c) => FIVE.map((k) => `${c}:${k}`)));
    const byRow = (ms: typeof width, field: 'widthPx' | 'heightPx' | 'aspect') =>
      ms.forEach((m) => {
        expect(m.value).toBe(size[m.row][field][m.series as (typeof FIVE)[number]]);
        expect(m.count).toBe(size[m.row].count);
      });
    byRow(width, 'widthPx');
    expect(width).toHaveLength(categories.length * 5);
    await choose(page, 'box-size', 'Measure', 'Aspect (width ÷ height)');
    byRow(await marks(page, 'box-size'), 'aspect');
    expect(new URL(page.url()).search).toBe('?box-size-measure=aspect');
    await page.goBack();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    byRow(await marks(page, 'box-size'), 'widthPx');
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
  });

  it('draws one cell per grid cell of box centres, for all boxes and per category', async () => {
    const { page } = await openPage(browser, '/boxes/');
    if (!all.some((count) => count > 0)) {
      await expect.poll(() => page.locator('[data-empty="box-location"]').textContent()).toContain('no boxes');
      expect(await frame(page, 'box-location').count()).toBe(0);
      return;
    }
    expect((await marks(page, 'box-location')).map((m) => m.count)).toEqual(all);
    const category = Object.keys(byCategory).find((c) => sum(byCategory[c]) > 0);
    const categoryRadios = frame(page, 'box-location').getByRole('group', { name: 'Category', exact: true }).getByRole('radio');
    if (category === undefined) {
      // No box has a category with a position: only "All categories" is offered.
      expect(await categoryRadios.count()).toBe(1);
      expect(await categoryRadios.first().isChecked()).toBe(true);
      return;
    }
    await choose(page, 'box-location', 'Category', category);
    await choose(page, 'box-location', 'Show', '% of the boxes');
    const cells = await marks(page, 'box-location');
    expect(cells.map((m) => m.count)).toEqual(byCategory[category]);
    cells.forEach((m, i) => expect(m.value).toBeCloseTo(share(byCategory[category][i], sum(byCategory[category])), 9));
    // The category's URL value is its name in lower case with dashes ("Suspicious Calcification" → suspicious-calcification).
    expect(new URL(page.url()).search).toBe(`?box-location-category=${category.toLowerCase().replaceAll(' ', '-')}&box-location-mode=percent`);
    await page.reload({ waitUntil: 'networkidle' });
    expect(await frame(page, 'box-location').getByRole('radio', { name: category, exact: true }).isChecked()).toBe(true);
    expect((await marks(page, 'box-location')).map((m) => m.count)).toEqual(byCategory[category]);
    const csv = (await download(page, 'box-location', 'CSV')).bytes.toString('utf8').trimEnd().split('\r\n');
    expect(csv).toHaveLength(rows + 1);
    expect(csv.slice(1).flatMap((line) => line.split(',').slice(1).map(Number))).toEqual(cells.map((m) => Number(m.value.toFixed(6))));
  });
});

describe('pages', () => {
  const pages = [
    ['/age/', 'age'],
    ['/vendors/', 'vendors'],
    ['/density-birads/', 'density-birads'],
    ['/boxes/', 'boxes'],
  ] as const;
  it.each(pages)('%s has no axe violations in light and dark, and fits a 335 px phone', async (path, name) => {
    const { page, errors } = await openPage(browser, path);
    await screenshot(page, name);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, `${name}-dark`);
    expect(await contrastViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 335, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(335);
    await screenshot(page, `${name}-phone`);
    expect(errors).toEqual([]);
  });
});
