/** The documented ceiling: 20 criteria, about a million profiles, must fit and draw without crashing. */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxOf } from '../../src/render/format.js';
import { run } from '../helpers/cli.js';

describe('20 criteria', () => {
  it('maxOf handles more numbers than a call may take arguments', () => {
    const many = Array.from({ length: 500_000 }, (_, i) => i % 1000);
    expect(maxOf(many)).toBe(999);
    expect(maxOf([], 7)).toBe(7);
  });

  it('draws the tree of a 20-criterion file', () => {
    const scores = (i: number) => `{a: ${(i * 7) % 5}, b: ${(i * 3) % 4}, c: ${(i * 5) % 3}}`;
    const file = join(mkdtempSync(join(tmpdir(), 'reprotree-20-')), 'twenty.yaml');
    writeFileSync(
      file,
      'frameworks: [{id: a}, {id: b}, {id: c}]\ncriteria:\n' +
        Array.from({ length: 20 }, (_, i) => `  - {id: c${i}, name: C${i}, scores: ${scores(i)}}\n`).join(''),
    );
    const r = run(['tree', '--criteria', file, '--format', 'mermaid']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('flowchart TD')).toBe(true);
    const advice = JSON.parse(run(['--criteria', file, '--important', 'c0,c19', '--json']).stdout);
    expect(advice.agrees).toBe(true);
  });
});
