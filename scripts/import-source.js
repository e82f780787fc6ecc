// Imports TypeScript from src/ into a build script: esbuild bundles the given module text (of
// `export … from './src/….ts'` lines) into a temporary ES module, which is imported and removed.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Some dependencies (yaml's Node build) are CommonJS and call require(); an ESM bundle needs one made for it.
export const REQUIRE_BANNER = { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" };

export async function importSource(contents) {
  const dir = mkdtempSync(join(tmpdir(), 'reprotree-source-'));
  try {
    const out = join(dir, 'module.mjs');
    await build({
      absWorkingDir: root,
      stdin: { contents, resolveDir: root, loader: 'ts' },
      outfile: out,
      bundle: true,
      format: 'esm',
      platform: 'node',
      banner: REQUIRE_BANNER,
      logLevel: 'warning',
    });
    return await import(pathToFileURL(out).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
