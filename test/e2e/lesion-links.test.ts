// CC↔MLO lesion links in the built site: focusing (or hovering) a box in the side panel's Lesions outlines its
// counterpart in the other view — over pixels (a sample study) and over the schematic (any other study) — at the
// counterpart box's on-screen geometry; blurring clears it. The findings page charts "seen in both views", the
// quality page counts finding-one-view-only per category and offers every instance as CSV. Axe finds nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudyChunk, StudyViewerRecord } from '../../src/lib/studies/study-chunks.ts';
import type { Stats } from '../../src/lib/types.ts';
import { BOX_OUTLINE_PAD } from '../../src/lib/viewer/box-geometry.ts';
import type {} from '../../src/viewer/viewer-page.ts';
import { axeViolations, builtFile, openBrowser, openPage, screenshot, SCREENSHOT_DIR, type Browser } from './harness.ts';
import { frame, marks } from './dashboard-kit.ts';
import { coveredLabels, settledStates, stableBoxRect, type Rect } from './viewer-kit.ts';

const SLOT = ['RCC', 'LCC', 'RMLO', 'LMLO'];
let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The first study (of these records) with a link whose both boxes lie inside their images. */
function linkedStudy(records: readonly StudyViewerRecord[]): { record: StudyViewerRecord; imageId: string; line: number; counterpart: { imageId: string; line: number } } {
  for (const record of records) {
    const inside = (imageId: string, line: number) => record.images.find((i) => i.imageId === imageId)?.boxes.find((b) => b.line === line && !b.outOfBounds);
    if (record.images.length !== 4) continue;
    const link = record.lesions.links.find((l) => l.counterpart && inside(l.imageId, l.line) && inside(l.counterpart.imageId, l.counterpart.line));
    if (link?.counterpart) return { record, imageId: link.imageId, line: link.line, counterpart: link.counterpart };
  }
  throw new Error('no study with a CC↔MLO link inside both images');
}

const slotOf = (record: StudyViewerRecord, imageId: string) => {
  const image = record.images.find((i) => i.imageId === imageId)!;
  return SLOT.indexOf(`${image.laterality}${image.view}`);
};

async function outline(page: Page, role: 'focused' | 'counterpart'): Promise<{ rect: Rect; imageId: string; line: string } | null> {
  return page.evaluate((r) => {
    const el = document.querySelector<HTMLElement>(`.viewer-lesion-outline[data-role="${r}"]`);
    if (!el) return null;
    const b = el.getBoundingClientRect();
    return { rect: { left: b.left, top: b.top, right: b.right, bottom: b.bottom }, imageId: el.dataset.imageId!, line: el.dataset.line! };
  }, role);
}

/** The outline surrounds the box by `pad` CSS px on every side (±1.5 px). */
function expectAround(actual: Rect, box: Rect, pad: number): void {
  expect(Math.abs(actual.left - (box.left - pad))).toBeLessThanOrEqual(1.5);
  expect(Math.abs(actual.top - (box.top - pad))).toBeLessThanOrEqual(1.5);
  expect(Math.abs(actual.right - (box.right + pad))).toBeLessThanOrEqual(1.5);
  expect(Math.abs(actual.bottom - (box.bottom + pad))).toBeLessThanOrEqual(1.5);
}

describe('the viewer', () => {
  it('over pixels: focusing a box outlines its counterpart at the counterpart box on screen; blur clears it', async () => {
    const samples = JSON.parse(readFileSync(builtFile('data', 'samples.json'), 'utf8')) as StudyViewerRecord[];
    const { record, imageId, line, counterpart } = linkedStudy(samples);
    const { page, errors } = await openPage(browser, `/viewer/?study=${record.id}`);
    expect(await settledStates(page)).toEqual(['ready', 'ready', 'ready', 'ready']);
    const lesion = record.lesions.lesions[record.lesions.links.find((l) => l.imageId === imageId && l.line === line)!.lesion - 1];
    await expect.poll(() => page.locator('.viewer-lesions').textContent()).toContain(lesion.label);

    const entry = page.locator(`.viewer-lesion-box[data-image-id="${imageId}"][data-line="${line}"]`);
    await entry.focus();
    const found = await outline(page, 'counterpart');
    expect(found).toMatchObject({ imageId: counterpart.imageId, line: String(counterpart.line) });
    const partnerImage = record.images.find((i) => i.imageId === counterpart.imageId)!;
    const partnerBox = partnerImage.boxes.find((b) => b.line === counterpart.line)!.box;
    expectAround(found!.rect, await stableBoxRect(page, slotOf(record, counterpart.imageId), partnerBox), BOX_OUTLINE_PAD.counterpart);
    const own = await outline(page, 'focused');
    const ownBox = record.images.find((i) => i.imageId === imageId)!.boxes.find((b) => b.line === line)!.box;
    expectAround(own!.rect, await stableBoxRect(page, slotOf(record, imageId), ownBox), BOX_OUTLINE_PAD.focused);
    // Labels keep out of every box's outline margin, so neither outline covers a label (its own box's included).
    expect(await coveredLabels(page)).toEqual([]);
    // The counterpart's outline is inside the other view's frame, not the focused one's.
    const frame = await page.locator(`#view-${slotOf(record, counterpart.imageId)}`).boundingBox();
    expect(found!.rect.left).toBeGreaterThanOrEqual(frame!.x - 6);
    expect(found!.rect.right).toBeLessThanOrEqual(frame!.x + frame!.width + 6);
    await screenshot(page, 'lesion-link-pixels');
    expect(await axeViolations(page)).toEqual([]);

    await entry.blur();
    await expect.poll(() => page.locator('.viewer-lesion-outline').count()).toBe(0);
    // Hover does the same as focus.
    await entry.hover();
    expect((await outline(page, 'counterpart'))?.line).toBe(String(counterpart.line));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('over the schematic: Tab reaches the lesion entries and the counterpart outline surrounds its SVG box', async () => {
    const samples = new Set((JSON.parse(readFileSync(builtFile('data', 'samples.json'), 'utf8')) as StudyViewerRecord[]).map((s) => s.id));
    const dir = builtFile('data', 'studies');
    const records = readdirSync(dir)
      .sort()
      .flatMap((file) => Object.values(JSON.parse(readFileSync(join(dir, file), 'utf8')) as StudyChunk))
      .filter((r) => !samples.has(r.id));
    const { record, imageId, line, counterpart } = linkedStudy(records);
    const { page, errors } = await openPage(browser, `/viewer/?study=${record.id}`);
    await expect.poll(() => page.locator('#viewer-grid').getAttribute('data-mode')).toBe('schematic');
    const entry = page.locator(`.viewer-lesion-box[data-image-id="${imageId}"][data-line="${line}"]`);
    // Keyboard: Tab from the entry before it lands on this entry, which outlines the counterpart.
    const entries = page.locator('.viewer-lesion-box');
    const index = (await entries.evaluateAll((all, [id, l]) => all.findIndex((e) => (e as HTMLElement).dataset.imageId === id && (e as HTMLElement).dataset.line === l), [imageId, String(line)]));
    if (index > 0) {
      await entries.nth(index - 1).focus();
      await page.keyboard.press('Tab');
    } else {
      await entry.focus();
    }
    expect(await entry.evaluate((e) => e === document.activeElement)).toBe(true);
    const found = await outline(page, 'counterpart');
    expect(found).toMatchObject({ imageId: counterpart.imageId, line: String(counterpart.line) });
    const svgBox = await page.locator(`#view-${slotOf(record, counterpart.imageId)} .schematic-box[data-line="${counterpart.line}"] rect`).boundingBox();
    expectAround(found!.rect, { left: svgBox!.x, top: svgBox!.y, right: svgBox!.x + svgBox!.width, bottom: svgBox!.y + svgBox!.height }, BOX_OUTLINE_PAD.counterpart);
    await screenshot(page, 'lesion-link-schematic');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the statistics pages', () => {
  const stats = () => JSON.parse(readFileSync(builtFile('data', 'stats.json'), 'utf8')) as Stats;

  it('/findings/ charts boxes seen in both views per category, from stats.json', async () => {
    const { page, errors } = await openPage(browser, '/findings/');
    const mass = stats().findingSeenInBothViews!.all.Mass;
    const drawn = (await marks(page, 'finding-both-views')).filter((mark) => mark.row === 'Mass' && mark.split === 'all');
    expect(drawn.map((mark) => [mark.series, mark.count])).toEqual([
      ['both', mass.seenInBothViews],
      ['one', mass.boxes - mass.seenInBothViews],
    ]);
    await frame(page, 'finding-both-views').scrollIntoViewIfNeeded();
    await screenshot(page, 'findings-both-views');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('/audit/quality/ counts one-view-only boxes per category and offers every instance as CSV', async () => {
    const { page, errors } = await openPage(browser, '/audit/quality/');
    const s = stats();
    const seen = s.findingSeenInBothViews!.all;
    const table = page.getByTestId('one-view-only-by-category');
    expect((await table.locator('tr[data-category="Mass"] [data-col="all"]').textContent())?.trim()).toBe((seen.Mass.boxes - seen.Mass.seenInBothViews).toLocaleString('en-US'));
    const href = await page.getByTestId('all-instances').getAttribute('href');
    const csv = await (await page.request.get(new URL(href!, browser.baseURL).href)).text();
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows.length).toBe(s.quality.issues.reduce((sum, issue) => sum + issue.count, 0));
    const oneView = s.quality.issues.find((issue) => issue.rule === 'finding-one-view-only')!;
    const ruleHref = await page.locator('section[data-rule="finding-one-view-only"]').getByTestId('rule-instances').getAttribute('href');
    const ruleRows = Papa.parse<Record<string, string>>(await (await page.request.get(new URL(ruleHref!, browser.baseURL).href)).text(), { header: true, skipEmptyLines: true }).data;
    expect(ruleRows.length).toBe(oneView.count);
    expect(ruleRows.every((row) => row.rule === 'finding-one-view-only' && row.file === 'finding_annotations.csv')).toBe(true);
    await page.locator('section[data-rule="finding-one-view-only"]').screenshot({ path: join(SCREENSHOT_DIR, 'quality-one-view-only.png') });
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
