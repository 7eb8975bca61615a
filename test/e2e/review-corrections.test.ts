// Corrections in the viewer's review panel: "wrong category" (key 3) opens the category checkboxes pre-set to the
// box's own, "wrong finding BI-RADS" (key 4) the BI-RADS menu; each choice is saved into the verdict's `corrected` at
// once; "wrong position or size" (key 2) redraws the box with the missed-finding rectangle's keys. All survive a
// reload, and the review page's corrected finding_annotations.csv carries them on that box's line in
// the release's spelling. Axe finds nothing with the corrections open.
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingBoxLines } from '../../src/lib/review/finding-lines.ts';
import { boxKey } from '../../src/lib/review/verdict-keys.ts';
import type { BoxVerdict, Verdict } from '../../src/lib/review/verdict-types.ts';
import { hangImages } from '../../src/lib/viewer/hanging.ts';
import type { SampleBox, SampleStudy } from '../../src/lib/types.ts';
import { FINDING_CATEGORIES } from '../../src/lib/vocabulary.ts';
import type {} from '../../src/viewer/review/review-mode.ts';
import { axeViolations, builtFile, openBrowser, openPage, screenshot, type Browser } from './harness.ts';
import { coveredLabels, FIXTURE_LESION_BOX, fixtureStudy, openFixtureStudy } from './viewer-kit.ts';

const FINDINGS = readFileSync(builtFile('data', 'finding_annotations.csv'), 'utf8');

let browser: Browser;
let study: SampleStudy;
/** The box corrected: the first, in the panel's order (] steps), without Mass and not BI-RADS 4, so both changes show. */
let target: { box: SampleBox; imageId: string; rows: number; columns: number; steps: number };

beforeAll(async () => {
  browser = await openBrowser({ viewport: { width: 1400, height: 1000 } });
  const samples = JSON.parse(readFileSync(builtFile('data', 'samples.json'), 'utf8')) as SampleStudy[];
  for (const s of samples) {
    // The panel's order: the hanging slots' boxes one after another (review-session.ts).
    const boxes = hangImages(s.images).slots.flatMap((image) => image?.boxes.map((box) => ({ box, imageId: image.imageId, rows: image.rows, columns: image.columns })) ?? []);
    const steps = boxes.findIndex(({ box }) => !box.categories.includes('Mass') && box.findingBirads !== '4');
    if (steps !== -1) {
      study = s;
      target = { ...boxes[steps], steps };
      break;
    }
  }
  expect(study, 'a sample box without Mass and not BI-RADS 4').toBeDefined();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function waitForReview(page: Page): Promise<void> {
  await page.waitForFunction(() => window.vindrReview !== undefined && document.getElementById('viewer-grid')?.dataset.walk === 'ready', null, { timeout: 30_000 });
  await page.waitForTimeout(300);
}

async function focusTarget(page: Page): Promise<void> {
  await page.locator('#viewer-study').click();
  for (let i = 0; i < target.steps; i++) await page.keyboard.press(']');
  await expect.poll(() => page.locator('#review-focused').textContent()).toContain(`CSV line ${target.box.line}`);
  // The focus ring (and any verdict outline) covers no box label.
  await page.waitForTimeout(100);
  expect(await coveredLabels(page)).toEqual([]);
}

async function boxVerdict(page: Page): Promise<BoxVerdict | undefined> {
  const all: Verdict[] = await page.evaluate(() => window.vindrReview!.verdicts());
  return all.find((v): v is BoxVerdict => v.kind === 'box');
}

/** The target box one arrow step taller, as the redraw keeps it. */
function redrawn(): SampleBox['box'] {
  const step = Math.round(Math.max(target.columns, target.rows) / 50);
  return { ...target.box.box, ymax: Math.min(target.rows, target.box.box.ymax + step) };
}

function checkbox(page: Page, category: string) {
  return page.locator(`#review-corrected-category-${FINDING_CATEGORIES.indexOf(category)}`);
}

describe('corrected category and finding BI-RADS from the review panel', () => {
  let page: Page;

  it('wrong category (3) opens the categories pre-set to the box’s; keyboard choices are saved at once', async () => {
    ({ page } = await openPage(browser, `/viewer/?study=${study.id}`));
    await waitForReview(page);
    await page.fill('#review-reviewer', 'qa-fix');
    await page.press('#review-reviewer', 'Tab');
    await focusTarget(page);
    await expect.poll(() => page.locator('#review-corrected-categories').isVisible()).toBe(false);
    await page.keyboard.press('3');
    await expect.poll(async () => (await boxVerdict(page))?.verdict).toBe('wrong-category');
    await expect.poll(() => page.locator('#review-corrected-categories').isVisible()).toBe(true);
    for (const category of FINDING_CATEGORIES) {
      await expect.poll(() => checkbox(page, category).isChecked(), { message: category }).toBe(target.box.categories.includes(category));
    }
    // Mass first (a box keeps at least one category), then the box's own off, each with Space.
    await checkbox(page, 'Mass').focus();
    await page.keyboard.press('Space');
    await expect.poll(async () => (await boxVerdict(page))?.corrected?.categories).toEqual([...target.box.categories, 'Mass'].sort((a, b) => FINDING_CATEGORIES.indexOf(a) - FINDING_CATEGORIES.indexOf(b)));
    for (const category of target.box.categories) {
      await checkbox(page, category).focus();
      await page.keyboard.press('Space');
    }
    await expect.poll(async () => (await boxVerdict(page))?.corrected).toEqual({ categories: ['Mass'] });
  });

  it('wrong finding BI-RADS (4) keeps the category and adds the BI-RADS menu, pre-set to the box’s', async () => {
    // Off the checkbox (number keys there do not give verdicts); the box stays focused.
    await page.locator('#viewer-study').click();
    await page.keyboard.press('4');
    await expect.poll(async () => (await boxVerdict(page))?.verdict).toBe('wrong-birads');
    await expect.poll(() => page.locator('#review-corrected-birads').isVisible()).toBe(true);
    await expect.poll(() => page.locator('#review-corrected-birads').inputValue()).toBe(target.box.findingBirads);
    await expect.poll(() => checkbox(page, 'Mass').isChecked()).toBe(true);
    await page.locator('#review-corrected-birads').focus();
    await page.selectOption('#review-corrected-birads', '4');
    await expect.poll(async () => (await boxVerdict(page))?.corrected).toEqual({ categories: ['Mass'], findingBirads: '4' });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'review-corrections');
  });

  it('wrong position or size (2) keeps both; the box is redrawn with the keys from where it was', async () => {
    await page.locator('#viewer-study').click();
    await page.keyboard.press('2');
    await expect.poll(async () => (await boxVerdict(page))?.verdict).toBe('wrong-geometry');
    await expect.poll(() => page.locator('#review-redraw-text').textContent()).toContain('none yet');
    await page.locator('#review-redraw').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.review-draft').count()).toBe(1);
    // One step (1/50 of the longer side) taller: its bottom edge moves down (drawn-rectangle.ts).
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await boxVerdict(page))?.corrected).toEqual({ categories: ['Mass'], findingBirads: '4', box: redrawn() });
    await expect.poll(() => page.locator('.review-draft').count()).toBe(0);
    // The corrected box is drawn over the image where the reviewer put it: the release's box's left edge and width,
    // one step taller, at the scale of the verdict's outline (padded by 2 px on each side).
    await expect.poll(() => page.locator('.review-corrected').count()).toBe(1);
    const rectOf = async (selector: string) => {
      const attrs = await page.locator(selector).first().evaluate((r) => ['x', 'y', 'width', 'height'].map((a) => Number(r.getAttribute(a))));
      return { x: attrs[0], y: attrs[1], width: attrs[2], height: attrs[3] };
    };
    const outline = await rectOf(`.review-box[data-verdict="wrong-geometry"] .review-verdict`);
    const fix = await rectOf('.review-corrected');
    const own = target.box.box;
    const scale = (outline.width - 4) / (own.xmax - own.xmin);
    expect(Math.abs(fix.x - (outline.x + 2))).toBeLessThan(1);
    expect(Math.abs(fix.y - (outline.y + 2))).toBeLessThan(1);
    expect(Math.abs(fix.width - (outline.width - 4))).toBeLessThan(1);
    expect(Math.abs(fix.height - (redrawn().ymax - redrawn().ymin) * scale)).toBeLessThan(1);
    expect(fix.height).toBeGreaterThan(outline.height - 4 + 1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'review-corrections-redrawn');
  });

  it('keeps all three over a reload', async () => {
    await page.reload({ waitUntil: 'networkidle' });
    await waitForReview(page);
    await focusTarget(page);
    await expect.poll(async () => (await boxVerdict(page))?.corrected).toEqual({ categories: ['Mass'], findingBirads: '4', box: redrawn() });
    await expect.poll(() => checkbox(page, 'Mass').isChecked()).toBe(true);
    for (const category of target.box.categories) await expect.poll(() => checkbox(page, category).isChecked()).toBe(false);
    await expect.poll(() => page.locator('#review-corrected-birads').inputValue()).toBe('4');
  });

  it('the corrected finding_annotations.csv carries them on that box’s line, in the release’s spelling', async () => {
    await page.goto(new URL('/review/', browser.baseURL).href, { waitUntil: 'networkidle' });
    await page.locator('#review-page[data-state="ready"]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download corrected finding_annotations.csv' }).click()]);
    const path = join(await mkdtemp(join(tmpdir(), 'corrected-')), download.suggestedFilename());
    await download.saveAs(path);
    const text = await readFile(path, 'utf8');
    // No box removed or added: the box's line number is the same in both files.
    const line = findingBoxLines(FINDINGS).get(boxKey(target.imageId, target.box.box))![0];
    expect(line).toBe(target.box.line);
    const original = Papa.parse<Record<string, string>>(FINDINGS, { header: true }).data[line - 2];
    const corrected = Papa.parse<Record<string, string>>(text, { header: true }).data[line - 2];
    const { ymax, ...unchanged } = corrected;
    const { ymax: oldYmax, ...kept } = original;
    expect(unchanged).toEqual({ ...kept, finding_categories: "['Mass']", finding_birads: 'BI-RADS 4' });
    expect(Number(ymax)).toBe(redrawn().ymax);
    expect(Number(oldYmax)).toBe(target.box.box.ymax);
    expect(original.finding_birads).not.toBe('BI-RADS 4');
    await expect.poll(() => page.getByTestId('review-status').textContent()).toBe('Corrected finding_annotations.csv: 0 boxes removed, 1 changed, 0 missed findings added.');
    await page.close();
  });
});

describe('review tags and box labels', () => {
  it('verdict tags sit apart and inside the view, and cover no box label: judged boxes at the top edge, whose labels must go below', async () => {
    const { page, errors } = await openPage(browser, '/viewer/?study=none');
    const box = (categories: string[], xmin: number, ymin: number, xmax: number, ymax: number, line: number): SampleBox => ({
      categories,
      findingBirads: '4',
      box: { xmin, ymin, xmax, ymax },
      line,
      outOfBounds: false,
    });
    // No room above these boxes: their labels go below, where the verdict tags go too.
    // Side by side, 5 px apart: their tags ("✗ not a finding", wider than the boxes) would overlap if each simply
    // sat under its box's corner.
    const atTop = [box(['Mass'], 10, 2, 40, 22, 2), box(['Suspicious Calcification'], 45, 2, 75, 22, 3), FIXTURE_LESION_BOX_AT(4)];
    const { study: fixture, files } = fixtureStudy('fixture-review-tags', [{ laterality: 'R', view: 'CC', file: 'uncompressed.dicom', boxes: atTop }]);
    await openFixtureStudy(page, browser.baseURL, fixture, files);
    await waitForReview(page);
    await page.fill('#review-reviewer', 'qa-tags');
    await page.press('#review-reviewer', 'Tab');
    await page.locator('#viewer-study').click();
    for (let i = 0; i < atTop.length; i++) {
      await page.keyboard.press('5');
      await page.keyboard.press(']');
    }
    await expect.poll(() => page.locator('.viewer-frame .review-mark').count()).toBe(atTop.length);
    await page.waitForTimeout(300);
    expect(await coveredLabels(page)).toEqual([]);
    // The tags themselves: apart from each other and inside the view.
    const frame = (await page.locator('#view-0').boundingBox())!;
    const tags = await page.locator('.viewer-frame .review-mark rect').evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().toJSON() as DOMRect));
    for (const [i, a] of tags.entries()) {
      expect(a.left >= frame.x - 0.5 && a.right <= frame.x + frame.width + 0.5 && a.top >= frame.y - 0.5 && a.bottom <= frame.y + frame.height + 0.5, `tag ${i} inside the view`).toBe(true);
      for (const b of tags.slice(i + 1)) {
        expect(Math.min(a.right, b.right) - Math.max(a.left, b.left) <= 0.5 || Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) <= 0.5, `tags ${JSON.stringify(a)} and ${JSON.stringify(b)} apart`).toBe(true);
      }
    }
    await screenshot(page, 'review-tags-and-labels');
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** The fixture's lesion box on CSV line `line`. */
function FIXTURE_LESION_BOX_AT(line: number): SampleBox {
  return { ...FIXTURE_LESION_BOX, line };
}
