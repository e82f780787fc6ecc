/**
 * Output laid out to the terminal's width, whatever the names are written in: a framework named
 * in three scripts with an emoji, one named with 60 characters, a criterion with a combining
 * accent. No line of text output is wider than the width, and a table that does not fit is
 * stacked rather than wrapped by the terminal into noise.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/terminal-text.js';
import { BIN, run } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

const MIXED = 'Aim 🚀 Größe 速度';
const LONG = 'Tracking reproducible machine learning experiments at scale!';
const ACCENTED = 'Me\u0301moire';

const file = join(mkdtempSync(join(tmpdir(), 'reprotree-width-')), 'names.yaml');
const bundled = readFileSync(ROOT + 'criteria.yaml', 'utf8');
writeFileSync(
  file,
  bundled
    .replace('    name: W&B\n', `    name: "${MIXED}"\n`)
    .replace('    name: Guild\n', `    name: ${LONG}\n`)
    .replace('    name: Memory\n', `    name: "${ACCENTED}"\n`),
);

const widest = (text: string) => Math.max(...text.split('\n').map(displayWidth));

describe('with long and mixed-script names', () => {
  it('the file is the one meant: the names are in it, and the long one is 60 characters', () => {
    expect(LONG).toHaveLength(60);
    const scores = JSON.parse(run(['scores', '--json', '--criteria', file]).stdout);
    expect(scores.frameworks.map((f: { name: string }) => f.name)).toEqual([MIXED, LONG, 'MLflow']);
  });

  it.each([40, 80, 100])('at COLUMNS=%i no line of scores, advice or the tree is wider', (width) => {
    for (const args of [['scores'], ['--important', 'runtime,memory'], ['--important', 'memory', '--tree', 'figure-1'], ['tree']]) {
      const r = run([...args, '--criteria', file], { env: { COLUMNS: String(width) } });
      expect(r.code, r.stderr).toBe(0);
      expect(widest(r.stdout), `${args.join(' ')} at ${width}`).toBeLessThanOrEqual(width);
      if (args[0] !== 'tree') expect(r.stdout).toContain(MIXED);
    }
  });

  it('stacks the score table: a criterion, then each framework with its score, names in a column', () => {
    const r = run(['--important', 'runtime', '--criteria', file], { env: { COLUMNS: '100' } });
    const pad = ' '.repeat(displayWidth(LONG) - displayWidth(MIXED));
    expect(r.stdout).toContain(`  ● Runtime\n    ${MIXED}${pad} 1 ██\n    ${LONG} 2.5 █████\n    ${'MLflow'.padEnd(60)} 1 ██\n`);
    expect(r.stdout).toContain(`  · ${ACCENTED}\n`);
  });

  it('narrower, puts the score first and wraps the name beside it', () => {
    const r = run(['scores', '--criteria', file], { env: { COLUMNS: '40' } });
    expect(r.stdout).toContain(
      `  runtime Runtime\n       1  ${MIXED}\n     2.5  Tracking reproducible machine\n          learning experiments at scale!\n       1  MLflow\n`,
    );
  });

  it('keeps the table whole where it fits', () => {
    const r = run(['--important', 'runtime'], { env: { COLUMNS: '80' } });
    expect(r.stdout).toMatch(/^ {5}Criterion {15}W&B {8}Guild {6}MLflow$/m);
  });
});

describe('narrow terminals', () => {
  // Wide scores make the stacked table put each value under its name; the name must wrap too.
  const wide = join(mkdtempSync(join(tmpdir(), 'reprotree-width-')), 'wide.yaml');
  writeFileSync(
    wide,
    bundled
      .replace('    name: W&B\n', '    name: WeightsAndBiasesExperimentTracking\n')
      .replace('scores: {wandb: 1, guild: 2.5, mlflow: 1}', 'scores: {wandb: 123456.123456, guild: 2.5, mlflow: 1}'),
  );

  it.each([20, 25, 30, 40])('at COLUMNS=%i no line of scores, advice or compare is wider', (width) => {
    expect(readFileSync(wide, 'utf8')).toContain('123456.123456');
    for (const args of [
      ['scores', '--criteria', wide],
      ['--criteria', wide, '--important', 'runtime'],
      ['compare', '--important', 'runtime,open-source'],
      ['scores', '--data', 'trackers-2026'],
    ]) {
      const r = run(args, { env: { COLUMNS: String(width) } });
      expect(r.code, r.stderr).toBe(0);
      expect(widest(r.stdout), `${args.join(' ')} at ${width}`).toBeLessThanOrEqual(width);
    }
  });
});

describe('the width', () => {
  const onTerminal = (columns: number, env = '') =>
    spawnSync('script', ['-qec', `stty cols ${columns} rows 40; env -u COLUMNS ${env} node ${BIN} scores --criteria ${file}`, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    }).stdout.replaceAll('\r', '');

  it('is the terminal’s, on a terminal', () => {
    const out = onTerminal(50);
    expect(out).toContain(MIXED);
    expect(widest(out)).toBeLessThanOrEqual(50);
    expect(widest(out)).toBeGreaterThan(40);
  });

  it('is COLUMNS when set, on a terminal too', () => {
    expect(widest(onTerminal(50, 'COLUMNS=100'))).toBeGreaterThan(50);
  });

  it('is 80 off a terminal without COLUMNS, and never under 20', () => {
    const r = run(['scores', '--criteria', file]);
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    expect(widest(r.stdout)).toBeGreaterThan(70);
    for (const columns of ['', 'wide', '-5', '0']) {
      expect(run(['scores', '--criteria', file], { env: { COLUMNS: columns } }).stdout).toBe(r.stdout);
    }
    expect(widest(run(['scores', '--criteria', file], { env: { COLUMNS: '8' } }).stdout)).toBeLessThanOrEqual(20);
  });
});
