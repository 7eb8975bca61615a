import { describe, expect, it } from 'vitest';
import { readState, writeState } from '../../../src/lib/chart-data/url-state.ts';

const schema = { split: ['all', 'training', 'test', 'side'], mode: ['count', 'percent'] };

describe.each([
  { search: '', expected: { split: 'all', mode: 'count' } },
  { search: '?birads-split=test', expected: { split: 'test', mode: 'count' } },
  { search: 'birads-split=side&birads-mode=percent', expected: { split: 'side', mode: 'percent' } },
  { search: '?birads-split=bogus&birads-mode=percent', expected: { split: 'all', mode: 'percent' } },
  { search: '?density-split=test', expected: { split: 'all', mode: 'count' } },
])('readState("$search")', ({ search, expected }) => {
  it(`reads ${JSON.stringify(expected)} (unknown values fall back to the default)`, () => {
    expect(readState(search, 'birads', schema)).toEqual(expected);
  });
});

describe.each([
  { search: '', state: { split: 'all', mode: 'count' }, expected: '' },
  { search: '', state: { split: 'test', mode: 'count' }, expected: '?birads-split=test' },
  { search: '?birads-split=test', state: { split: 'all', mode: 'percent' }, expected: '?birads-mode=percent' },
  { search: '?density-mode=percent', state: { split: 'side', mode: 'count' }, expected: '?birads-split=side&density-mode=percent' },
  { search: '?x=1', state: { split: 'nonsense', mode: 'count' }, expected: '?x=1' },
])('writeState("$search", $state)', ({ search, state, expected }) => {
  it(`is "${expected}": defaults left out, other charts' keys kept`, () => {
    expect(writeState(search, 'birads', schema, state)).toBe(expected);
  });
  it('round-trips through readState', () => {
    const back = readState(writeState(search, 'birads', schema, state), 'birads', schema);
    expect(back).toEqual(Object.fromEntries(Object.entries(state).map(([k, v]) => [k, schema[k as 'split'].includes(v) ? v : schema[k as 'split'][0]])));
  });
});
