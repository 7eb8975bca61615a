// The in-place server of `npm start -- --data DIR` (src/node/site-server/) over real HTTP on a free port of
// 127.0.0.1, against a temporary site and release: what it serves (bytes, Content-Type, Content-Length, HEAD), and
// everything it refuses — path traversal raw and percent-encoded, backslashes, symlinks out of either root,
// absolute targets, listings, dotfiles, other methods, foreign Host headers — and that the release is left as it was.

import { request } from 'node:http';
import { mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteServer, type SiteServer } from '../../src/node/site-server/site-server.ts';

let tmp: string;
let server: SiteServer;
let port: number;
const DICOM = new Uint8Array(1000).map((_, i) => (i * 7) % 256);
const INDEX = '<!doctype html><title>home</title>';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw request: the target goes on the wire as written (fetch would resolve "..", "%2e%2e" stays either way). */
function send(target: string, options: { method?: string; host?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: target, headers: { host: options.host ?? `127.0.0.1:${port}` } }, (res) => {
      const chunks: Uint8Array[] = [];
      res.on('data', (c: Buffer) => chunks.push(new Uint8Array(c)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Every path under `dir` with its size and modification time, to prove nothing was written. */
async function snapshot(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of await readdir(dir, { recursive: true })) {
    const s = await stat(join(dir, name)).catch(() => null);
    out.push(`${name} ${s?.size} ${s?.mtimeMs}`);
  }
  return out.sort();
}

let before: string[];

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'vindr-site-server-'));
  const site = join(tmp, 'site');
  const release = join(tmp, 'release');
  await mkdir(join(site, 'studies'), { recursive: true });
  await mkdir(join(site, '_astro'), { recursive: true });
  await writeFile(join(site, 'index.html'), INDEX);
  await writeFile(join(site, 'studies', 'index.html'), '<title>studies</title>');
  await writeFile(join(site, '_astro', 'app.js'), 'console.log(1);');
  await writeFile(join(site, '.env'), 'SECRET=1');
  await writeFile(join(tmp, 'secret.txt'), 'outside both roots');
  await symlink(join(tmp, 'secret.txt'), join(site, 'escape.txt'));
  for (const study of ['s1', 's2', 's3', 's5']) await mkdir(join(release, 'images', study), { recursive: true });
  await writeFile(join(release, 'breast-level_annotations.csv'), 'study_id\n');
  await writeFile(join(release, 'images', 's1', 'i1.dicom'), DICOM);
  await writeFile(join(release, 'images', 's1', 'notes.txt'), 'not a DICOM');
  // s3: a DICOM name that is a symlink out of images/; s4: a study folder that is one; s5: a link inside images/.
  await writeFile(join(tmp, 'outside.dicom'), DICOM);
  await symlink(join(tmp, 'outside.dicom'), join(release, 'images', 's3', 'i3.dicom'));
  await mkdir(join(tmp, 'elsewhere'));
  await writeFile(join(tmp, 'elsewhere', 'i4.dicom'), DICOM);
  await symlink(join(tmp, 'elsewhere'), join(release, 'images', 's4'));
  await symlink(join(release, 'images', 's1', 'i1.dicom'), join(release, 'images', 's5', 'i5.dicom'));
  before = await snapshot(release);
  server = await startSiteServer({ siteDir: site, releaseDir: release, port: 0 });
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('startSiteServer serves', () => {
  it('on 127.0.0.1 only, at the port the OS chose', () => {
    expect(server.url).toBe(`http://127.0.0.1:${port}`);
    expect(port).toBeGreaterThan(0);
  });

  it('a release DICOM in place: its bytes, application/dicom, its length; HEAD the same headers without a body', async () => {
    const get = await send('/release-images/s1/i1.dicom');
    expect(get.status).toBe(200);
    expect(get.headers['content-type']).toBe('application/dicom');
    expect(get.headers['content-length']).toBe('1000');
    expect(new Uint8Array(get.body)).toEqual(DICOM);
    const head = await send('/release-images/s1/i1.dicom', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('1000');
    expect(head.body.length).toBe(0);
  });

  it('the site: a folder’s index.html, a file, and a folder without its slash redirected', async () => {
    const home = await send('/');
    expect([home.status, home.headers['content-type'], home.body.toString()]).toEqual([200, 'text/html; charset=utf-8', INDEX]);
    expect((await send('/_astro/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    const moved = await send('/studies?x=1');
    expect([moved.status, moved.headers.location]).toEqual([301, '/studies/?x=1']);
  });

  it('a link that stays inside images/', async () => {
    expect((await send('/release-images/s5/i5.dicom')).status).toBe(200);
  });

  it('served-release.json: the studies with at least one .dicom (s2 has none; s4 is a link out of images/)', async () => {
    const reply = await send('/served-release.json');
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(reply.body.toString())).toEqual({ version: 1, servedInPlace: true, studies: ['s1', 's3', 's5'] });
  });
});

describe('startSiteServer refuses', () => {
  it.each([
    // traversal, raw and encoded, towards the release's CSVs and the secret beside both roots
    ['/release-images/../breast-level_annotations.csv', 400],
    ['/release-images/s1/../../breast-level_annotations.csv', 400],
    ['/release-images/%2e%2e/breast-level_annotations.csv', 400],
    ['/release-images/%2E%2E/%2e%2E/secret.txt', 400],
    ['/release-images/s1/..%2f..%2fbreast-level_annotations.csv', 400],
    ['/release-images/s1%2f..%2f..%2fsecret.txt', 400],
    ['/../secret.txt', 400],
    ['/%2e%2e/secret.txt', 400],
    ['/./index.html', 400],
    // backslashes, raw and encoded; NUL; malformed encoding; empty segments
    ['/release-images/s1\\..\\..\\secret.txt', 400],
    ['/release-images/s1%5c..%5c..%5csecret.txt', 400],
    ['/release-images/s1/i1.dicom%00.png', 400],
    ['/%E0%A4%A', 400],
    ['/release-images//s1/i1.dicom', 400],
    // absolute targets
    ['//etc/passwd', 400],
    ['http://127.0.0.1/index.html', 400],
    ['C:/Windows/win.ini', 400],
    ['*', 400],
    // symlinks out of either root
    ['/escape.txt', 404],
    ['/release-images/s3/i3.dicom', 404],
    ['/release-images/s4/i4.dicom', 404],
    // listings: no folder is ever listed
    ['/release-images/', 404],
    ['/release-images/s1/', 404],
    ['/release-images', 404],
    ['/_astro/', 404],
    // anything under images/ but a DICOM; dotfiles; what does not exist
    ['/release-images/s1/notes.txt', 404],
    ['/release-images/s1/i1.dicom/extra', 404],
    ['/release-images/s9/i9.dicom', 404],
    ['/.env', 400],
    ['/nothing-here.html', 404],
  ] as const)('%s → %i, and no byte of another file', async (target, status) => {
    const reply = await send(target);
    expect(reply.status).toBe(status);
    // (Node's own parser answers some of these, "C:/…" among them, before the server sees them.)
    expect(reply.headers['content-type'] ?? 'text/plain; charset=utf-8').toBe('text/plain; charset=utf-8');
    expect(reply.body.toString()).not.toMatch(/outside both roots|study_id|SECRET/);
    expect(reply.body.includes(Buffer.from(DICOM.subarray(0, 64)))).toBe(false);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s → 405 (GET and HEAD only), and the release is unchanged', async (method) => {
    const reply = await send('/release-images/s1/i1.dicom', { method });
    expect([reply.status, reply.headers.allow]).toEqual([405, 'GET, HEAD']);
    expect(await snapshot(join(tmp, 'release'))).toEqual(before);
  });

  it('a Host other than 127.0.0.1 or localhost at its port (DNS rebinding) → 421', async () => {
    expect((await send('/release-images/s1/i1.dicom', { host: 'attacker.example' })).status).toBe(421);
    expect((await send('/', { host: `127.0.0.1:${port + 1}` })).status).toBe(421);
    expect((await send('/', { host: `localhost:${port}` })).status).toBe(200);
  });

  it('and after every request above, the release folder is exactly as it was', async () => {
    expect(await snapshot(join(tmp, 'release'))).toEqual(before);
  });
});
