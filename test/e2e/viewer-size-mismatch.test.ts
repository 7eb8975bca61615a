// A DICOM whose size is not the CSV's height × width (issue 10.2, viewer side): the view carries a visible warning
// naming both sizes, boxes are drawn at the CSV's coordinates, and a box with no part inside the file's pixels is
// listed in the side panel and marked in the view, never silently dropped. The fixture file (160 × 128) is served
// through Playwright routes with a CSV size of 200 × 150 (viewer-kit.ts).
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SampleBox } from '../../src/lib/types.ts';
import { axeViolations, openBrowser, openPage, screenshot, type Browser } from './harness.ts';
import { FIXTURE_LESION_BOX, fixtureStudy, measuredBoxRect, openFixtureStudy, settledStates, stableBoxRect } from './viewer-kit.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Inside the CSV's 150 columns, but the file has only 128: nothing of it is on the file's pixels. */
const BEYOND_FILE: SampleBox = { categories: ['Suspicious Calcification'], findingBirads: '3', box: { xmin: 135, ymin: 20, xmax: 148, ymax: 40 }, line: 9, outOfBounds: false };

it('warns on the view, draws boxes at the CSV coordinates and lists the box outside the file’s pixels', async () => {
  const { page, errors } = await openPage(browser, '/viewer/?study=none');
  const { study, files } = fixtureStudy('fixture-size', [
    { laterality: 'L', view: 'CC', file: 'uncompressed.dicom', rows: 200, columns: 150, boxes: [FIXTURE_LESION_BOX, BEYOND_FILE] },
  ]);
  await openFixtureStudy(page, browser.baseURL, study, files);
  expect(await settledStates(page)).toEqual(['empty', 'ready', 'empty', 'empty']);

  const note = page.locator('.viewer-cell').nth(1).locator('.viewer-note');
  expect(await note.isVisible()).toBe(true);
  expect(await note.textContent()).toBe(
    '⚠ LCC: the DICOM is 160 × 128 px but the CSV says 200 × 150 (rows × columns); boxes are drawn at the CSV\'s coordinates. ' +
      'One box falls outside the file\'s pixels (CSV line 9): listed in the side panel.',
  );
  // The other views have no size warning.
  await expect.poll(() => page.locator('.viewer-cell[data-size-mismatch="true"]').count()).toBe(1);

  // The lesion box sits on the CSV's coordinates over the file's pixels.
  const drawn = await page.evaluate(() => window.vindrViewer!.drawnBoxes(1).map((b) => ({ drawn: b.drawn, colour: b.colour })));
  expect(drawn.map((b) => b.drawn)).toEqual([FIXTURE_LESION_BOX.box]);
  await page.locator('#view-1').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('.viewer-cell').nth(0).isVisible()).toBe(false);
  const expected = await stableBoxRect(page, 1, FIXTURE_LESION_BOX.box);
  const measured = await measuredBoxRect(page, expected, drawn[0].colour);
  expect(measured).not.toBeNull();
  for (const side of ['left', 'top', 'right', 'bottom'] as const) expect(Math.abs(measured![side] - expected[side])).toBeLessThanOrEqual(2);

  // The side panel names both sizes and keeps the box it could not draw, marked.
  const panel = page.locator('#viewer-details');
  await expect.poll(() => panel.textContent()).toContain("⚠ the DICOM is 160 × 128 px, not the CSV's 200 × 150");
  expect(await panel.textContent()).toContain('LCC: Suspicious Calcification · BI-RADS 3');
  const marked = panel.locator('.viewer-outside-box');
  expect(await marked.count()).toBe(1);
  expect(await marked.textContent()).toBe("⚠ outside this DICOM's 160 × 128 px: not drawn on the image");
  await page.keyboard.press('Escape');
  await screenshot(page, 'viewer-size-mismatch');
  expect(await axeViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});
