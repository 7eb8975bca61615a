// A TableModel as RFC 4180 CSV: header row, then one line per row; fields with commas, quotes or newlines quoted.

import type { TableModel } from './types.ts';

function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(table: TableModel): string {
  const lines = [table.columns.map((c) => field(c.label)), ...table.rows.map((row) => row.map(field))];
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
