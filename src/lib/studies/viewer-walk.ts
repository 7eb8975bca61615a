// Links into the viewer that carry the study browser's filter, and the walk through that filter's studies: the
// viewer's next/previous (buttons and n/p) step through exactly the list the browser showed, in its order.

import { filterStudies, parseFilterQuery, serializeFilterQuery, sortStudies, type StudyFilter } from './study-filter.ts';
import type { StudySummary } from '../types.ts';

/** The browser's filter a viewer URL carries (its page number left out: the walk covers every page). */
export function filterOfViewerUrl(search: string): StudyFilter {
  const params = new URLSearchParams(search);
  params.delete('study');
  return { ...parseFilterQuery(params), page: 1 };
}

/** The study list URL for a filter, so the viewer can link back to the very list it walks. */
export function studyListHref(filter: StudyFilter): string {
  const query = serializeFilterQuery({ ...filter, page: 1 });
  return `/studies/${query ? `?${query}` : ''}`;
}

interface StudyWalk {
  /** The filter's studies in the browser's order. */
  ids: string[];
  /** 0-based position of the current study, or -1 when the filter leaves it out. */
  position: number;
  previous: string | null;
  next: string | null;
}

/**
 * Previous and next study under `filter`, wrapping around at the ends. A study the filter leaves out (a link from
 * elsewhere) steps to the filter's first and last study; an empty list has neither.
 */
export function walkStudies(studies: readonly StudySummary[], filter: StudyFilter, currentId: string): StudyWalk {
  const ids = sortStudies(filterStudies(studies, filter), filter.sort, filter.descending).map((s) => s.id);
  const position = ids.indexOf(currentId);
  if (ids.length === 0) return { ids, position, previous: null, next: null };
  if (position === -1) return { ids, position, previous: ids[ids.length - 1], next: ids[0] };
  return { ids, position, previous: ids[(position - 1 + ids.length) % ids.length], next: ids[(position + 1) % ids.length] };
}
