// The site names its source positively: the demo banner for the synthetic release, else "Built from the release in
// <folder>" with each input file's rows and sha256 (the home page) — rendered with Astro's container API.
import { join } from 'node:path';
import type { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { pageContainer } from './page-container.ts';
import type { Stats } from '../../src/lib/types.ts';
import { computeStats } from '../../src/node/compute-stats.ts';

const fixture: { stats?: Stats } = {};

vi.mock('../../src/data/site-data.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/data/site-data.ts')>()),
  // An ordinary build's pages (a public build's are test/e2e/public-build.test.ts).
  loadPublicStats: () => null,
  loadStats: (): Stats => {
    if (!fixture.stats) throw new Error('fixture stats not loaded');
    return fixture.stats;
  },
}));

let container: AstroContainer;
beforeAll(async () => {
  container = await pageContainer();
});

async function home(release: string): Promise<{ html: string; stats: Stats }> {
  const stats = await computeStats(join('test', 'fixtures', 'releases', release), { threads: false });
  fixture.stats = stats;
  return { html: await container.renderToString((await import('../../src/pages/index.astro')).default), stats };
}

describe('the home page names its source', () => {
  it('a real-shaped release: its folder name, files, rows and sha256, and what images/ holds; no demo banner', async () => {
    const { html, stats } = await home('counting');
    expect(html).not.toContain('data-synthetic-banner');
    expect(html).toContain('Built from the release in <code>counting</code>');
    // counting/ has 12 images in each CSV's breast rows and 13 finding rows, and metadata.csv; no images/ folder.
    expect(html).toContain('<code>breast-level_annotations.csv</code> (12 rows)');
    expect(html).toContain('it has no images/ folder');
    for (const file of Object.values(stats.source.files)) expect(html).toContain(file.sha256);
  });

  it('the synthetic demo: the banner, and no claim of a real release', async () => {
    const { html } = await home('minimal');
    expect(html).toContain('data-synthetic-banner');
    expect(html).not.toContain('Built from the release in');
  });
});
