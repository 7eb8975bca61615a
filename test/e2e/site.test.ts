// The site as a whole: every page loads without console errors, stays on its own origin, and passes axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, openPage, screenshot, type Browser } from './harness.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('overview page', () => {
  it('loads cleanly, runs its script under the CSP, and has no axe violations', async () => {
    const { page, errors, offOrigin } = await openPage(browser, '/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('VinDr-Mammo');
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("'unsafe-inline'");
    // The placeholder's Count button is gone; the header's theme switch is the script that must run under the CSP.
    await page.getByRole('button', { name: 'Colour theme: system' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await screenshot(page, 'overview');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(offOrigin).toEqual([]);
  });
});
