// The pages whose charts depend on the release's optional content, rendered (Astro container API) from two fixture
// releases: minimal/ (one study, no boxes, no metadata.csv, no images: no ages, no vendors) shows an empty-state
// banner instead of each chart it cannot draw, and counting/ (boxes, ages, vendors) draws every chart and no banner.
// The sizes banner needs stats without image sizes, which no valid release has (heights and widths are required),
// so that case empties imageSizes of the minimal stats.
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

const PAGES = {
  age: () => import('../../src/pages/age/index.astro'),
  vendors: () => import('../../src/pages/vendors/index.astro'),
  boxes: () => import('../../src/pages/boxes/index.astro'),
};

let container: AstroContainer;
beforeAll(async () => {
  container = await pageContainer();
});

/** The data-empty banners and the chart ids a page renders with the given stats. */
async function rendered(page: keyof typeof PAGES, stats: Stats): Promise<{ empty: string[]; charts: string[] }> {
  fixture.stats = stats;
  const html = await container.renderToString((await PAGES[page]()).default);
  return {
    empty: [...html.matchAll(/data-empty="([^"]+)"/g)].map((m) => m[1]),
    charts: [...html.matchAll(/data-chart-frame[^>]*data-chart-id="([^"]+)"|data-chart-id="([^"]+)"[^>]*data-chart-frame/g)].map((m) => m[1] ?? m[2]),
  };
}

describe('pages of a release without boxes, ages or vendors', () => {
  let minimal: Stats;
  beforeAll(async () => {
    minimal = await computeStats(join('test', 'fixtures', 'releases', 'minimal'), { threads: false });
    expect([minimal.counts.findings.all, minimal.age.known.all, Object.keys(minimal.vendors.all).length]).toEqual([0, 0, 0]);
  });

  it.each([
    ['age', ['age'], []],
    ['vendors', ['vendors'], ['sizes']],
    ['boxes', ['box-size', 'box-location'], []],
  ] as const)('/%s/ says which charts it cannot draw (%j) and draws the rest', async (page, empty, charts) => {
    expect(await rendered(page, minimal)).toEqual({ empty, charts });
  });

  it('/vendors/ says so when there are no image sizes either', async () => {
    expect(await rendered('vendors', { ...minimal, imageSizes: [] })).toEqual({ empty: ['vendors', 'sizes'], charts: [] });
  });
});

describe('pages of a release with boxes, ages and vendors', () => {
  it.each([
    ['age', ['age']],
    ['vendors', ['vendors', 'sizes']],
    ['boxes', ['box-size', 'box-location']],
  ] as const)('/%s/ draws %j and shows no empty state', async (page, charts) => {
    const counting = await computeStats(join('test', 'fixtures', 'releases', 'counting'), { threads: false });
    expect(await rendered(page, counting)).toEqual({ empty: [], charts });
  });
});
