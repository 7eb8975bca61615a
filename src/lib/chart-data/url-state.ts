// A chart's view state in the page URL, one query key per setting prefixed with the chart id
// (`?birads-split=test&birads-mode=percent`), so several charts share one URL. Defaults are left out of the URL,
// and values outside the allowed ones fall back to the default, so an edited or stale link never breaks a page.

/** For each setting: the values it may take; the first is the default. */
export type StateSchema = Record<string, readonly string[]>;

function stateKey(chartId: string, setting: string): string {
  return `${chartId}-${setting}`;
}

/** Reads chart `chartId`'s state from a query string (with or without the leading "?"). */
export function readState(search: string, chartId: string, schema: StateSchema): Record<string, string> {
  const params = new URLSearchParams(search);
  const state: Record<string, string> = {};
  for (const [setting, allowed] of Object.entries(schema)) {
    const value = params.get(stateKey(chartId, setting));
    state[setting] = value !== null && allowed.includes(value) ? value : allowed[0];
  }
  return state;
}

/** Writes `state` for `chartId` into `search`, keeping other charts' keys; returns "" or "?…". */
export function writeState(search: string, chartId: string, schema: StateSchema, state: Record<string, string>): string {
  const params = new URLSearchParams(search);
  for (const [setting, allowed] of Object.entries(schema)) {
    const key = stateKey(chartId, setting);
    const value = state[setting];
    if (value === undefined || value === allowed[0] || !allowed.includes(value)) params.delete(key);
    else params.set(key, value);
  }
  params.sort();
  const text = params.toString();
  return text ? `?${text}` : '';
}
