// Draws the review summary (src/lib/review/review-summary.ts) with DOM calls only (textContent, never HTML strings:
// names and comments come from imported files): totals, verdicts per category and per rule, image problems, and the
// boxes two reviewers disagree on, each with a link to its study in the viewer.
import type { ReviewSummary } from '../lib/review/review-summary.ts';
import { CATEGORY_COLUMNS, RULE_COLUMNS } from '../lib/review/review-summary.ts';
import { IMAGE_PROBLEM_LABELS, VERDICT_LABELS } from '../lib/review/verdict-labels.ts';
import { IMAGE_PROBLEMS } from '../lib/review/verdict-types.ts';
import { studyViewerHref } from '../lib/site-pages.ts';
import { el } from '../components/page-dom.ts';

function table(caption: string, head: string[], rows: (string | number)[][], testid: string): HTMLElement {
  const header = el('tr', {}, ...head.map((name, i) => {
    const th = el('th', { text: name, className: i > 0 ? 'num' : '' });
    th.scope = 'col';
    return th;
  }));
  const body = rows.map((row) => el('tr', {}, ...row.map((value, i) => {
    if (i === 0) {
      const th = el('th', { text: String(value) });
      th.scope = 'row';
      return th;
    }
    return el('td', { text: typeof value === 'number' ? value.toLocaleString('en-US') : value, className: 'num' });
  })));
  // A wide table scrolls sideways: the scroll region takes keyboard focus and is named by the caption (axe).
  const scroll = el('div', { className: 'chart-table-scroll mt-3' }, el('table', { className: 'data-table', testid }, el('caption', { text: caption }), el('thead', {}, header), el('tbody', {}, ...body)));
  scroll.tabIndex = 0;
  scroll.setAttribute('role', 'region');
  scroll.setAttribute('aria-label', caption);
  return scroll;
}

function heading(id: string, text: string): HTMLElement {
  const h = el('h2', { text, className: 'text-xl font-semibold' });
  h.id = id;
  return h;
}

function section(id: string, title: string, ...children: Node[]): HTMLElement {
  const node = el('section', { className: 'mt-8' }, heading(id, title), ...children);
  node.setAttribute('aria-labelledby', id);
  return node;
}

/** A coordinate to one decimal for reading (the exports keep every digit). */
function px(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : 'not a number';
}

export function renderSummary(root: HTMLElement, summary: ReviewSummary, ruleNote: string): void {
  if (summary.verdicts === 0) {
    root.replaceChildren(section('summary-heading', 'Summary', el('p', { className: 'mt-2', text: 'No verdicts yet for this release. Give them in the study viewer, or import a file above.', testid: 'review-empty' })));
    return;
  }
  const reviewers = summary.reviewers.map((r) => `${r.name} (${r.verdicts.toLocaleString('en-US')})`).join(', ');
  const totals = el('p', { className: 'mt-2', testid: 'review-totals', text: `${summary.verdicts.toLocaleString('en-US')} verdicts by ${summary.reviewers.length === 1 ? 'one reviewer' : `${summary.reviewers.length} reviewers`}: ${reviewers}. ${summary.studiesReviewed.toLocaleString('en-US')} ${summary.studiesReviewed === 1 ? 'study' : 'studies'} marked reviewed.` });
  const perCategory = table(
    'Box verdicts and missed findings per finding category (a box of two categories counts in both)',
    ['Category', ...CATEGORY_COLUMNS.map((c) => VERDICT_LABELS[c])],
    summary.perCategory.map((row) => [row.category, ...CATEGORY_COLUMNS.map((c) => row.counts[c])]),
    'review-per-category',
  );
  const perRule = summary.perRule === null
    ? el('p', { className: 'mt-2 text-muted', text: ruleNote, testid: 'review-rules-note' })
    : table(
        'Verdicts on each quality rule’s instances (boxes by their line in finding_annotations.csv, images and studies by id)',
        ['Rule', 'Instances', ...RULE_COLUMNS.map((c) => VERDICT_LABELS[c])],
        summary.perRule.map((row) => [`${row.rule} (${row.severity})`, row.instances, ...RULE_COLUMNS.map((c) => row.counts[c])]),
        'review-per-rule',
      );
  const problems = el('p', { className: 'mt-2', text: `Image problems: ${IMAGE_PROBLEMS.map((p) => `${IMAGE_PROBLEM_LABELS[p]} ${summary.imageProblems[p]}`).join(' · ')}.` });
  const disagreements = summary.disagreements.length === 0
    ? el('p', { className: 'mt-2', text: summary.reviewers.length < 2 ? 'Disagreements show once two reviewers’ verdicts are here (import the other’s file).' : 'The reviewers agree on every box both judged.' })
    : el('ul', { className: 'mt-2 grid gap-2', testid: 'review-disagreements' }, ...summary.disagreements.map((d) => {
        const b = d.target.box;
        const link = el('a', { text: `Open study ${d.target.studyId} in the viewer`, className: 'underline' });
        link.href = studyViewerHref(d.target.studyId);
        const said = d.verdicts.map((v) => `${v.reviewer}: ${VERDICT_LABELS[v.verdict]}${v.comment ? ` (“${v.comment}”)` : ''}`).join(' · ');
        return el('li', { className: 'rounded border border-line p-2' },
          el('span', { className: 'font-semibold', text: `${d.target.categories.join(', ') || 'box'} on ${d.target.laterality} ${d.target.view} (${d.target.imageId}), x ${px(b.xmin)}–${px(b.xmax)}, y ${px(b.ymin)}–${px(b.ymax)}` }),
          el('br'), said, el('br'), link);
      }));
  root.replaceChildren(
    section('summary-heading', 'Summary', totals, problems),
    section('category-heading', 'Per finding category', perCategory),
    section('rule-heading', 'Per quality rule', perRule),
    section('disagree-heading', 'Where reviewers disagree', disagreements),
  );
}
