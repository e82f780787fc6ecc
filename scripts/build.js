// Bundles the CLI with esbuild. Two reasons to bundle rather than run tsc output: start-up time
// (one file to read instead of hundreds of modules) and keeping Ink/React and the YAML parser
// out of the scripted path: they are separate bundles that only `import()` pulls in.
import { build } from 'esbuild';
import { buildWasm } from './build-wasm.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Some dependencies (yaml's Node build, Ink's helpers) are CommonJS and call require(); an ESM
// bundle needs one made for it.
const banner = { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" };
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/**
 * Validates the bundled criteria.yaml with the real loader and returns its snapshot, or undefined
 * (with a warning) when the file does not validate: then the program reports the problems itself.
 */
async function snapshotOfBundledCriteria() {
  const dir = mkdtempSync(join(tmpdir(), 'reprotree-build-'));
  try {
    const out = join(dir, 'snap.mjs');
    await build({
      absWorkingDir: root,
      stdin: {
        contents: "export { parseStudy } from './src/study/parse.ts'; export { toSnapshot } from './src/study/snapshot.ts';",
        resolveDir: root,
        loader: 'ts',
      },
      outfile: out,
      bundle: true,
      format: 'esm',
      platform: 'node',
      banner,
      logLevel: 'warning',
    });
    const { parseStudy, toSnapshot } = await import(pathToFileURL(out).href);
    const file = join(root, 'criteria.yaml');
    const text = readFileSync(file, 'utf8');
    try {
      return toSnapshot(text, parseStudy(text, file));
    } catch (e) {
      console.warn(`build: criteria.yaml does not validate, so no snapshot is embedded:\n${e.message}`);
      return undefined;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The fitter's WebAssembly first: the bundles (and the snapshot's loader) import it.
await buildWasm();
const snapshot = await snapshotOfBundledCriteria();

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
