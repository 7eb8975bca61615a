// Draws one study as a table row: id (a link to the viewer, carrying the browser's filter), split, each
// breast's BI-RADS and density, its findings as chips in the shared palette, boxes and vendor. Colours are set
// through the CSSOM (element.style), which the page's Content-Security-Policy allows, unlike style attributes.

import { colorOf, type PaletteName } from '../../lib/palette.ts';
import { studyViewerHref } from '../../lib/site-pages.ts';
import type { StudySummary } from '../../lib/types.ts';

const CELL = 'px-3 py-2 align-top';
const MUTED = 'text-muted';

/** `viewerQuery`: the browser's filter as a query string, carried into the viewer's next/previous. */
export function renderStudyRow(study: StudySummary, viewerQuery = ''): HTMLTableRowElement {
  const row = document.createElement('tr');
  row.className = 'border-t border-line';

  // Sticky, so the id stays in view while a phone scrolls the table sideways; there it wraps after 16 characters.
  const idCell = element('th', `${CELL} sticky left-0 bg-surface font-mono text-[0.8rem] font-normal`);
  idCell.scope = 'row';
  const id = element('span', 'block max-sm:w-[16ch] max-sm:break-all', study.id);
  // Every study opens: with its images when this build holds them, else as a schematic of what the CSVs say.
  const link = element('a', 'text-accent underline');
  link.setAttribute('href', studyViewerHref(study.id, viewerQuery));
  // The whole cell's text is the link: the id, then on its own line what it opens.
  const opens = study.hasImages ? 'Open in viewer' : 'Open schematic (no images)';
  link.append(id, element('span', 'block whitespace-nowrap font-sans text-xs font-medium', opens));
  idCell.append(link);
  row.append(idCell);

  row.append(element('td', CELL, study.split === 'training' ? 'Training' : 'Test'));
  row.append(breastCell(study.R), breastCell(study.L));

  const findings = element('td', CELL);
  if (study.findings.length === 0) {
    findings.append(element('span', MUTED, 'No finding'));
  } else {
    const chips = element('span', 'flex min-w-48 flex-wrap gap-1');
    for (const category of study.findings) chips.append(chip('finding', category, category));
    findings.append(chips);
    findings.append(element('span', `mt-1 block text-xs ${MUTED}`, `Finding BI-RADS: ${study.findingBirads.join(', ')}`));
  }
  row.append(findings);

  row.append(element('td', `${CELL} text-right tabular-nums`, String(study.boxes)));
  row.append(element('td', CELL, study.vendor ?? 'Unknown'));
  return row;
}

function breastCell(labels: StudySummary['L']): HTMLTableCellElement {
  const cell = element('td', `${CELL} whitespace-nowrap`);
  if (!labels) {
    cell.append(element('span', MUTED, 'No image'));
    return cell;
  }
  cell.append(chip('birads', labels.birads, `BI-RADS ${labels.birads}`), element('span', `mt-0.5 block text-xs ${MUTED}`, `density ${labels.density}`));
  return cell;
}

/** A label with a colour dot; the dot is decoration (the text carries the meaning). */
function chip(palette: PaletteName, key: string, text: string): HTMLSpanElement {
  const span = element('span', 'inline-flex items-center gap-1 whitespace-nowrap rounded-full border border-line px-2 text-xs');
  const dot = element('span', 'inline-block h-2.5 w-2.5 shrink-0 rounded-full');
  dot.setAttribute('aria-hidden', 'true');
  dot.style.backgroundColor = colorOf(palette, key);
  span.append(dot, text);
  return span;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A single full-width row with a message (loading, nothing matches, the index could not be read). */
export function messageRow(text: string, columns: number): HTMLTableRowElement {
  const row = document.createElement('tr');
  const cell = element('td', `px-3 py-6 text-center ${MUTED}`, text);
  cell.colSpan = columns;
  row.append(cell);
  return row;
}
