// The study browser's behaviour: loads the compact index and keeps the filter form (filter-form.ts), the URL and
// the table (study-table.ts) in step. Every change is a history entry; typing in the id box replaces the current one.

import { decodeStudyIndex } from '../../lib/studies/study-index.ts';
import { fetchServedRelease, withServedImages } from '../../lib/studies/served-images.ts';
import { filterStudies, parseFilterQuery, serializeFilterQuery, sortStudies, type StudyFilter } from '../../lib/studies/study-filter.ts';
import type { StudySummary } from '../../lib/types.ts';
import { FilterForm } from './filter-form.ts';
import { StudyTable } from './study-table.ts';

export function startStudyBrowser(root: HTMLElement): void {
  const form = new FilterForm(root.querySelector<HTMLFormElement>('#study-filters')!);
  const table = new StudyTable(root);
  let studies: StudySummary[] | null = null;
  let filter: StudyFilter = form.read(1);
  // Filtering and sorting 5,000 rows takes a few ms; paging alone reuses the last result.
  let cache: { key: string; rows: StudySummary[] } | null = null;

  function matching(all: StudySummary[]): StudySummary[] {
    const key = serializeFilterQuery({ ...filter, page: 1 });
    if (cache?.key !== key) cache = { key, rows: sortStudies(filterStudies(all, filter), filter.sort, filter.descending) };
    return cache.rows;
  }

  function render(): void {
    table.showSort(filter);
    if (!studies) return;
    // The viewer links carry the filter (not the page), so next/previous there walk this very list.
    const shown = table.render(matching(studies), studies.length, filter, serializeFilterQuery({ ...filter, page: 1 }));
    if (shown !== filter.page) {
      filter = { ...filter, page: shown };
      history.replaceState(null, '', urlFor(filter));
    }
  }

  function commit(next: StudyFilter, mode: 'push' | 'replace'): void {
    filter = next;
    const url = urlFor(filter);
    if (url !== location.pathname + location.search) {
      if (mode === 'push') history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    render();
  }

  function fromUrl(): void {
    const parsed = parseFilterQuery(location.search);
    form.write(parsed);
    filter = form.read(parsed.page);
    render();
  }

  form.form.addEventListener('submit', (event) => event.preventDefault());
  form.form.addEventListener('input', (event) => {
    if ((event.target as HTMLElement).getAttribute('name') === 'q') commit(form.read(1), 'replace');
  });
  form.form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).getAttribute('name') !== 'q') commit(form.read(1), 'push');
  });
  // The form's own reset clears the controls after this event; read them once it has.
  form.form.addEventListener('reset', () => setTimeout(() => commit(form.read(1), 'push')));
  for (const button of table.pager) {
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-disabled') === 'true') return;
      commit({ ...filter, page: Number(button.dataset.target) }, 'push');
    });
  }
  window.addEventListener('popstate', fromUrl);
  fromUrl();
  void load(root.dataset.indexUrl ?? '/data/studies.json');

  async function load(url: string): Promise<void> {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      // "Images available": in this build, or in the release when the site serves its images in place.
      const served = await fetchServedRelease();
      studies = withServedImages(decodeStudyIndex(await response.json()), served);
      root.querySelector('#study-images-where')?.replaceChildren(served ? 'in this build or the served release' : 'in this build');
      render();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      table.showError(`The study index could not be loaded (${url}: ${reason}).`);
    }
  }
}

function urlFor(filter: StudyFilter): string {
  const query = serializeFilterQuery(filter);
  return location.pathname + (query ? `?${query}` : '');
}
