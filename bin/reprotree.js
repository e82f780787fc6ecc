#!/usr/bin/env node
// Thin launcher: everything lives in the bundled CLI, built by `npm install` (the prepare script).
import { main } from '../dist/cli.js';

main(process.argv.slice(2));
