// Fetches the study's DICOMs off the main thread, one after another in the order given, and hands each buffer to
// the page as soon as it is complete (transferred, not copied). On the main thread, reading a 20 MB body stalls
// whenever dwv is drawing another view; here the next file streams in while the previous one is drawn. Measured:
// two at a time finished all four no sooner and delayed the first (3.6 s instead of 2.2 s, see the bench).

import { fetchDicom } from './fetch-file.ts';

export interface FetchRequest {
  urls: string[];
}

export type FetchReply = { url: string; ok: true; buffer: ArrayBuffer } | { url: string; ok: false; reason: string };

async function fetchOne(url: string): Promise<FetchReply> {
  return { url, ...(await fetchDicom(url)) };
}

self.onmessage = async (event: MessageEvent<FetchRequest>) => {
  for (const url of event.data.urls) {
    const reply = await fetchOne(url);
    if (reply.ok) (self as unknown as Worker).postMessage(reply, [reply.buffer]);
    else (self as unknown as Worker).postMessage(reply);
  }
};
