// The message a view shows when it cannot draw its file: one plain sentence, and the library's own words behind a
// "Details" disclosure (a native <details>, so it opens with the keyboard and screen readers announce it).

/** Fills `el` with "LCC: reason." and, when there is one, a disclosure holding `detail`. */
export function renderViewMessage(el: HTMLElement, label: string, reason: string, detail: string | null): void {
  const sentence = document.createElement('span');
  sentence.className = 'viewer-reason';
  sentence.textContent = `${label}: ${reason}.`;
  el.replaceChildren(sentence);
  if (!detail || detail === reason) return;
  const details = document.createElement('details');
  details.className = 'viewer-detail mt-1 text-xs';
  const summary = document.createElement('summary');
  summary.className = 'cursor-pointer underline';
  summary.textContent = 'Details';
  const words = document.createElement('code');
  words.className = 'block break-words whitespace-pre-wrap';
  words.textContent = detail;
  details.append(summary, words);
  el.append(details);
}
