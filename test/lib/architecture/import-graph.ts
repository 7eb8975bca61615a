// The project's import graph, read with TypeScript's own parser (no regex over source text): for every module of
// src/, scripts/ and test/ (and the config files), what it imports (which names, from which file or package) and
// what it exports. .astro files contribute their frontmatter and their bundled <script> blocks.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** As written: `../lib/palette.ts`, `node:fs`, `dwv`. */
  specifier: string;
  /** The project file it resolves to (repo-relative, `/`-separated); undefined for packages and Node built-ins. */
  target?: string;
  /** The names it takes; 'all' for `import * as`, `export * from`, dynamic `import()` and worker URLs. */
  names: string[] | 'all';
  typeOnly: boolean;
}

export interface ModuleInfo {
  /** Repo-relative, `/`-separated. */
  file: string;
  imports: ImportEdge[];
  /** Exported names (`default` for a default export). */
  exports: string[];
  /** Those of them that are only types (interfaces, type aliases, `export type { … }`). */
  typeExports: string[];
}

const SOURCE_FILE = /\.(ts|mts|mjs|astro)$/;

function listFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(root, path);
    return SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path.split(sep).join('/')] : [];
  });
}

/** The TypeScript of an .astro file: its frontmatter and the contents of its processed (not is:inline) scripts. */
export function astroScriptText(source: string): string {
  const frontmatter = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
  // A self-closing <script … /> (an inline one fed by set:html) has no contents and must not swallow the next one.
  const scripts = [...source.matchAll(/<script\b([^>]*?)(?:\/>|>([\s\S]*?)<\/script>)/g)]
    .filter((m) => m[2] !== undefined && !/\bis:inline\b/.test(m[1]))
    .map((m) => m[2] as string);
  return [frontmatter, ...scripts].join('\n;\n');
}

const hasExportModifier = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const hasDefaultModifier = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

/** Imports and exports of one module's source text (TypeScript or JavaScript). */
export function parseModule(text: string): Omit<ModuleInfo, 'file' | 'imports'> & { imports: Omit<ImportEdge, 'target'>[] } {
  const source = ts.createSourceFile('module.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const imports: Omit<ImportEdge, 'target'>[] = [];
  const exports: string[] = [];
  const typeExports: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const names: string[] | 'all' = [];
      let all = false;
      if (clause?.name) names.push('default');
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) all = true;
      else if (bindings) names.push(...bindings.elements.map((e) => (e.propertyName ?? e.name).text));
      // `import type …` (TypeScript 5.9 calls `type` the clause's phase modifier), or every named import marked `type`.
      const typeClause = clause?.phaseModifier === ts.SyntaxKind.TypeKeyword;
      const allNamedTypes = clause?.name === undefined && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.every((e) => e.isTypeOnly);
      const typeOnly = clause !== undefined && (typeClause || allNamedTypes);
      imports.push({ specifier: statement.moduleSpecifier.text, names: all ? 'all' : names, typeOnly });
    } else if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (clause && ts.isNamedExports(clause)) {
        exports.push(...clause.elements.map((e) => e.name.text));
        typeExports.push(...clause.elements.filter((e) => statement.isTypeOnly || e.isTypeOnly).map((e) => e.name.text));
      }
      else if (clause) exports.push(clause.name.text);
      if (statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
        const names = clause && ts.isNamedExports(clause) ? clause.elements.map((e) => (e.propertyName ?? e.name).text) : 'all';
        imports.push({ specifier: statement.moduleSpecifier.text, names, typeOnly: statement.isTypeOnly });
      }
    } else if (ts.isExportAssignment(statement)) {
      exports.push('default');
    } else if (hasExportModifier(statement)) {
      if (hasDefaultModifier(statement)) exports.push('default');
      else if (ts.isVariableStatement(statement)) exports.push(...statement.declarationList.declarations.flatMap((d) => bindingNames(d.name)));
      else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
        exports.push(statement.name.text);
        typeExports.push(statement.name.text);
      } else if ('name' in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) exports.push((statement.name as ts.Identifier).text);
    }
  }
  // import('./x.ts') and new URL('./worker.ts', import.meta.url) (a worker entry) load a module too.
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      imports.push({ specifier: node.arguments[0].text, names: 'all', typeOnly: false });
    } else if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'URL' &&
      node.arguments?.[0] &&
      ts.isStringLiteralLike(node.arguments[0]) &&
      node.arguments[0].text.startsWith('.') &&
      node.arguments[1]?.getText(source) === 'import.meta.url'
    ) {
      imports.push({ specifier: node.arguments[0].text, names: 'all', typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      imports.push({ specifier: node.argument.literal.text, names: node.qualifier && ts.isIdentifier(node.qualifier) ? [node.qualifier.text] : 'all', typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  // Walking every node costs more than parsing: only files that can hold such a load are walked.
  if (/\bimport\s*\(|new URL\(/.test(text)) visit(source);
  return { imports, exports, typeExports };
}

/** The project file a relative specifier names, if it exists (`?worker`-style suffixes dropped, `.js` → `.ts`). */
function resolveSpecifier(from: string, specifier: string, files: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = normalize(join(dirname(from), specifier.split('?')[0])).split(sep).join('/');
  const candidates = [base, `${base}.ts`, `${base}/index.ts`, base.replace(/\.m?js$/, '.ts')];
  return candidates.find((candidate) => files.has(candidate));
}

/** Every module of the project under `root`: src/, scripts/, test/ and the top-level config files. */
export function readImportGraph(root: string): ModuleInfo[] {
  const topLevel = readdirSync(root).filter((name) => /^(astro|vitest)\.config\.(ts|mjs)$|^vitest\.\w+\.config\.ts$/.test(name));
  const files = [...topLevel, ...['src', 'scripts', 'test'].flatMap((dir) => listFiles(root, dir))].sort();
  const known = new Set(files);
  return files.map((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const parsed = parseModule(file.endsWith('.astro') ? astroScriptText(text) : text);
    const imports = parsed.imports.map((edge) => ({ ...edge, target: resolveSpecifier(file, edge.specifier, known) }));
    return { file, imports, exports: [...new Set(parsed.exports)], typeExports: [...new Set(parsed.typeExports)] };
  });
}
