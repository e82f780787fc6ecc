/**
 * The largest files the loader accepts, made so that nearly every profile has a tie set of its
 * own: answering from them must stay within what a laptop has (1 GiB), however many classes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTrainingSet } from '../../src/cart/profiles.js';
import { BIN, expectUserError, run } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

const GIB_IN_KB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'reprotree-many-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
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
function runMeasured(args: readonly string[], input = ''): { code: number | null; stdout: string; stderr: string; peakKb: number } {
  const peakFile = join(dir, `peak-${Math.random().toString(36).slice(2)}`);
  const r = spawnSync(process.execPath, ['--require', ROOT + 'test/helpers/peak-rss.cjs', BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, REPROTREE_TEST_PEAK_RSS: peakFile },
    input,
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, peakKb: Number(readFileSync(peakFile, 'utf8')) };
}

interface Streamed {
  readonly code: number | null;
  readonly stderr: string;
  readonly bytes: number;
  readonly head: string;
  readonly tail: string;
  /** How many times `marker` occurs in stdout. */
  readonly count: number;
  readonly peakKb: number;
}

/**
 * Runs the built program reading stdout as it comes, as a pipe into another program would: the
 * output can pass a gigabyte, more than a string holds, so only its size, its ends and a count of
 * `marker` are kept.
 */
function runStreamed(args: readonly string[], marker: string): Promise<Streamed> {
  const peakFile = join(dir, `peak-${Math.random().toString(36).slice(2)}`);
  const child = spawn(process.execPath, ['--require', ROOT + 'test/helpers/peak-rss.cjs', BIN, ...args], {
    env: { ...process.env, REPROTREE_TEST_PEAK_RSS: peakFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const needle = Buffer.from(marker);
  let bytes = 0;
  let count = 0;
  let head = Buffer.alloc(0);
  // The end of the previous chunk, so that a marker split between two chunks is still counted.
  let carry = Buffer.alloc(0);
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (head.length < 200) head = Buffer.concat([head, chunk.subarray(0, 200)]);
    const text = Buffer.concat([carry, chunk]);
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
    carry = Buffer.from(text.subarray(Math.max(0, text.length - needle.length + 1)));
  });
  let last = Buffer.alloc(0);
  child.stdout.on('data', (chunk: Buffer) => {
    last = Buffer.concat([last, chunk]).subarray(-200);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({
        code,
        stderr,
        bytes,
        head: head.toString(),
        tail: Buffer.from(last).toString(),
        count,
        peakKb: Number(readFileSync(peakFile, 'utf8')),
      });
    });
  });
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

const has = (tool: string) => spawnSync(tool, ['-V'], { encoding: 'utf8' }).error === undefined;

// The worst case for pictures and data alike: a tree of 2^21 - 1 nodes (every profile its own
// leaf) whose root holds a million tie sets. Pictures draw its top and say so; data is all there.
describe('the whole tree of 30 frameworks, 20 criteria, a tie set per profile', () => {
  const NODES = 2 ** 21 - 1;
  const CUT = `This tree has ${NODES} nodes, more than a picture can show`;
  /** The sentence, whatever the lines it is wrapped onto. */
  const said = (text: string) => text.replace(/\s*\n\s*/g, ' ').includes(CUT);

  it.each([
    ['text', []],
    ['text', ['--important', 'c0,c19']],
    ['text', ['--accessible']],
    ['mermaid', []],
    ['dot', ['--important', 'c3']],
    // (Without a path: with one the picture runs 21 levels deep, which rsvg-convert takes ten times as long to raster.)
    ['svg', []],
  ])(
    'draws its top as %s %j within 1 GiB, saying so, and it can be rendered',
    (format, extra) => {
      const r = runMeasured(['tree', '--format', format, ...extra, '--criteria', oneEach]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(said(r.stdout)).toBe(true);
      expect(r.peakKb).toBeLessThan(GIB_IN_KB);
      if (format === 'text' && extra[0] === '--important') {
        // The path runs down all 20 questions to its one-profile leaf.
        expect(r.stdout.split('\n').filter((l) => l.includes('▶'))).toHaveLength(20);
        // Its recommendation runs on under itself at 80 columns: "f0 or" and then "f19".
        const lines = r.stdout.split('\n');
        const leaf = lines.findIndex((l) => /▶ (no|yes): f0 or /.test(l));
        expect(leaf).toBeGreaterThan(0);
        expect(lines[leaf + 1]!.trimEnd().endsWith(' f19')).toBe(true);
      }
      if (format === 'mermaid') expect(r.stdout.match(/-->/g)!.length).toBeLessThanOrEqual(500);
      if (format === 'svg') {
        const [, width, height] = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(r.stdout)!.map(Number);
        expect(Math.max(width!, height!)).toBeLessThanOrEqual(32767);
      }
      // The tools people draw them with take them (where installed; CI installs both).
      const tool = { dot: ['dot', '-Tsvg', '-o'], svg: ['rsvg-convert', '-o'] }[format];
      if (tool && has(tool[0]!)) {
        const file = join(dir, `worst.${format}`);
        writeFileSync(file, r.stdout);
        const drawn = spawnSync(tool[0]!, [...tool.slice(1), `${file}.out`, file], { encoding: 'utf8', timeout: 110_000 });
        expect(drawn.status, drawn.stderr).toBe(0);
      }
    },
    180_000,
  );

  it('writes every node as JSON, piece by piece, within 1 GiB', async () => {
    const r = await runStreamed(['tree', '--format', 'json', '--criteria', oneEach], '"id": ');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.head.startsWith('{\n  "tree": "full",\n  "criteria": [\n    "c0",')).toBe(true);
    expect(r.tail.endsWith('\n    }\n  ]\n}\n')).toBe(true);
    expect(r.count).toBe(NODES);
    expect(r.bytes).toBeGreaterThan(1e9);
    expect(r.peakKb).toBeLessThan(GIB_IN_KB);
  }, 180_000);

  it('writes every node as export_text, piece by piece, within 1 GiB', async () => {
    const r = await runStreamed(['tree', '--format', 'export-text', '--criteria', oneEach], ' class: ');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.head.startsWith('|--- c')).toBe(true);
    expect(r.count).toBe(2 ** 20);
    expect(r.peakKb).toBeLessThan(GIB_IN_KB);
  }, 180_000);

  it('reads its top out in the questionnaire (t), naming the command that writes it all', () => {
    const r = runMeasured(['--accessible', '--criteria', oneEach], 't\nq\n');
    expect(r.code).toBe(130);
    expect(said(r.stderr)).toBe(true);
    expect(r.stderr).toContain(`reprotree tree --criteria ${oneEach} --format json gives every node.`);
    expect(r.peakKb).toBeLessThan(GIB_IN_KB);
  }, 120_000);
});
