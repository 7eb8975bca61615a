// The review round in the browser: a queue started from a quality rule (its instances served as a hand-written
// data/quality-instances.csv through a Playwright route, built from the demo's own boxes), verdicts given by
// keyboard, a missed finding drawn with the mouse (its image-pixel box checked against dwv's transform) and one
// with the arrow keys, an image problem and "reviewed"; after a reload everything is still there (IndexedDB) and
// opening the queue again resumes where it was left. A study of the queue that the release lacks is skipped and
// listed. The overlay's marks sit on the boxes (geometry from dwv's view transform). Axe finds nothing in each state.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boxToScreen } from '../../src/lib/viewer/box-geometry.ts';
import { decodeStudyIndex } from '../../src/lib/studies/study-index.ts';
import type { MissedFinding, Verdict } from '../../src/lib/review/verdict-types.ts';
import type { SampleStudy } from '../../src/lib/types.ts';
import type {} from '../../src/viewer/review/review-mode.ts';
import { axeViolations, builtFile, openBrowser, openPage, screenshot, type Browser } from './harness.ts';

const RULE = 'box-out-of-bounds';
const GONE = 'f00dfeedf00dfeedf00dfeedf00dfeed';

let browser: Browser;
let sample: SampleStudy;
let other: string;
let instancesCsv: string;

beforeAll(async () => {
  browser = await openBrowser({ viewport: { width: 1400, height: 1000 } });
  const samples = JSON.parse(readFileSync(builtFile('data', 'samples.json'), 'utf8')) as SampleStudy[];
  // A sample study with two boxes on one view: the queue's boxes in question.
  sample = samples.find((s) => s.images.some((i) => i.boxes.length >= 2))!;
  const index = decodeStudyIndex(JSON.parse(readFileSync(builtFile('data', 'studies.json'), 'utf8')));
  other = index.find((s) => s.boxes > 0 && !samples.some((x) => x.id === s.id))!.id;
  const lines = sample.images.find((i) => i.boxes.length >= 2)!.boxes.map((b) => b.line);
  instancesCsv = [
    'rule,severity,file,line,study,image,detail',
    `${RULE},warning,finding_annotations.csv,${lines[0]},${sample.id},x,fixture`,
    `${RULE},warning,finding_annotations.csv,${lines[1]},${sample.id},x,fixture`,
    `${RULE},warning,finding_annotations.csv,7,${GONE},x,a study the release lacks`,
    `missing-view,warning,breast-level_annotations.csv,9,${other},,another rule`,
    `${RULE},warning,finding_annotations.csv,99999,${other},x,fixture`,
  ].join('\n');
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Serves the fixture instances file to the page (the lesions build writes the real one); after the harness's catch-all, so it wins. */
async function serveInstances(page: Page): Promise<void> {
  await page.route('**/data/quality-instances.csv', (route) => route.fulfill({ status: 200, contentType: 'text/csv', body: instancesCsv }));
}

async function waitForReview(page: Page): Promise<void> {
  await page.waitForFunction(() => window.vindrReview !== undefined && document.getElementById('viewer-grid')?.dataset.walk === 'ready', null, { timeout: 30_000 });
  await page.waitForTimeout(300);
}

async function verdicts(page: Page): Promise<Verdict[]> {
  return page.evaluate(() => window.vindrReview!.verdicts());
}

describe('review queue from a quality rule, verdicts by keyboard, a drawn missed finding', () => {
  let page: Page;
  let queueUrl: string;

  it('starts a queue from the rule’s button and opens its first study with "1 of 3" and the boxes in question', async () => {
    ({ page } = await openPage(browser, '/audit/quality/'));
    await serveInstances(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator(`section[data-rule="${RULE}"] button[data-review-queue="rule"]`).click();
    await page.waitForURL(/\/viewer\/\?study=.*&queue=/, { timeout: 20_000 }).catch(async (error: unknown) => {
      throw new Error(`no viewer: "${await page.locator(`section[data-rule="${RULE}"] [data-review-queue-status]`).textContent()}" (${String(error)})`);
    });
    queueUrl = page.url();
    expect(new URL(queueUrl).searchParams.get('study')).toBe(sample.id);
    await waitForReview(page);
    await expect.poll(() => page.locator('#review-queue-position').textContent()).toBe('1 of 3');
    await expect.poll(() => page.locator('#viewer-walk strong').textContent()).toBe(`Rule ${RULE}`);
    await expect.poll(() => page.locator('#review-queue-skipped').textContent()).toContain(GONE);
    await expect.poll(() => page.locator('.review-box[data-in-question="true"]').count()).toBe(2);
    await expect.poll(() => page.locator('.review-in-question').count()).toBe(2);
  });

  it('gives verdicts with ] and the number keys; each mark sits on its box', async () => {
    // Without a reviewer name nothing is saved and the name field takes the focus.
    await page.locator('#viewer-study').click();
    await page.keyboard.press('1');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('review-reviewer');
    expect(await verdicts(page)).toEqual([]);
    await page.fill('#review-reviewer', 'qa-one');
    await page.press('#review-reviewer', 'Tab');
    await page.locator('#viewer-study').click();
    // Focus starts on the first box in question.
    await page.keyboard.press('1');
    await page.keyboard.press(']');
    await page.keyboard.press('5');
    await expect.poll(async () => (await verdicts(page)).filter((v) => v.kind === 'box').map((v) => (v.kind === 'box' ? v.verdict : '')).sort()).toEqual(['correct', 'not-a-finding']);
    const boxVerdicts = (await verdicts(page)).filter((v) => v.kind === 'box');
    expect(boxVerdicts.every((v) => v.reviewer === 'qa-one')).toBe(true);
    // The verdict outline is drawn 2 px outside the box as dwv places it.
    const slot = ['RCC', 'LCC', 'RMLO', 'LMLO'].indexOf(`${boxVerdicts[0].target.laterality}${boxVerdicts[0].target.view}`);
    const { transform, drawn } = await page.evaluate(
      ({ i, key }) => {
        const rect = document.querySelector(`.review-box[data-key="${key}"] .review-verdict`)!;
        return {
          transform: window.vindrViewer!.view(i)!.imageToContainer(),
          drawn: { x: Number(rect.getAttribute('x')), y: Number(rect.getAttribute('y')), w: Number(rect.getAttribute('width')), h: Number(rect.getAttribute('height')) },
        };
      },
      { i: slot, key: boxVerdicts[0].key },
    );
    const target = boxVerdicts[0].kind === 'box' ? boxVerdicts[0].target.box : null;
    const s = boxToScreen(target!, transform);
    expect(drawn.x).toBeCloseTo(s.left - 2, 1);
    expect(drawn.y).toBeCloseTo(s.top - 2, 1);
    expect(drawn.w).toBeCloseTo(s.right - s.left + 4, 1);
    expect(drawn.h).toBeCloseTo(s.bottom - s.top + 4, 1);
    await expect.poll(() => page.locator('.review-box[data-verdict="not-a-finding"] path').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('draws a missed finding with the mouse, stored in image pixels through dwv’s transform', async () => {
    await page.locator('#viewer-study').click();
    await page.keyboard.press('m');
    // Whether RCC is mirrored depends on how the file stores it; the conversion is the same either way (the
    // mirrored and zoomed cases are unit-tested in test/lib/review/drawn-rectangle.test.ts).
    const { transform, frame } = await page.evaluate(() => ({
      transform: window.vindrViewer!.view(0)!.imageToContainer(),
      frame: document.getElementById('view-0')!.getBoundingClientRect().toJSON() as DOMRect,
    }));
    const from = { x: frame.left + frame.width * 0.45, y: frame.top + frame.height * 0.4 };
    const to = { x: frame.left + frame.width * 0.6, y: frame.top + frame.height * 0.55 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2);
    await page.mouse.move(to.x, to.y);
    await page.mouse.up();
    await screenshot(page, 'review-drawing');
    expect(await axeViolations(page)).toEqual([]);
    await page.selectOption('#review-missed-category', 'Architectural Distortion');
    await page.selectOption('#review-missed-birads', '4');
    await page.getByRole('button', { name: 'Save missed finding' }).click();
    await expect.poll(async () => (await verdicts(page)).filter((v) => v.kind === 'missed').length).toBe(1);
    const missed = (await verdicts(page)).find((v): v is MissedFinding => v.kind === 'missed')!;
    // image x = (screen x − origin) / unit; on a mirrored view the drag's right end is the image's smaller x.
    const imageX = (x: number) => (x - frame.left - transform.originX) / transform.unitX;
    const imageY = (y: number) => (y - frame.top - transform.originY) / transform.unitY;
    const [x0, x1] = [imageX(from.x), imageX(to.x)].sort((a, b) => a - b);
    expect(Math.abs(missed.target.box.xmin - x0)).toBeLessThanOrEqual(1);
    expect(Math.abs(missed.target.box.xmax - x1)).toBeLessThanOrEqual(1);
    expect(Math.abs(missed.target.box.ymin - imageY(from.y))).toBeLessThanOrEqual(1);
    expect(Math.abs(missed.target.box.ymax - imageY(to.y))).toBeLessThanOrEqual(1);
    expect(missed.target).toMatchObject({ studyId: sample.id, laterality: 'R', view: 'CC', categories: ['Architectural Distortion'], findingBirads: '4' });
    await expect.poll(() => page.locator('.review-missed').count()).toBe(1);
  });

  it('draws one with the keys, flags an image problem and marks the study reviewed', async () => {
    await page.locator('#view-1').focus();
    await page.keyboard.press('m');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('review-missed-category');
    await page.getByRole('button', { name: 'Save missed finding' }).click();
    await page.selectOption('#review-problem-1', 'artefact');
    await page.locator('#viewer-study').click();
    await page.keyboard.press('v');
    await expect.poll(async () => (await verdicts(page)).map((v) => v.kind).sort()).toEqual(['box', 'box', 'image-problem', 'missed', 'missed', 'reviewed']);
    const lcc = sample.images.find((i) => i.laterality === 'L' && i.view === 'CC')!;
    const keyed = (await verdicts(page)).find((v): v is MissedFinding => v.kind === 'missed' && v.target.view === 'CC' && v.target.laterality === 'L')!;
    // Default: a square of a tenth of the longer side, centred; one step (1/50) down, then one wider.
    const side = Math.round(Math.max(lcc.columns, lcc.rows) / 10);
    const step = Math.round(Math.max(lcc.columns, lcc.rows) / 50);
    const xmin = Math.round((lcc.columns - side) / 2);
    const ymin = Math.round((lcc.rows - side) / 2) + step;
    // LCC is not mirrored for this sample when its transform's unit x is positive; Shift+→ widens on screen.
    expect(keyed.target.box).toEqual({ xmin, ymin, xmax: xmin + side + step, ymax: ymin + side });
    await expect.poll(() => page.locator('#view-1').locator('..').locator('.review-image-problem').count()).toBe(1);
    await expect.poll(() => page.locator('#review-reviewed').isChecked()).toBe(true);
    await screenshot(page, 'review-queue-verdicts');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('keeps everything over a reload', async () => {
    const before = (await verdicts(page)).map((v) => v.key).sort();
    await page.reload({ waitUntil: 'networkidle' });
    await waitForReview(page);
    expect((await verdicts(page)).map((v) => v.key).sort()).toEqual(before);
    await expect.poll(() => page.locator('.review-box[data-verdict="correct"]').count()).toBe(1);
    await expect.poll(() => page.locator('.review-missed').count()).toBe(2);
    await expect.poll(() => page.locator('#review-reviewed').isChecked()).toBe(true);
  });

  it('steps with n past the study the release lacks, and resumes there when the queue is opened again', async () => {
    await page.locator('#viewer-study').click();
    await page.keyboard.press('n');
    await page.waitForURL((url) => url.searchParams.get('study') === other);
    await waitForReview(page);
    await expect.poll(() => page.locator('#review-queue-position').textContent()).toBe('3 of 3');
    expect(await page.locator('#viewer-grid').getAttribute('data-mode')).toBe('schematic');
    // The schematic gets the same overlay; this study has no box on line 99999, so none is in question.
    await expect.poll(() => page.locator('.review-overlay').count()).toBeGreaterThan(0);
    await page.keyboard.press('2');
    await expect.poll(async () => page.locator('.review-box[data-verdict="wrong-geometry"] .review-mark').count()).toBe(1);
    await screenshot(page, 'review-queue-schematic');
    expect(await axeViolations(page)).toEqual([]);
    const queueId = new URL(queueUrl).searchParams.get('queue')!;
    await page.goto(new URL(`/viewer/?queue=${queueId}`, browser.baseURL).href);
    await page.waitForURL((url) => url.searchParams.get('study') === other);
    await waitForReview(page);
    await page.keyboard.press('p');
    await page.waitForURL((url) => url.searchParams.get('study') === sample.id);
    await waitForReview(page);
    await expect.poll(() => page.locator('#review-queue-position').textContent()).toBe('1 of 3');
    // The study list lists the queue, with its saved position.
    await page.goto(new URL('/studies/', browser.baseURL).href, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('[data-saved-queues] li').first().textContent()).toContain('1 of 3');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('queues from the study browser’s filter and from a finding category', () => {
  it('queues the filtered studies in the browser’s order', async () => {
    const index = decodeStudyIndex(JSON.parse(readFileSync(builtFile('data', 'studies.json'), 'utf8')));
    // split=test & finding=Mass, sorted by id as the browser does by default.
    const expected = index.filter((s) => s.split === 'test' && s.findings.includes('Mass')).map((s) => s.id).sort();
    const { page } = await openPage(browser, '/studies/?split=test&finding=Mass');
    await page.getByRole('button', { name: 'Review these studies in a queue' }).click();
    await page.waitForURL((url) => url.searchParams.has('queue'));
    expect(new URL(page.url()).searchParams.get('study')).toBe(expected[0]);
    await page.waitForFunction(() => document.getElementById('review-queue-position') !== null, null, { timeout: 30_000 });
    await expect.poll(() => page.locator('#review-queue-position').textContent()).toBe(`1 of ${expected.length}`);
    await expect.poll(() => page.locator('#viewer-walk strong').textContent()).toBe('Studies where split=test, finding=Mass');
    await page.close();
  });

  it('queues a category’s studies and puts its boxes in question', async () => {
    const index = decodeStudyIndex(JSON.parse(readFileSync(builtFile('data', 'studies.json'), 'utf8')));
    const expected = index.filter((s) => s.findings.includes('Mass')).length;
    const { page } = await openPage(browser, '/findings/');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Review Mass' }).click();
    await page.waitForURL((url) => url.searchParams.has('queue'));
    await waitForReview(page);
    await expect.poll(() => page.locator('#review-queue-position').textContent()).toBe(`1 of ${expected}`);
    const inQuestion = await page.locator('.review-box[data-in-question="true"]').count();
    const studyId = new URL(page.url()).searchParams.get('study')!;
    const chunk = JSON.parse(readFileSync(builtFile('data', 'studies', `${studyId.slice(0, 2)}.json`), 'utf8')) as Record<string, SampleStudy>;
    expect(inQuestion).toBe(chunk[studyId].images.flatMap((i) => i.boxes).filter((b) => b.categories.includes('Mass')).length);
    expect(inQuestion).toBeGreaterThan(0);
    await page.close();
  });
});
