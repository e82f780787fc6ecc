#!/usr/bin/env node
// Time to the questionnaire's first question in a pseudo-terminal, relative to `node -e 0`.
// Each run starts a fresh pty with util-linux `script` (80x24), launches the program in it and
// stops the clock when "Question 1" reaches the pty; the baseline is `node -e 0` in the same kind
// of pty, run to its exit. The pty's own cost (`true` in it) is measured too and taken off both
// sides, so the ratio compares Node with Node. Runs alternate; medians are compared.
// Usage: node bench/first-frame.js [runs] [-- extra reprotree args]
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/reprotree.js', import.meta.url));
const runs = Number(process.argv[2] ?? 15);
const dash = process.argv.indexOf('--');
const args = dash >= 0 ? process.argv.slice(dash + 1) : [];
const BUDGET = 3;

const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
// The questionnaire refuses to start under CI; the pty is a real terminal, so let it.
const env = { ...process.env, TERM: 'xterm-256color' };
delete env.CI;

/** Starts `argv` in a new 80x24 pty; resolves with ms until `until` is printed (or until exit). */
function time(argv, until) {
  return new Promise((resolve, reject) => {
    const command = `stty cols 80 rows 24; exec ${argv.map(quote).join(' ')}`;
    const t0 = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
    let seen = '';
    let ms;
    child.stdout.on('data', (chunk) => {
      if (ms !== undefined || until === undefined) return;
      seen += chunk.toString('utf8');
      if (seen.includes(until)) {
        ms = Number(process.hrtime.bigint() - t0) / 1e6;
        child.stdin.write('q');
      }
    });
    // A run that never gets there must not hang the bench (closing the pty ends the program).
    const stuck = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(stuck);
      if (until === undefined) resolve(Number(process.hrtime.bigint() - t0) / 1e6);
      else if (ms === undefined) reject(new Error(`"${until}" never appeared (exit ${code}); output:\n${seen}`));
      else resolve(ms);
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const ours = [process.execPath, bin, ...args];
const base = [process.execPath, '-e', '0'];
const empty = ['true'];

// Warm the file cache for each before measuring.
await time(base);
await time(ours, 'Question 1');
const t = { pty: [], base: [], ours: [] };
for (let i = 0; i < runs; i++) {
  t.pty.push(await time(empty));
  t.base.push(await time(base));
  t.ours.push(await time(ours, 'Question 1'));
}
const pty = median(t.pty);
const b = median(t.base);
const o = median(t.ours);
const ratio = (o - pty) / (b - pty);
console.log(`pty alone (true):        median ${pty.toFixed(1)} ms over ${runs} runs`);
console.log(`node -e 0:               median ${b.toFixed(1)} ms (${(b - pty).toFixed(1)} ms without the pty)`);
console.log(`first question on screen: median ${o.toFixed(1)} ms (${(o - pty).toFixed(1)} ms without the pty)`);
console.log(`ratio: ${ratio.toFixed(2)}x (budget ${BUDGET}x; ${(o / b).toFixed(2)}x counting the pty on both sides)`);
