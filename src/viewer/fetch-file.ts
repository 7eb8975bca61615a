// Fetches one DICOM for the viewer (used by the fetch worker and by the main-thread fallback); a network failure or
// an HTTP error becomes a reason the view can show.
//
// Why `Range: bytes=0-`: servers that gzip on the fly (Vite's and so `astro preview`'s compression middleware
// compresses any response whose Content-Type is empty or text-like, and `.dicom` has no registered type) squeeze
// a 20 MB image through one CPU core at ≈30 MB/s, and the browser then inflates it again: 1.1–1.5 s per file
// instead of ≈0.2 s (measured in headless Chromium against `astro preview` on 127.0.0.1). A range request is
// answered uncompressed (Chromium sends `Accept-Encoding: identity` with it) and as a 206 with the whole file; a
// server without range support answers 200 with the whole file, which is just as good. Uncompressed 16-bit pixel
// data gains little from gzip anyway (≈40 %), far less than the time the compression costs.

export type FileResult = { ok: true; buffer: ArrayBuffer } | { ok: false; reason: string };

/** The release-relative path of a view's DICOM (images/<study_id>/<image_id>.dicom), read off its URL; else null. */
function releasePathOf(url: string): string | null {
  const match = /\/([^/?#]+)\/([^/?#]+\.dicom)(?:[?#]|$)/.exec(url);
  if (!match) return null;
  try {
    return `images/${decodeURIComponent(match[1])}/${decodeURIComponent(match[2])}`;
  } catch {
    return null;
  }
}

function httpReason(url: string, response: Response): string {
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  // A 404 is the release missing this view's file (the build copies what images/ has; the in-place server reads it):
  // say which file, so the user can look for it.
  const path = response.status === 404 ? releasePathOf(url) : null;
  if (path) return `there is no DICOM file for this view (${path} was not found: ${status})`;
  return `the file could not be fetched (${status})`;
}

/** Bytes enough for the Part 10 preamble and file meta group (the transfer syntax), in practice. */
const HEAD_BYTES = 1024;

/**
 * The body, read chunk by chunk so that `onHead` sees its first bytes while the rest is still on the wire (the
 * viewer starts its JPEG 2000 decoder threads then); into one buffer sized by Content-Length when the server says it.
 */
async function readBody(response: Response, onHead: (head: Uint8Array) => void): Promise<ArrayBuffer> {
  if (!response.body) return response.arrayBuffer();
  const reader = response.body.getReader();
  const declared = Number(response.headers.get('Content-Length'));
  let buffer = new Uint8Array(Number.isSafeInteger(declared) && declared > 0 ? declared : HEAD_BYTES);
  let length = 0;
  let headSent = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (length + value.length > buffer.length) {
      const grown = new Uint8Array(Math.max(buffer.length * 2, length + value.length));
      grown.set(buffer.subarray(0, length));
      buffer = grown;
    }
    buffer.set(value, length);
    length += value.length;
    if (!headSent && length >= HEAD_BYTES) {
      headSent = true;
      onHead(buffer.subarray(0, length));
    }
  }
  if (!headSent) onHead(buffer.subarray(0, length));
  return length === buffer.length ? buffer.buffer : buffer.slice(0, length).buffer;
}

export async function fetchDicom(url: string, onHead?: (head: Uint8Array) => void): Promise<FileResult> {
  try {
    let response = await fetch(url, { headers: { Range: 'bytes=0-' } });
    // 416: an empty file has no byte 0; ask again without a range so the view reports what the file really is.
    if (response.status === 416) response = await fetch(url);
    if (!response.ok) {
      // Read the (small) error body: an unread one leaves the request open, and the page never goes network-idle.
      await response.arrayBuffer().catch(() => undefined);
      return { ok: false, reason: httpReason(url, response) };
    }
    const buffer = onHead ? await readBody(response, onHead) : await response.arrayBuffer();
    // A 206 must hold the whole file ("bytes 0-N/T" with N + 1 = T); a shorter part would be misread as damaged.
    const total = /\/(\d+)\s*$/.exec(response.headers.get('Content-Range') ?? '')?.[1];
    if (response.status === 206 && total !== undefined && Number(total) !== buffer.byteLength) {
      return { ok: false, reason: `the file could not be fetched (the server sent ${buffer.byteLength} of ${total} bytes)` };
    }
    return { ok: true, buffer };
  } catch (error) {
    return { ok: false, reason: `the file could not be fetched (${error instanceof Error ? error.message : String(error)})` };
  }
}
