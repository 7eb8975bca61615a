// The JPEG 2000 band pool (src/lib/viewer/band-pool.ts) with threads that are functions: the cut into bands, the
// order bands run in, and failures.
import { describe, expect, it } from 'vitest';
import { createBandPool, type BandTask, type BandThread } from '../../../src/lib/viewer/band-pool.ts';
import type { DecodedRows } from '../../../src/lib/viewer/openjpeg-region.ts';

/** Threads whose bands finish when the test says so; `log` records "thread:codestream:y0-y1" as each starts. */
function fakeThreads(count: number) {
  const log: string[] = [];
  const running = new Map<string, { task: BandTask; finish: (ok: boolean) => void }>();
  const threads: BandThread[] = Array.from({ length: count }, (_, i) => ({
    decode: (task) =>
      new Promise<DecodedRows>((resolve, reject) => {
        const key = `${task.codestream[0]}:${task.y0}-${task.y1}`;
        log.push(`${i}:${key}`);
        running.set(key, {
          task,
          finish: (ok) => {
            running.delete(key);
            const height = task.y1 > task.y0 ? task.y1 - task.y0 : 700;
            if (ok) resolve({ pixels: new Uint16Array(4 * height).fill(task.codestream[0]), width: 4, height, imageHeight: 700, precision: 12, signed: false, components: 1 });
            else reject(new Error(`band ${key} failed`));
          },
        });
      }),
  }));
  return { threads, log, finish: (key: string, ok = true) => running.get(key)!.finish(ok), running };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createBandPool', () => {
  // `log` lists bands as they are given to a thread: each holds the one it decodes and the next.
  it('cuts an image into one band per thread and gives the bands first come first served, two per thread at most', async () => {
    const { threads, log, finish } = fakeThreads(2);
    const pool = createBandPool(threads);
    const first = pool.decode(new Uint8Array([1]), 700);
    const second = pool.decode(new Uint8Array([2]), 700);
    const third = pool.decode(new Uint8Array([3]), 700);
    await tick();
    expect(log).toEqual(['0:1:0-350', '1:1:350-700', '0:2:0-350', '1:2:350-700']);
    finish('1:350-700');
    await tick();
    // The thread that answered is given the third image's top band.
    expect(log.slice(4)).toEqual(['1:3:0-350']);
    finish('1:0-350');
    await tick();
    expect(log.slice(5)).toEqual(['0:3:350-700']);
    expect((await first).map((band) => band.height)).toEqual([350, 350]);
    for (const key of ['2:0-350', '2:350-700', '3:0-350', '3:350-700']) finish(key);
    expect((await second).map((band) => band.pixels[0])).toEqual([2, 2]);
    expect((await third).length).toBe(2);
  });

  it('gives images whole, one per thread, while as many wait as there are threads; cuts the one left over', async () => {
    const { threads, log, finish } = fakeThreads(2);
    const pool = createBandPool(threads);
    const images = [1, 2, 3, 4, 5].map((n) => pool.decode(new Uint8Array([n]), 700));
    await tick();
    // Images 1 and 2 are cut over both threads (each thread holds two bands).
    expect(log).toEqual(['0:1:0-350', '1:1:350-700', '0:2:0-350', '1:2:350-700']);
    finish('1:0-350');
    await tick();
    // Three wait for two threads: images 3 and 4 go whole, one per thread.
    expect(log.slice(4)).toEqual(['0:3:0-0']);
    finish('1:350-700');
    await tick();
    expect(log.slice(5)).toEqual(['1:4:0-0']);
    // Image 5 is left over: cut, a band for each thread.
    finish('2:0-350');
    finish('2:350-700');
    await tick();
    expect(log.slice(6)).toEqual(['0:5:0-350', '1:5:350-700']);
    for (const key of ['3:0-0', '4:0-0', '5:0-350', '5:350-700']) finish(key);
    expect((await Promise.all(images)).map((bands) => bands.length)).toEqual([2, 2, 1, 1, 2]);
  });

  it('decodes short images and images of unknown height whole, and on one thread never cuts', async () => {
    const { threads, log, finish } = fakeThreads(2);
    const pool = createBandPool(threads);
    const short = pool.decode(new Uint8Array([3]), 511);
    const unknown = pool.decode(new Uint8Array([4]), null);
    await tick();
    expect(log).toEqual(['0:3:0-0', '1:4:0-0']);
    finish('3:0-0');
    finish('4:0-0');
    expect((await short).length).toBe(1);
    expect((await unknown).length).toBe(1);

    const single = fakeThreads(1);
    const alone = createBandPool(single.threads);
    const images = [5, 6, 7].map((n) => alone.decode(new Uint8Array([n]), 3580));
    await tick();
    expect(single.log).toEqual(['0:5:0-0', '0:6:0-0']);
    single.finish('5:0-0');
    await tick();
    expect(single.log.slice(2)).toEqual(['0:7:0-0']);
    single.finish('6:0-0');
    single.finish('7:0-0');
    expect((await Promise.all(images)).map((bands) => bands.length)).toEqual([1, 1, 1]);
  });

  it('a failed band fails its image with the thread’s words; the other images still decode', async () => {
    const { threads, finish } = fakeThreads(2);
    const pool = createBandPool(threads);
    const broken = pool.decode(new Uint8Array([6]), 600);
    const next = pool.decode(new Uint8Array([7]), 600);
    await tick();
    finish('6:0-300', false);
    await expect(broken).rejects.toThrow('band 6:0-300 failed');
    for (const key of ['6:300-600', '7:0-300', '7:300-600']) finish(key);
    expect((await next).map((band) => band.pixels[0])).toEqual([7, 7]);
  });

  it('cuts rows that do not divide with the upper bands a row taller, every row once', async () => {
    const { threads, log, finish } = fakeThreads(3);
    const image = createBandPool(threads).decode(new Uint8Array([8]), 701);
    await tick();
    expect(log).toEqual(['0:8:0-234', '1:8:234-468', '2:8:468-701']);
    for (const key of ['8:0-234', '8:234-468', '8:468-701']) finish(key);
    expect((await image).map((band) => band.height)).toEqual([234, 234, 233]);
  });

  it('needs a thread', () => {
    expect(() => createBandPool([])).toThrow(/at least one thread/);
  });
});
