// The in-place server's served-release.json follows images/ (src/node/site-server/site-server.ts): a study copied in
// while the server runs is listed once the listing is older than its time to live, and not before.
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteServer, type SiteServer } from '../../src/node/site-server/site-server.ts';

let tmp: string;
const servers: SiteServer[] = [];

function studiesOf(server: SiteServer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const { host } = new URL(server.url);
    const req = request(new URL('/served-release.json', server.url), { headers: { host } }, (res) => {
      const chunks: Uint8Array[] = [];
      res.on('data', (c: Buffer) => chunks.push(new Uint8Array(c)));
      res.on('end', () => resolve((JSON.parse(Buffer.concat(chunks).toString()) as { studies: string[] }).studies));
    });
    req.on('error', reject);
    req.end();
  });
}

async function addStudy(release: string, id: string): Promise<void> {
  await mkdir(join(release, 'images', id), { recursive: true });
  await writeFile(join(release, 'images', id, 'a.dicom'), new Uint8Array(200));
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'vindr-site-listing-'));
  await mkdir(join(tmp, 'site'), { recursive: true });
  await writeFile(join(tmp, 'site', 'index.html'), '<title>home</title>');
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await rm(tmp, { recursive: true, force: true });
});

describe('served-release.json while studies are copied in', () => {
  it('lists a new study once the listing has expired', async () => {
    const release = join(tmp, 'fresh');
    await addStudy(release, 's1');
    const server = await startSiteServer({ siteDir: join(tmp, 'site'), releaseDir: release, port: 0, listingTtlMs: 0 });
    servers.push(server);
    expect(await studiesOf(server)).toEqual(['s1']);
    await addStudy(release, 's2');
    expect(await studiesOf(server)).toEqual(['s1', 's2']);
  });

  it('answers from its listing until then', async () => {
    const release = join(tmp, 'cached');
    await addStudy(release, 's1');
    const server = await startSiteServer({ siteDir: join(tmp, 'site'), releaseDir: release, port: 0, listingTtlMs: 60_000 });
    servers.push(server);
    expect(await studiesOf(server)).toEqual(['s1']);
    await addStudy(release, 's2');
    expect(await studiesOf(server)).toEqual(['s1']);
  });
});
