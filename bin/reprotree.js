#!/usr/bin/env node
// Thin launcher: everything lives in the bundled CLI that `npm install` builds (the prepare script).
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
  process.stderr.write('reprotree: the program is not built yet (dist/cli.js is missing); run `npm ci` (or `npm run build`) in its folder first.\n');
  process.exit(2);
}
await cli.main(process.argv.slice(2));
