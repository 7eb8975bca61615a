// Runs Astro's command line the one way this project does: from node_modules/.bin (never npx), with Astro's
// telemetry off. The site is built from credentialed data: nothing may contact a machine off this one, at build time
// or in the browser, and users should not have to ask for that (package.json's scripts set the same variable).

import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { join } from 'node:path';

const NO_TELEMETRY = { ASTRO_TELEMETRY_DISABLED: '1' } as const;

/** The astro executable of the project at `cwd`, and the environment to run it in. */
export function astroCommand(cwd: string): { bin: string; env: NodeJS.ProcessEnv } {
  return { bin: join(cwd, 'node_modules', '.bin', 'astro'), env: { ...process.env, ...NO_TELEMETRY } };
}

export function spawnAstro(args: readonly string[], options: { cwd?: string; stdio: StdioOptions }): ChildProcess {
  const cwd = options.cwd ?? process.cwd();
  const { bin, env } = astroCommand(cwd);
  return spawn(bin, [...args], { cwd, stdio: options.stdio, env });
}
