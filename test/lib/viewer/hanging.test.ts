import { describe, expect, it } from 'vitest';
import { HANGING_SLOTS, chestWallSide, hangImages, needsFlip } from '../../../src/lib/viewer/hanging.ts';

/** A rows × columns image: `tissue` where the predicate holds, `background` elsewhere. */
function image(rows: number, columns: number, isTissue: (x: number, y: number) => boolean, tissue: number, background: number): Uint16Array {
  const out = new Uint16Array(rows * columns);
  for (let y = 0; y < rows; y++) for (let x = 0; x < columns; x++) out[y * columns + x] = isTissue(x, y) ? tissue : background;
  return out;
}

describe('HANGING_SLOTS', () => {
  it('is RCC, LCC, RMLO, LMLO with the chest walls facing each other', () => {
    expect(HANGING_SLOTS.map((s) => `${s.label}:${s.chestWall}`)).toEqual(['RCC:right', 'LCC:left', 'RMLO:right', 'LMLO:left']);
  });
});

describe('hangImages', () => {
  it('puts each laterality × view in its slot whatever the input order', () => {
    const images = [
      { id: 'a', laterality: 'L', view: 'MLO' },
      { id: 'b', laterality: 'R', view: 'CC' },
      { id: 'c', laterality: 'L', view: 'CC' },
    ];
    const { slots, extra } = hangImages(images);
    expect(slots.map((s) => s?.id ?? null)).toEqual(['b', 'c', null, 'a']);
    expect(extra).toEqual([]);
  });

  it('keeps the first of two L-CC images and returns the second and unknown views as extra', () => {
    const images = [
      { id: 'first', laterality: 'L', view: 'CC' },
      { id: 'second', laterality: 'L', view: 'CC' },
      { id: 'odd', laterality: 'L', view: 'ML' },
    ];
    const { slots, extra } = hangImages(images);
    expect(slots[1]?.id).toBe('first');
    expect(extra.map((i) => i.id)).toEqual(['second', 'odd']);
  });

  it('gives four empty slots for no images', () => {
    expect(hangImages([]).slots).toEqual([null, null, null, null]);
  });
});

describe('chestWallSide', () => {
  // A half-disc breast touching one edge over its middle 80 % of rows.
  const breast = (side: 'left' | 'right') => (x: number, y: number) => {
    const fromWall = side === 'left' ? x : 99 - x;
    return y >= 10 && y < 90 && fromWall < 60;
  };

  it.each([
    ['left', 'MONOCHROME2 (tissue bright)', 3000, 0],
    ['right', 'MONOCHROME2 (tissue bright)', 3000, 0],
    ['left', 'MONOCHROME1 (tissue dark)', 1000, 4095],
    ['right', 'MONOCHROME1 with a white padding background', 1000, 0],
  ] as const)('finds the %s edge for %s', (side, _what, tissue, background) => {
    const pixels = image(100, 100, breast(side), tissue, background);
    expect(chestWallSide(pixels, 100, 100, { rowStep: 1 })).toBe(side);
  });

  it('is not fooled by a pectoral muscle in the top corner of an MLO: the background is the border’s median', () => {
    const mlo = (x: number, y: number) => (x < 60 && y >= 10 && y < 90) || x < 30 - y * 0.3;
    const pixels = image(100, 100, mlo, 2500, 100);
    expect(chestWallSide(pixels, 100, 100, { rowStep: 1 })).toBe('left');
  });

  it('returns null for a uniform image and for too little data', () => {
    expect(chestWallSide(new Uint16Array(100 * 100).fill(7), 100, 100)).toBeNull();
    expect(chestWallSide(new Uint16Array(3), 100, 100)).toBeNull();
  });
});

describe('needsFlip', () => {
  it('flips only when the stored side is known and differs from the wanted one', () => {
    expect(needsFlip('left', 'right')).toBe(true);
    expect(needsFlip('right', 'right')).toBe(false);
    expect(needsFlip(null, 'left')).toBe(false);
  });
});
