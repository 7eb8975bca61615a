import { describe, expect, test } from 'vitest';
import { detachString, Interner } from '../../../src/lib/release/interner.ts';

describe('Interner', () => {
  test('gives dense ids in first-seen order and finds them again, past several growths', () => {
    const interner = new Interner();
    const ids = Array.from({ length: 5000 }, (_, i) => interner.add(`id-${i.toString(16).padStart(30, '0')}`));
    expect(ids).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(interner.add('id-' + (1234).toString(16).padStart(30, '0'))).toBe(1234);
    expect(interner.size).toBe(5000);
    expect(interner.find('id-' + (4999).toString(16).padStart(30, '0'))).toBe(4999);
    expect(interner.find('absent')).toBe(-1);
    expect(interner.get(17)).toBe('id-' + (17).toString(16).padStart(30, '0'));
  });

  test('keeps strings beyond Latin-1 and the empty string', () => {
    const interner = new Interner();
    interner.add('abc');
    interner.add('Ünïcødé ✓ 東京');
    interner.add('');
    expect(interner.values()).toEqual(['abc', 'Ünïcødé ✓ 東京', '']);
    expect(interner.find('Ünïcødé ✓ 東京')).toBe(1);
    expect(interner.find('')).toBe(2);
    expect(interner.matches(0, 'abc')).toBe(true);
    expect(interner.matches(0, 'abd')).toBe(false);
    expect(interner.matches(9, 'abc')).toBe(false);
  });

  test('findFrom looks up another interner’s string without building it; parts round-trip', () => {
    const mine = new Interner();
    ['a', 'b', 'c'].forEach((text) => mine.add(text));
    const other = Interner.fromParts(
      (() => {
        const source = new Interner();
        ['c', 'x', 'a'].forEach((text) => source.add(text));
        return source.toParts();
      })(),
    );
    expect([0, 1, 2].map((id) => mine.findFrom(other, id))).toEqual([2, -1, 0]);
    expect(other.values()).toEqual(['c', 'x', 'a']);
  });

  test('findNear/addNear try the hint and the next id before hashing, and still find anything else', () => {
    const interner = new Interner();
    ['a', 'b', 'c', 'd'].forEach((text) => interner.add(text));
    expect(interner.findNear('b', 1)).toBe(1);
    expect(interner.findNear('c', 1)).toBe(2);
    expect(interner.findNear('a', 2)).toBe(0);
    expect(interner.findNear('z', 2)).toBe(-1);
    expect(interner.findNear('a', -1)).toBe(0);
    expect(interner.addNear('d', 3)).toBe(3);
    expect(interner.addNear('e', 3)).toBe(4);
    expect(interner.size).toBe(5);
    const other = new Interner();
    ['c', 'q'].forEach((text) => other.add(text));
    expect(interner.findFromNear(other, 0, 1)).toBe(2);
    expect(interner.findFromNear(other, 0, 4)).toBe(2);
    expect(interner.findFromNear(other, 1, 0)).toBe(-1);
  });

  test('detachString returns an equal string', () => {
    const big = 'x'.repeat(1000) + 'abcdefghijklmnopqrstuvwxyz0123456789';
    expect(detachString(big.slice(1000))).toBe('abcdefghijklmnopqrstuvwxyz0123456789');
  });
});
