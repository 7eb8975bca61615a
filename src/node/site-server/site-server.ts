// The server behind `npm start -- --data DIR`: the built site (dist/) and, beside it, the release's own images/
// folder read in place under RELEASE_IMAGES_PREFIX (nothing copied, nothing written), so every study whose DICOMs
// exist opens in the viewer. Listens on 127.0.0.1 only; GET and HEAD only; never writes.
//
// Hand-written on node:http rather than sirv or serve-static because its whole job is the refusals, and those
// libraries decide them differently from what a credentialed release needs: both follow symlinks out of their
// root, sirv walks the whole folder at start-up (20,000 DICOMs of the real release), and neither knows two roots
// or answers served-release.json. What stays is small: a request-target check (request-target.ts), realpath under
// the root, a file or a 404 (never a listing), and a Host check against DNS rebinding (a page on another site
// whose name is re-pointed at 127.0.0.1 would otherwise read the release through the user's browser).

import { createReadStream, type Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, sep } from 'node:path';
import type { ServedRelease } from '../../lib/studies/served-images.ts';
import { requestTarget } from './request-target.ts';

export interface SiteServer {
  /** e.g. http://127.0.0.1:4321 */
  url: string;
  close(): Promise<void>;
}

interface SiteServerOptions {
  /** The built site (dist/). */
  siteDir: string;
  /** The release folder whose images/ is served in place; null serves the site alone (served-release.json says so). */
  releaseDir: string | null;
  /** 0 picks a free port. */
  port: number;
  /** How long a listing of images/ answers served-release.json (default 5 s): studies copied in meanwhile show up after it. */
  listingTtlMs?: number;
}

/** Long enough that walking a queue study by study lists images/ once, short enough that a copy shows up at once. */
const LISTING_TTL_MS = 5_000;

/** What the site holds, by extension; anything else is sent as bytes, never sniffed (nosniff). */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.dicom': 'application/dicom',
  '.dcm': 'application/dicom',
};

// `astro preview` sends no Content-Security-Policy header (the pages carry theirs in a <meta>, astro.config.mjs), so
// neither does this server; these headers only narrow what other sites may do with its responses.
const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/** The real path of `path` when it is a regular file under `root` (itself a real path), else null. */
async function fileUnder(root: string, path: string): Promise<{ path: string; stats: Stats } | null> {
  try {
    const real = await realpath(path);
    if (!real.startsWith(root + sep)) return null;
    const stats = await stat(real);
    return stats.isFile() ? { path: real, stats } : null;
  } catch {
    return null;
  }
}

async function isDirectoryUnder(root: string, path: string): Promise<boolean> {
  try {
    const real = await realpath(path);
    return (real === root || real.startsWith(root + sep)) && (await stat(real)).isDirectory();
  } catch {
    return false;
  }
}

/** The studies with at least one .dicom under images/<study_id>/, read once (a release's images/ does not change). */
async function listServedStudies(imagesRoot: string | null): Promise<ServedRelease> {
  if (!imagesRoot) return { version: 1, servedInPlace: true, studies: [] };
  const studies: string[] = [];
  for (const entry of await readdir(imagesRoot, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const files = await readdir(join(imagesRoot, entry.name)).catch(() => [] as string[]);
    if (files.some((f) => f.endsWith('.dicom') && !f.startsWith('.'))) studies.push(entry.name);
  }
  return { version: 1, servedInPlace: true, studies: studies.sort() };
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: { path: string; stats: Stats }, status = 200): void {
  const modified = file.stats.mtime.toUTCString();
  if (status === 200 && req.headers['if-modified-since'] === modified) {
    res.writeHead(304, { ...COMMON_HEADERS, 'Last-Modified': modified });
    res.end();
    return;
  }
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': file.stats.size,
    'Last-Modified': modified,
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file.path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

export async function startSiteServer(options: SiteServerOptions): Promise<SiteServer> {
  const siteRoot = await realpath(options.siteDir);
  const imagesRoot = options.releaseDir ? await realpath(join(options.releaseDir, 'images')).catch(() => null) : null;
  let listing: { at: number; studies: Promise<ServedRelease> } | null = null;
  const servedStudies = (): Promise<ServedRelease> => {
    const now = Date.now();
    if (!listing || now - listing.at >= (options.listingTtlMs ?? LISTING_TTL_MS)) listing = { at: now, studies: listServedStudies(imagesRoot) };
    return listing.studies;
  };
  let allowedHosts: Set<string> = new Set();

  async function notFound(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const page = await fileUnder(siteRoot, join(siteRoot, '404.html'));
    if (page) sendFile(req, res, page, 404);
    else sendText(res, 404, 'Not found');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Only GET and HEAD', { Allow: 'GET, HEAD' });
    if (!allowedHosts.has(req.headers.host ?? '')) return sendText(res, 421, 'Unknown host: use http://127.0.0.1 or http://localhost');
    const target = requestTarget(req.url ?? '');
    switch (target.kind) {
      case 'refused':
        return target.status === 404 ? notFound(req, res) : sendText(res, 400, `Bad request: ${target.reason}`);
      case 'served-release': {
        const body = JSON.stringify(await servedStudies());
        res.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-cache' });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      case 'image': {
        const file = imagesRoot ? await fileUnder(imagesRoot, join(imagesRoot, target.studyId, target.fileName)) : null;
        return file ? sendFile(req, res, file) : notFound(req, res);
      }
      case 'site': {
        const path = join(siteRoot, ...target.segments);
        if (target.directory) {
          // A folder's index.html, never a listing of it.
          const index = await fileUnder(siteRoot, join(path, 'index.html'));
          return index ? sendFile(req, res, index) : notFound(req, res);
        }
        const file = await fileUnder(siteRoot, path);
        if (file) return sendFile(req, res, file);
        // The site's pages are folders (trailingSlash: 'always'): send /studies to /studies/, as astro preview does.
        if (target.segments.length > 0 && (await isDirectoryUnder(siteRoot, path))) {
          const location = `/${target.segments.map(encodeURIComponent).join('/')}/${target.query}`;
          return sendText(res, 301, `Moved to ${location}`, { Location: location });
        }
        return notFound(req, res);
      }
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // 127.0.0.1 only: the release is credentialed data, never offered to the network.
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
