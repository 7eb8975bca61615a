// The statistics pages of the site: the JS budget test, the page tests and the Lighthouse bench all walk this list.
// Add a new statistics page here (and to the nav in src/components/Layout.astro).
export const STATS_PAGES: readonly string[] = ['/', '/birads/', '/density/', '/findings/', '/age/', '/vendors/', '/density-birads/', '/boxes/'];
