/**
 * The questionnaire never erases what was printed before it. A user prints 50 lines, runs
 * reprotree in a small terminal and walks every screen; the 50 lines must still be in the
 * scrollback at the end, and nothing written to the terminal may clear the screen or the
 * scrollback (Ink does both once its live area is as tall as the terminal).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePanes, flat, hasTmux, openPanes, openShell } from '../helpers/pane.js';
import type { Shell } from '../helpers/pane.js';

beforeAll(openPanes);
afterAll(closePanes);

const SEQ = Array.from({ length: 50 }, (_, i) => String(i + 1));

/** The 50 lines of `seq 1 50` are still there, in order, and nothing asked to clear anything. */
function keepsScrollback(sh: Shell): void {
  const lines = sh.lines();
  const at = lines.indexOf('1');
  expect(at, `seq's lines are gone; the pane holds:\n${lines.join('\n')}`).toBeGreaterThanOrEqual(0);
  expect(lines.slice(at, at + 50)).toEqual(SEQ);
  const output = sh.output();
  expect(output).not.toContain('\u001b[3J');
  expect(output).not.toContain('\u001b[2J');
}

/** The visible screen: no row is wider than the terminal. */
function fitsWidth(screen: string, columns: number): void {
  for (const line of screen.split('\n')) expect([...line].length).toBeLessThanOrEqual(columns);
}

describe.skipIf(!hasTmux)('the scrollback survives the questionnaire', () => {
  it.each([
    [80, 10],
    [40, 12],
    [100, 8],
    [30, 10],
  ])('at %i×%i, through every screen to the result', async (columns, rows) => {
    const sh = await openShell({ columns, rows });
    await sh.type('seq 1 50; reprotree --tree figure-1');
    fitsWidth(await sh.waitFor('It does not matter'), columns);
    keepsScrollback(sh);
    await sh.keys('2');
    const second = await sh.waitFor('Do you want to add as few lines as possible');
    expect(second).toContain('q quit');
    keepsScrollback(sh);
    await sh.keys('t');
    await sh.waitFor('Esc back');
    await sh.keys('PageDown');
    await sh.keys('Escape');
    await sh.waitFor('It does not matter');
    await sh.keys('?');
    await sh.waitFor('Esc back');
    keepsScrollback(sh);
    await sh.keys('Escape');
    await sh.waitFor('It does not matter');
    await sh.keys('2');
    await sh.waitFor('memory use could be a problem');
    await sh.keys('2');
    await sh.waitFor('Recommendation: a tie between W&B and MLflow');
    await sh.keys('PageDown', 'PageDown');
    fitsWidth(await sh.waitFor('Enter done'), columns);
    keepsScrollback(sh);
    await sh.keys('Enter');
    expect(await sh.exited()).toBe(0);
    keepsScrollback(sh);
    const after = sh.lines().join(' ').replace(/\s+/g, ' ');
    expect(after).toContain('reprotree: a tie between W&B and MLflow (tree figure-1, 3 questions).');
    expect(after).toContain('Auto-logging: it does not matter');
  });

  it('at 80×10, the result pages down to what would change it, and the summary keeps it', async () => {
    const sh = await openShell({ columns: 80, rows: 10 });
    await sh.type('seq 1 50; reprotree --tree figure-1');
    await sh.waitFor('Question 1 of at most 3');
    await sh.keys('2');
    await sh.waitFor('Question 2 of at most 3');
    await sh.keys('2');
    await sh.waitFor('Question 3');
    await sh.keys('2');
    const top = await sh.waitFor('Recommendation: a tie between W&B and MLflow');
    expect(top).not.toContain('What would change it');
    await sh.keys('End');
    const end = await sh.waitFor('More with --alternatives N.');
    // The last page, its place in the text and the keys all in view, within the terminal.
    expect(end).toContain('↑ for earlier');
    expect(end).toContain('Enter done');
    expect(flat(end)).toContain('3. If Runtime mattered to you, Guild would lead by 1.5 points.');
    fitsWidth(end, 80);
    keepsScrollback(sh);
    await sh.keys('Enter');
    expect(await sh.exited()).toBe(0);
    keepsScrollback(sh);
    const after = flat(sh.lines().join('\n'));
    expect(after).toContain(
      'What would change it: If Collaboration mattered to you, W&B and MLflow would tie for the lead, 3 points ahead. ' +
        'If Keras deep dive mattered to you, W&B and MLflow would tie for the lead, 2 points ahead.',
    );
  });

  it('at 20×6 asks for a taller terminal, then carries on when it gets one', async () => {
    const sh = await openShell({ columns: 20, rows: 6 });
    await sh.type('seq 1 50; reprotree --tree figure-1');
    const small = await sh.waitFor('taller');
    fitsWidth(small, 20);
    keepsScrollback(sh);
    // Keys that answer are held back while the question cannot be seen.
    await sh.keys('1');
    sh.resize(80, 24);
    const big = await sh.waitFor('It does not matter');
    expect(big).toContain('Question 1 of at most 3');
    expect(sh.lines().join('\n')).not.toContain('✔ Auto-logging');
    await sh.keys('2');
    await sh.waitFor('Question 2');
    sh.resize(20, 6);
    await sh.waitFor('taller');
    keepsScrollback(sh);
    await sh.keys('q');
    expect(await sh.exited()).toBe(130);
    keepsScrollback(sh);
  });

  it('survives the terminal shrinking to 10 rows mid-walk, and its own transcript stays too', async () => {
    const sh = await openShell({ columns: 80, rows: 24 });
    await sh.type('seq 1 50; reprotree --tree figure-1');
    await sh.waitFor('Question 1 of at most 3');
    await sh.keys('2');
    await sh.waitFor('Question 2 of at most 3');
    sh.resize(80, 10);
    await sh.waitFor('q quit');
    await sh.keys('2');
    await sh.waitFor('Question 3');
    keepsScrollback(sh);
    await sh.keys('2');
    await sh.waitFor('Recommendation: a tie between W&B and MLflow');
    sh.resize(40, 12);
    await sh.waitFor('Enter done');
    await sh.keys('t');
    await sh.waitFor('Esc back');
    await sh.keys('Escape');
    await sh.waitFor('Enter done');
    keepsScrollback(sh);
    await sh.keys('Enter');
    expect(await sh.exited()).toBe(0);
    keepsScrollback(sh);
    const all = sh.lines().join('\n');
    expect(all).toContain('✔ Auto-logging: it does not matter');
    expect(all).toContain('✔ Lines of code: it does not matter');
    expect(all).toContain('✔ Memory: it does not matter');
  });
});
