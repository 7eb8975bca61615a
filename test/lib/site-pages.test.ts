// The page registry against the page files: every file under src/pages is a registry entry and every entry has its
// file, so a new page cannot miss the navigation, the home page, the tests or the bench (or list a page not built).
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_PAGES, sitePageAt, sitePagesIn, studyViewerHref } from '../../src/lib/site-pages.ts';

const PAGES_DIR = join('src', 'pages');

/** Astro's route of a page file: `index.astro` → `/`, `age/index.astro` → `/age/`, `audit/split.astro` → `/audit/split/`. */
function routeOf(file: string): string {
  const parts = file.replace(/\.astro$/, '').split('/');
  if (parts.at(-1) === 'index') parts.pop();
  return parts.length ? `/${parts.join('/')}/` : '/';
}

function pageFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pageFiles(path);
    return /\.(astro|md|mdx|html)$/.test(entry.name) ? [relative(PAGES_DIR, path).split(sep).join('/')] : [];
  });
}

describe('routeOf', () => {
  it.each([
    ['index.astro', '/'],
    ['age/index.astro', '/age/'],
    ['audit/split.astro', '/audit/split/'],
    ['studies.astro', '/studies/'],
  ])('%s → %s', (file, route) => expect(routeOf(file)).toBe(route));
});

describe('SITE_PAGES', () => {
  const routes = pageFiles(PAGES_DIR).map(routeOf).sort();
  const registered = SITE_PAGES.map((page) => page.path);

  it('lists every page file under src/pages, and has a page file for every entry', () => {
    expect(routes.length).toBeGreaterThanOrEqual(12);
    expect({ withoutEntry: routes.filter((r) => !registered.includes(r)), withoutFile: registered.filter((p) => !routes.includes(p)) }).toEqual({
      withoutEntry: [],
      withoutFile: [],
    });
  });

  it('lists each path once, with a title, and puts every listed page but the home page on the home page', () => {
    expect(new Set(registered).size).toBe(registered.length);
    for (const page of SITE_PAGES) {
      expect(page.title.trim(), page.path).not.toBe('');
      if (page.navLabel !== undefined) expect(page.navLabel.trim(), page.path).not.toBe('');
      expect(page.summary !== undefined, page.path).toBe(page.path !== '/' && page.group !== 'viewer');
    }
  });

  it('finds an entry by path with or without its trailing slash', () => {
    expect(sitePageAt('/audit/split')?.title).toBe('Split balance');
    expect(sitePageAt('/audit/split/')?.title).toBe('Split balance');
    expect(sitePageAt('/nowhere/')).toBeUndefined();
  });

  it('links a study to the viewer page, its id escaped for the query string', () => {
    expect(studyViewerHref('a b&c')).toBe('/viewer/?study=a%20b%26c');
  });

  it('groups the pages in registry order', () => {
    expect(sitePagesIn('statistics').map((p) => p.path)).toEqual(['/', '/birads/', '/density/', '/findings/', '/age/', '/vendors/', '/density-birads/', '/boxes/']);
    expect(sitePagesIn('audits', 'studies').map((p) => p.path)).toEqual(['/audit/split/', '/audit/split-file/', '/audit/quality/', '/review/', '/studies/']);
  });
});
