#!/usr/bin/env node
// The questionnaire on the largest tree a file may give: 20 criteria (2^20 profiles, the table of
// bench/fit.js with 3 frameworks), walked in accessible line mode with 20 answers piped in, as
// `printf '1\n2\n…' | reprotree --accessible --criteria k20.yaml` runs it. Prints the whole run's
// wall time (median, fastest, slowest), its CPU time (user + system: on a busy machine wall time
// stretches, CPU time much less), its in-process load, label and fit times (--timings), what is
// left for the walk itself, how many questions were asked, and the machine's load. Runs in a
// scratch folder, so the answers file it offers to save lands there. Not run in CI.
// Usage: node bench/walk.js [--runs N] [--bin path/to/bin/reprotree.js]  (goal: under 500 ms)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { criteriaFile, median } from './tables.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '11' }, bin: { type: 'string' } },
});
const bin = values.bin ?? fileURLToPath(new URL('../bin/reprotree.js', import.meta.url));
const runs = Number(values.runs);

const dir = mkdtempSync(join(tmpdir(), 'reprotree-bench-walk-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const { file } = criteriaFile(dir, 20, 3);
// Preloaded into each run: at exit, its CPU time in ms on stderr's last line.
const cpuHook = join(dir, 'cpu.cjs');
writeFileSync(
  cpuHook,
  "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('cpu ' + (u.userCPUTime + u.systemCPUTime) / 1000 + '\\n'); });\n",
);
// It matters, it does not, and so on: 20 answers, more than any branch asks.
const answers = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? '1' : '2')).join('\n') + '\n';

function walk() {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', cpuHook, bin, '--accessible', '--timings', '--criteria', file], {
    input: answers,
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CI: '' },
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`reprotree exited ${r.status}: ${r.stderr}`);
  const lines = r.stderr.trim().split('\n');
  const cpu = Number(lines.pop().slice(4));
  const last = lines.pop() ?? '';
  const timings = last.startsWith('{') ? JSON.parse(last).timings_ms : {};
  // The questions go to stderr, the advice to stdout.
  const asked = (r.stderr.match(/^Question \d+ of/gm) ?? []).length;
  return { ms, cpu, timings, asked };
}

const load = () => spawnSync('uptime', { encoding: 'utf8' }).stdout?.trim();
console.log(`node ${process.version}; ${bin}`);
console.log(`load before: ${load()}`);
walk(); // the file cache
const s = { ms: [], cpu: [], load: [], label: [], fit: [], rest: [] };
let asked = 0;
for (let i = 0; i < runs; i++) {
  const r = walk();
  asked = r.asked;
  s.ms.push(r.ms);
  s.cpu.push(r.cpu);
  s.load.push(r.timings.load ?? 0);
  s.label.push(r.timings.label ?? 0);
  s.fit.push(r.timings.fit ?? 0);
  s.rest.push(r.ms - (r.timings.load ?? 0) - (r.timings.label ?? 0) - (r.timings.fit ?? 0));
}
const f = (x) => x.toFixed(0).padStart(5);
console.log(`20-criterion accessible walk, ${runs} runs, ${asked} questions asked:`);
console.log(`  wall ms: median ${f(median(s.ms))}   fastest ${f(Math.min(...s.ms))}   slowest ${f(Math.max(...s.ms))}`);
console.log(`  cpu ms (user + system): median ${f(median(s.cpu))}   fastest ${f(Math.min(...s.cpu))}`);
console.log(
  `  in-process medians, ms: load ${f(median(s.load))}   label ${f(median(s.label))}   fit ${f(median(s.fit))}   rest (start-up, walk, output) ${f(median(s.rest))}`,
);
console.log(`load after: ${load()}`);
console.log('goal: wall median under 500 ms');
