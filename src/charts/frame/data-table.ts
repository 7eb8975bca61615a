// Renders a TableModel as a real <table> (caption, column headers, row headers) so screen readers can walk it.

import { formatCount, formatShare } from '../../lib/chart-data/format.ts';
import type { TableModel } from '../../lib/chart-data/types.ts';

function cellText(value: string | number, decimals: number | undefined): string {
  if (typeof value === 'string') return value;
  return decimals ? formatShare(value, decimals) : Number.isInteger(value) ? formatCount(value) : String(value);
}

export function renderTable(host: HTMLElement, model: TableModel): void {
  const table = document.createElement('table');
  table.className = 'data-table';
  const caption = table.createCaption();
  caption.textContent = model.caption;
  const headRow = table.createTHead().insertRow();
  for (const column of model.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = column.label;
    if (column.numeric) th.className = 'num';
    headRow.append(th);
  }
  const body = table.createTBody();
  for (const row of model.rows) {
    const tr = body.insertRow();
    row.forEach((value, i) => {
      const column = model.columns[i];
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) (cell as HTMLTableCellElement).scope = 'row';
      if (column?.numeric) cell.className = 'num';
      cell.textContent = cellText(value, column?.decimals);
      tr.append(cell);
    });
  }
  host.replaceChildren(table);
}
