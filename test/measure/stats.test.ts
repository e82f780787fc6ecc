/**
 * The statistics against SciPy 1.10 and statsmodels (test/fixtures/stats.json, made by
 * scripts/make-stats-fixtures.py), plus the properties the scoring relies on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erfc, exactUpperTail, holm, mannWhitneyU, median, normalUpperTail } from '../../src/measure/stats.js';
import { FIXTURES, readJson } from '../helpers/fixtures.js';

interface Fixtures {
  mann_whitney: { name: string; x: number[]; y: number[]; method: 'exact' | 'normal'; u1: number; p: number }[];
  erfc: { x: number; erfc: number }[];
  holm: { p: number[]; adjusted: number[] }[];
}
const F = readJson<Fixtures>(FIXTURES + 'stats.json');

/** Equal to about 1e-9 relative, or both below 1e-300. */
function close(actual: number, expected: number): void {
  if (Math.abs(expected) < 1e-300) expect(Math.abs(actual)).toBeLessThan(1e-290);
  else expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(1e-9);
}

describe('Mann–Whitney U against SciPy', () => {
  it('has exact and normal cases, significant and not', () => {
    expect(F.mann_whitney.length).toBeGreaterThan(50);
    expect(new Set(F.mann_whitney.map((c) => c.method))).toEqual(new Set(['exact', 'normal']));
    expect(F.mann_whitney.some((c) => c.p < 0.05)).toBe(true);
    expect(F.mann_whitney.some((c) => c.p > 0.5)).toBe(true);
  });

  it.each(F.mann_whitney.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = mannWhitneyU(c.x, c.y);
    expect(r.method).toBe(c.method);
    expect(r.u1).toBe(c.u1);
    close(r.p, c.p);
  });
});

describe('erfc against SciPy', () => {
  it.each(F.erfc.map((c) => [c.x, c.erfc] as const))('erfc(%d)', (x, want) => close(erfc(x), want));

  it('is 0 far out, 2 far in, NaN for NaN', () => {
    expect(erfc(40)).toBe(0);
    expect(erfc(-40)).toBe(2);
    expect(erfc(NaN)).toBeNaN();
    expect(normalUpperTail(0)).toBe(0.5);
  });
});

describe("Holm's correction against statsmodels", () => {
  it.each(F.holm.map((c, i) => [i, c] as const))('family %d', (_i, c) => {
    const got = holm(c.p);
    expect(got).toHaveLength(c.adjusted.length);
    for (const [i, v] of got.entries()) expect(v).toBeCloseTo(c.adjusted[i]!, 12);
  });

  it('keeps the order of its input and never lowers a p-value', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }), (p) => {
        const a = holm(p);
        a.forEach((v, i) => {
          expect(v).toBeGreaterThanOrEqual(p[i]!);
          expect(v).toBeLessThanOrEqual(1);
        });
        // A smaller raw p-value never gets a larger adjusted one.
        for (let i = 0; i < p.length; i++) for (let j = 0; j < p.length; j++) if (p[i]! < p[j]!) expect(a[i]).toBeLessThanOrEqual(a[j]!);
      }),
    );
  });
});

describe('properties', () => {
  const sample = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 25 });

  it('U1 + U2 = n1·n2, p is in [0, 1] and symmetric in the two samples', () => {
    fc.assert(
      fc.property(sample, sample, (x, y) => {
        const a = mannWhitneyU(x, y);
        const b = mannWhitneyU(y, x);
        expect(a.u1 + b.u1).toBe(x.length * y.length);
        expect(a.p).toBeGreaterThanOrEqual(0);
        expect(a.p).toBeLessThanOrEqual(1);
        expect(Math.abs(a.p - b.p)).toBeLessThan(1e-12);
      }),
    );
  });

  it('the exact distribution sums to 1 and is symmetric', () => {
    for (const [m, n] of [
      [1, 1],
      [3, 5],
      [7, 7],
      [12, 9],
    ] as const) {
      expect(exactUpperTail(0, m, n)).toBeCloseTo(1, 12);
      for (let u = 0; u <= m * n; u++) {
        // P(U ≥ u) = P(U ≤ mn − u)
        const upper = exactUpperTail(u, m, n);
        const lower = 1 - exactUpperTail(m * n - u + 1, m, n);
        expect(upper).toBeCloseTo(lower, 12);
      }
    }
  });

  it('median of odd and even samples', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('refuses empty or non-finite samples', () => {
    expect(() => mannWhitneyU([], [1])).toThrow(RangeError);
    expect(() => mannWhitneyU([NaN], [1])).toThrow(RangeError);
  });
});
