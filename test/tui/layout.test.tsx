/**
 * Layout limits: every screen fits 40 columns, the live area stays shorter than the terminal
 * (at its full height Ink clears the screen on each redraw), and no colour without a colour style.
 */
import { describe, expect, it } from 'vitest';
import { createStyle } from '../../src/render/style.js';
import { drive, KEY, widest } from './harness.js';
import type { Driven } from './harness.js';

const NARROW = { columns: 40, rows: 24 };

function fits(d: Driven, size: { columns: number; rows: number }): void {
  const live = d.live();
  expect(widest(live)).toBeLessThanOrEqual(size.columns);
  expect(live.split('\n').length).toBeLessThan(size.rows);
}

describe('at 40 columns', () => {
  it('every question, the result (all of it), the evidence and the tree fit', async () => {
    const app = await drive({ tree: 'figure-1', size: NARROW });
    fits(app, NARROW);
    await app.press('2');
    fits(app, NARROW);
    await app.press('2', '2');
    fits(app, NARROW);
    expect(app.live()).toContain('Recommendation: a tie between W&B');
    for (let i = 0; i < 12; i++) {
      await app.press(KEY.pageDown);
      fits(app, NARROW);
    }
    // The score table is stacked, one criterion a row, rather than cut off.
    await app.press('g');
    let seen = '';
    for (let i = 0; i < 12; i++) {
      seen += app.live();
      await app.press(KEY.pageDown);
    }
    expect(seen).toMatch(/Keras deep dive\n {4}W&B 8 +Guild 6 +MLflow 8/);
    await app.press('?');
    fits(app, NARROW);
    await app.press(KEY.escape, 't');
    fits(app, NARROW);
    expect(app.live()).toContain('Auto-logging?');
  });

  it('the checklist and its walk fit', async () => {
    const app = await drive({ tree: 'full', start: 'checklist', size: NARROW });
    fits(app, NARROW);
    expect(app.live()).toContain('[ ] Runtime');
    await app.press('1', '3', KEY.enter);
    fits(app, NARROW);
    await app.press(KEY.enter);
    fits(app, NARROW);
  });
});

describe('in a short terminal', () => {
  it.each([
    [14, '(? shows all of it)'],
    // Shorter still, the scores stay: they say the most in one row.
    [10, 'Scores (higher is better): W&B 3'],
  ])('at %i rows a question gives up its help before its choice or keys', async (rows, kept) => {
    const size = { columns: rows === 14 ? 40 : 80, rows };
    const app = await drive({ tree: 'full', size });
    fits(app, size);
    const f = app.live();
    expect(f).toContain('It matters to me');
    expect(f).toContain('q quit');
    expect(f).toContain(kept);
  });

  it('the checklist puts each question beside its name, cut short, then scrolls with the highlight', async () => {
    const size = { columns: 80, rows: 12 };
    const app = await drive({ tree: 'full', start: 'checklist', size });
    fits(app, size);
    expect(app.live()).toMatch(/❯ \[ \] Runtime — Does it matter to you how much time.*…$/m);
    for (let i = 0; i < 6; i++) await app.press(KEY.down);
    fits(app, size);
    expect(app.live()).toContain('❯ [ ] Keras deep dive');
  });
});

describe('colour', () => {
  it('a plain style (NO_COLOR) leaves no escape codes in any frame', async () => {
    const app = await drive({ tree: 'figure-1' });
    await app.press('2', '2', '2');
    expect(app.frame()).not.toContain('\u001b');
    await app.press('t');
    expect(app.frame()).not.toContain('\u001b');
    expect(app.frame()).toContain('▶');
  });

  it('a colour style colours the highlight and the recommendation', async () => {
    const app = await drive({ tree: 'figure-1', style: createStyle(true) });
    expect(app.frame()).toContain('\u001b[36m❯');
    await app.press('1');
    expect(app.frame()).toMatch(/\u001b\[32mMLflow/);
  });
});

describe('in the small terminals of issue reports', () => {
  const SIZES = [
    [80, 10],
    [40, 12],
    [100, 8],
    [30, 10],
    [20, 6],
  ] as const;

  /** Fits, and shows its keys or says to make the terminal taller. */
  function shows(d: Driven, size: { columns: number; rows: number }): void {
    fits(d, size);
    expect(d.live()).toMatch(/q quit|Esc back|Enter done|Enter see why|taller/);
  }

  it.each(SIZES)('%i×%i: every screen of a walk stays shorter than the terminal', async (columns, rows) => {
    const size = { columns, rows };
    const app = await drive({ tree: 'figure-1', size });
    shows(app, size);
    for (const keys of [['2'], ['t'], [KEY.pageDown], [KEY.escape], ['?'], [KEY.pageDown], [KEY.escape], ['2', '2'], [KEY.pageDown], ['m'], ['2']]) {
      await app.press(...keys);
      shows(app, size);
    }
  });

  it.each(SIZES)('%i×%i: the checklist and its walk stay shorter than the terminal', async (columns, rows) => {
    const size = { columns, rows };
    const app = await drive({ tree: 'full', start: 'checklist', size });
    shows(app, size);
    await app.press('1', '3', KEY.enter);
    shows(app, size);
    await app.press(KEY.enter);
    shows(app, size);
  });

  it('at 20×6 the question asks for a taller terminal, holds its answer keys, and q still quits', async () => {
    const app = await drive({ tree: 'figure-1', size: { columns: 20, rows: 6 } });
    expect(app.live()).toContain('Make the terminal');
    await app.press('1', KEY.enter);
    expect(app.frame()).not.toContain('✔');
    await app.press('q');
    expect(app.outcome()).toEqual({ kind: 'cancelled' });
  });

  it('at 30×10 the question keeps its essential keys and drops the others', async () => {
    const app = await drive({ tree: 'full', size: { columns: 30, rows: 10 } });
    const live = app.live();
    expect(live).toContain('It matters to me');
    expect(live).toContain('Enter answer');
    expect(live).toContain('q quit');
  });
});
