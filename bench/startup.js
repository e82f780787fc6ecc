#!/usr/bin/env node
// Start-up cost of the scripted path, relative to Node itself: runs `node -e 0` and
// `reprotree --important auto-logging,keras --json` alternately and prints the ratio of medians.
// Usage: node bench/startup.js [runs] [-- extra reprotree args]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/reprotree.js', import.meta.url));
const runs = Number(process.argv[2] ?? 30);
const dash = process.argv.indexOf('--');
const args = dash >= 0 ? process.argv.slice(dash + 1) : ['--important', 'auto-logging,keras', '--json'];

function time(cmd, argv) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { stdio: ['ignore', 'ignore', 'inherit'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Warm the file cache once for each before measuring.
time(process.execPath, ['-e', '0']);
time(process.execPath, [bin, ...args]);
const base = [];
const ours = [];
for (let i = 0; i < runs; i++) {
  base.push(time(process.execPath, ['-e', '0']));
  ours.push(time(process.execPath, [bin, ...args]));
}
const b = median(base);
const o = median(ours);
console.log(`node -e 0:            median ${b.toFixed(1)} ms over ${runs} runs`);
console.log(`reprotree ${args.join(' ')}: median ${o.toFixed(1)} ms`);
console.log(`ratio: ${(o / b).toFixed(2)}x (budget 1.30x)`);
