// The study browser's behaviour: loads the compact index, keeps the filter form, the URL and the table in step
// (every change is a history entry, typing in the id box replaces the current one), and draws one page of rows.

import { decodeStudyIndex } from '../../lib/studies/study-index.ts';
import {
  DEFAULT_FILTER,
  SORT_KEYS,
  countLabel,
  filterStudies,
  pageSlice,
  parseFilterQuery,
  serializeFilterQuery,
  sortStudies,
  type SortKey,
  type StudyFilter,
} from '../../lib/studies/study-filter.ts';
import type { FindingBiradsKey, Split, StudySummary } from '../../lib/types.ts';
import { messageRow, renderStudyRow } from './study-rows.ts';

const PAGE_SIZE = 50;
const COLUMNS = 7;

export function startStudyBrowser(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('#study-filters')!;
  const status = root.querySelector<HTMLElement>('#study-count')!;
  const caption = root.querySelector<HTMLElement>('#study-caption')!;
  const tbody = root.querySelector<HTMLTableSectionElement>('#study-rows')!;
  const pageLabel = root.querySelector<HTMLElement>('#study-page')!;
  const pager = [...root.querySelectorAll<HTMLButtonElement>('button[data-page]')];
  const sortable = [...root.querySelectorAll<HTMLTableCellElement>('th[data-sort]')];
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;

  let studies: StudySummary[] | null = null;
  let filter: StudyFilter = { ...DEFAULT_FILTER };
  // Filtering and sorting 5,000 rows takes a few ms; paging alone reuses the last result.
  let cache: { key: string; rows: StudySummary[] } | null = null;

  function writeForm(f: StudyFilter): void {
    field('q').value = f.idPrefix;
    field('split').value = f.split ?? '';
    field('birads').value = f.birads ?? '';
    field('density').value = f.density ?? '';
    field('finding').value = f.finding ?? '';
    field('fbirads').value = f.findingBirads ?? '';
    field('vendor').value = f.vendor ?? '';
    field('sort').value = f.sort;
    field('order').value = f.descending ? 'desc' : 'asc';
    (field('images') as HTMLInputElement).checked = f.images;
  }

  /** The filter the form shows (a URL value the form has no option for reads back as "Any"). */
  function readForm(page: number): StudyFilter {
    const value = (name: string) => field(name).value || null;
    return {
      split: value('split') as Split | null,
      birads: value('birads'),
      density: value('density'),
      finding: value('finding'),
      findingBirads: value('fbirads') as FindingBiradsKey | null,
      vendor: value('vendor'),
      images: (field('images') as HTMLInputElement).checked,
      idPrefix: field('q').value.trim().toLowerCase(),
      sort: (SORT_KEYS as readonly string[]).includes(field('sort').value) ? (field('sort').value as SortKey) : 'id',
      descending: field('order').value === 'desc',
      page,
    };
  }

  function matching(all: StudySummary[]): StudySummary[] {
    const key = serializeFilterQuery({ ...filter, page: 1 });
    if (cache?.key !== key) cache = { key, rows: sortStudies(filterStudies(all, filter), filter.sort, filter.descending) };
    return cache.rows;
  }

  function render(): void {
    for (const th of sortable) {
      if (th.dataset.sort === filter.sort) th.setAttribute('aria-sort', filter.descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    }
    if (!studies) return;
    const rows = matching(studies);
    const slice = pageSlice(rows.length, filter.page, PAGE_SIZE);
    if (slice.page !== filter.page) {
      filter = { ...filter, page: slice.page };
      history.replaceState(null, '', urlFor(filter));
    }
    tbody.replaceChildren(
      ...(rows.length === 0
        ? [messageRow('No study matches these filters.', COLUMNS)]
        : rows.slice(slice.start, slice.end).map(renderStudyRow)),
    );
    status.textContent = countLabel(rows.length, studies.length);
    const range = rows.length === 0 ? 'none' : `rows ${slice.start + 1}–${slice.end}`;
    caption.textContent = `Studies: ${countLabel(rows.length, studies.length)}, page ${slice.page} of ${slice.pages} (${range})`;
    pageLabel.textContent = `Page ${slice.page} of ${slice.pages}`;
    const target = { first: 1, prev: slice.page - 1, next: slice.page + 1, last: slice.pages };
    for (const button of pager) {
      const page = target[button.dataset.page as keyof typeof target];
      const off = page < 1 || page > slice.pages || page === slice.page;
      // aria-disabled rather than disabled: a disabled button would drop the keyboard focus that pressed it.
      button.setAttribute('aria-disabled', String(off));
      button.dataset.target = String(page);
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

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('input', (event) => {
    if ((event.target as HTMLElement).getAttribute('name') === 'q') commit(readForm(1), 'replace');
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).getAttribute('name') !== 'q') commit(readForm(1), 'push');
  });
  // The form's own reset clears the controls after this event; read them once it has.
  form.addEventListener('reset', () => setTimeout(() => commit(readForm(1), 'push')));
  for (const button of pager) {
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-disabled') === 'true') return;
      commit({ ...filter, page: Number(button.dataset.target) }, 'push');
    });
  }
  window.addEventListener('popstate', () => {
    writeForm(parseFilterQuery(location.search));
    filter = readForm(parseFilterQuery(location.search).page);
    render();
  });

  writeForm(parseFilterQuery(location.search));
  filter = readForm(parseFilterQuery(location.search).page);
  render();
  void load(root.dataset.indexUrl ?? '/data/studies.json');

  async function load(url: string): Promise<void> {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      studies = decodeStudyIndex(await response.json());
      render();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      status.textContent = `The study index could not be loaded (${url}: ${reason}).`;
      tbody.replaceChildren(messageRow(`The study index could not be loaded (${url}: ${reason}).`, COLUMNS));
    }
  }
}

function urlFor(filter: StudyFilter): string {
  const query = serializeFilterQuery(filter);
  return location.pathname + (query ? `?${query}` : '');
}
