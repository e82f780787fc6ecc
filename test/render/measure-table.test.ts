/** The table `reprotree measure` ends with: whole where the terminal is wide enough, stacked where not. */
import { describe, expect, it } from 'vitest';
import { readMeasurements } from '../../src/measure/read.js';
import { scoreAll } from '../../src/measure/rules.js';
import { measureTable } from '../../src/render/measure-table.js';
import { displayWidth } from '../../src/render/terminal-text.js';
import { ROOT } from '../helpers/fixtures.js';

const table = scoreAll(readMeasurements(ROOT + 'data/measured-2026'));
const measured = table.criteria.map((c) => c.id);
const widest = (text: string) => Math.max(...text.trimEnd().split('\n').map(displayWidth));

describe('measure’s closing table', () => {
  it('is one line per criterion under a header where it fits', () => {
    const text = measureTable(table, measured, 200);
    expect(text.trimEnd().split('\n')).toHaveLength(measured.length + 1);
    expect(text).toMatch(/criterion +Aim +ClearML/);
  });

  it.each([80, 40])('never passes %i columns, and still names every tracker and score', (width) => {
    const text = measureTable(table, measured, width);
    expect(widest(text)).toBeLessThanOrEqual(width);
    for (const t of table.trackers) expect(text).toContain(t.name);
  });

  it('says when nothing was measured', () => {
    expect(measureTable(table, [], 80)).toBe('Nothing was measured that a criterion is scored from.\n');
  });
});
