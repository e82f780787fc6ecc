#!/usr/bin/env node
// The fitter's speed against scikit-learn, k = 12…20 criteria (2^k profiles), on a study-shaped
// table (3 frameworks, scores in steps of 0.5 from 0 to 5, drawn from a fixed seed), unlimited
// depth. Per k, runs alternate between:
//   - reprotree as a user runs it: `tree --format json --timings` in a fresh process (wall time,
//     and its in-process label, fit and render times: the fit here includes JIT warm-up);
//     and `--important c1 --json` (wall time);
//   - scikit-learn 1.2's `DecisionTreeClassifier(random_state=0).fit(X, y)`, timed inside one
//     long-lived /usr/bin/python3 on the same X and y (the labels are handed over, not recomputed);
//   - our fit timed in this process (warm: the same code after earlier runs optimised it).
// It prints medians and the ratio cold fit / scikit-learn fit, and checks that both trees have
// the same features and sample counts node for node. On a busy machine wall times stretch, so
// the whole `tree --format json` run's CPU time (user + system) is printed too. Not run in CI.
// Usage: node bench/fit.js [--runs N] [--k 12,16,20] [--frameworks F]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { buildWasm } from '../scripts/build-wasm.js';
import { criteriaFile, median, scoresFor } from './tables.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/reprotree.js');
const { values } = parseArgs({
  options: { runs: { type: 'string' }, k: { type: 'string' }, frameworks: { type: 'string', default: '3' } },
});
const ks = values.k ? values.k.split(',').map(Number) : [12, 13, 14, 15, 16, 17, 18, 19, 20];
const nFrameworks = Number(values.frameworks);
const runsFor = (k) => (values.runs ? Number(values.runs) : k <= 16 ? 11 : k <= 18 ? 7 : 5);

const dir = mkdtempSync(join(tmpdir(), 'reprotree-bench-fit-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

// The fitter itself, compiled and bundled from the sources so that the numbers are for the code
// in src/ (the whole-process runs use dist/: run `npm run build` after changing it).
await buildWasm();
await build({
  absWorkingDir: root,
  stdin: {
    contents: "export { buildTree } from './src/cart/builder.ts'; export { buildTrainingSet } from './src/cart/profiles.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  outfile: join(dir, 'cart.mjs'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
});
const { buildTree, buildTrainingSet } = await import(pathToFileURL(join(dir, 'cart.mjs')).href);

/** Features and sample counts, node by node, folded into one 32-bit number (as python does). */
function treeHash(feature, nSamples, count) {
  let h = 0;
  for (let i = 0; i < count; i++) {
    h = (Math.imul(h, 31) + feature[i]) | 0;
    h = (Math.imul(h, 31) + nSamples[i]) | 0;
  }
  return h >>> 0;
}

// scikit-learn in one long-lived process: it reads "k labels-file" lines and answers with the fit
// time in ms and the tree's hash.
const PY = `
import sys, time
import numpy as np
from sklearn.tree import DecisionTreeClassifier
cache = {}
for line in sys.stdin:
    k, path = line.split()
    k = int(k)
    if path not in cache:
        n = 1 << k
        X = ((np.arange(n)[:, None] >> (k - 1 - np.arange(k))) & 1).astype(np.float64)
        y = np.fromfile(path, dtype=np.int32)
        cache.clear()
        cache[path] = (X, y)
    X, y = cache[path]
    clf = DecisionTreeClassifier(random_state=0)
    t0 = time.perf_counter()
    clf.fit(X, y)
    ms = (time.perf_counter() - t0) * 1000
    t = clf.tree_
    h = 0
    for f, s in zip(t.feature.tolist(), t.n_node_samples.tolist()):
        h = (h * 31 + f) & 0xFFFFFFFF
        h = (h * 31 + s) & 0xFFFFFFFF
    print(ms, h, flush=True)
`;
const hasSklearn = spawnSync('/usr/bin/python3', ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0;
let python;
let pending = null;
let buffered = '';
if (hasSklearn) {
  python = spawn('/usr/bin/python3', ['-c', PY], { stdio: ['pipe', 'pipe', 'inherit'] });
  python.stdout.on('data', (d) => {
    buffered += d;
    const nl = buffered.indexOf('\n');
    if (nl >= 0 && pending) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      const resolve = pending;
      pending = null;
      resolve(line.split(' ').map(Number));
    }
  });
} else {
  console.log('scikit-learn: skipped (/usr/bin/python3 has no sklearn; apt-get install python3-sklearn)');
}
const sklearnFit = (k, labelsFile) =>
  new Promise((resolve) => {
    pending = resolve;
    python.stdin.write(`${k} ${labelsFile}\n`);
  });

// Preloaded into each run: at exit, its CPU time in ms on stderr's last line.
const cpuHook = join(dir, 'cpu.cjs');
writeFileSync(
  cpuHook,
  "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('cpu ' + (u.userCPUTime + u.systemCPUTime) / 1000 + '\\n'); });\n",
);

function run(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', cpuHook, bin, ...args], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`reprotree ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const lines = r.stderr.toString().trim().split('\n');
  const cpu = Number(lines.pop().slice(4));
  const last = lines.pop() ?? '';
  return { ms, cpu, timings: last.startsWith('{') ? JSON.parse(last).timings_ms : undefined };
}

const f1 = (x) => (x === undefined ? '-' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const ratio = (a, b) => (b === undefined ? '-' : (a / b).toFixed(2) + 'x');

const load = spawnSync('uptime', { encoding: 'utf8' }).stdout?.trim();
console.log(`node ${process.version}; ${nFrameworks} frameworks; load: ${load}`);
console.log('times in ms, medians; fit cold = in-process fit of a fresh `reprotree tree` run, warm = in this process');
const header = ['k', 'runs', 'label', 'fit cold', 'fit warm', 'sklearn', 'cold/skl', 'warm/skl', 'tree json', 'json cpu', 'recommend', 'same tree'];
const rows = [header];
for (const k of ks) {
  const scores = scoresFor(k, nFrameworks);
  const { file, table } = criteriaFile(dir, k, nFrameworks, scores);
  const data = buildTrainingSet(table);
  const labelsFile = join(dir, `k${k}.labels`);
  writeFileSync(labelsFile, new Int32Array(data.labels));
  const runs = runsFor(k);
  const s = { label: [], cold: [], warm: [], sk: [], json: [], jsonCpu: [], rec: [] };
  let same = hasSklearn ? 'yes' : '-';
  // One untimed round first: the file cache, and scikit-learn building X.
  run(['tree', '--format', 'json', '--criteria', file]);
  if (hasSklearn) await sklearnFit(k, labelsFile);
  for (let i = 0; i < runs; i++) {
    const whole = run(['tree', '--format', 'json', '--timings', '--criteria', file]);
    s.json.push(whole.ms);
    s.jsonCpu.push(whole.cpu);
    s.label.push(whole.timings.label);
    s.cold.push(whole.timings.fit);
    s.rec.push(run(['--important', 'c1', '--json', '--criteria', file]).ms);
    if (hasSklearn) {
      const [ms, hash] = await sklearnFit(k, labelsFile);
      s.sk.push(ms);
      const t0 = performance.now();
      const tree = buildTree(data, { maxDepth: Infinity, randomState: 0 });
      s.warm.push(performance.now() - t0);
      if (treeHash(tree.feature, tree.nSamples, tree.nodeCount) !== hash) same = 'NO';
    } else {
      const t0 = performance.now();
      buildTree(data, { maxDepth: Infinity, randomState: 0 });
      s.warm.push(performance.now() - t0);
    }
  }
  const sk = hasSklearn ? median(s.sk) : undefined;
  const cold = median(s.cold);
  const warm = median(s.warm);
  rows.push([
    k,
    runs,
    f1(median(s.label)),
    f1(cold),
    f1(warm),
    f1(sk),
    ratio(cold, sk),
    ratio(warm, sk),
    f1(median(s.json)),
    f1(median(s.jsonCpu)),
    f1(median(s.rec)),
    same,
  ]);
  console.log(rows[rows.length - 1].join('\t'));
}
python?.stdin.end();

const widths = header.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
console.log('');
for (const r of rows) console.log(r.map((c, i) => String(c).padStart(widths[i])).join('  '));
console.log('\ntargets: cold/skl <= 0.35x at k=16, <= 0.2x at k=18, <= 0.1x at k=20; tree json at k=20 < 600 ms');
