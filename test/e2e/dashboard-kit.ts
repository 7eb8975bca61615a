// Helpers for browser tests of charts built with the chart kit (src/charts/README.md): the stats.json the site was
// built from, a chart's marks as numbers, switching a view through its radio buttons, downloads, the data table.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { sitePagesIn } from '../../src/lib/site-pages.ts';
import type { Stats } from '../../src/lib/types.ts';
import { builtFile } from './harness.ts';

/** The stats.json of the served build (the tests' source of expected numbers). */
export function readStats(): Stats {
  return JSON.parse(readFileSync(builtFile('data', 'stats.json'), 'utf8')) as Stats;
}

export function frame(page: Page, chartId: string): Locator {
  return page.locator(`[data-chart-frame][data-chart-id="${chartId}"]`);
}

export interface MarkData {
  row: string;
  series: string;
  split: string;
  count: number;
  value: number;
  tip: string;
}

/** Every mark of a chart, in DOM order, with the numbers it carries. */
export async function marks(page: Page, chartId: string): Promise<MarkData[]> {
  await frame(page, chartId).locator('[data-chart-canvas] .mark').first().waitFor({ state: 'attached' });
  return frame(page, chartId).locator('[data-chart-canvas] .mark').evaluateAll((nodes) =>
    nodes.map((n) => ({
      row: n.getAttribute('data-row') ?? '',
      series: n.getAttribute('data-series') ?? '',
      split: n.getAttribute('data-split') ?? '',
      count: Number(n.getAttribute('data-count')),
      value: Number(n.getAttribute('data-value')),
      tip: n.getAttribute('data-tip') ?? '',
    })),
  );
}

/** Picks an option of one of the chart's radio groups by its visible label (e.g. legend "Split", "Test"). */
export async function choose(page: Page, chartId: string, legend: string, option: string): Promise<void> {
  await frame(page, chartId).getByRole('group', { name: legend, exact: true }).getByRole('radio', { name: option, exact: true }).check();
}

/** Clicks one of the chart's download buttons and returns the file's name and bytes. */
export async function download(page: Page, chartId: string, kind: 'CSV' | 'SVG' | 'PNG'): Promise<{ name: string; bytes: Buffer }> {
  const button = frame(page, chartId).getByRole('button', { name: new RegExp(`as ${kind}$`) });
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** The chart's data table as text cells (header row first), opening its <details> if needed. */
export async function tableCells(page: Page, chartId: string): Promise<string[][]> {
  const details = frame(page, chartId).locator('details');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  return details.locator('tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => (c.textContent ?? '').trim())));
}

/** The statistics pages' paths (src/lib/site-pages.ts), the home page first. */
export const STATS_PAGES: readonly string[] = sitePagesIn('statistics').map((page) => page.path);
