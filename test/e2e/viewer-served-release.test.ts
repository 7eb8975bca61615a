// Every study with images opens when the site is served with the release's images in place (issue 11, part 1).
// The demo release is built once in a scratch copy of the project with a single sample study (`--studies`), so the
// demo's other studies with DICOMs are in the release but not in the build. That dist/ is then served two ways:
//   - by the in-place server of `npm start -- --data .demo-release` (src/node/site-server/): a non-sample study
//     paints its four views from /release-images/… with its boxes on screen, and the study list's "images available"
//     counts it;
//   - by plain `astro preview` (a static host): the same study shows the schematic and says to run npm start --data.
// And the traversal cases once more, over HTTP from the browser's side, against the real release folder.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../src/node/preview-server.ts';
import { startSiteServer, type SiteServer } from '../../src/node/site-server/site-server.ts';
import type { StudyChunk, StudyViewerRecord } from '../../src/lib/studies/study-chunks.ts';
import { axeViolations, openBrowser, openPage, screenshot, type Browser } from './harness.ts';
import { buildScratchSite, type ScratchBuild } from './scratch-build.ts';
import { canvasStats, measuredBoxRect, settledStates, stableBoxRect } from './viewer-kit.ts';

const DEMO = resolve('.demo-release');
let build: ScratchBuild;
let served: SiteServer;
let preview: PreviewServer;
let inPlace: Browser;
let staticSite: Browser;
let sampleId: string;
/** The demo study with images, not the sample, with the most boxes: the one opened from the release. */
let target: StudyViewerRecord;

const record = (id: string): StudyViewerRecord =>
  (JSON.parse(readFileSync(join(build.outDir, 'data', 'studies', `${id.slice(0, 2)}.json`), 'utf8')) as StudyChunk)[id];

beforeAll(async () => {
  const withImages = readdirSync(join(DEMO, 'images')).sort();
  expect(withImages.length).toBeGreaterThan(1);
  sampleId = withImages[0];
  build = await buildScratchSite(DEMO, ['--studies', sampleId]);
  const candidates = withImages.slice(1).map(record).filter((r) => r.images.length === 4 && r.images.every((i) => i.inRelease && !i.inBuild));
  target = candidates.sort((a, b) => b.images.flatMap((i) => i.boxes).length - a.images.flatMap((i) => i.boxes).length)[0];
  served = await startSiteServer({ siteDir: build.outDir, releaseDir: DEMO, port: 0 });
  preview = await startPreviewServer({ root: build.root, outDir: build.outDir });
  inPlace = { ...(await openBrowser()), baseURL: served.url };
  staticSite = { ...(await openBrowser()), baseURL: preview.baseURL };
}, 300_000);

afterAll(async () => {
  await inPlace?.close();
  await staticSite?.close();
  await served?.close();
  await preview?.stop();
  build?.remove();
});

it('builds a study that is in the release but not in the build, with boxes', () => {
  expect(target).toBeDefined();
  expect(target.images.flatMap((i) => i.boxes).length).toBeGreaterThan(0);
  const samples = JSON.parse(readFileSync(join(build.outDir, 'data', 'samples.json'), 'utf8')) as { id: string }[];
  expect(samples.map((s) => s.id)).toEqual([sampleId]);
  expect(readdirSync(join(build.outDir, 'data', 'images'))).toEqual([sampleId]);
});

it('served with --data: a non-sample study paints its four views from the release, with its boxes on screen', async () => {
  const { page, errors, offOrigin } = await openPage(inPlace, `/viewer/?study=${target.id}`);
  expect(await settledStates(page)).toEqual(['ready', 'ready', 'ready', 'ready']);
  expect(await page.locator('#viewer-grid').getAttribute('data-source')).toBe('release');
  // (The build holds none of its DICOMs: the first test checks data/images/ has the sample's folder only.)
  for (let slot = 0; slot < 4; slot++) {
    const pixels = await canvasStats(page, slot);
    expect(pixels.distinct, `view ${slot} grey levels`).toBeGreaterThan(50);
    expect(pixels.nonBlack, `view ${slot} non-black share`).toBeGreaterThan(0.1);
  }
  // Every box of the CSV is drawn, in image coordinates, and one is found on screen where it belongs.
  const drawn = await page.evaluate(() => [0, 1, 2, 3].flatMap((i) => window.vindrViewer!.drawnBoxes(i).map((b) => ({ slot: i, colour: b.colour, ...b.drawn }))));
  expect(drawn.length).toBe(target.images.flatMap((i) => i.boxes).length);
  const { slot, colour, ...box } = drawn[0];
  const expected = await stableBoxRect(page, slot, box);
  const measured = await measuredBoxRect(page, expected, colour);
  expect(measured).not.toBeNull();
  for (const side of ['left', 'top', 'right', 'bottom'] as const) expect(Math.abs(measured![side] - expected[side]), side).toBeLessThanOrEqual(2);
  expect(await page.locator('#viewer-reason').isHidden()).toBe(true);
  await screenshot(page, 'served-release-viewer');
  expect(await axeViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  expect(offOrigin).toEqual([]);
  await page.close();
});

it('served with --data: the study list’s "images available" counts the release’s studies, and says so', async () => {
  const { page, errors } = await openPage(inPlace, '/studies/?images=1');
  const label = 'Only studies with images available (in this build or the served release)';
  await expect.poll(() => page.getByLabel(label).isChecked()).toBe(true);
  const expectedIds = readdirSync(join(DEMO, 'images')).sort();
  await expect.poll(() => page.locator('#study-rows th[scope="row"] a > span:first-child').allTextContents()).toEqual(expectedIds);
  await expect.poll(() => page.locator(`#study-rows a[href^="/viewer/?study=${target.id}"]`).textContent()).toContain('Open in viewer');
  await screenshot(page, 'served-release-studies');
  expect(await axeViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

it('static (astro preview): the same study is a schematic that says to serve the release’s images', async () => {
  const { page, errors } = await openPage(staticSite, `/viewer/?study=${target.id}`);
  await page.locator('#viewer-grid[data-mode="schematic"]').waitFor();
  const reason = page.getByRole('note', { name: 'Why there are no pixels' });
  expect(await reason.getAttribute('data-cause')).toBe('not-copied-into-build');
  expect(await reason.textContent()).toContain('served without the release’s images');
  expect(await reason.locator('code').textContent()).toBe('npm start -- --data DIR');
  await expect.poll(() => page.locator('.viewer-schematic').count()).toBe(4);
  await screenshot(page, 'served-release-static-schematic');
  expect(await axeViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();

  const list = await openPage(staticSite, '/studies/?images=1');
  await expect.poll(() => list.page.locator('#study-rows th[scope="row"] a > span:first-child').allTextContents()).toEqual([sampleId]);
  expect(await list.page.getByLabel('Only studies with images available (in this build)').isChecked()).toBe(true);
  await list.page.close();
});

describe('the in-place server, from the browser’s side', () => {
  it.each([
    // (The browser resolves a bare "%2e%2e" segment itself; these reach the server as written.)
    ['/release-images/x/%2e%2e%2f%2e%2e%2fbreast-level_annotations.csv', 400],
    ['/release-images/..%2fmetadata.csv', 400],
    ['/release-images/x%5c..%5c..%5cmetadata.csv', 400],
    ['/release-images/', 404],
    ['/release-images/{study}/', 404],
    ['/data/', 404],
  ] as const)('%s → %i', async (path, status) => {
    const response = await inPlace.context.request.get(`${served.url}${path.replace('{study}', target.id)}`, { maxRedirects: 0 });
    expect(response.status()).toBe(status);
    expect(await response.text()).not.toContain('study_id');
  });

  it('answers the DICOM with its size and type, HEAD included, and refuses to write', async () => {
    const image = target.images[0];
    const url = `${served.url}/release-images/${target.id}/${image.imageId}.dicom`;
    const head = await inPlace.context.request.head(url);
    expect(head.headers()['content-type']).toBe('application/dicom');
    const size = readFileSync(join(DEMO, 'images', target.id, `${image.imageId}.dicom`)).byteLength;
    expect(Number(head.headers()['content-length'])).toBe(size);
    expect((await inPlace.context.request.put(url, { data: 'x' })).status()).toBe(405);
    expect(readFileSync(join(DEMO, 'images', target.id, `${image.imageId}.dicom`)).byteLength).toBe(size);
  });
});
