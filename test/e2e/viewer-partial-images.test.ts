// The viewer on a release whose images/ folder is partial (issue 10): a tiny release written here (three studies,
// CSV size 400 × 320) with synthetic DICOMs (dcmjs, test/fixtures/dicom/synthetic-dicom.ts) for some images only —
// one of them 300 × 240, not the CSV's size, and one named file missing — built once in a scratch copy of the
// project with `--studies aa01`. Asserts: the size warning on that view with both sizes, the box that falls outside
// the file's pixels listed and marked, the missing file's own message, and the two other reasons for no pixels
// (the study's DICOMs are in the release but not in this build; the release has none of this study's).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../src/node/preview-server.ts';
import type { StudyChunk } from '../../src/lib/studies/study-chunks.ts';
import { COLUMNS, ROWS, imageId, writePartialRelease } from './partial-release.ts';
import { axeViolations, openBrowser, openPage, screenshot, type Browser } from './harness.ts';
import { buildScratchSite, type ScratchBuild } from './scratch-build.ts';
import { measuredBoxRect, settledStates, stableBoxRect, withoutExpected404 } from './viewer-kit.ts';

let release: string;
let build: ScratchBuild;
let server: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  release = mkdtempSync(join(tmpdir(), 'vindr-partial-images-'));
  writePartialRelease(release);
  build = await buildScratchSite(release, ['--studies', 'aa01']);
  server = await startPreviewServer({ root: build.root, outDir: build.outDir });
  browser = { ...(await openBrowser()), baseURL: server.baseURL };
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  build?.remove();
  if (release) rmSync(release, { recursive: true, force: true });
});

it('records where each DICOM is: in this build, in the release only, or nowhere', () => {
  const chunk = (key: string) => JSON.parse(readFileSync(join(build.outDir, 'data', 'studies', `${key}.json`), 'utf8')) as StudyChunk;
  const where = (id: string) => Object.fromEntries(chunk(id.slice(0, 2))[id].images.map((i) => [`${i.laterality}${i.view}`, `${i.inBuild ? 'build' : '-'}/${i.inRelease ? 'release' : '-'}`]));
  expect(where('aa01')).toEqual({ RCC: 'build/release', LCC: 'build/release', RMLO: '-/-', LMLO: 'build/release' });
  expect(where('ab02')).toEqual({ RCC: '-/-', LCC: '-/release', RMLO: '-/-', LMLO: '-/-' });
  expect(chunk('ac')['ac03'].releaseHasImages).toBe(true);
  expect(build.log).toContain(`missing images/aa01/${imageId('aa01', 'R', 'MLO')}.dicom`);
});

it('warns on the view whose DICOM is not the CSV size, keeps the box beyond its pixels listed, and says which file is missing', async () => {
  const { page, errors } = await openPage(browser, '/viewer/?study=aa01');
  expect(await settledStates(page)).toEqual(['ready', 'ready', 'error', 'ready']);
  const notes = await page.locator('.viewer-note').evaluateAll((all) => all.map((n) => (n.classList.contains('hidden') ? '' : n.textContent)));
  expect(notes).toEqual([
    "⚠ RCC: the DICOM is 300 × 240 px but the CSV says 400 × 320 (rows × columns); boxes are drawn at the CSV's coordinates. One box falls outside the file's pixels (CSV line 5): listed in the side panel.",
    '',
    '',
    '',
  ]);
  await expect.poll(() => page.locator('.viewer-message').nth(2).textContent()).toBe(
    `RMLO: there is no DICOM file for this view (images/aa01/${imageId('aa01', 'R', 'MLO')}.dicom was not found: HTTP 404 Not Found).`,
  );
  // The box inside the file is where the CSV says, on screen (the RCC view alone, enlarged).
  const colour = await page.evaluate(() => window.vindrViewer!.drawnBoxes(0)[0].colour);
  expect(await page.evaluate(() => window.vindrViewer!.drawnBoxes(0).map((b) => b.drawn))).toEqual([{ xmin: 60, ymin: 80, xmax: 100, ymax: 120 }]);
  await page.locator('#view-0').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('.viewer-cell').nth(1).isVisible()).toBe(false);
  const expected = await stableBoxRect(page, 0, { xmin: 60, ymin: 80, xmax: 100, ymax: 120 });
  const measured = await measuredBoxRect(page, expected, colour);
  expect(measured).not.toBeNull();
  for (const side of ['left', 'top', 'right', 'bottom'] as const) expect(Math.abs(measured![side] - expected[side]), side).toBeLessThanOrEqual(2);
  await screenshot(page, 'viewer-partial-size-mismatch-enlarged');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('.viewer-cell').nth(1).isVisible()).toBe(true);

  const panel = page.locator('#viewer-details');
  await expect.poll(() => panel.textContent()).toContain("⚠ the DICOM is 300 × 240 px, not the CSV's 400 × 320");
  expect(await panel.locator('.viewer-outside-box').allTextContents()).toEqual(["⚠ outside this DICOM's 300 × 240 px: not drawn on the image"]);
  await screenshot(page, 'viewer-partial-size-mismatch');
  expect(await axeViolations(page)).toEqual([]);
  expect(withoutExpected404(errors)).toEqual([]);
  await page.close();
});

it('explains a study whose DICOMs are in the release but not in this build, and one the release has none of', async () => {
  const cases = [
    // ab02 has one of its four views under images/: the note says so rather than "this study's DICOMs".
    ['ab02', 'not-copied-into-build', 'No pixels: 1 of this study’s 4 DICOMs is in the release but not in this build', 'npm start -- --data DIR'],
    ['ac03', 'study-not-in-release-images', 'images/ac03/ is missing', 'npm run build -- --data DIR --studies ac03'],
  ] as const;
  for (const [id, cause, text, command] of cases) {
    const { page, errors } = await openPage(browser, `/viewer/?study=${id}`);
    await page.locator('#viewer-grid[data-mode="schematic"]').waitFor();
    const reason = page.getByRole('note', { name: 'Why there are no pixels' });
    expect(await reason.getAttribute('data-cause')).toBe(cause);
    expect(await reason.textContent()).toContain(text);
    expect(await reason.locator('code').textContent()).toBe(command);
    expect(await page.locator(`#view-1 svg.viewer-schematic`).getAttribute('viewBox')).toBe(`0 0 ${COLUMNS} ${ROWS}`);
    if (id === 'ab02') {
      // The review overlay rings the box under review; the schematic's label sits outside that ring.
      const ring = await page.locator('#view-1').locator('..').locator('.review-focus').boundingBox();
      const label = await page.locator('#view-1 .schematic-box text').boundingBox();
      expect(ring, 'the review focus ring is drawn').not.toBeNull();
      // The ring's stroke (2 px, centred on its rectangle) reaches 1 px beyond the box getBoundingClientRect gives.
      const r = { left: ring!.x - 1, top: ring!.y - 1, right: ring!.x + ring!.width + 1, bottom: ring!.y + ring!.height + 1 };
      const meets = Math.min(r.right, label!.x + label!.width) > Math.max(r.left, label!.x) && Math.min(r.bottom, label!.y + label!.height) > Math.max(r.top, label!.y);
      expect(meets, `label ${JSON.stringify(label)} clear of the ring ${JSON.stringify(ring)}`).toBe(false);
    }
    await screenshot(page, `viewer-partial-${cause}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }
});
