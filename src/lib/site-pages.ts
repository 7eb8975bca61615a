// Every page of the site, listed once: the navigation, the home page's sections, the document titles, the browser
// tests and the Lighthouse bench all read this list. Adding a page is adding one entry (and its file under
// src/pages; test/lib/site-pages.test.ts checks the two agree).

/** What a page is for; the home page lists its sections in this order of groups. */
type PageGroup = 'statistics' | 'audits' | 'studies' | 'viewer';

interface SitePage {
  /** Site path with the trailing slash Astro builds (`/audit/split/` is `src/pages/audit/split.astro`). */
  path: string;
  /** The document title (before " · VinDr-Mammo Explorer") and the heading of its section on the home page. */
  title: string;
  /** Its link text in the site navigation; absent: not in the navigation (the viewer is opened per study). */
  navLabel?: string;
  group: PageGroup;
  /** One line under its link on the home page; absent: not listed there (the home page itself, the viewer). */
  summary?: string;
  /** Reads the per-study data (studies.json, sample studies) besides stats.json. */
  needsStudyData: boolean;
  /** Not in a build that may be published (--public): it needs the per-study data, which such a build leaves out. */
  absentWhenPublic?: true;
}

export const SITE_PAGES: readonly SitePage[] = [
  { path: '/', title: 'Overview', navLabel: 'Overview', group: 'statistics', needsStudyData: false },
  {
    path: '/birads/',
    title: 'BI-RADS',
    navLabel: 'BI-RADS',
    group: 'statistics',
    summary: 'Breast-level assessment per split (Table 3), and the screening grouping.',
    needsStudyData: false,
  },
  {
    path: '/density/',
    title: 'Breast density',
    navLabel: 'Density',
    group: 'statistics',
    summary: 'ACR density A to D per split (Table 4).',
    needsStudyData: false,
  },
  {
    path: '/findings/',
    title: 'Findings',
    navLabel: 'Findings',
    group: 'statistics',
    summary: 'Boxes and rate per 100 images per category (Table 5); finding BI-RADS (Fig. 3).',
    needsStudyData: false,
  },
  {
    path: '/age/',
    title: 'Age',
    navLabel: 'Age',
    group: 'statistics',
    summary: 'Patient age per split with summary statistics (Fig. 4).',
    needsStudyData: false,
  },
  {
    path: '/vendors/',
    title: 'Vendors and image sizes',
    navLabel: 'Vendors',
    group: 'statistics',
    summary: 'Which machines took the images, and at what size.',
    needsStudyData: false,
  },
  {
    path: '/density-birads/',
    title: 'Density × BI-RADS',
    navLabel: 'Density × BI-RADS',
    group: 'statistics',
    summary: 'How density and assessment occur together.',
    needsStudyData: false,
  },
  {
    path: '/boxes/',
    title: 'Box geometry',
    navLabel: 'Boxes',
    group: 'statistics',
    summary: 'Box size and shape per category, and where boxes sit on the image.',
    needsStudyData: false,
  },
  {
    path: '/audit/split/',
    title: 'Split balance',
    navLabel: 'Split balance',
    group: 'audits',
    summary: 'Do training and test look alike? Chi-square tests and label distribution.',
    needsStudyData: false,
  },
  {
    path: '/audit/split-file/',
    title: 'Split workbench',
    navLabel: 'Split workbench',
    group: 'audits',
    summary: 'Audit your own split or k folds from a CSV, in the browser, or make stratified folds.',
    needsStudyData: true,
    absentWhenPublic: true,
  },
  {
    path: '/audit/quality/',
    title: 'Data quality',
    navLabel: 'Data quality',
    group: 'audits',
    summary: 'Checks on the annotation files: boxes out of bounds, missing views, and more.',
    needsStudyData: true,
  },
  {
    path: '/review/',
    title: 'Review',
    navLabel: 'Review',
    group: 'audits',
    summary: 'Your verdicts on boxes and images: per category and rule, export, import, and a corrected findings file.',
    needsStudyData: false,
    absentWhenPublic: true,
  },
  {
    path: '/studies/',
    title: 'Studies',
    navLabel: 'Studies',
    group: 'studies',
    summary: 'Browse studies and open sample images with their boxes.',
    needsStudyData: true,
    absentWhenPublic: true,
  },
  { path: '/viewer/', title: 'Study viewer', group: 'viewer', needsStudyData: true, absentWhenPublic: true },
];

/** The registry entry of a site path (`/birads/`, or `/birads` without its slash), or undefined. */
export function sitePageAt(path: string): SitePage | undefined {
  const withSlash = path.endsWith('/') ? path : `${path}/`;
  return SITE_PAGES.find((page) => page.path === withSlash);
}

/** The viewer's URL for a study; `filterQuery` carries the study list's filter, which next/previous then walk. */
export function studyViewerHref(studyId: string, filterQuery = ''): string {
  return `${sitePagesIn('viewer')[0].path}?study=${encodeURIComponent(studyId)}${filterQuery ? `&${filterQuery}` : ''}`;
}

/** The pages of some groups, in registry order. */
export function sitePagesIn(...groups: PageGroup[]): SitePage[] {
  return SITE_PAGES.filter((page) => groups.includes(page.group));
}
