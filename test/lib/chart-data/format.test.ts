import { describe, expect, it } from 'vitest';
import { csvNumber, formatCount, formatShare, splitsOf } from '../../../src/lib/chart-data/format.ts';

describe.each([
  { value: (46 / 16000) * 100, decimals: 3, expected: '0.288' }, // paper Table 5, lymph node, training
  { value: (30 / 16000) * 100, decimals: 3, expected: '0.188' },
  { value: (989 / 16000) * 100, decimals: 3, expected: '6.181' },
  { value: 67.025, decimals: 2, expected: '67.03' },
  { value: 0, decimals: 2, expected: '0.00' },
  { value: 1234.5, decimals: 1, expected: '1,234.5' },
])('formatShare($value, $decimals)', ({ value, decimals, expected }) => {
  it(`is ${expected} (half rounds up, as in the paper)`, () => {
    expect(formatShare(value, decimals)).toBe(expected);
  });
});

describe('other formats', () => {
  it.each([
    [5362, '5,362'],
    [0, '0'],
  ])('formatCount(%d) = %s', (n, text) => expect(formatCount(n)).toBe(text));
  it.each([
    [5362, 5362],
    [(1 / 3) * 100, 33.333333],
    [0.1 + 0.2, 0.3],
  ])('csvNumber(%d) = %d', (n, out) => expect(csvNumber(n)).toBe(out));
  it('splitsOf("side") is training then test; any other view is itself', () => {
    expect(splitsOf('side')).toEqual(['training', 'test']);
    expect(splitsOf('all')).toEqual(['all']);
  });
});
