// A build that may be published (`--public`, issue 13), made once from the demo release in a scratch copy of the
// project: no study, series or image id of the release, no finding-file line reference and no DICOM or image in any
// file of its dist/; every page renders without console errors and with 0 axe violations; "< 5" shows where the
// demo has small counts; the pages that need the data explain themselves and the navigation marks them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SITE_PAGES } from '../../src/lib/site-pages.ts';
import { FILES } from '../../src/lib/vocabulary.ts';
import { startPreviewServer, type PreviewServer } from '../../src/node/preview-server.ts';
import { axeViolations, openBrowser, openPage, screenshot, type Browser } from './harness.ts';
import { buildScratchSite, type ScratchBuild } from './scratch-build.ts';

const DEMO = resolve('.demo-release');
let build: ScratchBuild;
let server: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  build = await buildScratchSite(DEMO, ['--public']);
  server = await startPreviewServer({ root: build.root, outDir: build.outDir });
  browser = { ...(await openBrowser()), baseURL: server.baseURL };
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  build?.remove();
});

function distFiles(): string[] {
  return readdirSync(build.outDir, { recursive: true, encoding: 'utf8' }).map((name) => join(build.outDir, name)).filter((path) => statSync(path).isFile());
}

it('holds no id of the release, no finding line reference and no image, in any file', () => {
  const ids = new Set<string>();
  for (const file of [FILES.breast, FILES.finding]) {
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(DEMO, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
    for (const row of rows) for (const column of ['study_id', 'series_id', 'image_id']) ids.add(row[column]);
  }
  const lengths = [...new Set([...ids].map((id) => id.length))];
  const files = distFiles();
  expect(files.some((f) => f.endsWith('.html'))).toBe(true);
  const found: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'latin1');
    // Every window of every id length over every alphanumeric run: an id inside a longer token is found too.
    for (const token of text.match(/[0-9A-Za-z]+/g) ?? []) {
      for (const length of lengths) {
        for (let i = 0; i + length <= token.length; i++) if (ids.has(token.slice(i, i + length))) found.push(`${file}: ${token.slice(i, i + length)}`);
      }
    }
    if (/finding_annotations\.csv:\d|"line":/.test(text)) found.push(`${file}: a line reference`);
  }
  expect(found.slice(0, 5)).toEqual([]);
  expect(files.filter((f) => /\.(dicom|dcm|png|jpe?g)$/i.test(f))).toEqual([]);
  const stats = JSON.parse(readFileSync(join(build.outDir, 'data', 'stats.json'), 'utf8')) as { public: boolean; minCell: number };
  expect([stats.public, stats.minCell]).toEqual([true, 5]);
  expect(readdirSync(join(build.outDir, 'data'))).toEqual(['stats.json']);
});

for (const sitePage of SITE_PAGES) {
  it(`${sitePage.path} renders without errors and with 0 axe violations${sitePage.absentWhenPublic ? ', and explains it needs the data' : ''}`, async () => {
    const { page, errors, offOrigin } = await openPage(browser, sitePage.path);
    expect(errors, sitePage.path).toEqual([]);
    expect(offOrigin).toEqual([]);
    expect(await axeViolations(page), sitePage.path).toEqual([]);
    if (sitePage.absentWhenPublic) {
      await expect.poll(() => page.locator('[data-absent-page]').textContent()).toContain('npm start -- --data');
    } else if (sitePage.path !== '/') {
      expect(await page.locator('[data-public-table]').count(), sitePage.path).toBeGreaterThan(0);
    }
    const marked = await page.locator('nav[aria-label="Site"] a', { hasText: 'needs the data' }).allTextContents();
    expect(marked.map((t) => t.replace(/\s*\(needs the data\)/, ''))).toEqual(['Split workbench', 'Review', 'Studies']);
    if (['/', '/findings/', '/age/', '/audit/quality/', '/studies/'].includes(sitePage.path)) await screenshot(page, `public-${sitePage.path.replace(/\W+/g, '-')}`);
    await page.close();
  });
}

it('shows "< 5" where the demo has small counts, and states what the build is', async () => {
  const { page } = await openPage(browser, '/findings/');
  // The demo's test split has 1 to 4 Skin Retraction boxes (Table 5 of the paper: 3).
  const row = page.locator('[data-public-table="findings"] tr', { hasText: 'Skin Retraction' });
  await expect.poll(() => row.locator('td').nth(2).textContent()).toBe('< 5');
  await page.close();
  const home = await openPage(browser, '/');
  const statement = await home.page.locator('[data-public-statement]').textContent();
  expect(statement).toContain('.demo-release');
  expect(statement).toContain('“< 5” (K = 5)');
  await home.page.close();
});
