// The audit pages rendered (Astro container API) from the stats of test/fixtures/releases/leaky/: a study in both
// splits, two series shared across the splits, out-of-bounds and degenerate boxes, boxes on BI-RADS 1 breasts.
// What the pages show must name each of them; the demo build (browser tests) shows the zeros.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { pageContainer } from './page-container.ts';
import type { AuditData } from '../../src/components/audit/audit-data.ts';
import { computeStats } from '../../src/node/compute-stats.ts';

const id = (name: string) => createHash('md5').update(name).digest('hex');
const fixture: { data?: AuditData } = {};

vi.mock('../../src/components/audit/audit-data.ts', () => ({
  loadAuditData: (): AuditData => {
    if (!fixture.data) throw new Error('fixture stats not loaded');
    return fixture.data;
  },
}));

let split: string;
let quality: string;

beforeAll(async () => {
  const stats = await computeStats(join('test', 'fixtures', 'releases', 'leaky'), { threads: false });
  fixture.data = { stats, viewableStudies: new Set([id('s6')]) };
  const container = await pageContainer();
  split = await container.renderToString((await import('../../src/pages/audit/split.astro')).default);
  quality = await container.renderToString((await import('../../src/pages/audit/quality.astro')).default);
});

/** The text of the element carrying data-testid, tags stripped. */
function testIdText(html: string, testId: string): string {
  const start = html.indexOf(`data-testid="${testId}"`);
  expect(start, `no element with data-testid="${testId}"`).toBeGreaterThan(-1);
  return html.slice(start, start + 4000).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('/audit/split/ on a leaky release', () => {
  it('names the study and the series found in both splits', () => {
    const studies = testIdText(split, 'leakage-studies');
    expect(studies).toContain('1 study in both splits');
    expect(studies).toContain(id('s6'));
    const series = testIdText(split, 'leakage-series');
    expect(series).toContain('2 series in both splits');
    expect(series).toContain(id('s2series'));
    expect(series).toContain(id('s6series'));
  });
});

describe('/audit/quality/ on a leaky release', () => {
  it('counts each broken rule and links the study this build has images of', () => {
    const row = (rule: string) => {
      const match = quality.match(new RegExp(`<tr[^>]*data-rule="${rule}"[\\s\\S]*?</tr>`));
      expect(match, `no summary row for ${rule}`).not.toBeNull();
      return match![0].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
    };
    expect(row('study-in-both-splits')).toMatch(/ 1$/);
    expect(row('box-out-of-bounds')).toMatch(/ 2$/);
    expect(row('box-degenerate')).toMatch(/ 2$/);
    expect(row('finding-on-negative-breast')).toMatch(/ 2$/);
    expect(row('view-label-disagreement')).toMatch(/ 0$/);
    expect(quality).toContain('finding_annotations.csv:11');
    expect(quality).toContain(`/viewer/?study=${id('s6')}`);
  });
});
