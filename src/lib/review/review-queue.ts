// Review queues: an ordered list of studies a QA reviewer works through, built from the study browser's filter, a
// quality rule's instances or a finding category, with the boxes in question per study (CSV lines), the position
// the reviewer reached, and the steps n/p take. Pure: the browser keeps queues (src/review/queue-store.ts).

import type { SampleBox, StudySummary } from '../types.ts';
import { FILES } from '../vocabulary.ts';

interface QueueStudy {
  studyId: string;
  /** 1-based lines of finding_annotations.csv of the boxes in question (empty: the whole study). */
  boxLines: number[];
}

type QueueSource = { kind: 'filter'; query: string } | { kind: 'rule'; rule: string } | { kind: 'category'; category: string };

export interface ReviewQueue {
  id: string;
  title: string;
  source: QueueSource;
  studies: QueueStudy[];
  /** 0-based index into `studies` of the study the reviewer is on. */
  position: number;
  /** ISO 8601. */
  created: string;
}

/** One row of data/quality-instances.csv (header rule,severity,file,line,study,image,detail), as papaparse gives it. */
export interface QualityInstanceRow {
  rule: string;
  file: string;
  line: string;
  study: string;
}

/** What every builder needs besides its source: a fresh id and the time. */
interface QueueStamp {
  id: string;
  created: string;
}

/** The studies the browser shows for a filter, in its order (the caller filters and sorts: one rule for both). */
export function queueFromFilter(studies: readonly StudySummary[], query: string, stamp: QueueStamp): ReviewQueue {
  return {
    ...stamp,
    title: query ? `Studies where ${query.replaceAll('&', ', ')}` : 'All studies',
    source: { kind: 'filter', query },
    studies: studies.map((s) => ({ studyId: s.id, boxLines: [] })),
    position: 0,
  };
}

/**
 * The studies a quality rule names, in the order of their first instance, each with the finding_annotations.csv
 * lines of its instances (the boxes in question). Rows of other rules and rows without a study are left out.
 */
export function queueFromRule(rows: readonly QualityInstanceRow[], rule: string, stamp: QueueStamp): ReviewQueue {
  const byStudy = new Map<string, Set<number>>();
  for (const row of rows) {
    if (row.rule !== rule || !row.study) continue;
    const lines = byStudy.get(row.study) ?? new Set<number>();
    byStudy.set(row.study, lines);
    const line = Number(row.line);
    if (row.file === FILES.finding && row.line !== '' && Number.isInteger(line)) lines.add(line);
  }
  const studies = [...byStudy].map(([studyId, lines]) => ({ studyId, boxLines: [...lines].sort((a, b) => a - b) }));
  return { ...stamp, title: `Rule ${rule}`, source: { kind: 'rule', rule }, studies, position: 0 };
}

/** The given studies (those with the category, in the browser's order) for a review of that category's boxes. */
export function queueFromCategory(studies: readonly StudySummary[], category: string, stamp: QueueStamp): ReviewQueue {
  return {
    ...stamp,
    title: `${category} boxes`,
    source: { kind: 'category', category },
    studies: studies.filter((s) => s.findings.includes(category)).map((s) => ({ studyId: s.id, boxLines: [] })),
    position: 0,
  };
}

/** CSV lines of the study's boxes in question: the rule's lines, or for a category queue its boxes of that category. */
export function boxesInQuestion(queue: ReviewQueue, studyId: string, boxes: readonly SampleBox[]): Set<number> {
  const entry = queue.studies.find((s) => s.studyId === studyId);
  if (!entry) return new Set();
  const { source } = queue;
  if (source.kind === 'category') return new Set(boxes.filter((b) => b.categories.includes(source.category)).map((b) => b.line));
  return new Set(entry.boxLines);
}

interface QueueStep {
  /** 0-based index of the current study in the queue, -1 when it is not in the queue. */
  position: number;
  previous: string | null;
  next: string | null;
  /** Queue studies the release no longer has (skipped by previous/next). */
  skipped: string[];
}

/**
 * Where `studyId` stands in the queue and its neighbours among the studies the release still has (`known`), no
 * wrap-around: the end of a queue is the end. A study outside the queue steps to the queue's saved position.
 */
export function stepQueue(queue: ReviewQueue, studyId: string, known: ReadonlySet<string>): QueueStep {
  const skipped = queue.studies.filter((s) => !known.has(s.studyId)).map((s) => s.studyId);
  const position = queue.studies.findIndex((s) => s.studyId === studyId);
  const find = (from: number, delta: 1 | -1): string | null => {
    for (let i = from; i >= 0 && i < queue.studies.length; i += delta) if (known.has(queue.studies[i].studyId)) return queue.studies[i].studyId;
    return null;
  };
  if (position === -1) return { position, previous: null, next: resumeStudy(queue, known), skipped };
  return { position, previous: find(position - 1, -1), next: find(position + 1, 1), skipped };
}

/** The study to open when the queue is opened again: the saved position, or the next one the release still has. */
export function resumeStudy(queue: ReviewQueue, known: ReadonlySet<string>): string | null {
  const from = Math.min(Math.max(queue.position, 0), queue.studies.length);
  for (let i = from; i < queue.studies.length; i++) if (known.has(queue.studies[i].studyId)) return queue.studies[i].studyId;
  for (let i = from - 1; i >= 0; i--) if (known.has(queue.studies[i].studyId)) return queue.studies[i].studyId;
  return null;
}

/** The queue with its position on `studyId` (unchanged when the study is not in it). */
export function atStudy(queue: ReviewQueue, studyId: string): ReviewQueue {
  const position = queue.studies.findIndex((s) => s.studyId === studyId);
  return position === -1 || position === queue.position ? queue : { ...queue, position };
}

/** "12 of 42" for a 0-based position. */
export function queuePositionLabel(queue: ReviewQueue, position: number): string {
  const total = queue.studies.length.toLocaleString('en-US');
  return position === -1 ? `not in this queue (${total} studies)` : `${(position + 1).toLocaleString('en-US')} of ${total}`;
}
