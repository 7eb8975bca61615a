import { describe, expect, it } from 'vitest';
import { isJpeg2000 } from '../../../src/lib/dicom/transfer-syntax.ts';
import { createDecodeSlots, needsDecoder } from '../../../src/lib/viewer/decode-slots.ts';

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
});

describe('isJpeg2000', () => {
  it('is true for the two JPEG 2000 syntaxes only', () => {
    expect(isJpeg2000('1.2.840.10008.1.2.4.90')).toBe(true);
    expect(isJpeg2000('1.2.840.10008.1.2.4.91')).toBe(true);
    expect(isJpeg2000('1.2.840.10008.1.2.4.201')).toBe(false);
    expect(isJpeg2000('1.2.840.10008.1.2.5')).toBe(false);
    expect(isJpeg2000(null)).toBe(false);
  });
});
