// Runs Astro's command line the one way this project does: from node_modules/.bin (never npx), with Astro's
// telemetry off. The site is built from credentialed data: nothing may contact a machine off this one, at build time
// or in the browser, and users should not have to ask for that (package.json's scripts set the same variable).

import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { join } from 'node:path';

const NO_TELEMETRY = { ASTRO_TELEMETRY_DISABLED: '1' } as const;

export function spawnAstro(args: readonly string[], options: { cwd?: string; stdio: StdioOptions }): ChildProcess {
  const cwd = options.cwd ?? process.cwd();
  return spawn(join(cwd, 'node_modules', '.bin', 'astro'), [...args], { cwd, stdio: options.stdio, env: { ...process.env, ...NO_TELEMETRY } });
}
