/**
 * The largest files the loader accepts, made so that nearly every profile has a tie set of its
 * own: answering from them must stay within what a laptop has (1 GiB), however many classes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTrainingSet } from '../../src/cart/profiles.js';
import { BIN, expectUserError, run } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

const GIB_IN_KB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'reprotree-many-'));
const frameworks = Array.from({ length: 30 }, (_, f) => `f${f}`);
const criteria = Array.from({ length: 20 }, (_, c) => `c${c}`);

function criteriaFile(name: string, score: (c: number, f: number) => number, k = criteria.length): string {
  const lines = ['frameworks:', ...frameworks.map((id) => `  - {id: ${id}}`), 'criteria:'];
  for (let c = 0; c < k; c++) {
    const scores = frameworks.map((id, f) => `${id}: ${score(c, f)}`).join(', ');
    lines.push(`  - {id: ${criteria[c]}, name: C${c}, scores: {${scores}}}`);
  }
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

/** Runs the built program; its peak resident memory is written at exit by a preloaded hook. */
function runMeasured(args: readonly string[]): { code: number | null; stdout: string; stderr: string; peakKb: number } {
  const peakFile = join(dir, `peak-${Math.random().toString(36).slice(2)}`);
  const r = spawnSync(process.execPath, ['--require', ROOT + 'test/helpers/peak-rss.cjs', BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, REPROTREE_TEST_PEAK_RSS: peakFile },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, peakKb: Number(readFileSync(peakFile, 'utf8')) };
}

// Framework f < 20 scores 1 on criterion f alone; the other ten score nothing. The best set of a
// profile is then exactly the frameworks of the criteria that matter: 2^20 profiles, 2^20
// different tie sets (as many as there can be), and a tree whose every leaf is one profile.
const oneEach = criteriaFile('one-each.yaml', (c, f) => (c === f ? 1 : 0));

// The shape reported in the wild: scores from a few values, many ties between 30 frameworks.
const pool = [0, 0.5, 1, 1.5, 2, 3];
const drawn = (seed: number) => {
  let s = seed;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return pool[(s >>> 0) % pool.length]!;
  };
};
const next18 = drawn(18);
const few18 = criteriaFile('few-values-18.yaml', () => next18(), 18);
const next20 = drawn(20);
const few20 = criteriaFile('few-values-20.yaml', () => next20());

describe('the framework limit', () => {
  it('refuses a 31st framework where the list starts, and says what to do', () => {
    const file = join(dir, 'thirty-one.yaml');
    const ids = Array.from({ length: 31 }, (_, f) => `f${f}`);
    writeFileSync(
      file,
      `frameworks:\n${ids.map((id) => `  - {id: ${id}}\n`).join('')}criteria:\n  - {id: c, name: C, scores: {${ids.map((id) => `${id}: 1`).join(', ')}}}\n`,
    );
    for (const args of [
      ['validate', file],
      ['--important', 'c', '--criteria', file],
    ]) {
      expect(expectUserError(run(args))).toBe(
        `${file}:2:3: there are 31 frameworks, but at most 30 are allowed: leave out those that cannot come first, or split them across two files.\n`,
      );
    }
  });

  it('is documented in --help', () => {
    expect(run(['--help']).stdout).toMatch(/2\s+to\s+30\s+frameworks,\s+1\s+to\s+20\s+criteria/);
  });
});

describe('30 frameworks, 20 criteria, a tie set per profile', () => {
  it('really has a class for every profile', () => {
    const scores = new Float64Array(20 * 30);
    for (let c = 0; c < 20; c++) scores[c * 30 + c] = 1;
    const data = buildTrainingSet({ frameworks, criteria, scores });
    expect(data.classes).toHaveLength(2 ** 20);
  });

  it('validates', () => {
    const r = runMeasured(['validate', oneEach]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('answers --important within 1 GiB', () => {
    const r = runMeasured(['--important', 'c0,c6,c19', '--json', '--criteria', oneEach]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const advice = JSON.parse(r.stdout) as { recommendation: string[]; agrees: boolean; leaf: { samples: number } };
    expect(advice.recommendation).toEqual(['f0', 'f6', 'f19']);
    expect(advice.agrees).toBe(true);
    expect(advice.leaf.samples).toBe(1);
    expect(r.peakKb).toBeGreaterThan(0);
    expect(r.peakKb).toBeLessThan(GIB_IN_KB);
  });

  it('answers the same as text within 1 GiB', () => {
    const r = runMeasured(['--important', 'c3', '--criteria', oneEach]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('f3');
    expect(r.peakKb).toBeLessThan(GIB_IN_KB);
  });
});

describe.each([
  { name: '18 criteria', file: few18 },
  { name: '20 criteria', file: few20 },
])('30 frameworks scored from {0, 0.5, 1, 1.5, 2, 3}, $name', ({ file }) => {
  it('answers --important within 1 GiB', () => {
    const r = runMeasured(['--important', 'c0', '--json', '--criteria', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('recommendation');
    expect(r.peakKb).toBeLessThan(GIB_IN_KB);
  });
});
