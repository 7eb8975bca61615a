// The browser's review queues, per release (localStorage key `vindr-review-queues:<release key>`): saved when a queue
// is started, and its position saved on every study the viewer opens in it, so opening the queue again resumes there.
// localStorage rather than IndexedDB: a queue is a few KB written on navigation, read synchronously before the first
// paint of the queue bar; the verdicts (many, written on every key press) live in IndexedDB (verdict-store.ts).

import { releaseKey } from '../lib/review/verdict-keys.ts';
import { atStudy, type ReviewQueue } from '../lib/review/review-queue.ts';
import { OUTPUT, siteUrl } from '../lib/site-data/outputs.ts';
import type { Stats } from '../lib/types.ts';

const PREFIX = 'vindr-review-queues:';

/** The release this site was built from (fetched once per page: stats.json is cached by the browser). */
export async function currentReleaseKey(): Promise<string> {
  const url = siteUrl(OUTPUT.stats);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return releaseKey((await response.json()) as Pick<Stats, 'source'>);
}

interface QueueStore {
  list(): ReviewQueue[];
  get(id: string): ReviewQueue | null;
  save(queue: ReviewQueue): void;
  /** Records that the reviewer is on `studyId` (no-op when the queue does not hold it); returns the queue as saved. */
  savePosition(id: string, studyId: string): ReviewQueue | null;
}

function isQueue(value: unknown): value is ReviewQueue {
  const q = value as ReviewQueue;
  return typeof q === 'object' && q !== null && typeof q.id === 'string' && typeof q.title === 'string' && Array.isArray(q.studies) && Number.isInteger(q.position);
}

export function openQueueStore(release: string, storage: Storage = localStorage): QueueStore {
  const key = PREFIX + release;
  const read = (): ReviewQueue[] => {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isQueue) : [];
    } catch {
      // A damaged entry (edited by hand, another version) must not break the viewer: start with no queues.
      return [];
    }
  };
  const write = (queues: ReviewQueue[]) => storage.setItem(key, JSON.stringify(queues));
  return {
    list: read,
    get: (id) => read().find((q) => q.id === id) ?? null,
    save(queue) {
      write([...read().filter((q) => q.id !== queue.id), queue]);
    },
    savePosition(id, studyId) {
      const queues = read();
      const index = queues.findIndex((q) => q.id === id);
      if (index === -1) return null;
      const moved = atStudy(queues[index], studyId);
      if (moved !== queues[index]) {
        queues[index] = moved;
        write(queues);
      }
      return moved;
    },
  };
}

/** A short id for a new queue, unique enough within one browser. */
export function newQueueId(): string {
  return crypto.randomUUID().slice(0, 8);
}
