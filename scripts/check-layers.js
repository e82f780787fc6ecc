#!/usr/bin/env node
// Checks the import graph of src/ against the layers in docs/ARCHITECTURE.md: each folder imports
// only from the folders below it, the terminal UI libraries stay in tui/ and the YAML parser in
// study/, the modules that keep start-up fast are only ever loaded with import(), and no module
// reaches itself through its imports. Prints one line per violation and exits 1 if there is any.
// Imports are read with TypeScript's own parser, so type-only, re-exported and dynamic imports all
// count. Usage: node scripts/check-layers.js
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** From the bottom up; a layer may import its own and every layer before it. */
export const LAYERS = ['base', 'cart', 'study', 'measure', 'advice', 'render', 'questionnaire', 'tui', 'commands', 'cli'];

/** Packages only some layers may import (the rest may import any Node built-in). */
export const PACKAGES = {
  ink: ['tui'],
  react: ['tui'],
  'ink-select-input': ['tui'],
  yaml: ['study'],
  // Display width belongs to terminal-text.ts, the one place that measures text.
  'get-east-asian-width': ['render'],
};

/**
 * Modules that carry a heavy dependency or most of a front end: the build makes each a bundle of
 * its own, loaded on demand, which only works while every importer uses import().
 */
export const LAZY = ['study/yaml.ts', 'questionnaire/accessible.ts', 'tui/run.ts', 'tui/mount.ts', 'measure/orchestrate.ts', 'commands/report.ts'];

/**
 * The entry of the scripted path: everything it reaches without import() is in dist/cli.cjs, which
 * every run loads, so nothing it reaches may import a package (Node's built-ins are fine).
 */
export const ENTRY = 'cli.ts';

/**
 * Packages the scripted path may load at every start all the same: small, with no dependencies
 * of their own, and measured. get-east-asian-width is a few kilobytes of Unicode range tables that
 * every text layout needs (bench/startup.js shows it within the start-up budget).
 */
export const AT_START = ['get-east-asian-width'];

/** The layer of a file under src/ (`cli.ts` belongs with cli/; other files at the top are base). */
export function layerOf(file) {
  if (file === 'cli.ts') return 'cli';
  const folder = file.includes('/') ? file.slice(0, file.indexOf('/')) : 'base';
  return LAYERS.includes(folder) ? folder : undefined;
}

/** Every import of a module: `from`, `import()`, and `export ... from`, with whether it is dynamic. */
export function importsOf(file, text) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, dynamic: false });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) found.push({ specifier: arg.text, dynamic: true });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      // `typeof import('./x.js')`: a type, but still a dependency on the module.
      found.push({ specifier: node.argument.literal.text, dynamic: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** './x.js' from 'a/b.ts' → 'a/x.ts' (or .tsx, whichever exists); undefined for packages. */
function resolve(from, specifier, files) {
  if (!specifier.startsWith('.')) return undefined;
  const base = normalize(join(dirname(from), specifier)).replace(/\.js$/, '');
  return [`${base}.ts`, `${base}.tsx`].find((f) => files.has(f)) ?? `${base}.ts`;
}

const packageOf = (specifier) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);

/**
 * The violations in a set of modules: `files` maps paths relative to src/ to their text. Each
 * violation is one sentence naming the importer and what it may not import.
 */
export function checkLayers(files) {
  const problems = [];
  const paths = new Set(files.keys());
  const graph = new Map();
  /** Per module: the modules it imports statically, and the packages it imports. */
  const statics = new Map();
  const packages = new Map();
  for (const [file, text] of files) {
    const layer = layerOf(file);
    if (layer === undefined) {
      problems.push(`${file}: is in no layer; put it in one of ${LAYERS.join(', ')} (see docs/ARCHITECTURE.md)`);
      continue;
    }
    const edges = [];
    statics.set(file, []);
    packages.set(file, []);
    for (const { specifier, dynamic } of importsOf(file, text)) {
      if (specifier.startsWith('node:')) continue;
      const target = resolve(file, specifier, paths);
      if (target === undefined) {
        packages.get(file).push(specifier);
        const allowed = PACKAGES[packageOf(specifier)];
        if (allowed && !allowed.includes(layer)) problems.push(`${file}: imports ${specifier}, which only ${allowed.join(', ')} may import`);
        continue;
      }
      edges.push(target);
      if (!dynamic) statics.get(file).push(target);
      const to = layerOf(target);
      if (to !== undefined && LAYERS.indexOf(to) > LAYERS.indexOf(layer)) {
        problems.push(
          `${file}: imports ${target}, but ${layer} sits below ${to} and may only import from ${LAYERS.slice(0, LAYERS.indexOf(layer) + 1).join(', ')}`,
        );
      }
      if (LAZY.includes(target) && !dynamic) problems.push(`${file}: imports ${target} statically; it is loaded on demand, so use import()`);
    }
    graph.set(file, edges);
  }
  if (files.has(ENTRY)) problems.push(...packagesAtStart(statics, packages));
  for (const cycle of cycles(graph)) problems.push(`${cycle[0]}: imports itself through ${cycle.slice(1, -1).join(' → ') || 'itself'}`);
  return problems;
}

/** The modules ENTRY reaches without import() that import a package, each with the way there. */
function packagesAtStart(statics, packages) {
  const problems = [];
  const via = new Map([[ENTRY, [ENTRY]]]);
  const queue = [ENTRY];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const p of packages.get(file) ?? []) {
      if (AT_START.includes(packageOf(p))) continue;
      problems.push(`${file}: imports ${p}, yet ${via.get(file).join(' → ')} loads it at every start; reach it through import()`);
    }
    for (const next of statics.get(file) ?? []) {
      if (via.has(next)) continue;
      via.set(next, [...via.get(file), next]);
      queue.push(next);
    }
  }
  return problems;
}

/** Each cycle of the graph once, as the path that closes it. */
function cycles(graph) {
  const found = [];
  const state = new Map(); // undefined: unvisited, 1: on the current path, 2: done
  const path = [];
  const visit = (node) => {
    state.set(node, 1);
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 1) found.push([...path.slice(path.indexOf(next)), next]);
      else if (state.get(next) === undefined && graph.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 2);
  };
  for (const node of [...graph.keys()].sort()) if (state.get(node) === undefined) visit(node);
  return found;
}

/** The modules of src/, relative to it, with their text. */
export function readSources(src) {
  const files = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) files.set(relative(src, path), readFileSync(path, 'utf8'));
    }
  };
  walk(src);
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const src = fileURLToPath(new URL('../src', import.meta.url));
  const files = readSources(src);
  const problems = checkLayers(files);
  for (const p of problems) console.error(`check-layers: src/${p}`);
  if (problems.length > 0) process.exit(1);
  console.log(`layers: ${files.size} modules, imports only downward, no cycles`);
}
