/** The charts' axes: when they turn logarithmic, where the ticks go and how they read. */
import { describe, expect, it } from 'vitest';
import { LOG_ABOVE, scaleFor, tickLabel } from '../../../src/render/report/scale.js';

describe('scaleFor', () => {
  it('is linear from zero while the values spread less than LOG_ABOVE times, with round ticks covering them', () => {
    const s = scaleFor([221, 374, 476, 545], 100, 300, 'MiB', 4);
    expect(s.log).toBe(false);
    expect(s.ticks.map((t) => t.value)).toEqual([0, 200, 400, 600]);
    expect(s.at(0)).toBe(100);
    expect(s.at(600)).toBe(300);
  });

  it('turns logarithmic past LOG_ABOVE, from one power of ten below the lowest to one above the highest', () => {
    const s = scaleFor([0.0054, 0.06, 20.3], 0, 400, 's');
    expect(20.3 / 0.0054).toBeGreaterThan(LOG_ABOVE);
    expect(s.log).toBe(true);
    expect(s.ticks.filter((t) => t.label !== '').map((t) => t.label)).toEqual(['1 ms', '10 ms', '100 ms', '1 s', '10 s', '100 s']);
    expect(s.at(0.001)).toBe(0);
    expect(s.at(100)).toBe(400);
    expect(s.at(1)).toBeCloseTo(240);
  });

  it('labels 2 and 5 between powers of ten only within a single decade', () => {
    const two = scaleFor([0.02, 0.9], 0, 100, 's');
    expect(two.ticks.map((t) => t.value)).toEqual([0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]);
    expect(two.ticks.map((t) => t.label)).toEqual(['10 ms', '', '', '100 ms', '', '', '1 s']);
  });

  it('keeps negative values (a memory increment can fall) and a single repeated value on the axis', () => {
    const s = scaleFor([-3, 12], 0, 100, 'MiB', 4);
    expect(s.ticks[0]!.value).toBeLessThanOrEqual(-3);
    expect(s.ticks.at(-1)!.value).toBeGreaterThanOrEqual(12);
    const flat = scaleFor([0, 0], 0, 100, 'MiB');
    expect(Number.isFinite(flat.at(0))).toBe(true);
  });
});

describe('tickLabel', () => {
  it('gives times their unit and other numbers none, without float noise', () => {
    expect(tickLabel(0.3, 's')).toBe('300 ms');
    expect(tickLabel(2e-5, 's')).toBe('20 μs');
    expect(tickLabel(10, 's')).toBe('10 s');
    expect(tickLabel(0.1 + 0.2, 'MiB')).toBe('0.3');
    expect(tickLabel(60_000, 'examples')).toBe('60k');
  });
});
