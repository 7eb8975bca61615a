// The viewer's DICOM fetch (src/viewer/fetch-file.ts) against a stubbed fetch: the body read chunk by chunk gives the
// same bytes as the file, with or without Content-Length, and its first bytes are reported once, before the end.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchDicom } from '../../../src/viewer/fetch-file.ts';

const file = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) % 256);

/** A response streaming `bytes` in `chunk`-byte pieces; `events` records each piece as it is pulled. */
function streamed(bytes: Uint8Array, chunk: number, headers: Record<string, string>, events: string[]): Response {
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      events.push(`chunk ${at}`);
      controller.enqueue(bytes.slice(at, at + chunk));
      at += chunk;
    },
  });
  return new Response(body, { status: 206, headers: { 'Content-Range': `bytes 0-${bytes.length - 1}/${bytes.length}`, ...headers } });
}

afterEach(() => vi.unstubAllGlobals());

describe('fetchDicom with a head callback', () => {
  it.each([
    ['with Content-Length', { 'Content-Length': '5000' }],
    ['without Content-Length', {}],
  ])('reads the whole body %s and reports its first 1,024 bytes or more once, while the rest is still coming', async (_name, headers) => {
    const events: string[] = [];
    vi.stubGlobal('fetch', async () => streamed(file, 700, headers, events));
    const result = await fetchDicom('/x.dicom', (head) => events.push(`head ${head.length} ${head[0]}-${head[head.length - 1]}`));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(new Uint8Array(result.buffer)).toEqual(file);
    // 700-byte pieces: the head is the first two (1,400 bytes), reported long before the last piece is pulled.
    const heads = events.filter((e) => e.startsWith('head'));
    expect(heads).toEqual([`head 1400 0-${file[1399]}`]);
    expect(events.indexOf(heads[0])).toBeLessThan(events.indexOf('chunk 4200'));
  });

  it('reports a body shorter than 1,024 bytes whole, at its end', async () => {
    const events: string[] = [];
    const short = file.subarray(0, 300);
    vi.stubGlobal('fetch', async () => streamed(short, 128, { 'Content-Length': '300' }, events));
    const result = await fetchDicom('/x.dicom', (head) => events.push(`head ${head.length}`));
    expect(result.ok && new Uint8Array(result.buffer)).toEqual(short);
    expect(events).toEqual(['chunk 0', 'chunk 128', 'chunk 256', 'head 300']);
  });

  it('still says when the server sent less than the whole file', async () => {
    vi.stubGlobal('fetch', async () => {
      const response = streamed(file.subarray(0, 4000), 1000, {}, []);
      return new Response(response.body, { status: 206, headers: { 'Content-Range': 'bytes 0-3999/5000' } });
    });
    expect(await fetchDicom('/x.dicom', () => undefined)).toEqual({ ok: false, reason: 'the file could not be fetched (the server sent 4000 of 5000 bytes)' });
  });
});

describe('fetchDicom on an HTTP error', () => {
  const answering = (status: number, statusText: string) => async () => new Response('no', { status, statusText });

  it('names the missing file, release-relative, for a 404 from the build or the in-place server', async () => {
    vi.stubGlobal('fetch', answering(404, 'Not Found'));
    expect(await fetchDicom('/data/images/aa01/aa01-R-MLO.dicom')).toEqual({
      ok: false,
      reason: 'there is no DICOM file for this view (images/aa01/aa01-R-MLO.dicom was not found: HTTP 404 Not Found)',
    });
    expect(await fetchDicom('/release-images/study%20one/img.dicom')).toEqual({
      ok: false,
      reason: 'there is no DICOM file for this view (images/study one/img.dicom was not found: HTTP 404 Not Found)',
    });
  });

  it('gives the status alone for other errors and for URLs that are not a view file', async () => {
    vi.stubGlobal('fetch', answering(500, 'Internal Server Error'));
    expect(await fetchDicom('/data/images/aa01/x.dicom')).toEqual({ ok: false, reason: 'the file could not be fetched (HTTP 500 Internal Server Error)' });
    vi.stubGlobal('fetch', answering(404, ''));
    expect(await fetchDicom('/x.bin')).toEqual({ ok: false, reason: 'the file could not be fetched (HTTP 404)' });
  });
});
