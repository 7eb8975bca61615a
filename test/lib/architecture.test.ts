// The house rules of README's layout, as tests over the import graph (read by TypeScript's parser, .astro files
// included): src/lib is pure, only src/viewer imports dwv, no import cycles, no export that only tests use. Each rule
// is first shown to fire on small synthetic graphs, then run on the project, failing with the full list.
import { describe, expect, it } from 'vitest';
import { astroScriptText, parseModule, readImportGraph, type ModuleInfo } from './architecture/import-graph.ts';
import { cycleViolations, dwvOutsideViewerViolations, libPurityViolations, unusedExportViolations } from './architecture/rules.ts';

/** A synthetic graph from `file: source` pairs, resolved against each other as the real reader does. */
function graph(sources: Record<string, string>): ModuleInfo[] {
  const files = new Set(Object.keys(sources));
  return Object.entries(sources).map(([file, text]) => {
    const parsed = parseModule(file.endsWith('.astro') ? astroScriptText(text) : text);
    const resolve = (specifier: string) => {
      if (!specifier.startsWith('.')) return undefined;
      const parts = file.split('/').slice(0, -1);
      for (const part of specifier.split('/')) {
        if (part === '..') parts.pop();
        else if (part !== '.') parts.push(part);
      }
      const path = parts.join('/');
      return files.has(path) ? path : undefined;
    };
    return { file, exports: parsed.exports, typeExports: parsed.typeExports, imports: parsed.imports.map((e) => ({ ...e, target: resolve(e.specifier) })) };
  });
}

describe('parseModule', () => {
  it('reads named, default, namespace, type-only, dynamic and worker imports, and every kind of export', () => {
    const parsed = parseModule(`
      import a, { b, c as d } from './x.ts';
      import * as ns from './ns.ts';
      import type { T } from './types.ts';
      export { e } from './e.ts';
      export * from './all.ts';
      export const f = 1, g = 2;
      export function h() { return import('./lazy.ts'); }
      export interface I {}
      export type J = string;
      export default class {}
      const w = new Worker(new URL('./w.worker.ts', import.meta.url));
      const k = 3;
      export { k as renamed };
    `);
    expect(parsed.imports).toEqual([
      { specifier: './x.ts', names: ['default', 'b', 'c'], typeOnly: false },
      { specifier: './ns.ts', names: 'all', typeOnly: false },
      { specifier: './types.ts', names: ['T'], typeOnly: true },
      { specifier: './e.ts', names: ['e'], typeOnly: false },
      { specifier: './all.ts', names: 'all', typeOnly: false },
      { specifier: './lazy.ts', names: 'all', typeOnly: false },
      { specifier: './w.worker.ts', names: 'all', typeOnly: false },
    ]);
    expect(parsed.exports).toEqual(['e', 'f', 'g', 'h', 'I', 'J', 'default', 'renamed']);
    expect(parsed.typeExports).toEqual(['I', 'J']);
  });

  it('takes an .astro file’s frontmatter and bundled scripts, not its inline ones', () => {
    const text = astroScriptText(`---
import Layout from '../components/Layout.astro';
---
<script is:inline set:html={boot} />
<script is:inline>import('./not-bundled.ts')</script>
<script>
  import { start } from '../viewer/start.ts';
</script>`);
    expect(parseModule(text).imports.map((e) => e.specifier)).toEqual(['../components/Layout.astro', '../viewer/start.ts']);
  });
});

interface RuleCase {
  rule: string;
  check: (modules: readonly ModuleInfo[]) => string[];
  clean: Record<string, string>;
  broken: Record<string, string>;
  expected: string[];
}

describe.each<RuleCase>([
  {
    rule: 'libPurityViolations',
    check: libPurityViolations,
    clean: { 'src/lib/a.ts': "import { b } from './b.ts'; export const a = b;", 'src/lib/b.ts': 'export const b = 1;' },
    broken: {
      'src/lib/a.ts': "import { readFileSync } from 'node:fs'; import path from 'path'; import { v } from '../viewer/v.ts'; export const a = 1;",
      'src/viewer/v.ts': 'export const v = 1;',
    },
    expected: [
      'src/lib/a.ts imports node:fs (src/lib runs in the browser too)',
      'src/lib/a.ts imports path (src/lib runs in the browser too)',
      'src/lib/a.ts imports src/viewer/v.ts (src/lib imports nothing from src/viewer/)',
    ],
  },
  {
    rule: 'dwvOutsideViewerViolations',
    check: dwvOutsideViewerViolations,
    clean: { 'src/viewer/view.ts': "import { App } from 'dwv';", 'test/lib/x.test.ts': "import { App } from 'dwv';" },
    broken: { 'src/components/c.ts': "import { App } from 'dwv';", 'src/pages/p.astro': "---\nimport type { Tool } from 'dwv/tools';\n---" },
    expected: ['src/components/c.ts imports dwv (only src/viewer/ imports dwv)', 'src/pages/p.astro imports dwv/tools (only src/viewer/ imports dwv)'],
  },
  {
    rule: 'cycleViolations',
    check: cycleViolations,
    clean: { 'src/a.ts': "import './b.ts';", 'src/b.ts': "import './c.ts';", 'src/c.ts': '', 'test/t.ts': "import '../src/a.ts';" },
    broken: {
      'src/a.ts': "import type { B } from './b.ts';",
      'src/b.ts': "import { c } from './c.ts'; export type B = 1;",
      'src/c.ts': "import './a.ts'; export const c = 1;",
      'src/self.ts': "export const s = () => import('./self.ts');",
    },
    expected: ['import cycle: src/a.ts → src/b.ts → src/c.ts → src/a.ts', 'import cycle: src/self.ts → src/self.ts'],
  },
  {
    rule: 'unusedExportViolations',
    check: unusedExportViolations,
    clean: {
      'src/lib/a.ts': 'export const used = 1; export interface Shape { x: number }',
      'src/pages/p.astro': "---\nimport { used } from '../lib/a.ts';\n---",
      'test/lib/a.test.ts': "import type { Shape } from '../../src/lib/a.ts';",
    },
    broken: {
      'src/lib/a.ts': 'export const used = 1; export const forTests = 2; export function dead() {} export type Unused = 1;',
      'scripts/s.ts': "import { used } from '../src/lib/a.ts';",
      'test/lib/a.test.ts': "import { forTests } from '../../src/lib/a.ts';",
    },
    expected: [
      'src/lib/a.ts exports forTests, imported only by tests (test/lib/a.test.ts)',
      'src/lib/a.ts exports dead, imported by nothing',
      'src/lib/a.ts exports Unused, imported by nothing',
    ],
  },
])('$rule', ({ check, clean, broken, expected }) => {
  it('finds nothing in a graph that keeps the rule', () => {
    expect(check(graph(clean))).toEqual([]);
  });
  it('names each break in a graph that does not', () => {
    expect(check(graph(broken))).toEqual(expected);
  });
});

/**
 * Known breaks, first in the study browser's filter module (being split apart as this list was written). The test fails when one is fixed and still listed, so the list only
 * shrinks; never add to it.
 */
const KNOWN_UNUSED_EXPORTS = [
  'src/lib/studies/study-filter.ts exports PageSlice, imported by nothing',
  'src/lib/studies/study-filter.ts exports highestBirads, imported by nothing',
  'src/lib/studies/study-filter.ts exports highestDensity, imported by nothing',
  // Not yet tested through their module's public surface: each test still calls the helper directly (the χ² p-value
  // against table critical values, the two random-draw strategies against each other, the Node-side readers).
  'src/lib/split-audit/contingency.ts exports chiSquarePValue, imported only by tests (test/lib/split-balance/chi-square.test.ts)',
  'src/lib/split-balance/random-draws.ts exports drawWithMasks, imported only by tests (test/lib/split-balance/random-draws.test.ts)',
  'src/lib/split-balance/random-draws.ts exports drawWithGroups, imported only by tests (test/lib/split-balance/random-draws.test.ts)',
  'src/node/demo/ensure-demo-release.ts exports staleReason, imported only by tests (test/scripts/demo-data.test.ts)',
  'src/node/demo/write-demo-release.ts exports sampleJobs, imported only by tests (test/scripts/demo-dicom.test.ts)',
  'src/node/dicom-header.ts exports readDicomHeaderFacts, imported only by tests (test/lib/release/dicom-ages.test.ts)',
  // PS3.3 C.7.6.3.1.1's bit masking, checked against the standard case by case; the pipeline applies it per pixel.
  'src/lib/viewer/greyscale.ts exports storedValue, imported only by tests (test/lib/viewer/greyscale.test.ts)',
  // Largest-remainder subset sizes, checked on their own before the stratification that uses them.
  'src/lib/split-audit/make-split.ts exports subsetSizes, imported only by tests (test/lib/split-audit/make-split.test.ts)',
];

describe('the project', () => {
  const modules = readImportGraph('.');

  it('reads the whole project', () => {
    const files = modules.map((m) => m.file);
    expect(files).toEqual(expect.arrayContaining(['src/lib/site-pages.ts', 'src/pages/index.astro', 'scripts/build-site.ts', 'astro.config.mjs']));
    expect(modules.length).toBeGreaterThan(150);
    // Every relative import resolves to a project file (else the rules below would miss its edges).
    const unresolved = modules.flatMap((m) => m.imports.filter((e) => e.specifier.startsWith('.') && !e.target && !/\.(css|json)$/.test(e.specifier)).map((e) => `${m.file}: ${e.specifier}`));
    // (The two tests name the repository root, a folder.)
    expect(unresolved).toEqual(['test/scripts/split-cli.test.ts: ../..', 'test/scripts/stats-cli.test.ts: ../..', 'test/scripts/stats-worker.test.ts: ../..']);
  });

  it('keeps src/lib free of Node and of the layers above it', () => {
    expect(libPurityViolations(modules)).toEqual([]);
  });

  it('imports dwv only in src/viewer', () => {
    expect(dwvOutsideViewerViolations(modules)).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycleViolations(modules)).toEqual([]);
  });

  it('exports nothing that only tests, or nothing, import', () => {
    const found = unusedExportViolations(modules);
    expect({ new: found.filter((v) => !KNOWN_UNUSED_EXPORTS.includes(v)), fixedButStillListed: KNOWN_UNUSED_EXPORTS.filter((v) => !found.includes(v)) }).toEqual({
      new: [],
      fixedButStillListed: [],
    });
  });
});
