// Builds the site from another release folder without touching this checkout's public/ or dist/: the project's
// files (tracked and untracked, not ignored) are copied into a temporary folder with node_modules linked, and the
// ordinary `npm run build -- --data DIR` runs there. Used by browser tests that need a real-shaped release (no
// metadata.csv, no images/) beside the demo build the other tests read.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export interface ScratchBuild {
  /** The copy's root (serve it with startPreviewServer({ root, outDir })). */
  root: string;
  outDir: string;
  /** What the build printed (stderr), for assertions on its log. */
  log: string;
  remove(): void;
}

function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done(output) : fail(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`))));
  });
}

export async function buildScratchSite(dataDir: string, extraArgs: string[] = []): Promise<ScratchBuild> {
  const project = process.cwd();
  const root = mkdtempSync(join(tmpdir(), 'vindr-scratch-site-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: project, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f && !f.startsWith('test/'));
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    try {
      copyFileSync(join(project, file), join(root, file));
    } catch {
      // A file deleted in the working tree but still in the index: nothing to copy.
    }
  }
  symlinkSync(resolve(project, 'node_modules'), join(root, 'node_modules'), 'dir');
  const log = await run(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/build-site.ts', '--data', dataDir, ...extraArgs], root);
  return { root, outDir: join(root, 'dist'), log, remove: () => rmSync(root, { recursive: true, force: true }) };
}
