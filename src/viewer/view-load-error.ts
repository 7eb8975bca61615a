// A view's load failure as the page shows it: dwv's errors (strings, Errors, a decoder worker's ErrorEvent) as text,
// and the error carrying the plain reason and dwv's words for the details disclosure (src/lib/viewer/load-failure.ts).

import type { LoadFailure } from '../lib/viewer/load-failure.ts';

/** dwv reports errors as strings, Errors or Events (see notes/dwv.md); a decoder worker's crash is an ErrorEvent. */
export function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof Error) return error.message;
  if (typeof ErrorEvent !== 'undefined' && error instanceof ErrorEvent) return `decoder worker: ${error.message || 'failed'}`;
  if (error instanceof Event) return `a decoder worker failed (${error.type})`;
  return String(error);
}

/** A load that could not end in a picture: the plain reason, and dwv's own words for the details disclosure. */
export class ViewLoadError extends Error {
  readonly detail: string | null;
  constructor(failure: LoadFailure) {
    super(failure.message);
    this.detail = failure.detail;
  }
}
