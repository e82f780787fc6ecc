// Bundles the CLI with esbuild. Two reasons to bundle rather than run tsc output: start-up time
// (a few files to read instead of hundreds of modules) and keeping Ink/React and the YAML parser
// out of the scripted path: they are separate chunks that only `import()` pulls in.
import { build } from 'esbuild';
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
        contents:
          "export { parseStudy } from './src/study/parse.ts'; export { toSnapshot } from './src/study/snapshot.ts';",
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

const snapshot = await snapshotOfBundledCriteria();

rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
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
});
