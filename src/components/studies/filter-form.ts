// The study browser's filter form as a small unit: writes a filter into its controls and reads the filter they show
// (a URL value the form has no option for reads back as "Any"). No URL or table knowledge here.

import { SORT_KEYS, type SortKey, type StudyFilter } from '../../lib/studies/study-filter.ts';
import type { FindingBiradsKey, Split } from '../../lib/types.ts';

export class FilterForm {
  constructor(readonly form: HTMLFormElement) {}

  private field(name: string): HTMLInputElement | HTMLSelectElement {
    return this.form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
  }

  write(f: StudyFilter): void {
    this.field('q').value = f.idPrefix;
    this.field('split').value = f.split ?? '';
    this.field('birads').value = f.birads ?? '';
    this.field('density').value = f.density ?? '';
    this.field('finding').value = f.finding ?? '';
    this.field('fbirads').value = f.findingBirads ?? '';
    this.field('vendor').value = f.vendor ?? '';
    this.field('sort').value = f.sort;
    this.field('order').value = f.descending ? 'desc' : 'asc';
    (this.field('images') as HTMLInputElement).checked = f.images;
  }

  read(page: number): StudyFilter {
    const value = (name: string) => this.field(name).value || null;
    const sort = this.field('sort').value;
    return {
      split: value('split') as Split | null,
      birads: value('birads'),
      density: value('density'),
      finding: value('finding'),
      findingBirads: value('fbirads') as FindingBiradsKey | null,
      vendor: value('vendor'),
      images: (this.field('images') as HTMLInputElement).checked,
      idPrefix: this.field('q').value.trim().toLowerCase(),
      sort: (SORT_KEYS as readonly string[]).includes(sort) ? (sort as SortKey) : 'id',
      descending: this.field('order').value === 'desc',
      page,
    };
  }
}
