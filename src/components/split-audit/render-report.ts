// Draws a split audit report into the page with DOM calls only (textContent, never HTML strings: subset names and
// ids come from the user's file). Each table gets a CSV download; the whole report a JSON download.

import { toCsv } from '../../lib/chart-data/download-csv.ts';
import type { SplitAuditReport } from '../../lib/split-audit/audit-report.ts';
import { serializeReport } from '../../lib/split-audit/report-json.ts';
import { reportTables, type ReportTable } from '../../lib/split-audit/report-view.ts';
import { formatLD, formatPercent } from '../../lib/split-balance/split-audit.ts';
import { download, el } from '../page-dom.ts';

function cell(value: string | number, decimals: number | undefined): string {
  if (typeof value === 'string') return value;
  return decimals === undefined ? value.toLocaleString('en-US') : value.toFixed(decimals);
}

function tableElement(table: ReportTable): HTMLElement {
  if (table.rows.length === 0) {
    return el('section', { className: 'mt-6', testid: `table-${table.id}` }, el('p', { className: 'text-sm text-muted', text: table.caption }), el('p', { text: 'None.' }));
  }
  const head = el('tr', {}, ...table.columns.map((c) => {
    const th = el('th', { className: c.numeric ? 'num' : undefined, text: c.label });
    th.scope = 'col';
    return th;
  }));
  const body = el('tbody');
  for (const row of table.rows) {
    const tr = el('tr');
    row.forEach((value, i) => {
      const column = table.columns[i];
      if (i === 0 && !column.numeric) {
        const th = el('th', { text: cell(value, undefined) });
        th.scope = 'row';
        tr.append(th);
      } else tr.append(el('td', { className: column.numeric ? 'num' : undefined, text: cell(value, column.decimals) }));
    });
    body.append(tr);
  }
  const button = el('button', { className: 'btn mt-2 text-sm', text: `Download CSV` });
  button.type = 'button';
  button.setAttribute('aria-label', `Download “${table.caption}” as CSV`);
  button.addEventListener('click', () => download(`${table.id}.csv`, toCsv(table), 'text/csv'));
  const scroller = el('div', { className: 'relative mt-2 overflow-x-auto' }, el('table', { className: 'data-table' }, el('caption', { text: table.caption }), el('thead', {}, head), body));
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', table.caption);
  return el('section', { className: 'mt-6', testid: `table-${table.id}` }, scroller, button);
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function renderReport(root: HTMLElement, report: SplitAuditReport): void {
  const { file, studies, randomBaseline } = report;
  const facts = el('p', { className: 'prose-block break-ids', testid: 'report-file' });
  facts.textContent =
    `${file.name}: ${file.rows.toLocaleString('en-US')} rows, sha256 ${file.sha256}. ` +
    `${studies.audited.toLocaleString('en-US')} of the release's ${studies.inRelease.toLocaleString('en-US')} studies audited; ` +
    `${studies.absentFromFile.toLocaleString('en-US')} not in the file; ${count(report.unknownIds.count, 'id')} of the file not in the release.`;
  const glance = el(
    'ul',
    { className: 'mt-3 list-disc space-y-1 pl-5', testid: 'report-glance' },
    el('li', {
      testid: 'report-ld',
      text:
        `LD ${formatLD(report.labelDistribution)}: ` +
        (randomBaseline.actualPercentile === 0 ? 'lower than every one' : `at or above the LD of ${formatPercent(randomBaseline.actualPercentile)}`) +
        ` of ${randomBaseline.draws.toLocaleString('en-US')} random study-level splits of the same sizes (seed ${randomBaseline.seed}); lower is better balanced.`,
    }),
    el('li', { testid: 'report-ed', text: `ED ${report.examplesDistribution.toFixed(2)} studies from the file's own subset proportions.` }),
    el('li', { testid: 'report-leakage', text: `${count(report.leakage.studies.length, 'study', 'studies')} in two subsets, ${report.leakage.series.length} series in two subsets.` }),
  );
  const json = el('button', { className: 'btn', text: 'Download the report (JSON)', testid: 'download-json' });
  json.type = 'button';
  json.addEventListener('click', () => download(`${file.name.replace(/\.[^.]*$/, '')}-audit.json`, serializeReport(report), 'application/json'));
  root.replaceChildren(
    el('h2', { className: 'text-xl font-semibold', text: 'Audit of your split' }),
    facts,
    el('p', { className: 'prose-block mt-3 font-semibold', testid: 'report-conclusion', text: report.conclusion }),
    glance,
    el('div', { className: 'mt-3' }, json),
    ...reportTables(report).map(tableElement),
  );
}
