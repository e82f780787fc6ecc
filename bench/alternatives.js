#!/usr/bin/env node
// What would change the answer, timed on the worst 20-criterion files: the most criteria a file
// may have (20) and the most frameworks (30), shaped so that the search does all of its work.
// It tries every single answer changed (20) and, while fewer than asked for change the best,
// every pair of the rest (190 more); each try sums the scores of up to 20 criteria for 30
// frameworks. The files:
//   - leader: one framework far ahead on every criterion, so no change of one or two answers
//     changes the best: every single and every pair is tried, and the list comes back empty;
//   - ties: scores in steps of 0.5 from 0 to 5 from a fixed seed, many tied totals;
//   - one each: each criterion scored by a framework of its own, so that with one answer
//     "matters" every single change hands the lead to another (20 found, sorted).
// For each, with the answers "all matter", "every other one matters" and "the first matters", it
// prints the time of alternatives() alone for 3 (the default) and 1000 (all there are): the first
// call in the process (cold, as in a CLI run), then the median and the maximum of warm calls, in
// wall time and, for the maximum, in CPU time too (a busy machine stretches wall time, not CPU
// time); and the whole section (text, Markdown and JSON, warm). Then `recommend --json
// --timings` in fresh processes, median of 5: its in-process render time, which includes the
// search, with --alternatives 0, 3 and 1000. Budget: 50 ms. Not run in CI.
// Usage: node bench/alternatives.js [--runs N] [--processes N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { buildWasm } from '../scripts/build-wasm.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/reprotree.js');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '200' }, processes: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const processes = Number(values.processes);
const K = 20;
const F = 30;

const dir = mkdtempSync(join(tmpdir(), 'reprotree-bench-alternatives-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

// The code in src/, bundled as the CLI bundles it (run `npm run build` for the process runs).
await buildWasm();
await build({
  absWorkingDir: root,
  stdin: {
    contents: [
      "export { parseStudy } from './src/study/parse.ts';",
      "export { fitTree } from './src/advice/model.ts';",
      "export { advise } from './src/advice/advise.ts';",
      "export { alternatives } from './src/advice/alternatives.ts';",
      "export { alternativesBlocks } from './src/render/alternatives-report.ts';",
      "export { adviceJson } from './src/render/advice-json.ts';",
      "export { toText, toMarkdown } from './src/render/blocks.ts';",
      "export { createStyle } from './src/render/style.ts';",
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  // CommonJS, as the YAML library is.
  outfile: join(dir, 'advice.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  logLevel: 'warning',
});
const m = createRequire(import.meta.url)(join(dir, 'advice.cjs'));

function xorshift(seed) {
  let s = seed;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** scores[c][f] for each shape. */
const SHAPES = {
  leader: () => {
    const next = xorshift(0x1234567);
    return Array.from({ length: K }, () => Array.from({ length: F }, (_, f) => (f === 0 ? 1000 : Math.floor(next() * 11) / 2)));
  },
  ties: () => {
    const next = xorshift(0x2545f491);
    return Array.from({ length: K }, () => Array.from({ length: F }, () => Math.floor(next() * 11) / 2));
  },
  'one each': () => Array.from({ length: K }, (_, c) => Array.from({ length: F }, (_, f) => (f === c ? 2 : 0))),
};

function criteriaFile(name, scores) {
  const fw = Array.from({ length: F }, (_, f) => `f${f + 1}`);
  const lines = ['frameworks:', ...fw.map((id) => `  - {id: ${id}, name: ${id.toUpperCase()}}`), 'criteria:'];
  scores.forEach((row, c) => {
    lines.push(`  - {id: c${c + 1}, name: C${c + 1}, scores: {${fw.map((id, f) => `${id}: ${row[f]}`).join(', ')}}}`);
  });
  const text = lines.join('\n') + '\n';
  const file = join(dir, `${name.replace(' ', '-')}.yaml`);
  writeFileSync(file, text);
  return { file, text };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => (x >= 10 ? x.toFixed(1) : x.toFixed(3));

function timed(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms: wall, cpu: (c.user + c.system) / 1000, value };
}

function warm(fn) {
  const times = [];
  const cpus = [];
  for (let i = 0; i < runs; i++) {
    const t = timed(fn);
    times.push(t.ms);
    cpus.push(t.cpu);
  }
  return { median: median(times), max: Math.max(...times), cpuMax: Math.max(...cpus) };
}

/** `recommend --json --timings` in fresh processes: the median render time, and how many it listed. */
function processRender(file, important, n) {
  const renders = [];
  let listed = 0;
  for (let i = 0; i < processes; i++) {
    const args = [bin, '--criteria', file, '--important', important, '--json', '--timings', '--alternatives', String(n)];
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`reprotree exited ${r.status}: ${r.stderr}`);
    const last = r.stderr.toString().trim().split('\n').pop();
    renders.push(JSON.parse(last).timings_ms.render);
    listed = JSON.parse(r.stdout.toString()).alternatives.length;
  }
  return { render: median(renders), listed };
}

const load = spawnSync('uptime', { encoding: 'utf8' }).stdout?.trim();
console.log(`node ${process.version}; ${K} criteria, ${F} frameworks; ${runs} warm runs each; load: ${load}`);
console.log('times in ms; cold = first call in this process (cpu); warm = median (max wall, max cpu); budget 50 ms\n');
const rows = [['file', 'answers', 'fit', 'tried', 'found', 'cold 3', 'warm 3', 'cold 1000', 'warm 1000', 'section', 'process render 0/3/1000']];
let worst = 0;
let worstCpu = 0;
for (const [name, make] of Object.entries(SHAPES)) {
  const { file, text } = criteriaFile(name, make());
  const study = m.parseStudy(text, file);
  const fit = timed(() => m.fitTree(study, undefined));
  const fitted = fit.value;
  for (const [label, answers] of [
    ['all', study.criteria.map(() => true)],
    ['every other', study.criteria.map((_, c) => c % 2 === 0)],
    ['the first', study.criteria.map((_, c) => c === 0)],
  ]) {
    const cold3 = timed(() => m.alternatives(fitted, answers, 3));
    const cold1000 = timed(() => m.alternatives(fitted, answers, 1000));
    const warm3 = warm(() => m.alternatives(fitted, answers, 3));
    const warm1000 = warm(() => m.alternatives(fitted, answers, 1000));
    const advice = m.advise(fitted, answers);
    const style = m.createStyle(false);
    const section = warm(() => {
      const blocks = m.alternativesBlocks(advice, 3);
      m.toText(blocks, style, 80);
      m.toMarkdown(blocks);
      JSON.stringify(m.adviceJson(advice));
    });
    const found = cold1000.value.length;
    // How many answers the search tried: the singles, and the pairs of those that changed nothing.
    const quiet = K - cold1000.value.filter((a) => a.flip.length === 1).length;
    const tried = K + (quiet * (quiet - 1)) / 2;
    const important = study.criteria
      .filter((_, c) => answers[c])
      .map((c) => c.id)
      .join(',');
    const render = [0, 3, 1000].map((n) => processRender(file, important, n));
    if (render[2].listed !== found) throw new Error(`the CLI listed ${render[2].listed}, the library ${found}`);
    worst = Math.max(worst, cold3.ms, cold1000.ms, warm3.max, warm1000.max, ...render.map((r) => r.render));
    worstCpu = Math.max(worstCpu, cold3.cpu, cold1000.cpu, warm3.cpuMax, warm1000.cpuMax);
    const w = (x) => `${ms(x.median)} (${ms(x.max)}, ${ms(x.cpuMax)})`;
    rows.push([
      name,
      label,
      ms(fit.ms),
      String(tried),
      String(found),
      `${ms(cold3.ms)} (${ms(cold3.cpu)})`,
      w(warm3),
      `${ms(cold1000.ms)} (${ms(cold1000.cpu)})`,
      w(warm1000),
      ms(section.median),
      render.map((r) => ms(r.render)).join(' / '),
    ]);
  }
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
console.log(`\nslowest search or render: ${ms(worst)} ms wall, slowest search ${ms(worstCpu)} ms CPU (budget 50 ms)`);
