// The message a view shows when it cannot draw its file: one plain sentence, and the library's own words behind a
// "Details" disclosure (a native <details>, so it opens with the keyboard and screen readers announce it).

import { el } from '../components/page-dom.ts';

/** Fills `target` with "LCC: reason." and, when there is one, a disclosure holding `detail`. */
export function renderViewMessage(target: HTMLElement, label: string, reason: string, detail: string | null): void {
  target.replaceChildren(el('span', { className: 'viewer-reason', text: `${label}: ${reason}.` }));
  if (!detail || detail === reason) return;
  target.append(
    el(
      'details',
      { className: 'viewer-detail mt-1 text-xs' },
      el('summary', { className: 'cursor-pointer underline', text: 'Details' }),
      el('code', { className: 'block break-words whitespace-pre-wrap', text: detail }),
    ),
  );
}
