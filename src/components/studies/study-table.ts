// The study browser's table as a small unit: draws one page of the matching studies (each row linking to the
// viewer with the current filter, so the viewer's next/previous walk the same list), the live count, the caption,
// the sort headers and the pager buttons' targets.

import { countLabel, pageSlice, type StudyFilter } from '../../lib/studies/study-filter.ts';
import type { StudySummary } from '../../lib/types.ts';
import { messageRow, renderStudyRow } from './study-rows.ts';

const PAGE_SIZE = 50;
const COLUMNS = 7;

export class StudyTable {
  private readonly status: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly tbody: HTMLTableSectionElement;
  private readonly pageLabel: HTMLElement;
  readonly pager: HTMLButtonElement[];
  private readonly sortable: HTMLTableCellElement[];

  constructor(root: HTMLElement) {
    this.status = root.querySelector<HTMLElement>('#study-count')!;
    this.caption = root.querySelector<HTMLElement>('#study-caption')!;
    this.tbody = root.querySelector<HTMLTableSectionElement>('#study-rows')!;
    this.pageLabel = root.querySelector<HTMLElement>('#study-page')!;
    this.pager = [...root.querySelectorAll<HTMLButtonElement>('button[data-page]')];
    this.sortable = [...root.querySelectorAll<HTMLTableCellElement>('th[data-sort]')];
  }

  showSort(filter: StudyFilter): void {
    for (const th of this.sortable) {
      if (th.dataset.sort === filter.sort) th.setAttribute('aria-sort', filter.descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    }
  }

  /** Draws the filter's page of `rows` (already filtered and sorted); returns the page actually shown. */
  render(rows: readonly StudySummary[], total: number, filter: StudyFilter, viewerQuery: string): number {
    const slice = pageSlice(rows.length, filter.page, PAGE_SIZE);
    this.tbody.replaceChildren(
      ...(rows.length === 0
        ? [messageRow('No study matches these filters.', COLUMNS)]
        : rows.slice(slice.start, slice.end).map((study) => renderStudyRow(study, viewerQuery))),
    );
    this.status.textContent = countLabel(rows.length, total);
    const range = rows.length === 0 ? 'none' : `rows ${slice.start + 1}–${slice.end}`;
    this.caption.textContent = `Studies: ${countLabel(rows.length, total)}, page ${slice.page} of ${slice.pages} (${range})`;
    this.pageLabel.textContent = `Page ${slice.page} of ${slice.pages}`;
    const target = { first: 1, prev: slice.page - 1, next: slice.page + 1, last: slice.pages };
    for (const button of this.pager) {
      const page = target[button.dataset.page as keyof typeof target];
      const off = page < 1 || page > slice.pages || page === slice.page;
      // aria-disabled rather than disabled: a disabled button would drop the keyboard focus that pressed it.
      button.setAttribute('aria-disabled', String(off));
      button.dataset.target = String(page);
    }
    return slice.page;
  }

  showError(text: string): void {
    this.status.textContent = text;
    this.tbody.replaceChildren(messageRow(text, COLUMNS));
  }
}
