// `npm run build`'s command line refuses what a public build cannot honour, in one line and before reading anything.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';


function build(...args: string[]): { status: number | null; stderr: string } {
  // As `npm run build` runs it: the bundled build script (scripts/launch.mjs).
  const run = spawnSync(process.execPath, [join('scripts', 'launch.mjs'), 'build-site', '--prepare-only', '--data', 'no-such-release', ...args], { encoding: 'utf8' });
  // Its last line: a first run after an edit says "launch: bundling …" before it.
  return { status: run.status, stderr: run.stderr.trim().split('\n').at(-1) ?? '' };
}

describe('build-site usage', () => {
  it('refuses sample studies with --public, naming the flag', () => {
    for (const flag of [['--studies', 'abc'], ['--studies-file', 'ids.txt'], ['--samples', '3']]) {
      const { status, stderr } = build('--public', ...flag);
      expect(status).toBe(1);
      expect(stderr.trim()).toBe(`build: ${flag[0]} does not go with --public (a public build has no sample studies)`);
    }
  });

  it('refuses --min-cell without --public, and a K below 2', () => {
    expect(build('--min-cell', '5').stderr.trim()).toBe('build: --min-cell only goes with --public');
    expect(build('--public', '--min-cell', '1').stderr.trim()).toBe('build: --min-cell must be a whole number of at least 2, got "1"');
  });
});
