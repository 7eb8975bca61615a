// A tool run on credentialed data contacts nothing off the machine: every way the project starts Astro turns its
// telemetry off (the build and preview through src/node/astro-cli.ts, the npm scripts by their environment).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('Astro telemetry', () => {
  it('is off in every npm script that runs astro', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    const astroCalls = Object.entries(scripts).flatMap(([name, line]) =>
      line.split('&&').filter((part) => /(^|\s)astro\s/.test(part)).map((part) => [name, part.trim()]),
    );
    expect(astroCalls.length).toBeGreaterThan(0);
    for (const [name, call] of astroCalls) expect(call, name).toMatch(/^ASTRO_TELEMETRY_DISABLED=1 astro /);
  });

  it('is off for every astro the build, the bench and the tests spawn: they all go through astro-cli.ts', () => {
    expect(readFileSync(join('src', 'node', 'astro-cli.ts'), 'utf8')).toContain("ASTRO_TELEMETRY_DISABLED: '1'");
    const files = ['src', 'scripts', 'test'].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f)),
    );
    const spawnsAstro = files.filter((file) => /'\.bin',\s*'astro'|\.bin\/astro/.test(readFileSync(file, 'utf8')));
    expect(spawnsAstro).toEqual([join('src', 'node', 'astro-cli.ts')]);
  });
});
