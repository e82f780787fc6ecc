// Bundles the CLI with esbuild. Two reasons to bundle rather than run tsc output: start-up time
// (one file to read instead of hundreds of modules) and keeping Ink/React and the YAML parser
// out of the scripted path: they are separate bundles that only `import()` pulls in.
import { build } from 'esbuild';
import { buildWasm } from './build-wasm.js';
import { importSource, REQUIRE_BANNER } from './import-source.js';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Some dependencies (yaml's Node build, Ink's helpers) are CommonJS and call require(); an ESM
// bundle needs one made for it.
const banner = REQUIRE_BANNER;
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/**
 * Validates the bundled data sets' criteria files with the real loader and returns their
 * snapshots by name. A data set whose file is not there yet (not measured) is left out; one that
 * does not validate is left out with a warning, and the program then reports its problems itself.
 */
async function snapshotsOfDataSets() {
  const { parseStudy, toSnapshot, DATA_SET_FILES, DEFAULT_DATA_SET, snapshotFile } = await importSource(
    "export { parseStudy } from './src/study/parse.ts'; export { toSnapshot } from './src/study/snapshot.ts'; export { DATA_SET_FILES, DEFAULT_DATA_SET, snapshotFile } from './src/paths.ts';",
  );
  const snapshots = new Map();
  for (const [name, files] of Object.entries(DATA_SET_FILES)) {
    const file = join(root, files.criteria);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    try {
      snapshots.set(name, { snapshot: toSnapshot(text, parseStudy(text, file)), file: snapshotFile(name), embed: name === DEFAULT_DATA_SET });
    } catch (e) {
      console.warn(`build: ${files.criteria} does not validate, so no snapshot is made:\n${e.message}`);
    }
  }
  return snapshots;
}

// The fitter's WebAssembly first: the bundles (and the snapshot's loader) import it.
await buildWasm();
const snapshots = await snapshotsOfDataSets();
const snapshot = [...snapshots.values()].find((s) => s.embed)?.snapshot;

/**
 * Every module loaded with `import()` becomes a bundle of its own in dist/, named after its file,
 * and its importers load it from there. Splitting this way, rather than with esbuild's shared
 * chunks, keeps the scripted path to one file: Node opens each ESM file asynchronously and looks
 * up its package.json, and eight small chunks cost more start-up time than the code in them.
 * Code shared with a lazy bundle is duplicated in it, so errors are recognised across bundles by
 * a brand, not by `instanceof` (src/errors.ts).
 */
function lazyModules(found) {
  return {
    name: 'lazy-modules',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind !== 'dynamic-import' || !args.path.startsWith('.')) return undefined;
        // Ink loads its devtools bridge only when DEV=true, and it would open a WebSocket to a
        // devtools server: no place in a CLI that promises no network access.
        if (args.importer.includes('/node_modules/ink/') && args.path === './devtools.js') {
          return { path: join(root, 'scripts/devtools-stub.js') };
        }
        if (!args.importer.startsWith(join(root, 'src/'))) return undefined;
        const source = join(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
        const name = source.split('/').pop().replace(/\.ts$/, '');
        const other = found.get(name);
        if (other && other !== source) throw new Error(`two lazy modules are named ${name}: ${other} and ${source}`);
        found.set(name, source);
        return { path: `./${name}.mjs`, external: true };
      });
    },
  };
}

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  define: {
    'process.env.NODE_ENV': '"production"',
    __REPROTREE_VERSION__: JSON.stringify(version),
    ...(snapshot ? { __REPROTREE_SNAPSHOT__: JSON.stringify(snapshot) } : {}),
    // Which data sets this build has: a missing one is then a broken install, not one not measured yet.
    __REPROTREE_DATA_SETS__: JSON.stringify([...snapshots.keys()]),
  },
  // Ink imports react-devtools-core only when DEV is set; a stub keeps the package out of the bundle.
  alias: { 'react-devtools-core': './scripts/devtools-stub.js' },
  banner,
  logLevel: 'warning',
};

/**
 * The entry bundle is CommonJS (dist/cli.cjs, required by a CommonJS bin/reprotree.js): Node
 * starts a CommonJS program without setting up its ESM loader, about 10 ms sooner, and the
 * scripted path needs nothing else. The lazy bundles stay ESM (.mjs): Ink's layout engine uses
 * top-level await. `import.meta.url` is given to the CommonJS bundle by its banner.
 */
const entry = {
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  banner: { js: "const __importMetaUrl=require('node:url').pathToFileURL(__filename).href;" },
  define: { ...common.define, 'import.meta.url': '__importMetaUrl' },
};
const lazy = { outExtension: { '.js': '.mjs' } };

rmSync(join(root, 'dist'), { recursive: true, force: true });
mkdirSync(join(root, 'dist'));
// The other data sets' snapshots are files beside the bundle, read only when such a set is asked
// for: embedded, their evidence would be parsed at every start.
for (const { snapshot: s, file, embed } of snapshots.values()) if (!embed) writeFileSync(join(root, file), JSON.stringify(s));
const found = new Map();
const built = new Set();
const queue = [['cli', join(root, 'src/cli.ts')]];
while (queue.length > 0) {
  const [name, source] = queue.shift();
  built.add(name);
  const options = name === 'cli' ? entry : lazy;
  await build({ ...common, ...options, entryPoints: { [name]: source }, outdir: 'dist', plugins: [lazyModules(found)] });
  for (const [next, file] of found) if (!built.has(next) && !queue.some(([n]) => n === next)) queue.push([next, file]);
}
