// Viewer fidelity in Chromium (issue 14): every view ends drawn or with a plain message within a bound (a JPEG 2000
// file its decoder worker cannot read, a DICM file without transfer syntax), no build-time preview left standing for
// a file that failed, and the greyscale pipeline of PS3.3 C.11 on synthetic block images: each block's grey on screen
// is compared with the standard's formula for its stored value, written out again here, within one grey level.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../src/viewer/viewer-page.ts';
import { BLOCK, GRID_COLUMNS, GRID_ROWS, blockWord, greyscaleDicom, type GreyscaleCase } from '../fixtures/dicom/greyscale-dicom.ts';
import { axeViolations, openBrowser, openPage, screenshot, type Browser } from './harness.ts';
import { FIXTURES, FIXTURE_LESION_BOX, fixtureStudy, openFixtureStudy, settledStates } from './viewer-kit.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SLOTS: { laterality: 'L' | 'R'; view: 'CC' | 'MLO' }[] = [
  { laterality: 'R', view: 'CC' },
  { laterality: 'L', view: 'CC' },
  { laterality: 'R', view: 'MLO' },
  { laterality: 'L', view: 'MLO' },
];

/** The committed JPEG 2000 fixture with its codestream's first 4 bytes (FF 4F FF 51) made a JP2 box of length 2. */
function brokenJpeg2000(): Uint8Array {
  const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'jpeg2000.dicom')));
  for (let i = 0; i < bytes.length - 3; i++) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0x4f && bytes[i + 2] === 0xff && bytes[i + 3] === 0x51) {
      bytes.set([0, 0, 0, 2], i);
      return bytes;
    }
  }
  throw new Error('no JPEG 2000 codestream in the fixture');
}

/** The RLE fixture with its first segment's offset pointing past the frame (the viewer's RLE worker refuses it). */
function brokenRle(): Uint8Array {
  const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'rle.dicom')));
  // The frame header: 2 segments, the first at byte 64.
  for (let i = 0; i < bytes.length - 8; i++) {
    if (bytes[i] === 2 && bytes[i + 1] === 0 && bytes[i + 2] === 0 && bytes[i + 3] === 0 && bytes[i + 4] === 64 && bytes.subarray(i + 5, i + 8).every((b) => b === 0)) {
      bytes.set([0xff, 0xff, 0, 0], i + 4);
      return bytes;
    }
  }
  throw new Error('no RLE frame header in the fixture');
}

function greyPng(width: number, height: number, grey: number): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(grey);
  for (let i = 3; i < png.data.length; i += 4) png.data[i] = 255;
  return PNG.sync.write(png);
}

describe('no silent failures', () => {
  it('ends every view drawn or with a plain message, the library’s words behind Details, and no preview of another file', async () => {
    const { page } = await openPage(browser, '/viewer/?study=none');
    const { study, files } = fixtureStudy('fixture-silent', [
      { ...SLOTS[0], file: 'uncompressed.dicom' },
      { ...SLOTS[1], file: brokenJpeg2000() },
      { ...SLOTS[2], file: greyscaleDicom({ seed: 'no-syntax', values: [100, 2000], noTransferSyntax: true }) },
      { ...SLOTS[3], file: 'truncated.dicom' },
    ]);
    // A build-time preview for the broken JPEG 2000 view (of the image it replaced): it must not stay on screen.
    const brokenId = study.images[1].imageId;
    await page.route('**/viewer/assets/previews/index.json', (route) =>
      route.fulfill({ json: { version: 1, images: { [brokenId]: { url: '/viewer/assets/previews/broken.png', width: 32, height: 40, chestWall: 'left' } } } }),
    );
    await page.route('**/viewer/assets/previews/broken.png', (route) => route.fulfill({ status: 200, body: greyPng(32, 40, 200), contentType: 'image/png' }));
    const started = Date.now();
    await openFixtureStudy(page, browser.baseURL, study, files);
    // dwv reads a DICM file without transfer syntax as explicit VR little endian: it paints, as it should.
    expect(await settledStates(page)).toEqual(['ready', 'error', 'ready', 'error']);
    // Bounded: the worker's error ends the load at once, not at the 60 s watchdog.
    expect(Date.now() - started).toBeLessThan(20_000);
    const reasons = await page.locator('.viewer-message .viewer-reason').allTextContents();
    expect(reasons).toEqual([
      'LCC: its JPEG 2000 lossless (1.2.840.10008.1.2.4.90) pixel data could not be decoded: the compressed data is damaged or not what the header says.',
      'LMLO: the DICOM file is truncated or damaged.',
    ]);
    // The decoder's own words, one keyboard press away.
    const summary = page.locator('.viewer-cell').nth(1).locator('.viewer-message summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.viewer-cell').nth(1).locator('.viewer-message details code').textContent()).toMatch(/JPEG 2000: the codestream could not be decoded/);
    const previewHidden = await page.locator('.viewer-cell').nth(1).locator('.viewer-preview').evaluate((img) => img.classList.contains('hidden'));
    expect(previewHidden, 'the preview of the replaced image is gone').toBe(true);
    await screenshot(page, 'viewer-fidelity-failures');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('a damaged RLE frame: the RLE worker’s error ends the load with a plain message, its words behind Details', async () => {
    const { page } = await openPage(browser, '/viewer/?study=none');
    const { study, files } = fixtureStudy('fixture-broken-rle', [{ ...SLOTS[0], file: brokenRle() }]);
    const started = Date.now();
    await openFixtureStudy(page, browser.baseURL, study, files);
    expect((await settledStates(page))[0]).toBe('error');
    expect(Date.now() - started).toBeLessThan(20_000);
    await expect.poll(() => page.locator('.viewer-message .viewer-reason').first().textContent()).toBe(
      `${SLOTS[0].laterality}${SLOTS[0].view}: its RLE (1.2.840.10008.1.2.5) pixel data could not be decoded: the compressed data is damaged or not what the header says.`,
    );
    await expect.poll(() => page.locator('.viewer-cell').first().locator('.viewer-message details code').textContent()).toMatch(/RLE: RLE segment 1 lies outside the frame \(offset 65535\)/);
    await page.close();
  });
});

// ---- The standard's formulas (PS3.3 C.11), written out independently of src/lib/viewer/greyscale.ts ----

function stored(c: GreyscaleCase, word: number): number {
  const bits = c.bitsStored ?? ((c.bitsAllocated ?? 16) === 32 ? 32 : 12);
  const masked = word % 2 ** bits;
  return c.signed && masked >= 2 ** (bits - 1) ? masked - 2 ** bits : masked;
}

function expectedGrey(c: GreyscaleCase, word: number, range: { min: number; max: number }): number {
  const x = stored(c, word) * (c.rescaleSlope ?? 1) + (c.rescaleIntercept ?? 0);
  let y: number;
  if (c.voiLut) {
    const { firstMapped, bits, data } = c.voiLut;
    const i = Math.min(data.length - 1, Math.max(0, x - firstMapped));
    y = (data[i] / (2 ** bits - 1)) * 255;
  } else if (c.windowCenter && c.windowWidth) {
    const [wc, ww] = [c.windowCenter[0], c.windowWidth[0]];
    if (c.voiLutFunction === 'SIGMOID') y = 255 / (1 + Math.exp((-4 * (x - wc)) / ww));
    else if (c.voiLutFunction === 'LINEAR_EXACT') y = x <= wc - ww / 2 ? 0 : x > wc + ww / 2 ? 255 : ((x - wc) / ww + 0.5) * 255;
    else y = x <= wc - 0.5 - (ww - 1) / 2 ? 0 : x > wc - 0.5 + (ww - 1) / 2 ? 255 : ((x - (wc - 0.5)) / (ww - 1) + 0.5) * 255;
  } else {
    // No window in the header: the data range, min black, max white.
    y = ((x - range.min) / (range.max - range.min)) * 255;
  }
  const inverse = c.presentationLutShape ? c.presentationLutShape === 'INVERSE' : c.photometric === 'MONOCHROME1';
  return inverse ? 255 - y : y;
}

function modalityRangeOf(c: GreyscaleCase): { min: number; max: number } {
  const xs: number[] = [];
  for (let by = 0; by < GRID_ROWS; by++) for (let bx = 0; bx < GRID_COLUMNS; bx++) xs.push(stored(c, blockWord(c, bx, by)) * (c.rescaleSlope ?? 1) + (c.rescaleIntercept ?? 0));
  return { min: Math.min(...xs), max: Math.max(...xs) };
}

const ramp = (from: number, to: number) => Array.from({ length: GRID_ROWS * GRID_COLUMNS }, (_, i) => Math.round(from + ((to - from) * i) / (GRID_ROWS * GRID_COLUMNS - 1)));
const sqrtLut = Array.from({ length: 4096 }, (_, i) => Math.round(4095 * Math.sqrt(i / 4095)));

const CASES: Record<string, GreyscaleCase> = {
  linear: { seed: 'linear', values: ramp(0, 4095), windowCenter: [2037], windowWidth: [2310], windowExplanation: ['STANDARD'] },
  linearExact: { seed: 'exact', values: ramp(0, 4095), windowCenter: [2000], windowWidth: [1000], voiLutFunction: 'LINEAR_EXACT' },
  sigmoid: { seed: 'sigmoid', values: ramp(0, 4095), windowCenter: [2048], windowWidth: [2000], voiLutFunction: 'SIGMOID' },
  voiLutSequence: { seed: 'lut', values: ramp(0, 4095), windowCenter: [2048], windowWidth: [4096], voiLut: { firstMapped: 0, bits: 12, data: sqrtLut, explanation: 'SQUARE ROOT' } },
  monochrome2Inverse: { seed: 'm2inv', values: ramp(0, 4095), windowCenter: [2048], windowWidth: [4096], presentationLutShape: 'INVERSE' },
  monochrome1Identity: { seed: 'm1id', values: ramp(0, 4095), windowCenter: [2048], windowWidth: [4096], photometric: 'MONOCHROME1', presentationLutShape: 'IDENTITY' },
  monochrome1: { seed: 'm1', values: ramp(0, 4095), windowCenter: [2048], windowWidth: [4096], photometric: 'MONOCHROME1' },
  junkHighBits: { seed: 'junk', values: ramp(0, 4095), junkHighBits: 0xf, windowCenter: [2048], windowWidth: [4096] },
  signedRescaled: { seed: 'signed', values: ramp(-2000, 2000), bitsStored: 12, signed: true, rescaleSlope: 2, rescaleIntercept: 100, windowCenter: [100], windowWidth: [6000] },
  noWindowRescaled: { seed: 'range', values: ramp(300, 3500), rescaleSlope: 0.5, rescaleIntercept: -50 },
  noTransferSyntax: { seed: 'no-syntax', values: ramp(0, 4095), windowCenter: [2048], windowWidth: [4096], noTransferSyntax: true },
  thirtyTwoBit: { seed: 'u32', values: ramp(0, 1_000_000), bitsAllocated: 32, windowCenter: [500_000], windowWidth: [1_000_000] },
  eightBit: { seed: 'u8', values: ramp(0, 255), bitsAllocated: 8, bitsStored: 8, windowCenter: [100], windowWidth: [120], voiLutFunction: 'SIGMOID' },
  oneBit: { seed: 'bit', values: [0, 1, 1, 0, 1], oneBit: true },
};

/** The grey drawn at each block's centre, read from the view's canvas through dwv's image → screen transform. */
async function blockGreys(page: import('playwright-core').Page, index: number): Promise<number[][]> {
  return page.evaluate(
    ({ i, block, cols, rows }) => {
      const t = window.vindrViewer!.view(i)!.imageToContainer();
      const canvas = document.querySelector<HTMLCanvasElement>(`#view-${i} .viewLayer canvas`)!;
      const frame = document.getElementById(`view-${i}`)!.getBoundingClientRect();
      const box = canvas.getBoundingClientRect();
      const scale = canvas.width / box.width;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const out: number[][] = [];
      for (let by = 0; by < rows; by++) {
        const row: number[] = [];
        for (let bx = 0; bx < cols; bx++) {
          const ix = (bx + 0.5) * block;
          const iy = (by + 0.5) * block;
          const cx = frame.left + t.originX + ix * t.unitX - box.left;
          const cy = frame.top + t.originY + iy * t.unitY - box.top;
          const px = Math.floor(cx * scale);
          const py = Math.floor(cy * scale);
          row.push(data[(py * canvas.width + px) * 4]);
        }
        out.push(row);
      }
      return out;
    },
    { i: index, block: BLOCK, cols: GRID_COLUMNS, rows: GRID_ROWS },
  );
}

describe('the greyscale pipeline of PS3.3 C.11', () => {
  const names = Object.keys(CASES);
  const groups = [names.slice(0, 4), names.slice(4, 8), names.slice(8, 11), names.slice(11)];
  it.each(groups.map((g) => [g.join(', '), g]))('draws %s as the standard’s formulas say, within one grey level', { timeout: 120_000 }, async (_title, group) => {
    const { page, errors } = await openPage(browser, '/viewer/?study=none');
    const cases = (group as string[]).map((name) => CASES[name]);
    const { study, files } = fixtureStudy(`fixture-grey-${cases[0].seed}`, cases.map((c, i) => ({ ...SLOTS[i], file: greyscaleDicom(c), rows: 160, columns: 128 })));
    await openFixtureStudy(page, browser.baseURL, study, files);
    expect((await settledStates(page)).slice(0, cases.length)).toEqual(cases.map(() => 'ready'));
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i];
      const range = modalityRangeOf(c);
      const greys = await blockGreys(page, i);
      for (let by = 0; by < GRID_ROWS; by++) {
        for (let bx = 0; bx < GRID_COLUMNS; bx++) {
          const word = blockWord(c, bx, by);
          const want = expectedGrey(c, word, range);
          expect(Math.abs(greys[by][bx] - want), `${group[i]}: block (${bx}, ${by}), word ${word}: drawn ${greys[by][bx]}, formula ${want.toFixed(2)}`).toBeLessThanOrEqual(1);
        }
      }
    }
    await screenshot(page, `viewer-fidelity-grey-${cases[0].seed}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names header windows "Header 1: centre 2037, width 2310 — STANDARD" and offers a VOI LUT Sequence first, by default', async () => {
    const { page } = await openPage(browser, '/viewer/?study=none');
    const { study, files } = fixtureStudy('fixture-grey-menu', [
      { ...SLOTS[0], file: greyscaleDicom(CASES.linear) },
      { ...SLOTS[1], file: greyscaleDicom(CASES.voiLutSequence) },
    ]);
    await openFixtureStudy(page, browser.baseURL, study, files);
    await settledStates(page);
    await expect.poll(() => page.locator('#view-preset-0 option').allTextContents()).toEqual(['Header 1: centre 2037, width 2310 \u2014 STANDARD']);
    await expect.poll(() => page.locator('#view-preset-1 option').allTextContents()).toEqual(['Header LUT 1: 4096 entries from 0 \u2014 SQUARE ROOT', 'Header 1: centre 2048, width 4096']);
    // Choosing the window instead of the table redraws with the window: stored 1024 → LINEAR 2048/4096.
    await page.locator('#view-preset-1').selectOption({ index: 1 });
    const c = { ...CASES.voiLutSequence, voiLut: undefined };
    await expect
      .poll(async () => {
        const greys = await blockGreys(page, 1);
        return Math.abs(greys[5][0] - expectedGrey(c, blockWord(c, 0, 5), modalityRangeOf(c)));
      })
      .toBeLessThanOrEqual(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

interface LabelGeometry {
  view: { left: number; top: number; right: number; bottom: number };
  labels: { text: string; left: number; top: number; right: number; bottom: number; font: string }[];
  /** The view's name and preset menu, drawn over the image. */
  header: { left: number; top: number; right: number; bottom: number }[];
  bodyFont: string;
}

async function labelGeometry(page: import('playwright-core').Page, index: number): Promise<LabelGeometry> {
  return page.evaluate((i) => {
    const frame = document.getElementById(`view-${i}`)!;
    const v = frame.getBoundingClientRect();
    const spans = [...frame.parentElement!.querySelectorAll<HTMLElement>('.viewer-label')].filter((s) => !s.classList.contains('hidden'));
    return {
      view: { left: v.left, top: v.top, right: v.right, bottom: v.bottom },
      labels: spans.map((s) => {
        const r = s.getBoundingClientRect();
        return { text: s.textContent ?? '', left: r.left, top: r.top, right: r.right, bottom: r.bottom, font: getComputedStyle(s).fontFamily };
      }),
      header: [...frame.closest('.viewer-cell')!.querySelectorAll<HTMLElement>('h2, .viewer-preset')]
        .filter((e) => !e.classList.contains('hidden'))
        .map((e) => {
          const r = e.getBoundingClientRect();
          return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        }),
      bodyFont: getComputedStyle(document.body).fontFamily,
    };
  }, index);
}

function expectLabelsInsideAndApart(g: LabelGeometry, what: string): void {
  for (const l of g.labels) {
    expect(l.left, `${what}: "${l.text}" left edge`).toBeGreaterThanOrEqual(g.view.left - 0.5);
    expect(l.right, `${what}: "${l.text}" right edge`).toBeLessThanOrEqual(g.view.right + 0.5);
    expect(l.top, `${what}: "${l.text}" top edge`).toBeGreaterThanOrEqual(g.view.top - 0.5);
    expect(l.bottom, `${what}: "${l.text}" bottom edge`).toBeLessThanOrEqual(g.view.bottom + 0.5);
    expect(l.font, 'the site’s font').toBe(g.bodyFont);
  }
  const all = [...g.labels, ...g.header.map((h) => ({ ...h, text: 'the view’s name or menu', font: '' }))];
  for (let a = 0; a < g.labels.length; a++) {
    for (let b = a + 1; b < all.length; b++) {
      const [p, q] = [all[a], all[b]];
      const apart = Math.min(p.right, q.right) - Math.max(p.left, q.left) <= 0.5 || Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) <= 0.5;
      expect(apart, `${what}: "${p.text}" and "${q.text}" do not overlap`).toBe(true);
    }
  }
}

describe('box labels', () => {
  it('stay inside their view, apart, in the site’s font: at the chest wall, mirrored, side by side, zoomed', async () => {
    const { page, errors } = await openPage(browser, '/viewer/?study=none');
    const box = (categories: string[], xmin: number, ymin: number, xmax: number, ymax: number, line: number) => ({
      categories,
      findingBirads: '4' as const,
      box: { xmin, ymin, xmax, ymax },
      line,
      outOfBounds: false,
    });
    // At the chest wall (x = 0), two boxes side by side near the top, one box filling most of the image.
    const crowded = [
      box(['Focal Asymmetry'], 0, 70, 20, 100, 6), // lines unique per view: FIXTURE_LESION_BOX is line 2
      box(['Mass'], 30, 2, 60, 20, 3),
      box(['Suspicious Calcification', 'Architectural Distortion'], 62, 2, 90, 20, 4),
      FIXTURE_LESION_BOX,
    ];
    const { study, files } = fixtureStudy('fixture-labels', [
      { ...SLOTS[0], file: 'uncompressed.dicom', boxes: crowded },
      { ...SLOTS[1], file: 'uncompressed.dicom', boxes: crowded },
      { ...SLOTS[2], file: 'uncompressed.dicom', boxes: [box(['Global Asymmetry'], 0, 0, 128, 160, 5)] },
    ]);
    await openFixtureStudy(page, browser.baseURL, study, files);
    await settledStates(page);
    // RCC is mirrored (chest wall stored left, hung right), LCC is not.
    expect(await page.evaluate(() => [0, 1].map((i) => window.vindrViewer!.view(i)!.isFlipped()))).toEqual([true, false]);
    await page.waitForTimeout(300);
    for (const index of [0, 1, 2]) {
      const g = await labelGeometry(page, index);
      expect(g.labels.length, `view ${index} shows its labels`).toBe(index === 2 ? 1 : 4);
      expect(g.labels.map((l) => l.text)).toContain(index === 2 ? 'Global asym. · B4' : 'Focal asym. · B4');
      expectLabelsInsideAndApart(g, `view ${index}`);
    }
    await screenshot(page, 'viewer-fidelity-labels');
    // Zoomed ×3 about the chest-wall box: labels stay inside and the same size (legible at every zoom).
    const before = (await labelGeometry(page, 0)).labels.find((l) => l.text.startsWith('Focal'))!;
    await page.evaluate(() => {
      const frame = document.getElementById('view-0')!.getBoundingClientRect();
      window.vindrViewer!.view(0)!.zoom(2, frame.width - 20, frame.height / 2);
    });
    await page.waitForTimeout(400);
    const zoomed = await labelGeometry(page, 0);
    expectLabelsInsideAndApart(zoomed, 'zoomed view');
    const after = zoomed.labels.find((l) => l.text.startsWith('Focal'));
    expect(after, 'the chest-wall box’s label is still shown').toBeDefined();
    expect(after!.bottom - after!.top).toBeCloseTo(before.bottom - before.top, 0);
    await screenshot(page, 'viewer-fidelity-labels-zoomed');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
