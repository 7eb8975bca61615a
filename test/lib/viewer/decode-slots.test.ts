import { describe, expect, it } from 'vitest';
import { createDecodeSlots, decodeSlotsFor, needsDecoder } from '../../../src/lib/viewer/decode-slots.ts';

describe('needsDecoder', () => {
  it('is false for native pixel data and an absent syntax, true for encapsulated ones', () => {
    expect(needsDecoder('1.2.840.10008.1.2')).toBe(false);
    expect(needsDecoder('1.2.840.10008.1.2.1')).toBe(false);
    expect(needsDecoder('1.2.840.10008.1.2.2')).toBe(false);
    expect(needsDecoder(null)).toBe(false);
    expect(needsDecoder('1.2.840.10008.1.2.4.90')).toBe(true);
    expect(needsDecoder('1.2.840.10008.1.2.5')).toBe(true);
  });
});

describe('createDecodeSlots', () => {
  it('runs at most `cores` decodes at once, the waiting ones in the order asked, and goes on after a failure', async () => {
    const slots = createDecodeSlots(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const finishers: (() => void)[] = [];
    const decode = (i: number, fail = false) =>
      slots(async () => {
        started.push(i);
        running++;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => finishers.push(resolve));
        running--;
        if (fail) throw new Error(`view ${i} failed`);
        return i;
      });
    const results = [decode(0, true), decode(1), decode(2), decode(3)].map((p) => p.catch((e: Error) => e.message));
    await new Promise((r) => setTimeout(r, 0));
    // Two cores: views 0 and 1 decode, 2 and 3 wait.
    expect(started).toEqual([0, 1]);
    finishers[0]();
    await new Promise((r) => setTimeout(r, 0));
    // View 0's failure frees its slot for view 2 (not 3).
    expect(started).toEqual([0, 1, 2]);
    finishers[1]();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([0, 1, 2, 3]);
    finishers[2]();
    finishers[3]();
    expect(await Promise.all(results)).toEqual(['view 0 failed', 1, 2, 3]);
    expect(most).toBe(2);
  });

  it('a decode that takes every slot waits for all of them and runs alone; no later view overtakes it', async () => {
    const slots = createDecodeSlots(2);
    const started: string[] = [];
    const finishers = new Map<string, () => void>();
    const decode = (name: string, need: number) =>
      slots(async () => {
        started.push(name);
        await new Promise<void>((resolve) => finishers.set(name, resolve));
        return name;
      }, need);
    const tick = () => new Promise((r) => setTimeout(r, 0));
    const results = [decode('rle', 1), decode('j2k-first', Infinity), decode('rle-b', 1), decode('j2k-b', 0), decode('j2k-c', 0)];
    await tick();
    // One slot is busy: the first JPEG 2000 view waits for both, and the views behind it do not overtake it.
    expect(started).toEqual(['rle']);
    finishers.get('rle')!();
    await tick();
    expect(started).toEqual(['rle', 'j2k-first']);
    finishers.get('j2k-first')!();
    await tick();
    // Then the RLE view takes a slot and the later JPEG 2000 views (0 slots) start beside it, all at once.
    expect(started).toEqual(['rle', 'j2k-first', 'rle-b', 'j2k-b', 'j2k-c']);
    for (const name of ['rle-b', 'j2k-b', 'j2k-c']) finishers.get(name)!();
    expect(await Promise.all(results)).toEqual(['rle', 'j2k-first', 'rle-b', 'j2k-b', 'j2k-c']);
    // On one core a decode that wants every slot takes the one there is.
    expect(await createDecodeSlots(1)(async () => 'alone', Infinity)).toBe('alone');
  });
});

describe('decodeSlotsFor', () => {
  it('the page’s first JPEG 2000 view takes every slot, later ones none; other decoders one', () => {
    expect(decodeSlotsFor('1.2.840.10008.1.2.4.90', false)).toBe(Infinity);
    expect(decodeSlotsFor('1.2.840.10008.1.2.4.91', false)).toBe(Infinity);
    expect(decodeSlotsFor('1.2.840.10008.1.2.4.90', true)).toBe(0);
    expect(decodeSlotsFor('1.2.840.10008.1.2.5', false)).toBe(1);
    expect(decodeSlotsFor('1.2.840.10008.1.2.4.70', true)).toBe(1);
    expect(decodeSlotsFor(null, false)).toBe(1);
  });
});

describe('createDecodeSlots: release', () => {
  it('frees the slots when the decode says its pixels are decoded, before it settles, and only once', async () => {
    const slots = createDecodeSlots(2);
    const started: string[] = [];
    const tick = () => new Promise((r) => setTimeout(r, 0));
    let releaseFirst: () => boolean = () => false;
    let finishFirst: () => void = () => undefined;
    const first = slots(async (release) => {
      started.push('a');
      releaseFirst = release;
      await new Promise<void>((resolve) => (finishFirst = resolve));
      return 'a';
    }, Infinity);
    const second = slots(async () => {
      started.push('b');
      return 'b';
    }, Infinity);
    await tick();
    expect(started).toEqual(['a']);
    // True: releasing started the waiting decode; the second call frees nothing.
    expect(releaseFirst()).toBe(true);
    expect(releaseFirst()).toBe(false);
    await tick();
    // b runs while a is still drawing; releasing twice freed the two slots once.
    expect(started).toEqual(['a', 'b']);
    expect(await second).toBe('b');
    const third = slots(async () => 'c', Infinity);
    expect(await third).toBe('c');
    finishFirst();
    expect(await first).toBe('a');
  });
});

