// /audit/split/ when one split has no known ages (issue 10 part 5): age is "not testable" with the reason, listed
// apart from the χ² table, and the conclusion says it leaves age out instead of "nothing differs".
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { pageContainer } from './page-container.ts';
import type { AuditData } from '../../src/components/audit/audit-data.ts';
import { balanceAttribute } from '../../src/lib/split-balance/balance-attribute.ts';
import { computeStats } from '../../src/node/compute-stats.ts';

const fixture: { data?: AuditData } = {};
vi.mock('../../src/components/audit/audit-data.ts', () => ({
  loadAuditData: (): AuditData => {
    if (!fixture.data) throw new Error('fixture stats not loaded');
    return fixture.data;
  },
}));

let html: string;
beforeAll(async () => {
  const stats = await computeStats(join('test', 'fixtures', 'releases', 'counting'), { threads: false });
  // Ages known in training only: 3 and 2 studies in two bins, none in test.
  stats.splitBalance.attributes.ageBins = balanceAttribute('study', ['40–45', '45–50'], [3, 2], [0, 0]);
  fixture.data = { stats, viewableStudies: new Set() };
  const container = await pageContainer();
  html = await container.renderToString((await import('../../src/pages/audit/split.astro')).default);
});

const text = (fragment: string) => fragment.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replace(/ :/g, ':').trim();
function section(testId: string): string {
  const match = html.match(new RegExp(`<[^>]+data-testid="${testId}"[\\s\\S]*?</(table|div|p)>`));
  expect(match, `no ${testId}`).not.toBeNull();
  return match![0];
}

describe('/audit/split/ with an attribute one split lacks', () => {
  it('lists age apart as not testable, with the reason', () => {
    const list = text(section('not-testable'));
    expect(list).toContain('Age (5-year bins): The test split has no study here, so there are no shares to compare');
  });

  it('keeps it out of the χ² table and names it in the conclusion', () => {
    expect(section('attribute-summary')).not.toContain('data-attribute="ageBins"');
    expect(text(section('significant-summary'))).toMatch(/This leaves out Age \(5-year bins\)(, [A-Za-z ]+)*, which could not be tested/);
  });
});
