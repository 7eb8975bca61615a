// The browser's verdict store: IndexedDB database `vindr-review`, one record per (release, reviewer, key), so a
// review survives reloads and restarts and the verdicts of another release (demo vs real) are never seen. The
// reviewer's name is remembered in localStorage.
//
// Written on the bare IndexedDB API rather than the `idb` wrapper: five requests in one module do not justify a
// dependency every engineer's worktree must install mid-round; each request is wrapped in one promise helper below.
import type { Verdict } from '../lib/review/verdict-types.ts';

export interface VerdictStore {
  all(): Promise<Verdict[]>;
  put(verdict: Verdict): Promise<void>; // replaces the same (reviewer, key)
  putMany(verdicts: Verdict[]): Promise<void>;
  remove(reviewer: string, key: string): Promise<void>;
  clear(): Promise<void>;
}

const DATABASE = 'vindr-review';
const VERDICTS = 'verdicts';
const BY_RELEASE = 'by-release';
const REVIEWER_NAME_KEY = 'vindr-review:reviewer';

/** What one IndexedDB record holds: the verdict and its release, keyed by [release, reviewer, key]. */
interface StoredVerdict {
  release: string;
  reviewer: string;
  key: string;
  verdict: Verdict;
}

function requestDone<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function transactionDone(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function openDatabase(): Promise<IDBDatabase> {
  const request = indexedDB.open(DATABASE, 1);
  request.onupgradeneeded = () => {
    const store = request.result.createObjectStore(VERDICTS, { keyPath: ['release', 'reviewer', 'key'] });
    store.createIndex(BY_RELEASE, 'release');
  };
  return requestDone(request);
}

/** The verdicts of one release (releaseKey from src/lib/review/verdict-keys.ts). */
export async function openVerdictStore(releaseKey: string): Promise<VerdictStore> {
  const db = await openDatabase();
  const record = (verdict: Verdict): StoredVerdict => ({ release: releaseKey, reviewer: verdict.reviewer, key: verdict.key, verdict });
  const write = async (change: (store: IDBObjectStore) => void): Promise<void> => {
    const transaction = db.transaction(VERDICTS, 'readwrite');
    change(transaction.objectStore(VERDICTS));
    await transactionDone(transaction);
  };
  return {
    async all() {
      const index = db.transaction(VERDICTS, 'readonly').objectStore(VERDICTS).index(BY_RELEASE);
      const records = (await requestDone(index.getAll(releaseKey))) as StoredVerdict[];
      return records.map((stored) => stored.verdict);
    },
    put: (verdict) => write((store) => store.put(record(verdict))),
    putMany: (verdicts) => write((store) => verdicts.forEach((verdict) => store.put(record(verdict)))),
    remove: (reviewer, key) => write((store) => store.delete([releaseKey, reviewer, key])),
    // Only this release's records: another release's review stays.
    clear: () =>
      write((store) => {
        const range = IDBKeyRange.bound([releaseKey], [releaseKey, []]);
        store.delete(range);
      }),
  };
}

/** The reviewer's name as last set in this browser; '' until set (or when storage is unavailable). */
export function reviewerName(): string {
  try {
    return localStorage.getItem(REVIEWER_NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

export function setReviewerName(name: string): void {
  try {
    localStorage.setItem(REVIEWER_NAME_KEY, name.trim());
  } catch {
    // Private modes may refuse storage; the name then lasts as long as the page's field holds it.
  }
}
