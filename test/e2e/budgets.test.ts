// Budgets read from the built site (dist/): each statistics page ships ≤ 100 KB of gzipped JavaScript (its script
// files and everything they import, plus inline scripts), and no built file points a src/href/url()/import at
// another origin.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { STATS_PAGES } from './dashboard-kit.ts';

const DIST = inject('distDir');
const JS_BUDGET_BYTES = 100 * 1024;

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, keep) : keep(path) ? [path] : [];
  });
}

/** Site path of a script URL found in `fromSitePath` (a page "/x/" or a script "/_astro/a.js"). */
function resolveSitePath(url: string, fromSitePath: string): string {
  if (url.startsWith('/')) return url.split(/[?#]/)[0];
  const base = fromSitePath.endsWith('/') ? fromSitePath : posix.dirname(fromSitePath) + '/';
  return posix.normalize(base + url).split(/[?#]/)[0];
}

/** Every JS file a page loads: its <script src>, and their static and dynamic imports, transitively. */
function pageScripts(page: string): { files: string[]; inline: string[] } {
  const html = readFileSync(join(DIST, page, 'index.html'), 'utf8');
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .filter((m) => !/type=["']?application\/(ld\+)?json/i.test(m[0]))
    .map((m) => m[1]);
  const queue = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)].map((m) => resolveSitePath(m[1], page));
  for (const code of inline) queue.push(...importsOf(code).map((u) => resolveSitePath(u, page)));
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...importsOf(readFileSync(join(DIST, file), 'utf8')).map((u) => resolveSitePath(u, file)));
  }
  return { files: [...seen], inline };
}

function importsOf(code: string): string[] {
  const found = [
    ...code.matchAll(/\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?["']([^"']+\.m?js)["']/g),
    ...code.matchAll(/\bimport\(\s*["']([^"']+\.m?js)["']\s*\)/g),
    ...code.matchAll(/\bexport\s*(?:\*|\{[^}]*\})\s*from\s*["']([^"']+\.m?js)["']/g),
  ];
  return found.map((m) => m[1]).filter((u) => !/^[a-z]+:/i.test(u));
}

const gzipBytes = (text: string) => gzipSync(text, { level: 9 }).length;

describe('JavaScript budget of the statistics pages', () => {
  it.each(STATS_PAGES)('%s ships ≤ 100 KB of gzipped JavaScript', (page) => {
    const { files, inline } = pageScripts(page);
    const total = files.reduce((sum, f) => sum + gzipBytes(readFileSync(join(DIST, f), 'utf8')), 0) + inline.reduce((sum, code) => sum + gzipBytes(code), 0);
    console.log(`budget ${page}: ${(total / 1024).toFixed(1)} KB gzipped JS in ${files.length} file(s) + ${inline.length} inline`);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(JS_BUDGET_BYTES);
  });
});

describe('no page references another origin', () => {
  // Site data (DICOMs, JSON) is not code or markup: skip it.
  const files = filesUnder(DIST, (p) => /\.(html|css|js|mjs|svg)$/.test(p) && !relative(DIST, p).startsWith('data'));
  const patterns = [
    /\b(?:src|href|action|poster|srcset|formaction)\s*=\s*["']?\s*((?:https?:)?\/\/[^"'\s>]+)/gi,
    /url\(\s*["']?\s*((?:https?:)?\/\/[^"')\s]+)/gi,
    /@import\s+["']((?:https?:)?\/\/[^"']+)/gi,
    /\bimport\s*(?:[\w*{}\s,$]+\s*from\s*)?["']((?:https?:)?\/\/[^"']+)["']/g,
    /\b(?:fetch|importScripts|import)\(\s*["'`]((?:https?:)?\/\/[^"'`]+)/g,
  ];
  it('has built files to scan', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  it.each(files.map((f) => relative(DIST, f)))('%s', (file) => {
    const text = readFileSync(join(DIST, file), 'utf8');
    const hits = patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]));
    expect(hits).toEqual([]);
  });
});

