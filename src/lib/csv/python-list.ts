// Reads `finding_categories`, which the release writes as a Python list literal: ['Mass'] or
// "['Nipple Retraction', 'Mass']" (the CSV quoting is already gone when this runs).

/**
 * The list's strings in order, or null when the text is not a list of quoted strings. Accepts single or double
 * quotes, backslash escapes and whitespace around items; an empty list gives [].
 */
export function parsePythonList(text: string): string[] | null {
  const items: string[] = [];
  let i = skipSpace(text, 0);
  if (text[i] !== '[') return null;
  i = skipSpace(text, i + 1);
  if (text[i] === ']') return skipSpace(text, i + 1) === text.length ? items : null;
  for (;;) {
    const quote = text[i];
    if (quote !== "'" && quote !== '"') return null;
    i++;
    // The item runs to the next quote; only an item with a backslash before it is rebuilt character by character
    // (a slice is one allocation; the release's items have no escapes).
    const close = text.indexOf(quote, i);
    const escape = text.indexOf('\\', i);
    let item: string;
    if (close >= 0 && (escape < 0 || escape > close)) {
      item = text.slice(i, close);
      i = close;
    } else {
      item = '';
      while (i < text.length && text[i] !== quote) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        item += text[i];
        i++;
      }
    }
    if (i >= text.length) return null;
    items.push(item);
    i = skipSpace(text, i + 1);
    if (text[i] === ',') {
      i = skipSpace(text, i + 1);
      // Python allows a trailing comma: ['Mass', ]
      if (text[i] === ']') break;
      continue;
    }
    if (text[i] === ']') break;
    return null;
  }
  return skipSpace(text, i + 1) === text.length ? items : null;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}
