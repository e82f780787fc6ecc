/**
 * Totals at the edge of what a criteria file may hold: 20 criteria of the largest scores. They
 * stay finite and exact to the sixth decimal, so no output says Infinity or null, and a lead of
 * a millionth a criterion is still a lead.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';

const ids = Array.from({ length: 20 }, (_, i) => `c${i}`);
const file = join(mkdtempSync(join(tmpdir(), 'reprotree-totals-')), 'largest.yaml');
writeFileSync(
  file,
  'frameworks: [{id: a, name: A}, {id: b, name: B}, {id: c, name: C}]\ncriteria:\n' +
    ids.map((id) => `  - {id: ${id}, name: ${id.toUpperCase()}, scores: {a: 1000000, b: 999999.999999, c: 0.000001}}\n`).join(''),
);

describe('the largest scores a file may give', () => {
  it('validate accepts them', () => {
    expect(run(['validate', file]).code).toBe(0);
  });

  it('sum to finite, exact totals in JSON', () => {
    const r = run(['--criteria', file, '--important', ids.join(','), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const advice = JSON.parse(r.stdout);
    expect(advice.exact.best).toEqual(['a']);
    expect(advice.recommendation).toEqual(['a']);
    expect(advice.exact.totals.a).toBe(20_000_000);
    expect(advice.exact.totals.b).toBeCloseTo(19_999_999.99998, 6);
    expect(advice.runner_up.frameworks).toEqual(['b']);
    // Floating-point sums, as the tree was fitted on: within a few billionths of the exact ones.
    expect(advice.runner_up.margin).toBeCloseTo(0.00002, 7);
    // Only where the scores come from may be null (a user's file names no data set or date).
    const { data: _data, ...numbers } = advice;
    expect(JSON.stringify(numbers)).not.toMatch(/null|Infinity/);
    expect(r.stdout).not.toMatch(/Infinity/);
  });

  it('read as the exact sums in text, scores and Markdown', () => {
    const text = run(['--criteria', file, '--important', ids.join(',')]).stdout;
    expect(text).toMatch(/^Use A$/m);
    expect(text).toContain('Runner-up: B with 19999999.99998, 0.00002 points behind A (20000000).');
    const scores = run(['scores', '--criteria', file]).stdout + run(['scores', '--criteria', file, '--format', 'markdown']).stdout;
    expect(scores).toContain('999999.999999');
    expect(scores).toContain('0.000001');
    for (const out of [text, scores]) expect(out).not.toMatch(/Infinity|NaN|null/);
  });
});
