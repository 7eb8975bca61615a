// Browser tests run against the built site (dist/) served by `astro preview` on 127.0.0.1.
// This setup checks the two prerequisites loudly (Chromium, a build), starts the server once, and stops it by PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './chromium.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro preview exited early with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`astro preview did not answer at ${url} within ${timeoutMs} ms`);
}

let server: ChildProcess | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Browser tests need Debian's Chromium at ${CHROMIUM_PATH}, which is missing.\n` +
        'Install it with: apt-get update && apt-get install -y chromium',
    );
  }
  if (!existsSync('dist/index.html')) {
    throw new Error('Browser tests need the built site in dist/: run `npm run build` first (npm test does).');
  }
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  server = spawn('node_modules/.bin/astro', ['preview', '--host', '127.0.0.1', '--port', String(port)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForServer(`${baseURL}/`, server, 30_000);
  project.provide('baseURL', baseURL);
}

export async function teardown(): Promise<void> {
  if (server?.pid && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server?.once('exit', r));
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}
