/**
 * The built binary's pictures, rendered by the real tools people use: Graphviz for DOT and
 * librsvg for SVG. Each must render without a warning into a PNG of a believable size. Where a
 * tool is missing the test says so and is skipped (CI installs both, see .ci/run).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { ROOT } from '../helpers/fixtures.js';

const has = (tool: string) => spawnSync(tool, ['-V'], { encoding: 'utf8' }).error === undefined;
const HAS_DOT = has('dot');
const HAS_RSVG = has('rsvg-convert');
/** vitest's skipIf takes no reason, so a skipped test's name gives it. */
const named = (title: string, present: boolean, missing: string) => (present ? title : `${title} — skipped: ${missing}`);
const dir = mkdtempSync(join(tmpdir(), 'reprotree-pictures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A PNG (by its signature) whose IHDR size is above `min` and below `maxWidth` across. */
function expectPng(file: string, min: readonly [number, number], maxWidth: number): void {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const [width, height] = [b.readUInt32BE(16), b.readUInt32BE(20)];
  expect(width).toBeGreaterThan(min[0]);
  expect(height).toBeGreaterThan(min[1]);
  expect(width).toBeLessThan(maxWidth);
}

const CASES = [
  { tree: 'figure-1', answers: [] as string[], min: [400, 300] },
  { tree: 'figure-1', answers: ['--important', 'memory'], min: [400, 300] },
  { tree: 'figure-2', answers: ['--important', 'collaboration,keras'], min: [300, 250] },
  { tree: 'full', answers: ['--important', 'auto-logging,runtime,memory', '--not-important', 'lines'], min: [1500, 700] },
] as const;

function picture(format: string, c: (typeof CASES)[number]): string {
  const r = run(['tree', '--tree', c.tree, '--format', format, ...c.answers]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  const file = join(dir, `${c.tree}-${c.answers.length}.${format}`);
  writeFileSync(file, r.stdout);
  return file;
}

describe.each(CASES)('$tree $answers', (c) => {
  it.skipIf(!HAS_DOT)(
    named('DOT renders with Graphviz to PNG and SVG without warnings', HAS_DOT, 'no `dot` on PATH (Debian package graphviz)'),
    () => {
      const dot = picture('dot', c);
      for (const format of ['png', 'svg']) {
        const out = `${dot}.${format}`;
        const r = spawnSync('dot', [`-T${format}`, dot, '-o', out], { encoding: 'utf8' });
        expect(r.status, r.stderr).toBe(0);
        expect(r.stderr).toBe('');
      }
      expectPng(`${dot}.png`, c.min, 20000);
    },
  );

  it.skipIf(!HAS_RSVG)(
    named('SVG renders with rsvg-convert to PNG without warnings', HAS_RSVG, 'no `rsvg-convert` on PATH (Debian package librsvg2-bin)'),
    () => {
      const svg = picture('svg', c);
      const r = spawnSync('rsvg-convert', ['-o', `${svg}.png`, svg], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      // The SVG's own size, so this checks the layout too: wide enough for every leaf, not absurd.
      expectPng(`${svg}.png`, c.min, 6000);
    },
  );
});

describe('names in any script, at any length', () => {
  it.skipIf(!HAS_RSVG)(
    named('SVG with long, Chinese and emoji names renders to a PNG no wider than the tree needs', HAS_RSVG, 'no `rsvg-convert` on PATH'),
    () => {
      const criteria = join(dir, 'names.yaml');
      writeFileSync(
        criteria,
        readFileSync(join(ROOT, 'criteria.yaml'), 'utf8')
          .replace('    name: W&B\n', '    name: "Aim 🚀 Größe 速度"\n')
          .replace('    name: Guild\n', '    name: Tracking reproducible machine learning experiments at scale!\n')
          .replace('    name: Auto-logging\n', '    name: 自動ロギングと実験の再現性のための記録と共有の仕組み\n')
          .replace('    name: Lines of code\n', '    name: Lines of code you must add to an existing training script before it is tracked\n'),
      );
      const r = run(['tree', '--tree', 'figure-1', '--format', 'svg', '--important', 'memory', '--criteria', criteria]);
      expect(r.code, r.stderr).toBe(0);
      const svg = join(dir, 'names.svg');
      writeFileSync(svg, r.stdout);
      const png = spawnSync('rsvg-convert', ['-o', `${svg}.png`, svg], { encoding: 'utf8' });
      expect(png.status, png.stderr).toBe(0);
      expect(png.stderr).toBe('');
      // Figure 1 with the study's names is about 800 pixels across; cut labels keep it near that.
      expectPng(`${svg}.png`, [400, 300], 1200);
    },
  );
});

describe('tree formats from the command line', () => {
  it('draws the text tree by default, piped or not, with ▶ on the path when colour is off', () => {
    const r = run(['tree', '--tree', 'figure-1', '-i', 'memory'], { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Auto-logging\? +n=128\n├|^Auto-logging\? +n=128\n┡/);
    expect(r.stdout.split('\n').filter((l) => l.includes('▶'))).toHaveLength(3);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(run(['tree', '--tree', 'figure-1', '--format', 'text']).stdout).toBe(run(['tree', '--tree', 'figure-1']).stdout);
  });

  it('colours the text tree when FORCE_COLOR asks for it', () => {
    const r = run(['tree', '--tree', 'figure-1', '-i', 'memory'], { env: { FORCE_COLOR: '1' } });
    expect(r.stdout).toContain('\u001b[1m');
  });

  it('says on stderr that export-text and JSON do not show answers, and prints them unchanged', () => {
    for (const format of ['export-text', 'json']) {
      const plain = run(['tree', '--format', format]);
      const r = run(['tree', '--format', format, '--important', 'memory']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(plain.stdout);
      expect(r.stderr).toMatch(/does not mark a path/);
    }
  });

  it('reports a misspelt criterion whatever the format', () => {
    for (const format of ['svg', 'export-text']) {
      const r = run(['tree', '--format', format, '--important', 'memroy']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/'memroy' is not a criterion.*Did you mean 'memory'\?/);
    }
  });

  it('lists text first among the formats in help', () => {
    expect(run(['tree', '--help']).stdout.replace(/\s+/g, ' ')).toMatch(/output format: text, mermaid, dot, svg, export-text, json \(default text\)/);
  });
});
