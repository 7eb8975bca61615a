// The corrections a reviewer gives with a box verdict: for "wrong category" the categories the box should have
// (checkboxes over the release's vocabulary), for "wrong finding BI-RADS" the finding BI-RADS it should have, for
// "wrong position or size" the box redrawn (the missed-finding rectangle, drawn-rectangle.ts). They are
// the `corrected` fields of the verdict (verdict-types.ts) that the corrected finding_annotations.csv applies
// (src/lib/review/corrected-findings.ts). Only markup and events, made once and then only set, so a control never
// loses the keyboard focus under the reviewer's hand; review-session.ts saves each change at once.

import type { BoxVerdict } from '../../lib/review/verdict-types.ts';
import type { SampleBox } from '../../lib/types.ts';
import { formatBox } from '../../lib/viewer/box-geometry.ts';
import { FINDING_BIRADS, FINDING_CATEGORIES } from '../../lib/vocabulary.ts';
import { el } from '../../components/page-dom.ts';

export interface CorrectionHandlers {
  categories(chosen: string[]): void;
  findingBirads(value: string): void;
  redraw(): void;
}

/** What the fields show for the focused box: null hides a field. Values already pre-set to the box's own. */
export interface CorrectionView {
  categories: string[] | null;
  findingBirads: string | null;
  /** The box as corrected (or the release's), described; null hides the redraw button. */
  box: { text: string; redrawing: boolean } | null;
}

const FIELD = 'rounded border border-slate-300 bg-white px-1 py-0.5 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100';

/**
 * What the fields show for a box's verdict: each correction under its own verdict, and under another "wrong …"
 * verdict once made (they carry over between those), pre-set to the box's own values; none under the others.
 */
export function correctionView(verdict: BoxVerdict | null, own: SampleBox, redrawing: boolean): CorrectionView {
  const wrong = verdict?.verdict.startsWith('wrong-') ?? false;
  const corrected = verdict?.corrected;
  const shows = (kind: BoxVerdict['verdict'], made: boolean) => verdict?.verdict === kind || (wrong && made);
  return {
    categories: shows('wrong-category', corrected?.categories !== undefined) ? corrected?.categories ?? own.categories : null,
    findingBirads: shows('wrong-birads', corrected?.findingBirads !== undefined) ? corrected?.findingBirads ?? own.findingBirads : null,
    box: shows('wrong-geometry', corrected?.box !== undefined)
      ? { text: corrected?.box ? formatBox(corrected.box) : 'none yet (the release’s box)', redrawing }
      : null,
  };
}

function findingBiradsLabel(value: string): string {
  return value === 'none' ? 'none given' : `BI-RADS ${value}`;
}

export class CorrectionFields {
  readonly root: HTMLElement;
  private readonly categorySet: HTMLFieldSetElement;
  private readonly checkboxes: HTMLInputElement[];
  private readonly biradsLabel: HTMLLabelElement;
  private readonly birads: HTMLSelectElement;
  private readonly redrawRow: HTMLElement;
  private readonly redrawText: HTMLElement;
  private readonly redrawButton: HTMLButtonElement;

  constructor(on: CorrectionHandlers) {
    this.checkboxes = FINDING_CATEGORIES.map((category, i) => {
      const box = el('input');
      box.type = 'checkbox';
      box.value = category;
      box.id = `review-corrected-category-${i}`;
      box.addEventListener('change', () => on.categories(this.checkboxes.filter((b) => b.checked).map((b) => b.value)));
      return box;
    });
    const labels = this.checkboxes.map((box) => {
      const label = el('label', { className: 'flex items-center gap-1' }, box, box.value);
      label.htmlFor = box.id;
      return label;
    });
    this.categorySet = el('fieldset', { className: 'hidden rounded bg-slate-100 p-1 dark:bg-slate-800' }, el('legend', { className: 'font-medium', text: 'Corrected categories' }), ...labels);
    this.categorySet.id = 'review-corrected-categories';

    this.birads = el('select', { className: FIELD });
    this.birads.id = 'review-corrected-birads';
    for (const value of FINDING_BIRADS) {
      const option = el('option', { text: findingBiradsLabel(value) });
      option.value = value;
      this.birads.append(option);
    }
    this.birads.addEventListener('change', () => on.findingBirads(this.birads.value));
    this.biradsLabel = el('label', { className: 'hidden flex-col gap-0.5 rounded bg-slate-100 p-1 dark:bg-slate-800' }, el('span', { className: 'font-medium', text: 'Corrected finding BI-RADS' }), this.birads);
    this.biradsLabel.htmlFor = this.birads.id;

    this.redrawButton = el('button', { className: 'rounded border border-slate-300 px-2 py-0.5 dark:border-slate-600', text: 'Redraw the box' });
    this.redrawButton.type = 'button';
    this.redrawButton.id = 'review-redraw';
    this.redrawButton.addEventListener('click', () => on.redraw());
    this.redrawText = el('p');
    this.redrawText.id = 'review-redraw-text';
    this.redrawRow = el('div', { className: 'hidden space-y-1 rounded bg-slate-100 p-1 dark:bg-slate-800' }, this.redrawText, this.redrawButton);
    this.root = el('div', { className: 'space-y-1 text-xs' }, this.categorySet, this.biradsLabel, this.redrawRow);
  }

  render(view: CorrectionView): void {
    this.categorySet.classList.toggle('hidden', view.categories === null);
    const chosen = new Set(view.categories ?? []);
    for (const box of this.checkboxes) box.checked = chosen.has(box.value);
    this.biradsLabel.classList.toggle('hidden', view.findingBirads === null);
    this.biradsLabel.classList.toggle('flex', view.findingBirads !== null);
    if (view.findingBirads !== null) this.birads.value = view.findingBirads;
    this.redrawRow.classList.toggle('hidden', view.box === null);
    this.redrawText.textContent = view.box?.redrawing
      ? 'Drag the box anew on its view, or move it with the arrow keys (Shift resizes) and press Enter; Esc cancels.'
      : view.box ? `Corrected box: ${view.box.text}` : '';
    this.redrawButton.disabled = view.box?.redrawing ?? false;
  }
}
