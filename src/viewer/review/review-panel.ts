// The review part of the viewer's side panel: who reviews, the focused box with its five verdict buttons (keys 1–5)
// and comment, the missed-finding form (category and finding BI-RADS from the release's vocabulary), an image
// problem per view, "reviewed", and whether the last change was saved. Only markup and events: the session
// (review-session.ts) owns the state and calls render().

import { BOX_VERDICTS, IMAGE_PROBLEMS, type BoxVerdictKind, type ImageProblemKind } from '../../lib/review/verdict-types.ts';
import { IMAGE_PROBLEM_LABELS, verdictMark } from '../../lib/review/verdict-marks.ts';
import { FINDING_BIRADS, FINDING_CATEGORIES } from '../../lib/vocabulary.ts';
import { CorrectionFields, type CorrectionHandlers, type CorrectionView } from './correction-fields.ts';

interface PanelHandlers {
  correct: CorrectionHandlers;
  reviewer(name: string): void;
  verdict(kind: BoxVerdictKind): void;
  comment(text: string): void;
  startDrawing(): void;
  saveMissed(category: string, findingBirads: string, comment: string): void;
  cancelDrawing(): void;
  removeMissed(key: string): void;
  imageProblem(slot: number, problem: ImageProblemKind | null): void;
  reviewed(done: boolean): void;
}

interface PanelView {
  reviewer: string;
  /** The focused box, described, with its verdict and comment; null when the study has no box. */
  focused: { text: string; verdict: BoxVerdictKind | null; comment: string; corrections: CorrectionView } | null;
  boxCount: { judged: number; total: number };
  drawing: { view: string; ready: boolean } | null;
  missed: { key: string; text: string }[];
  /** Per hanging slot with an image: its label and problem. */
  views: { slot: number; label: string; problem: ImageProblemKind | null }[];
  reviewed: boolean;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const BUTTON = 'rounded border border-slate-300 px-2 py-0.5 text-left aria-[pressed=true]:bg-slate-800 aria-[pressed=true]:text-white dark:border-slate-600 dark:aria-[pressed=true]:bg-slate-200 dark:aria-[pressed=true]:text-slate-900';
const FIELD = 'rounded border border-slate-300 bg-white px-1 py-0.5 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100';

function labelled(text: string, control: HTMLElement, id: string): HTMLLabelElement {
  control.id = id;
  const label = el('label', 'flex flex-col gap-0.5 text-xs');
  label.htmlFor = id;
  label.append(el('span', '', text), control);
  return label;
}

function select(options: readonly { value: string; label: string }[]): HTMLSelectElement {
  const node = el('select', FIELD);
  for (const o of options) {
    const option = el('option', '', o.label);
    option.value = o.value;
    node.append(option);
  }
  return node;
}

export class ReviewPanel {
  readonly root: HTMLElement;
  readonly status: HTMLElement;
  readonly comment: HTMLInputElement;
  readonly category: HTMLSelectElement;
  private readonly reviewerInput: HTMLInputElement;
  private readonly focusText: HTMLElement;
  private readonly verdictButtons: HTMLButtonElement[];
  private readonly drawButton: HTMLButtonElement;
  private readonly drawForm: HTMLElement;
  private readonly drawText: HTMLElement;
  private readonly birads: HTMLSelectElement;
  private readonly missedComment: HTMLInputElement;
  private readonly missedList: HTMLElement;
  private readonly problems: HTMLElement;
  private readonly reviewedBox: HTMLInputElement;
  private readonly problemMenus = new Map<number, HTMLSelectElement>();
  private readonly corrections: CorrectionFields;

  constructor(host: HTMLElement, private readonly on: PanelHandlers) {
    this.root = el('section', 'mb-4 space-y-2 rounded border border-slate-300 p-2 dark:border-slate-700');
    this.root.id = 'review-panel';
    this.root.setAttribute('aria-labelledby', 'review-heading');
    const heading = el('h2', 'font-semibold', 'Review');
    heading.id = 'review-heading';
    this.reviewerInput = el('input', FIELD);
    this.reviewerInput.autocomplete = 'name';
    this.reviewerInput.addEventListener('change', () => on.reviewer(this.reviewerInput.value.trim()));
    const keys = el('p', 'text-xs text-slate-700 dark:text-slate-300',
      'Keys: ] / [ next / previous box · 1–5 verdict · 0 clears it · c comment · m draw a missed finding (arrows move, Shift+arrows resize, Enter keeps, Esc cancels) · v reviewed');
    keys.id = 'review-keys';
    const files = el('p', 'text-xs');
    const link = el('a', 'underline', 'Review page');
    link.href = '/review/';
    files.append(link, ': summary, export and import of the verdicts.');

    this.focusText = el('p', 'text-xs font-medium');
    this.focusText.id = 'review-focused';
    const verdicts = el('div', 'flex flex-col gap-1 text-xs');
    verdicts.setAttribute('role', 'group');
    verdicts.setAttribute('aria-label', 'Verdict on the focused box');
    this.verdictButtons = BOX_VERDICTS.map((kind) => {
      const mark = verdictMark(kind);
      const button = el('button', BUTTON, `${mark.key} · ${mark.label}`);
      button.type = 'button';
      button.dataset.verdict = kind;
      button.setAttribute('aria-pressed', 'false');
      button.addEventListener('click', () => on.verdict(kind));
      verdicts.append(button);
      return button;
    });
    this.corrections = new CorrectionFields(on.correct);
    this.comment = el('input', FIELD);
    this.comment.addEventListener('change', () => on.comment(this.comment.value));
    this.comment.addEventListener('keydown', (e) => e.key === 'Enter' && this.comment.blur());

    this.drawButton = el('button', BUTTON, 'Draw a missed finding (m)');
    this.drawButton.type = 'button';
    this.drawButton.addEventListener('click', () => on.startDrawing());
    this.drawForm = el('div', 'hidden space-y-1 rounded bg-slate-100 p-1 dark:bg-slate-800');
    this.drawText = el('p', 'text-xs');
    this.category = select(FINDING_CATEGORIES.map((c) => ({ value: c, label: c })));
    this.birads = select(FINDING_BIRADS.map((k) => ({ value: k, label: k === 'none' ? 'none given' : `BI-RADS ${k}` })));
    this.missedComment = el('input', FIELD);
    const save = el('button', BUTTON, 'Save missed finding');
    save.type = 'button';
    save.addEventListener('click', () => on.saveMissed(this.category.value, this.birads.value, this.missedComment.value));
    const cancel = el('button', BUTTON, 'Cancel');
    cancel.type = 'button';
    cancel.addEventListener('click', () => on.cancelDrawing());
    const row = el('div', 'flex gap-2 text-xs');
    row.append(save, cancel);
    this.drawForm.append(this.drawText, labelled('Category', this.category, 'review-missed-category'), labelled('Finding BI-RADS', this.birads, 'review-missed-birads'), labelled('Comment (optional)', this.missedComment, 'review-missed-comment'), row);
    this.missedList = el('ul', 'space-y-1 text-xs');
    this.missedList.setAttribute('aria-label', 'Missed findings');

    this.problems = el('div', 'grid grid-cols-2 gap-1');
    this.reviewedBox = el('input');
    this.reviewedBox.type = 'checkbox';
    this.reviewedBox.id = 'review-reviewed';
    this.reviewedBox.addEventListener('change', () => on.reviewed(this.reviewedBox.checked));
    const reviewedLabel = el('label', 'flex items-center gap-1 font-medium');
    reviewedLabel.append(this.reviewedBox, el('span', '', 'Study reviewed (v)'));
    this.status = el('p', 'text-xs', '');
    this.status.id = 'review-status';
    this.status.setAttribute('role', 'status');

    const boxSection = el('div', 'space-y-1');
    boxSection.append(el('h3', 'text-xs font-semibold', 'Boxes'), this.focusText, verdicts, this.corrections.root, labelled('Comment on this box (optional)', this.comment, 'review-comment'));
    const missedSection = el('div', 'space-y-1');
    missedSection.append(el('h3', 'text-xs font-semibold', 'Missed findings'), this.drawButton, this.drawForm, this.missedList);
    const problemSection = el('div', 'space-y-1');
    problemSection.append(el('h3', 'text-xs font-semibold', 'Image problems'), this.problems);
    this.root.append(heading, labelled('Reviewer name', this.reviewerInput, 'review-reviewer'), keys, files, boxSection, missedSection, problemSection, reviewedLabel, this.status);
    host.prepend(this.root);
  }

  focusReviewer(): void {
    this.reviewerInput.focus();
  }

  render(view: PanelView): void {
    if (document.activeElement !== this.reviewerInput) this.reviewerInput.value = view.reviewer;
    const { focused } = view;
    this.focusText.textContent = focused
      ? `${focused.text} · ${view.boxCount.judged} of ${view.boxCount.total} boxes judged`
      : 'No boxes in this study.';
    for (const button of this.verdictButtons) {
      button.disabled = !focused;
      button.setAttribute('aria-pressed', String(focused?.verdict === button.dataset.verdict));
    }
    this.corrections.render(focused?.corrections ?? { categories: null, findingBirads: null, box: null });
    this.comment.disabled = !focused?.verdict;
    if (document.activeElement !== this.comment) this.comment.value = focused?.comment ?? '';
    this.drawForm.classList.toggle('hidden', view.drawing === null);
    this.drawButton.classList.toggle('hidden', view.drawing !== null);
    this.drawText.textContent = view.drawing
      ? view.drawing.ready ? `On ${view.drawing.view}: choose its category and BI-RADS, then save.` : `On ${view.drawing.view}: drag a rectangle, or move it with the arrow keys and press Enter.`
      : '';
    this.missedList.replaceChildren(...view.missed.map((m) => {
      const item = el('li', 'flex items-center justify-between gap-2');
      const remove = el('button', BUTTON, 'Remove');
      remove.type = 'button';
      remove.setAttribute('aria-label', `Remove missed finding ${m.text}`);
      remove.addEventListener('click', () => this.on.removeMissed(m.key));
      item.append(el('span', '', m.text), remove);
      return item;
    }));
    // The menus are made once (a menu replaced under the reviewer's hand would lose its focus), then only set.
    if (this.problemMenus.size === 0) {
      const options = [{ value: '', label: 'no problem' }, ...IMAGE_PROBLEMS.map((p) => ({ value: p, label: IMAGE_PROBLEM_LABELS[p] }))];
      for (const v of view.views) {
        const control = select(options);
        control.addEventListener('change', () => this.on.imageProblem(v.slot, (control.value || null) as ImageProblemKind | null));
        this.problemMenus.set(v.slot, control);
        this.problems.append(labelled(v.label, control, `review-problem-${v.slot}`));
      }
    }
    for (const v of view.views) {
      const menu = this.problemMenus.get(v.slot);
      if (menu) menu.value = v.problem ?? '';
    }
    this.reviewedBox.checked = view.reviewed;
  }
}
