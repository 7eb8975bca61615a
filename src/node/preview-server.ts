// Serves a built site (dist/) with `astro preview` on a free port of 127.0.0.1 for the browser tests and the
// benchmarks, and stops it by PID: one piece, so every caller waits for it the same way and never leaves it running.
import { createServer } from 'node:net';
import { spawnAstro } from './astro-cli.ts';

export interface PreviewServer {
  /** e.g. http://127.0.0.1:40123 */
  baseURL: string;
  stop(): Promise<void>;
}

/** A port the OS says is free right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** Starts `astro preview` for `outDir` (default dist/) under `root` and resolves once it answers. */
export async function startPreviewServer(options: { root?: string; outDir?: string; timeoutMs?: number } = {}): Promise<PreviewServer> {
  const root = options.root ?? process.cwd();
  const port = await freePort();
  const args = ['preview', '--host', '127.0.0.1', '--port', String(port), ...(options.outDir ? ['--outDir', options.outDir] : [])];
  const child = spawnAstro(args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const baseURL = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro preview exited early with code ${child.exitCode}`);
    try {
      if ((await fetch(`${baseURL}/`)).ok) return { baseURL, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  await stop();
  throw new Error(`astro preview did not answer at ${baseURL} within ${options.timeoutMs ?? 30_000} ms`);
}
