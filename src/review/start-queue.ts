// The "review in a queue" buttons: on the study browser (its current filter), the data quality page (one per rule,
// from data/quality-instances.csv) and the findings page (one per category). A click builds the queue
// (src/lib/review/review-queue.ts), keeps it in this browser (queue-store.ts) and opens its first study in the viewer.
// A failure (no index, no instances file in this build) is said beside the button; nothing is saved then. The
// queues already kept are listed where the page has a [data-saved-queues] list, each resuming where it was left.
//
//   <button type="button" data-review-queue="filter|rule|category" data-rule="…" data-category="…">…</button>
//   <p data-review-queue-status role="status"></p>      (the nearest one around the button says what failed)

import Papa from 'papaparse';
import { queueFromCategory, queueFromFilter, queueFromRule, queuePositionLabel, type QualityInstanceRow, type ReviewQueue } from '../lib/review/review-queue.ts';
import { OUTPUT, siteUrl } from '../lib/site-data/outputs.ts';
import { filterOfViewerUrl } from '../lib/studies/viewer-walk.ts';
import { filterStudies, serializeFilterQuery, sortStudies } from '../lib/studies/study-filter.ts';
import { compareIds, decodeStudyIndex } from '../lib/studies/study-index.ts';
import type { StudySummary } from '../lib/types.ts';
import { currentReleaseKey, newQueueId, openQueueStore } from './queue-store.ts';

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(response.status === 404 ? `${url} is not in this build` : `${url}: HTTP ${response.status}`);
  return response;
}

async function studyIndex(): Promise<StudySummary[]> {
  return decodeStudyIndex(await (await fetchOk(siteUrl(OUTPUT.studyIndex))).json());
}

async function qualityInstances(): Promise<QualityInstanceRow[]> {
  const url = siteUrl(OUTPUT.qualityInstances);
  const parsed = Papa.parse<QualityInstanceRow>(await (await fetchOk(url)).text(), { header: true, skipEmptyLines: true });
  const missing = ['rule', 'file', 'line', 'study'].filter((c) => !parsed.meta.fields?.includes(c));
  if (missing.length > 0) throw new Error(`${url}: line 1 lacks the column(s) ${missing.join(', ')}`);
  const bad = parsed.errors[0];
  if (bad) throw new Error(`${url}: line ${(bad.row ?? 0) + 2}: ${bad.message}`);
  return parsed.data;
}

async function buildQueue(button: HTMLElement): Promise<ReviewQueue> {
  const stamp = { id: newQueueId(), created: new Date().toISOString() };
  switch (button.dataset.reviewQueue) {
    case 'filter': {
      const filter = filterOfViewerUrl(location.search);
      const studies = sortStudies(filterStudies(await studyIndex(), filter), filter.sort, filter.descending);
      return queueFromFilter(studies, serializeFilterQuery(filter), stamp);
    }
    case 'rule':
      return queueFromRule(await qualityInstances(), button.dataset.rule ?? '', stamp);
    case 'category': {
      const studies = [...(await studyIndex())].sort((a, b) => compareIds(a.id, b.id));
      return queueFromCategory(studies, button.dataset.category ?? '', stamp);
    }
    default:
      throw new Error(`unknown queue kind "${button.dataset.reviewQueue}"`);
  }
}

async function start(button: HTMLElement, status: HTMLElement | null): Promise<void> {
  const queue = await buildQueue(button);
  if (queue.studies.length === 0) throw new Error('no study to review');
  openQueueStore(await currentReleaseKey()).save(queue);
  location.href = `/viewer/?study=${encodeURIComponent(queue.studies[0].studyId)}&queue=${encodeURIComponent(queue.id)}`;
  if (status) status.textContent = `Opening ${queue.title}: ${queue.studies.length.toLocaleString('en-US')} studies…`;
}

/** The nearest status line around the button (the closest ancestor that holds one). */
function statusFor(button: HTMLElement): HTMLElement | null {
  for (let el = button.parentElement; el; el = el.parentElement) {
    const status = el.querySelector<HTMLElement>('[data-review-queue-status]');
    if (status) return status;
  }
  return null;
}

/** Lists the queues kept in this browser for this release, each resuming where it was left (/viewer/?queue=ID). */
async function listSavedQueues(list: HTMLElement): Promise<void> {
  const queues = openQueueStore(await currentReleaseKey()).list();
  list.replaceChildren(...queues.map((queue) => {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `/viewer/?queue=${encodeURIComponent(queue.id)}`;
    link.className = 'underline';
    link.textContent = queue.title;
    item.append(link, ` · at ${queuePositionLabel(queue, queue.position)} · started ${queue.created.slice(0, 16).replace('T', ' ')} UTC`);
    return item;
  }));
  list.closest('[data-saved-queues]')?.classList.toggle('hidden', queues.length === 0);
}

export function bindQueueStarters(root: ParentNode = document): void {
  const saved = root.querySelector<HTMLElement>('[data-saved-queues] ul');
  if (saved) void listSavedQueues(saved).catch(() => undefined);
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-review-queue]')) {
    button.addEventListener('click', () => {
      const status = statusFor(button);
      button.disabled = true;
      start(button, status).catch((error: unknown) => {
        button.disabled = false;
        if (status) status.textContent = `The queue could not be started: ${error instanceof Error ? error.message : String(error)}.`;
      });
    });
  }
}
