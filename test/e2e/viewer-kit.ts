// Helpers for the viewer's browser tests: serving fixture studies through Playwright routes (no test-only code or
// files in the built site), waiting for the four views, reading what is really on screen (canvas pixels and
// screenshots), and the expected screen rectangle of a box from dwv's own view transform.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type { Box, SampleBox, SampleImage, SampleStudy } from '../../src/lib/types.ts';
import type {} from '../../src/viewer/viewer-page.ts';

export const FIXTURES = join('test', 'fixtures', 'dicom');

/** A fixture image: `file` under test/fixtures/dicom/, or null for a URL that answers 404. */
export interface FixtureImage {
  laterality: 'L' | 'R';
  view: 'CC' | 'MLO';
  file: string | null;
  rows?: number;
  columns?: number;
  boxes?: SampleBox[];
}

/** Fixture images are 160 × 128 (rows × columns); the lesion sits at (45, 70), radius 12. */
export const FIXTURE_LESION_BOX: SampleBox = {
  categories: ['Mass'],
  findingBirads: '4',
  box: { xmin: 33, ymin: 58, xmax: 57, ymax: 82 },
  line: 2,
  outOfBounds: false,
};

export function fixtureStudy(id: string, images: FixtureImage[]): { study: SampleStudy; files: Map<string, string | null> } {
  const files = new Map<string, string | null>();
  const sampleImages = images.map((image, i): SampleImage => {
    const imageId = `${id}-${i}`;
    const url = `/data/images/${id}/${imageId}.dicom`;
    files.set(url, image.file);
    return {
      imageId,
      seriesId: `${id}-series`,
      laterality: image.laterality,
      view: image.view,
      url,
      rows: image.rows ?? 160,
      columns: image.columns ?? 128,
      birads: '4',
      density: 'C',
      vendor: 'Fixture',
      model: null,
      photometric: 'MONOCHROME2',
      boxes: image.boxes ?? [],
    };
  });
  return { study: { id, split: 'test', reason: 'test fixture', ageYears: null, images: sampleImages }, files };
}

/**
 * Answers the sample list, an empty preview manifest and the fixture files from disk, then opens the study. Routes
 * added after the harness's own catch-all take precedence, so the built site needs no test-only content.
 */
export async function openFixtureStudy(page: Page, baseURL: string, study: SampleStudy, files: Map<string, string | null>): Promise<void> {
  await page.route('**/data/samples.json', (route) => route.fulfill({ json: [study] }));
  await page.route('**/viewer/assets/previews/index.json', (route) => route.fulfill({ json: { version: 0, images: {} } }));
  await page.route(`**/data/images/${study.id}/**`, (route) => {
    const file = files.get(new URL(route.request().url()).pathname);
    if (!file) return route.fulfill({ status: 404, body: 'Not Found' });
    return route.fulfill({ status: 200, body: readFileSync(join(FIXTURES, file)), contentType: 'application/octet-stream' });
  });
  await page.goto(new URL(`/viewer/?study=${encodeURIComponent(study.id)}`, baseURL).href);
}

export type ViewState = 'empty' | 'loading' | 'preview' | 'ready' | 'error';

/** Waits until every view is drawn or has failed; returns the four states. */
export async function settledStates(page: Page): Promise<ViewState[]> {
  await page.waitForFunction(() => window.vindrViewer !== undefined, undefined, { timeout: 30_000 });
  await page.evaluate(() => window.vindrViewer!.settled);
  return page.evaluate(() => [0, 1, 2, 3].map((i) => window.vindrViewer!.state(i)));
}

/** Distinct grey levels and share of non-black pixels of a view's dwv image canvas (what dwv drew). */
export async function canvasStats(page: Page, index: number): Promise<{ distinct: number; nonBlack: number }> {
  return page.evaluate((i) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`#view-${i} .viewLayer canvas`);
    if (!canvas) return { distinct: 0, nonBlack: 0 };
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const levels = new Set<number>();
    let nonBlack = 0;
    for (let p = 0; p < data.length; p += 4) {
      levels.add(data[p]);
      if (data[p] + data[p + 1] + data[p + 2] > 30) nonBlack++;
    }
    return { distinct: levels.size, nonBlack: nonBlack / (data.length / 4) };
  }, index);
}

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where dwv's view layer puts an image-pixel box, in page CSS pixels (the test's expectation). */
export async function expectedBoxRect(page: Page, index: number, box: Box): Promise<Rect> {
  const { transform, left, top } = await page.evaluate((i) => {
    const frame = document.getElementById(`view-${i}`)!.getBoundingClientRect();
    return { transform: window.vindrViewer!.view(i)!.imageToContainer(), left: frame.left, top: frame.top };
  }, index);
  // screen = origin + image × unit per axis; a mirrored view (negative unit x) swaps which edge is left.
  const [x0, x1] = [transform.originX + box.xmin * transform.unitX, transform.originX + box.xmax * transform.unitX];
  const [y0, y1] = [transform.originY + box.ymin * transform.unitY, transform.originY + box.ymax * transform.unitY];
  return { left: Math.min(x0, x1) + left, right: Math.max(x0, x1) + left, top: Math.min(y0, y1) + top, bottom: Math.max(y0, y1) + top };
}

/** Polls until the view's transform stops changing (after an enlarge, a resize or a zoom). */
export async function stableBoxRect(page: Page, index: number, box: Box): Promise<Rect> {
  let previous = await expectedBoxRect(page, index, box);
  for (let attempt = 0; attempt < 40; attempt++) {
    await page.waitForTimeout(150);
    const next = await expectedBoxRect(page, index, box);
    if (JSON.stringify(next) === JSON.stringify(previous)) return next;
    previous = next;
  }
  return previous;
}

function hexRgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/**
 * Finds a box outline of `colour` on screen: from the expected centre it walks outwards along the middle row and
 * column and takes the first run of outline-coloured pixels on each side (the label sits outside the box, the
 * lesion inside is grey). Edges are the centres of those runs, in page CSS pixels.
 */
export async function measuredBoxRect(page: Page, around: Rect, colour: string, margin = 40): Promise<Rect | null> {
  const clip = {
    x: Math.max(0, Math.floor(around.left - margin)),
    y: Math.max(0, Math.floor(around.top - margin)),
    width: Math.ceil(around.right - around.left + 2 * margin),
    height: Math.ceil(around.bottom - around.top + 2 * margin),
  };
  const png = PNG.sync.read(await page.screenshot({ clip }));
  const [r, g, b] = hexRgb(colour);
  const isOutline = (x: number, y: number) => {
    if (x < 0 || y < 0 || x >= png.width || y >= png.height) return false;
    const o = (y * png.width + x) * 4;
    return Math.abs(png.data[o] - r) + Math.abs(png.data[o + 1] - g) + Math.abs(png.data[o + 2] - b) < 90;
  };
  const cx = Math.round((around.left + around.right) / 2 - clip.x);
  const cy = Math.round((around.top + around.bottom) / 2 - clip.y);
  const edge = (dx: number, dy: number): number | null => {
    let x = cx;
    let y = cy;
    while (x >= 0 && y >= 0 && x < png.width && y < png.height && !isOutline(x, y)) {
      x += dx;
      y += dy;
    }
    if (!isOutline(x, y)) return null;
    const start = dx !== 0 ? x : y;
    while (isOutline(x, y)) {
      x += dx;
      y += dy;
    }
    const end = (dx !== 0 ? x : y) - (dx + dy);
    // Pixel centres: +0.5.
    return (start + end) / 2 + 0.5;
  };
  const left = edge(-1, 0);
  const right = edge(1, 0);
  const top = edge(0, -1);
  const bottom = edge(0, 1);
  if (left === null || right === null || top === null || bottom === null) return null;
  return { left: left + clip.x, right: right + clip.x, top: top + clip.y, bottom: bottom + clip.y };
}

/** Console errors a test expects (a deliberately missing file's 404), removed before asserting the rest is empty. */
export function withoutExpected404(errors: string[]): string[] {
  return errors.filter((e) => !/Failed to load resource: the server responded with a status of 404/.test(e));
}
