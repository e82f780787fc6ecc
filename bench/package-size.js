#!/usr/bin/env node
// What the published package weighs: the tarball `npm pack` would make (the test holds it under
// 300 kB), and each file in it, packed alone with gzip, to see where the bytes go.
// Usage: node bench/package-size.js   (after npm run build)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const r = spawnSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: root, encoding: 'utf8' });
if (r.status !== 0) throw new Error(`npm pack failed:\n${r.stderr}`);
const [pack] = JSON.parse(r.stdout);
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
console.log(`tarball: ${kB(pack.size)} (${pack.entryCount} files, ${kB(pack.unpackedSize)} unpacked)`);
const rows = pack.files
  .map((f) => ({ path: f.path, size: f.size, gz: gzipSync(readFileSync(root + f.path), { level: 9 }).length }))
  .sort((a, b) => b.gz - a.gz);
const width = Math.max(...rows.map((f) => f.path.length));
for (const f of rows) console.log(`  ${f.path.padEnd(width)}  ${kB(f.size).padStart(9)}  gzip ${kB(f.gz).padStart(8)}`);
