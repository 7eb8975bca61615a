// The house rules over an import graph (import-graph.ts), each a pure function returning one readable line per
// violation, so the architecture test can print the whole list and synthetic graphs can prove each rule fires.
import { builtinModules } from 'node:module';
import type { ModuleInfo } from './import-graph.ts';

const isTest = (file: string) => file.startsWith('test/');
const isProduct = (file: string) => file.startsWith('src/') || file.startsWith('scripts/');
const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]);

/** src/lib is the pure core: no Node built-in, and nothing from the layers that build on it. */
const LIB_MUST_NOT_IMPORT = ['src/node/', 'src/viewer/', 'src/components/', 'src/pages/', 'src/charts/'];

export function libPurityViolations(modules: readonly ModuleInfo[]): string[] {
  return modules
    .filter((m) => m.file.startsWith('src/lib/'))
    .flatMap((m) =>
      m.imports.flatMap((edge) => {
        if (isNodeBuiltin(edge.specifier)) return [`${m.file} imports ${edge.specifier} (src/lib runs in the browser too)`];
        const layer = LIB_MUST_NOT_IMPORT.find((dir) => edge.target?.startsWith(dir));
        return layer ? [`${m.file} imports ${edge.target} (src/lib imports nothing from ${layer})`] : [];
      }),
    );
}

export function dwvOutsideViewerViolations(modules: readonly ModuleInfo[]): string[] {
  return modules
    .filter((m) => isProduct(m.file) && !m.file.startsWith('src/viewer/'))
    .flatMap((m) => m.imports.filter((e) => e.specifier === 'dwv' || e.specifier.startsWith('dwv/')).map((e) => `${m.file} imports ${e.specifier} (only src/viewer/ imports dwv)`));
}

/** Each import cycle among src/ and scripts/ modules (type-only imports included), as `a → b → a`. */
export function cycleViolations(modules: readonly ModuleInfo[]): string[] {
  const product = modules.filter((m) => isProduct(m.file));
  const edges = new Map(product.map((m) => [m.file, [...new Set(m.imports.flatMap((e) => (e.target && isProduct(e.target) ? [e.target] : [])))]]));
  // Tarjan's strongly connected components; each component of two or more modules (or a self-import) is a cycle.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (file: string) => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || (edges.get(file) ?? []).includes(file)) components.push(component.sort());
    }
  };
  for (const file of edges.keys()) if (!index.has(file)) connect(file);
  return components.map((component) => `import cycle: ${shortestCycle(component[0], new Set(component), edges).join(' → ')}`).sort();
}

/** The shortest path from `start` back to itself inside one component (breadth first). */
function shortestCycle(start: string, within: ReadonlySet<string>, edges: ReadonlyMap<string, string[]>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const file = queue.shift()!;
    for (const next of edges.get(file) ?? []) {
      if (!within.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at: string | undefined = file; at !== undefined && at !== start; at = previous.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

/**
 * Exports of src/ and scripts/ modules that no other src/, scripts/ or .astro module (nor a config file) imports:
 * used only by tests, or by nothing. A test reaches the code through the module's real users' surface instead.
 * A type that tests import is allowed: it names the shape of a public function's input or output (no code exists
 * for the tests' sake), while a type nothing imports is still an export to drop.
 */
export function unusedExportViolations(modules: readonly ModuleInfo[]): string[] {
  const usedBy = new Map<string, Set<string>>(); // "file#name" → importers
  for (const m of modules) {
    for (const edge of m.imports) {
      if (!edge.target || edge.target === m.file) continue;
      const exported = edge.names === 'all' ? (modules.find((t) => t.file === edge.target)?.exports ?? []) : edge.names;
      for (const name of exported) {
        const key = `${edge.target}#${name}`;
        if (!usedBy.has(key)) usedBy.set(key, new Set());
        usedBy.get(key)!.add(m.file);
      }
    }
  }
  return modules
    .filter((m) => isProduct(m.file) && !m.file.endsWith('.astro'))
    .flatMap((m) =>
      m.exports.flatMap((name) => {
        const importers = [...(usedBy.get(`${m.file}#${name}`) ?? [])];
        if (importers.some((file) => !isTest(file))) return [];
        const tests = importers.filter(isTest).sort();
        if (tests.length && m.typeExports.includes(name)) return [];
        return [`${m.file} exports ${name}, ${tests.length ? `imported only by tests (${tests.join(', ')})` : 'imported by nothing'}`];
      }),
    );
}
