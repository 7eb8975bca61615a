// Shared browser-test helpers: one Chromium per test file, pages that record console errors, page errors and
// any request that leaves the site's origin, axe checks, and screenshots saved under test-output/screenshots/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/node/chromium.ts';

export const SCREENSHOT_DIR = join('test-output', 'screenshots');

export interface Browser {
  context: BrowserContext;
  baseURL: string;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile. Call in beforeAll; close in afterAll. */
export async function openBrowser(options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'vindr-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  return {
    context,
    baseURL: inject('baseURL'),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught page errors, in order. */
  errors: string[];
  /** URLs of requests that tried to leave the site's origin (they are aborted). */
  offOrigin: string[];
}

/** Opens `path` on the site and records what a clean page must not do. */
export async function openPage(browser: Browser, path: string, options: { waitUntil?: 'load' | 'networkidle' } = {}): Promise<WatchedPage> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  const offOrigin: string[] = [];
  const origin = new URL(browser.baseURL).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) return route.continue();
    offOrigin.push(url);
    return route.abort();
  });
  await page.goto(new URL(path, browser.baseURL).href, { waitUntil: options.waitUntil ?? 'networkidle' });
  return { page, errors, offOrigin };
}

/** axe-core violations (rule id and target count), for `expect(...).toEqual([])`. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A file of the served build, e.g. builtFile('data', 'stats.json') (what its pages were built from). */
export function builtFile(...parts: string[]): string {
  return join(inject('distDir'), ...parts);
}

/** Saves a full-page screenshot as test-output/screenshots/<prefix><name>.png and returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${inject('screenshotPrefix')}${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
