#!/usr/bin/env node
// Thin launcher for the bundled CLI that `npm ci` builds (the prepare script). CommonJS on
// purpose (see bin/package.json): Node starts a CommonJS program without its ESM loader.
'use strict';

let cli;
try {
  cli = require('../dist/cli.cjs');
} catch (e) {
  if (e?.code !== 'MODULE_NOT_FOUND' || !String(e.message).includes('cli.cjs')) throw e;
  process.stderr.write('reprotree: the program is not built yet (dist/cli.cjs is missing); run `npm ci` (or `npm run build`) in its folder first.\n');
  process.exit(2);
}
cli.main(process.argv.slice(2));
