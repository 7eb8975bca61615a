// The viewer inside a review queue (/viewer/?study=ID&queue=QUEUE_ID): says "12 of 42" and the queue's title, points
// previous/next (and so n/p) at the queue's neighbours the release still has, lists the queue's studies that are no
// longer in the release (skipped), and saves the position so opening the queue again resumes here.
// /viewer/?queue=QUEUE_ID without a study opens the study the queue was left on.

import { boxesInQuestion, queuePositionLabel, resumeStudy, stepQueue, type ReviewQueue } from '../../lib/review/review-queue.ts';
import type { SampleBox, StudySummary } from '../../lib/types.ts';
import { currentReleaseKey, openQueueStore } from '../../review/queue-store.ts';

/** The viewer URL of a study inside a queue. */
function queueViewerHref(studyId: string, queueId: string): string {
  return `/viewer/?study=${encodeURIComponent(studyId)}&queue=${encodeURIComponent(queueId)}`;
}

async function loadQueue(queueId: string): Promise<ReviewQueue | null> {
  return openQueueStore(await currentReleaseKey()).get(queueId);
}

/** For /viewer/?queue=ID: the URL of the study to resume at, or a sentence saying why there is none. */
export async function resumeHref(queueId: string, index: Promise<StudySummary[]>): Promise<{ href: string } | { problem: string }> {
  const queue = await loadQueue(queueId);
  if (!queue) return { problem: `Review queue “${queueId}” is not kept in this browser for this release.` };
  const study = resumeStudy(queue, new Set((await index).map((s) => s.id)));
  return study ? { href: queueViewerHref(study, queue.id) } : { problem: `None of the ${queue.studies.length} studies of “${queue.title}” is in this release.` };
}

/**
 * Links previous/next into the queue and fills the walk line; returns the queue (null when this browser does not
 * have it: the caller then walks the study list as usual).
 */
export async function linkQueueWalk(queueId: string, studyId: string, index: Promise<StudySummary[]>): Promise<ReviewQueue | null> {
  const store = openQueueStore(await currentReleaseKey());
  const queue = store.get(queueId);
  if (!queue) return null;
  const known = new Set((await index).map((s) => s.id));
  const step = stepQueue(queue, studyId, known);
  store.savePosition(queueId, studyId);
  for (const [id, target] of [['viewer-prev', step.previous], ['viewer-next', step.next]] as const) {
    const link = document.getElementById(id) as HTMLAnchorElement;
    if (target) link.href = queueViewerHref(target, queue.id);
    else link.removeAttribute('href');
  }
  const walk = document.getElementById('viewer-walk')!;
  const title = document.createElement('strong');
  title.textContent = queue.title;
  const position = document.createElement('span');
  position.id = 'review-queue-position';
  position.textContent = queuePositionLabel(queue, step.position);
  const end = step.next === null && step.position !== -1 ? ' · last study of the queue' : '';
  walk.replaceChildren('Review queue ', title, ': study ', position, end);
  walk.dataset.queue = queue.id;
  if (step.skipped.length > 0) {
    const skipped = document.createElement('span');
    skipped.className = 'block text-amber-800 dark:text-amber-300';
    skipped.id = 'review-queue-skipped';
    skipped.textContent = `Skipped, no longer in this release: ${step.skipped.join(', ')}.`;
    walk.append(skipped);
  }
  document.getElementById('viewer-grid')?.setAttribute('data-walk', 'ready');
  return queue;
}

/** The CSV lines of the study's boxes in question in this queue. */
export function queueBoxesInQuestion(queue: ReviewQueue | null, studyId: string, images: readonly { boxes: readonly SampleBox[] }[]): Set<number> {
  return queue ? boxesInQuestion(queue, studyId, images.flatMap((i) => i.boxes)) : new Set();
}
