import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/lib/chart-data/download-csv.ts';

describe.each([
  { name: 'plain cells', rows: [['Mass', 5]], expected: 'Finding,All (boxes)\r\nMass,5\r\n' },
  { name: 'a comma is quoted', rows: [['IMS s.r.l., Italy', 736]], expected: 'Finding,All (boxes)\r\n"IMS s.r.l., Italy",736\r\n' },
  { name: 'a quote is doubled', rows: [['say "hi"', 1.5]], expected: 'Finding,All (boxes)\r\n"say ""hi""",1.5\r\n' },
  { name: 'no rows', rows: [], expected: 'Finding,All (boxes)\r\n' },
])('toCsv: $name', ({ rows, expected }) => {
  it('writes RFC 4180 CSV', () => {
    const columns = [{ label: 'Finding', numeric: false }, { label: 'All (boxes)', numeric: true }];
    expect(toCsv({ caption: 'x', columns, rows })).toBe(expected);
  });
});
