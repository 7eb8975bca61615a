// The DICOM viewer in Chromium: the hanging of a built sample study, boxes where their image coordinates say (before
// and after a zoom, and on a mirrored view), per-view failure messages, every compressed transfer syntax dwv decodes,
// keyboard and legend, axe. Fixture studies are served through Playwright routes (see viewer-kit.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SampleStudy } from '../../src/lib/types.ts';
import type {} from '../../src/viewer/viewer-page.ts';
import { axeViolations, openBrowser, openPage, screenshot, type Browser } from './harness.ts';
import {
  FIXTURE_LESION_BOX,
  canvasStats,
  fixtureStudy,
  measuredBoxRect,
  openFixtureStudy,
  settledStates,
  stableBoxRect,
  withoutExpected404,
  type Rect,
} from './viewer-kit.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const LABELS = ['RCC', 'LCC', 'RMLO', 'LMLO'];

function expectClose(measured: Rect | null, expected: Rect, tolerancePx = 2): void {
  expect(measured, 'box outline found on screen').not.toBeNull();
  for (const side of ['left', 'top', 'right', 'bottom'] as const) {
    expect(Math.abs(measured![side] - expected[side]), `${side}: measured ${measured![side].toFixed(1)}, expected ${expected[side].toFixed(1)}`).toBeLessThanOrEqual(tolerancePx);
  }
}

describe('a built sample study', () => {
  it('draws four non-blank views in the hanging order RCC | LCC over RMLO | LMLO, with its panel, cleanly', async () => {
    const { page, errors, offOrigin } = await openPage(browser, '/viewer/');
    const samples = (await (await page.request.get(new URL('/data/samples.json', browser.baseURL).href)).json()) as SampleStudy[];
    expect(samples.length, 'the build has sample studies').toBeGreaterThan(0);
    const study = samples.find((s) => ['RCC', 'LCC', 'RMLO', 'LMLO'].every((l) => s.images.some((i) => `${i.laterality}${i.view}` === l))) ?? samples[0];
    await page.goto(new URL(`/viewer/?study=${study.id}`, browser.baseURL).href, { waitUntil: 'networkidle' });
    const states = await settledStates(page);
    expect(states).toEqual(['ready', 'ready', 'ready', 'ready']);

    const labels = await page.locator('.viewer-cell h2').allTextContents();
    expect(labels).toEqual(LABELS);
    // Each slot holds the file whose own header says that laterality and view.
    const fromFiles = await page.evaluate(() => [0, 1, 2, 3].map((i) => `${window.vindrViewer!.info(i)?.laterality}${window.vindrViewer!.info(i)?.viewPosition}`));
    expect(fromFiles).toEqual(LABELS);
    const boxes = await Promise.all([0, 1, 2, 3].map((i) => page.locator(`#view-${i}`).boundingBox()));
    expect(boxes[0]!.x).toBeLessThan(boxes[1]!.x);
    expect(boxes[0]!.y).toBe(boxes[1]!.y);
    expect(boxes[2]!.y).toBeGreaterThan(boxes[0]!.y);
    expect(boxes[2]!.x).toBe(boxes[0]!.x);
    for (let i = 0; i < 4; i++) {
      const stats = await canvasStats(page, i);
      expect(stats.distinct, `${LABELS[i]} has grey levels`).toBeGreaterThan(20);
      expect(stats.nonBlack, `${LABELS[i]} shows tissue`).toBeGreaterThan(0.05);
    }
    // The panel: each breast, each finding's coordinates, each image's size and vendor.
    const panel = page.locator('#viewer-details');
    const first = study.images[0];
    await expect.poll(() => panel.textContent()).toContain(`${first.rows} × ${first.columns} px`);
    expect(await panel.textContent()).toContain(first.vendor ?? 'vendor unknown');
    expect(await panel.textContent()).toMatch(/Right\s*BI-RADS \d, density [A-D]/);
    const withBox = study.images.flatMap((i) => i.boxes)[0];
    if (withBox) expect(await panel.textContent()).toContain(`CSV line ${withBox.line}`);

    await screenshot(page, 'viewer-sample');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
    await page.close();
  });

  it('puts a sample box on its image coordinates, before and after a zoom', async () => {
    const { page, errors } = await openPage(browser, '/viewer/');
    const samples = (await (await page.request.get(new URL('/data/samples.json', browser.baseURL).href)).json()) as SampleStudy[];
    const target = samples.flatMap((s) => s.images.map((image) => ({ s, image, box: image.boxes.find((b) => !b.outOfBounds) }))).find((t) => t.box);
    expect(target, 'a sample image with a box inside the image').toBeDefined();
    const { s, image, box } = target!;
    await page.goto(new URL(`/viewer/?study=${s.id}`, browser.baseURL).href, { waitUntil: 'networkidle' });
    await settledStates(page);
    const index = LABELS.indexOf(`${image.laterality}${image.view}`);
    const colour = await page.evaluate(({ i }) => window.vindrViewer!.drawnBoxes(i)[0].colour, { i: index });
    // Alone on screen, so the other boxes' labels stay out of the way.
    await page.locator(`#view-${index}`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.viewer-cell').nth(index === 0 ? 1 : 0).isVisible()).toBe(false);
    const before = await stableBoxRect(page, index, box!.box);
    expectClose(await measuredBoxRect(page, before, colour), before);
    // Zoom ×2 about the box centre (so the box stays inside the view).
    await page.evaluate(({ i, r }) => {
      const frame = document.getElementById(`view-${i}`)!.getBoundingClientRect();
      window.vindrViewer!.view(i)!.zoom(1, (r.left + r.right) / 2 - frame.left, (r.top + r.bottom) / 2 - frame.top);
    }, { i: index, r: before });
    const after = await stableBoxRect(page, index, box!.box);
    expect(after.right - after.left).toBeGreaterThan((before.right - before.left) * 1.5);
    expectClose(await measuredBoxRect(page, after, colour), after);
    await screenshot(page, 'viewer-sample-zoomed');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('goes to the next and previous study of the study list’s filter (here: with images) with n and p', async () => {
    const { page, errors } = await openPage(browser, '/viewer/');
    const samples = (await (await page.request.get(new URL('/data/samples.json', browser.baseURL).href)).json()) as SampleStudy[];
    expect(samples.length).toBeGreaterThan(1);
    // The study list with "images in this build" lists exactly the samples, by id.
    const ids = samples.map((s) => s.id).sort();
    await page.goto(new URL(`/viewer/?study=${ids[0]}&images=1`, browser.baseURL).href);
    await page.waitForFunction(() => window.vindrViewer !== undefined);
    await page.locator('#viewer-grid[data-walk="ready"]').waitFor();
    await expect.poll(() => page.locator('#viewer-walk').textContent()).toBe(`Study 1 of ${ids.length} in the study list’s filter.`);
    await page.locator('body').press('n');
    await page.waitForURL((url) => url.searchParams.get('study') === ids[1]);
    await page.waitForFunction(() => window.vindrViewer !== undefined);
    await expect.poll(() => page.locator('#viewer-study').textContent()).toBe(ids[1]);
    await page.locator('#viewer-grid[data-walk="ready"]').waitFor();
    await page.locator('body').press('p');
    await page.waitForURL((url) => url.searchParams.get('study') === ids[0]);
    await page.waitForFunction(() => window.vindrViewer !== undefined);
    await page.locator('#viewer-grid[data-walk="ready"]').waitFor();
    expect(await page.getByRole('link', { name: 'Next study →' }).getAttribute('href')).toBe(`/viewer/?study=${ids[1]}&images=1`);
    expect(await page.getByRole('link', { name: '← Previous study' }).getAttribute('href')).toBe(`/viewer/?study=${ids[ids.length - 1]}&images=1`);
    expect(await page.getByRole('link', { name: 'Study list' }).getAttribute('href')).toBe('/studies/?images=1');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the page around the views', () => {
  it('does not move the views when the study list’s line fills in (the study index arrives late)', async () => {
    const page = await browser.context.newPage();
    // The study index held back: the line under the title fills in well after the views are laid out.
    await page.route('**/data/studies.json', async (route) => {
      await new Promise((done) => setTimeout(done, 800));
      await route.continue();
    });
    const samples = (await (await page.request.get(new URL('/data/samples.json', browser.baseURL).href)).json()) as SampleStudy[];
    await page.goto(new URL(`/viewer/?study=${samples[0].id}`, browser.baseURL).href, { waitUntil: 'domcontentloaded' });
    const gridTop = () => page.locator('#viewer-grid').evaluate((grid) => grid.getBoundingClientRect().top);
    await page.locator('#viewer-grid .viewer-cell[data-state]').first().waitFor();
    expect(await page.locator('#viewer-walk').textContent()).toBe('');
    const before = await gridTop();
    await page.locator('#viewer-grid[data-walk="ready"]').waitFor();
    expect(await page.locator('#viewer-walk').textContent()).not.toBe('');
    expect(await gridTop()).toBe(before);
    await page.close();
  });
});

describe('fixture studies', () => {
  it('keeps boxes on the lesion on a mirrored view and through a zoom; the legend and keys toggle them', async () => {
    const { page, errors } = await openPage(browser, '/viewer/?study=none');
    // The fixture's chest wall is stored on the left: as an R image it must be mirrored, as an L image not.
    const { study, files } = fixtureStudy('fixture-boxes', [
      { laterality: 'R', view: 'CC', file: 'uncompressed.dicom', boxes: [FIXTURE_LESION_BOX] },
      { laterality: 'L', view: 'CC', file: 'uncompressed.dicom', boxes: [FIXTURE_LESION_BOX] },
    ]);
    await openFixtureStudy(page, browser.baseURL, study, files);
    expect(await settledStates(page)).toEqual(['ready', 'ready', 'empty', 'empty']);
    await expect.poll(() => page.locator('#view-2').locator('..').locator('.viewer-message').textContent()).toContain('no RMLO image');

    const flipped = await page.evaluate(() => [0, 1].map((i) => window.vindrViewer!.view(i)!.isFlipped()));
    expect(flipped).toEqual([true, false]);
    const colour = '#E8602C';
    for (const index of [0, 1]) {
      const expected = await stableBoxRect(page, index, FIXTURE_LESION_BOX.box);
      // Mirrored: image x = 33…57 of 128 lands on the right half of the view.
      const frame = (await page.locator(`#view-${index}`).boundingBox())!;
      if (index === 0) expect((expected.left + expected.right) / 2).toBeGreaterThan(frame.x + frame.width / 2);
      else expect((expected.left + expected.right) / 2).toBeLessThan(frame.x + frame.width / 2);
      expectClose(await measuredBoxRect(page, expected, colour), expected);
    }
    // Zoom ×2 about a point just off the lesion, on the mirrored view.
    const unzoomed = await stableBoxRect(page, 0, FIXTURE_LESION_BOX.box);
    await page.evaluate(({ r }) => {
      const frame = document.getElementById('view-0')!.getBoundingClientRect();
      window.vindrViewer!.view(0)!.zoom(1, r.left - frame.left, r.top - frame.top);
    }, { r: unzoomed });
    const zoomed = await stableBoxRect(page, 0, FIXTURE_LESION_BOX.box);
    expectClose(await measuredBoxRect(page, zoomed, colour), zoomed);
    await screenshot(page, 'viewer-fixture-boxes');

    // 'b' hides every box, the legend hides one category.
    const visible = () => page.evaluate(() => {
      const layer = window.vindrViewer!.view(1)!.app.getDrawLayers()[0];
      const id = window.vindrViewer!.drawnBoxes(1)[0].id;
      return layer.isAnnotationVisible(id);
    });
    expect(await visible()).toBe(true);
    await page.locator('body').press('b');
    expect(await visible()).toBe(false);
    await page.locator('body').press('b');
    expect(await visible()).toBe(true);
    await page.getByRole('button', { name: 'Mass', exact: true }).click();
    expect(await page.getByRole('button', { name: 'Mass', exact: true }).getAttribute('aria-pressed')).toBe('false');
    expect(await visible()).toBe(false);
    // Window/level by drag: the Window / level tool, then a drag across the mirrored view.
    const wlBefore = await page.evaluate(() => window.vindrViewer!.view(0)!.windowLevel());
    await page.getByRole('radio', { name: 'Window / level' }).check();
    const frame0 = (await page.locator('#view-0').boundingBox())!;
    await page.mouse.move(frame0.x + frame0.width / 2, frame0.y + frame0.height / 2);
    await page.mouse.down();
    await page.mouse.move(frame0.x + frame0.width / 2 + 60, frame0.y + frame0.height / 2 + 40, { steps: 6 });
    await page.mouse.up();
    const wlAfter = await page.evaluate(() => window.vindrViewer!.view(0)!.windowLevel());
    expect(wlAfter).not.toEqual(wlBefore);
    // 'r' resets to the file's first preset (2048/4096, which dwv holds clamped to the data range).
    await page.locator('body').press('r');
    expect(await page.evaluate(() => window.vindrViewer!.view(0)!.windowLevel())).toEqual(wlBefore);
    await page.getByRole('radio', { name: 'Zoom / pan' }).check();

    // Enter enlarges the focused view, Escape brings the four back.
    await page.locator('#view-1').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.viewer-cell').nth(0).isVisible()).toBe(false);
    expect((await page.locator('#view-1').boundingBox())!.width).toBeGreaterThan(frameWidth(await page.locator('#view-0').boundingBox()) + 1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.viewer-cell').nth(0).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a clear message in each broken view while the good one renders', async () => {
    const { page, errors } = await openPage(browser, '/viewer/?study=none');
    const { study, files } = fixtureStudy('fixture-broken', [
      { laterality: 'R', view: 'CC', file: 'uncompressed.dicom' },
      { laterality: 'L', view: 'CC', file: 'truncated.dicom' },
      { laterality: 'R', view: 'MLO', file: 'not-dicom.dicom' },
      { laterality: 'L', view: 'MLO', file: null },
    ]);
    await openFixtureStudy(page, browser.baseURL, study, files);
    expect(await settledStates(page)).toEqual(['ready', 'error', 'error', 'error']);
    // The plain reason; dwv's own words only behind the Details disclosure.
    const messages = await page.locator('.viewer-message').allTextContents();
    expect(messages[0]).toBe('');
    const reasons = await page.locator('.viewer-message .viewer-reason').allTextContents();
    expect(reasons).toEqual([
      'LCC: the DICOM file is truncated or damaged.',
      'RMLO: this is not a DICOM file (no DICM marker at byte 128).',
      'LMLO: there is no DICOM file for this view (images/fixture-broken/fixture-broken-3.dicom was not found: HTTP 404 Not Found).',
    ]);
    await expect.poll(() => page.locator('.viewer-cell').nth(1).locator('.viewer-message details code').textContent()).toMatch(/Invalid typed array length/);
    expect((await canvasStats(page, 0)).distinct).toBeGreaterThan(20);
    await screenshot(page, 'viewer-fixture-broken');
    expect(await axeViolations(page)).toEqual([]);
    expect(withoutExpected404(errors)).toEqual([]);
    await page.close();
  });

  it('decodes RLE and JPEG 2000 with the viewer’s workers, JPEG lossless and baseline JPEG with dwv’s, and says JPEG-LS is not supported', async () => {
    const { page, errors } = await openPage(browser, '/viewer/?study=none');
    const { study, files } = fixtureStudy('fixture-compressed', [
      { laterality: 'R', view: 'CC', file: 'rle.dicom' },
      { laterality: 'L', view: 'CC', file: 'jpeg-lossless.dicom' },
      { laterality: 'R', view: 'MLO', file: 'jpeg2000.dicom' },
      { laterality: 'L', view: 'MLO', file: 'jpeg-baseline.dicom' },
    ]);
    await openFixtureStudy(page, browser.baseURL, study, files);
    expect(await settledStates(page)).toEqual(['ready', 'ready', 'ready', 'ready']);
    const syntaxes = await page.evaluate(() => [0, 1, 2, 3].map((i) => window.vindrViewer!.info(i)?.transferSyntax));
    expect(syntaxes).toEqual(['1.2.840.10008.1.2.5', '1.2.840.10008.1.2.4.70', '1.2.840.10008.1.2.4.90', '1.2.840.10008.1.2.4.50']);
    // The JPEG 2000 view was decoded by the page's own threads (and reached dwv uncompressed); the others by workers dwv started.
    const decodedByPage = () => page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name).filter((name) => name.startsWith('viewer:decoded:')));
    expect(await decodedByPage()).toEqual(['viewer:decoded:2']);
    for (let i = 0; i < 4; i++) {
      const stats = await canvasStats(page, i);
      expect(stats.distinct, `${LABELS[i]} decoded`).toBeGreaterThan(20);
      expect(stats.nonBlack).toBeGreaterThan(0.05);
    }
    await screenshot(page, 'viewer-fixture-compressed');
    expect(errors).toEqual([]);

    // 640 rows: the page's first JPEG 2000 image, cut into a band per decoder thread. Drawn pixel for pixel like the
    // same image uncompressed, in the view of the same size and orientation above it.
    const tall = fixtureStudy('fixture-j2k-bands', [
      { laterality: 'R', view: 'CC', file: 'uncompressed-tall.dicom' },
      { laterality: 'R', view: 'MLO', file: 'jpeg2000-tall.dicom' },
    ]);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.route('**/*', (route) => route.continue());
    await openFixtureStudy(page, browser.baseURL, tall.study, tall.files);
    expect(await settledStates(page)).toEqual(['ready', 'empty', 'ready', 'empty']);
    expect(await decodedByPage()).toEqual(['viewer:decoded:2']);
    const drawn = await page.evaluate(() =>
      [0, 2].map((i) => {
        const canvas = document.querySelector<HTMLCanvasElement>(`#view-${i} .viewLayer canvas`)!;
        return Array.from(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data);
      }),
    );
    expect(drawn[1].length).toBe(drawn[0].length);
    expect(drawn[1].findIndex((value, i) => value !== drawn[0][i])).toBe(-1);
    expect(new Set(drawn[1]).size).toBeGreaterThan(20);

    // Four of them: the page's threads cut the first two into bands and give the last two whole (band-pool.ts), the
    // threads holding two bands at once; every view is drawn pixel for pixel like the same study uncompressed.
    const four = (id: string, file: string) =>
      fixtureStudy(id, (['R', 'L'] as const).flatMap((laterality) => (['CC', 'MLO'] as const).map((view) => ({ laterality, view, file, rows: 640, columns: 64 }))));
    // Each view's drawn pixels as their count, an FNV-1a hash and how many distinct values (not the arrays: sending
    // four canvases' worth of numbers out of the page takes seconds).
    const canvases = () =>
      page.evaluate(() =>
        [0, 1, 2, 3].map((i) => {
          const canvas = document.querySelector<HTMLCanvasElement>(`#view-${i} .viewLayer canvas`)!;
          const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          let hash = 0x811c9dc5;
          for (let k = 0; k < data.length; k++) hash = Math.imul(hash ^ data[k], 0x01000193) >>> 0;
          return { length: data.length, hash, distinct: new Set(data).size };
        }),
      );
    const plainFour = four('fixture-plain-four', 'uncompressed-tall.dicom');
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.route('**/*', (route) => route.continue());
    await openFixtureStudy(page, browser.baseURL, plainFour.study, plainFour.files);
    expect(await settledStates(page)).toEqual(['ready', 'ready', 'ready', 'ready']);
    const plainPixels = await canvases();
    const j2kFour = four('fixture-j2k-four', 'jpeg2000-tall.dicom');
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.route('**/*', (route) => route.continue());
    await openFixtureStudy(page, browser.baseURL, j2kFour.study, j2kFour.files);
    expect(await settledStates(page)).toEqual(['ready', 'ready', 'ready', 'ready']);
    // In the order they finished decoding.
    expect((await decodedByPage()).sort()).toEqual(['viewer:decoded:0', 'viewer:decoded:1', 'viewer:decoded:2', 'viewer:decoded:3']);
    const j2kPixels = await canvases();
    expect(j2kPixels).toEqual(plainPixels);
    // The side panel names the file's own syntax, though dwv was handed native pixels.
    await expect.poll(() => page.locator('#viewer-details').textContent()).toContain('transfer syntax JPEG 2000 lossless (1.2.840.10008.1.2.4.90)');
    for (const view of plainPixels) expect(view.distinct).toBeGreaterThan(20);

    // 8 bits allocated: left to dwv, which hands the codestream to the viewer's worker in dwv's protocol.
    const eight = fixtureStudy('fixture-j2k-8bit', [{ laterality: 'R', view: 'CC', file: 'jpeg2000-8bit.dicom' }]);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.route('**/*', (route) => route.continue());
    await openFixtureStudy(page, browser.baseURL, eight.study, eight.files);
    expect((await settledStates(page))[0]).toBe('ready');
    expect(await page.evaluate(() => window.vindrViewer!.info(0)?.transferSyntax)).toBe('1.2.840.10008.1.2.4.90');
    expect(await decodedByPage()).toEqual([]);
    expect((await canvasStats(page, 0)).distinct).toBeGreaterThan(20);

    const ls = fixtureStudy('fixture-jpegls', [{ laterality: 'R', view: 'CC', file: 'jpeg-ls.dicom' }]);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.route('**/*', (route) => route.continue());
    await openFixtureStudy(page, browser.baseURL, ls.study, ls.files);
    expect((await settledStates(page))[0]).toBe('error');
    await expect.poll(() => page.locator('.viewer-message .viewer-reason').first().textContent()).toBe('RCC: its compression, JPEG-LS lossless (1.2.840.10008.1.2.4.80), is not supported by this viewer.');
    await page.close();
  });
});

function frameWidth(box: { width: number } | null): number {
  return box?.width ?? 0;
}
