// The viewer on a real-shaped release: only the two annotation CSVs (no metadata.csv, no images/), as the real
// VinDr-Mammo arrives before its DICOMs. One scratch build from the demo's CSVs, made once in beforeAll in a
// temporary copy of the project (scratch-build.ts), serves every test here. Asserts what is on screen: the schematic
// of the four views (outlines at the CSV's size in the hanging, chest walls facing, boxes at their scaled CSV
// coordinates, measured in the screenshot), the legend and `b` toggles, the reason there are no pixels, an unknown
// id, and next/previous through the study list's filter; axe finds nothing.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../src/node/preview-server.ts';
import { colorOf } from '../../src/lib/palette.ts';
import { decodeStudyIndex } from '../../src/lib/studies/study-index.ts';
import type { StudyChunk, StudyViewerRecord } from '../../src/lib/studies/study-chunks.ts';
import type { StudySummary } from '../../src/lib/types.ts';
import { axeViolations, openBrowser, openPage, screenshot, type Browser } from './harness.ts';
import { buildScratchSite, type ScratchBuild } from './scratch-build.ts';
import { measuredBoxRect, type Rect } from './viewer-kit.ts';

const DEMO = '.demo-release';
const LABELS = ['RCC', 'LCC', 'RMLO', 'LMLO'];

let build: ScratchBuild;
let server: PreviewServer;
let browser: Browser;
let csvDir: string;
let studies: StudySummary[];

beforeAll(async () => {
  if (!existsSync(join(DEMO, 'breast-level_annotations.csv'))) throw new Error(`This test copies the CSVs of ${DEMO}/: run \`npm run build\` first (npm test does).`);
  csvDir = mkdtempSync(join(tmpdir(), 'vindr-csv-only-'));
  for (const file of ['breast-level_annotations.csv', 'finding_annotations.csv']) copyFileSync(join(DEMO, file), join(csvDir, file));
  build = await buildScratchSite(csvDir);
  server = await startPreviewServer({ root: build.root, outDir: build.outDir });
  browser = { ...(await openBrowser()), baseURL: server.baseURL };
  studies = decodeStudyIndex(JSON.parse(readFileSync(join(build.outDir, 'data', 'studies.json'), 'utf8')));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  build?.remove();
  if (csvDir) rmSync(csvDir, { recursive: true, force: true });
});

function record(id: string): StudyViewerRecord {
  const chunk = JSON.parse(readFileSync(join(build.outDir, 'data', 'studies', `${id.slice(0, 2)}.json`), 'utf8')) as StudyChunk;
  return chunk[id];
}

/** A study with all four views and at least two boxes, one of them wholly inside its image. */
function studyWithBoxes(): StudyViewerRecord {
  for (const s of studies) {
    if (s.boxes < 2) continue;
    const r = record(s.id);
    const views = new Set(r.images.map((i) => `${i.laterality}${i.view}`));
    if (LABELS.every((l) => views.has(l)) && r.images.length === 4 && r.images.some((i) => i.boxes.some((b) => !b.outOfBounds))) return r;
  }
  throw new Error('the demo has no four-view study with two boxes');
}

async function openSchematic(page: Page, path: string): Promise<void> {
  await page.goto(new URL(path, server.baseURL).href, { waitUntil: 'networkidle' });
  await page.locator('#viewer-grid[data-mode="schematic"]').waitFor();
}

/** Where a box of a `columns` × `rows` outline lands in a container drawn with preserveAspectRatio meet. */
function expectedRect(frame: { x: number; y: number; width: number; height: number }, columns: number, rows: number, chestWallRight: boolean, box: { xmin: number; ymin: number; xmax: number; ymax: number }): Rect {
  const scale = Math.min(frame.width / columns, frame.height / rows);
  const offsetX = chestWallRight ? frame.width - columns * scale : 0;
  const offsetY = (frame.height - rows * scale) / 2;
  return {
    left: frame.x + offsetX + box.xmin * scale,
    right: frame.x + offsetX + box.xmax * scale,
    top: frame.y + offsetY + box.ymin * scale,
    bottom: frame.y + offsetY + box.ymax * scale,
  };
}

describe('a release of the two annotation CSVs only', () => {
  it('builds: every study gets a viewer record, none has a DICOM, and the release is flagged as without images', () => {
    expect(build.log).toContain('the viewer shows every study as a schematic from the CSVs, without pixels');
    const r = record(studies[0].id);
    expect(r.releaseHasImages).toBe(false);
    expect(r.images.every((i) => !i.inBuild && !i.inRelease)).toBe(true);
    expect(studies.every((s) => !s.hasImages)).toBe(true);
  });

  it('draws the four views as outlines of the CSV size in the hanging, chest walls facing, boxes at their scaled coordinates', async () => {
    const study = studyWithBoxes();
    const { page, errors, offOrigin } = await openPage(browser, '/viewer/');
    await openSchematic(page, `/viewer/?study=${study.id}`);
    await expect.poll(() => page.locator('.viewer-cell h2').allTextContents()).toEqual(LABELS);
    expect(await page.locator('.viewer-cell').evaluateAll((cells) => cells.map((c) => (c as HTMLElement).dataset.state))).toEqual(['schematic', 'schematic', 'schematic', 'schematic']);

    for (let slot = 0; slot < 4; slot++) {
      const image = study.images.find((i) => `${i.laterality}${i.view}` === LABELS[slot])!;
      const svg = page.locator(`#view-${slot} svg.viewer-schematic`);
      expect(await svg.getAttribute('viewBox')).toBe(`0 0 ${image.columns} ${image.rows}`);
      const frame = (await page.locator(`#view-${slot}`).boundingBox())!;
      const chestWallRight = slot % 2 === 0;
      // The outline touches the inner edge: right views' right edge, left views' left edge.
      const outline = (await svg.locator('.schematic-outline').boundingBox())!;
      if (chestWallRight) expect(Math.abs(outline.x + outline.width - (frame.x + frame.width))).toBeLessThanOrEqual(1);
      else expect(Math.abs(outline.x - frame.x)).toBeLessThanOrEqual(1);
      // Outline aspect = CSV width / height.
      expect(outline.width / outline.height).toBeCloseTo(image.columns / image.rows, 2);
      const inside = image.boxes.filter((b) => b.box.xmin >= 0 && b.box.ymin >= 0 && b.box.xmax <= image.columns && b.box.ymax <= image.rows);
      expect(await svg.locator('.schematic-box').evaluateAll((g) => g.map((x) => Number((x as SVGGElement).dataset.line)))).toEqual(
        image.boxes.filter((b) => b.box.xmax > 0 && b.box.xmin < image.columns && b.box.ymax > 0 && b.box.ymin < image.rows).map((b) => b.line),
      );
      for (const box of inside) {
        const onScreen = (await svg.locator(`.schematic-box[data-line="${box.line}"] rect`).boundingBox())!;
        const expected = expectedRect(frame, image.columns, image.rows, chestWallRight, box.box);
        // Within 1.5 px: the layout's sub-pixel positions against the arithmetic above.
        expect(Math.abs(onScreen.x - expected.left)).toBeLessThanOrEqual(1.5);
        expect(Math.abs(onScreen.y - expected.top)).toBeLessThanOrEqual(1.5);
        expect(Math.abs(onScreen.x + onScreen.width - expected.right)).toBeLessThanOrEqual(1.5);
        expect(Math.abs(onScreen.y + onScreen.height - expected.bottom)).toBeLessThanOrEqual(1.5);
      }
    }

    // One box measured in the screenshot's pixels, not only in the DOM.
    const slot = LABELS.findIndex((l) => study.images.find((i) => `${i.laterality}${i.view}` === l)!.boxes.some((b) => !b.outOfBounds));
    const image = study.images.find((i) => `${i.laterality}${i.view}` === LABELS[slot])!;
    const box = image.boxes.find((b) => !b.outOfBounds)!;
    const frame = (await page.locator(`#view-${slot}`).boundingBox())!;
    const expected = expectedRect(frame, image.columns, image.rows, slot % 2 === 0, box.box);
    const measured = await measuredBoxRect(page, expected, colorOf('finding', box.categories[0]), 6);
    expect(measured, 'box outline found in the screenshot').not.toBeNull();
    for (const side of ['left', 'top', 'right', 'bottom'] as const) expect(Math.abs(measured![side] - expected[side]), side).toBeLessThanOrEqual(2);

    // Why there are no pixels, and how to add them.
    const reason = page.getByRole('note', { name: 'Why there are no pixels' });
    expect(await reason.getAttribute('data-cause')).toBe('release-has-no-images');
    expect(await reason.textContent()).toContain('has no images/ folder');
    expect(await reason.locator('code').textContent()).toBe(`npm run build -- --data DIR --studies ${study.id}`);
    // The side panel: each breast's labels and each finding with its CSV line.
    const panel = await page.locator('#viewer-details').textContent();
    expect(panel).toMatch(/Right\s*BI-RADS \d, density [A-D]/);
    for (const b of study.images.flatMap((i) => i.boxes)) expect(panel).toContain(`CSV line ${b.line}`);
    // Tools that act on pixels are off.
    expect(await page.getByRole('radio', { name: 'Window / level' }).isDisabled()).toBe(true);

    await screenshot(page, 'viewer-schematic');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
    await page.close();
  });

  it('hides a category’s boxes from the legend and all boxes with b, like over the pixels', async () => {
    const study = studyWithBoxes();
    const { page, errors } = await openPage(browser, '/viewer/');
    // No study asked for: the walk names the list, not "this study".
    await expect.poll(() => page.locator('#viewer-walk').textContent()).toMatch(/^The study list has [\d,]+ studies: next and previous go to the first and last\.$/);
    await openSchematic(page, `/viewer/?study=${study.id}`);
    const visibleBoxes = () => page.locator('.schematic-box').evaluateAll((g) => g.filter((x) => x.getAttribute('visibility') !== 'hidden').map((x) => (x as SVGGElement).dataset.categories));
    const all = await visibleBoxes();
    expect(all.length).toBeGreaterThan(1);
    const category = all[0]!.split('|')[0];
    await page.locator('#viewer-legend button', { hasText: category }).first().click();
    expect(await page.locator('#viewer-legend button', { hasText: category }).first().getAttribute('aria-pressed')).toBe('false');
    expect(await visibleBoxes()).toEqual(all.filter((c) => c!.split('|').some((x) => x !== category)));
    await screenshot(page, 'viewer-schematic-legend-toggled');
    await page.locator('#viewer-legend button', { hasText: category }).first().click();
    expect(await visibleBoxes()).toEqual(all);
    await page.locator('body').press('b');
    expect(await visibleBoxes()).toEqual([]);
    await expect.poll(() => page.getByLabel('Boxes', { exact: true }).isChecked()).toBe(false);
    // Hidden means not painted: the outline's colour is gone from where the box was.
    const slot = LABELS.findIndex((l) => study.images.find((i) => `${i.laterality}${i.view}` === l)!.boxes.some((b) => !b.outOfBounds));
    const image = study.images.find((i) => `${i.laterality}${i.view}` === LABELS[slot])!;
    const box = image.boxes.find((b) => !b.outOfBounds)!;
    const frame = (await page.locator(`#view-${slot}`).boundingBox())!;
    expect(await measuredBoxRect(page, expectedRect(frame, image.columns, image.rows, slot % 2 === 0, box.box), colorOf('finding', box.categories[0]), 6)).toBeNull();
    await screenshot(page, 'viewer-schematic-boxes-off');
    await page.locator('body').press('b');
    expect(await visibleBoxes()).toEqual(all);
    // Enter enlarges a view, Escape brings the four back.
    await page.locator('#view-2').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.viewer-cell').nth(0).isVisible()).toBe(false);
    await screenshot(page, 'viewer-schematic-enlarged');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.viewer-cell').nth(0).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says an id that is not in the release is not in it, with no panels and no failed request', async () => {
    const { page, errors } = await openPage(browser, '/viewer/?study=00000000notastudy');
    await page.locator('#viewer-grid[data-mode="unknown"]').waitFor({ state: 'attached' });
    await expect.poll(() => page.locator('#viewer-status').textContent()).toBe(
      'Study “00000000notastudy” is not in this release: breast-level_annotations.csv has no such study_id. Check the id, or pick a study from the study list.',
    );
    await expect.poll(() => page.locator('#viewer-grid').isVisible()).toBe(false);
    await expect.poll(() => page.getByRole('note', { name: 'Why there are no pixels' }).isVisible()).toBe(false);
    await screenshot(page, 'viewer-unknown-id');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('walks the study list’s filter with the buttons and n/p, from a row of the list', async () => {
    // Test split, a breast with BI-RADS 5, by id: computed here from the index rows.
    const expected = studies
      .filter((s) => s.split === 'test' && (s.L?.birads === '5' || s.R?.birads === '5'))
      .map((s) => s.id)
      .sort();
    expect(expected.length).toBeGreaterThan(2);
    const { page, errors } = await openPage(browser, '/studies/?split=test&birads=5');
    await page.locator('#study-rows th[scope="row"] a').first().waitFor();
    const first = page.locator('#study-rows th[scope="row"] a').first();
    expect(await first.textContent()).toBe(`${expected[0]}Open schematic (no images)`);
    await first.click();
    await page.waitForURL((url) => url.pathname === '/viewer/' && url.searchParams.get('study') === expected[0]);
    expect(new URL(page.url()).searchParams.get('split')).toBe('test');
    await page.locator('#viewer-grid[data-walk="ready"]').waitFor();
    await expect.poll(() => page.locator('#viewer-walk').textContent()).toBe(`Study 1 of ${expected.length} in the study list’s filter.`);
    expect(await page.getByRole('link', { name: '← Previous study' }).getAttribute('href')).toBe(`/viewer/?study=${expected[expected.length - 1]}&split=test&birads=5`);

    await page.locator('body').press('n');
    await page.waitForURL((url) => url.searchParams.get('study') === expected[1]);
    await page.locator('#viewer-grid[data-walk="ready"]').waitFor();
    await expect.poll(() => page.locator('#viewer-walk').textContent()).toBe(`Study 2 of ${expected.length} in the study list’s filter.`);
    await page.getByRole('link', { name: 'Next study →' }).click();
    await page.waitForURL((url) => url.searchParams.get('study') === expected[2]);
    await page.locator('#viewer-grid[data-walk="ready"]').waitFor();
    await page.locator('body').press('p');
    await page.waitForURL((url) => url.searchParams.get('study') === expected[1]);
    await page.locator('#viewer-grid[data-mode="schematic"]').waitFor();
    await page.locator('#viewer-grid[data-walk="ready"]').waitFor();
    expect(await page.getByRole('link', { name: 'Study list' }).getAttribute('href')).toBe('/studies/?split=test&birads=5');
    await screenshot(page, 'viewer-schematic-walk');
    expect(errors).toEqual([]);
    await page.close();
  });
});
