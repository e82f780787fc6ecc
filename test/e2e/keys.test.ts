/**
 * Quitting and the keys, as a user meets them in a terminal: Esc goes back or closes a view and
 * never quits; q and Ctrl-C quit (q asks first once two answers would be lost); an arrow whose
 * bytes arrive apart is still an arrow; y and n answer; Ctrl-Z suspends and `fg` redraws; and the
 * screens say things once, in the right words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePanes, cooked, hasTmux, openPanes, openShell } from '../helpers/pane.js';
import type { Shell } from '../helpers/pane.js';

beforeAll(openPanes);
afterAll(closePanes);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the questionnaire on the full tree and answers two questions: quitting would lose them. */
async function twoAnswers(sh: Shell): Promise<void> {
  await sh.type('reprotree');
  await sh.waitFor('Question 1 of at most 7');
  await sh.keys('1');
  await sh.waitFor('Question 2');
  await sh.keys('2');
  await sh.waitFor('Question 3');
}

describe.skipIf(!hasTmux)('quitting', () => {
  it('after t, Enter, Esc the session is still there: Esc went back a question', async () => {
    const sh = await openShell();
    await sh.type('reprotree --tree figure-1');
    await sh.waitFor('Question 1 of at most 3');
    await sh.keys('2');
    await sh.waitFor('Question 2 of at most 3');
    await sh.keys('t');
    await sh.waitFor('Esc back');
    await sh.keys('Enter');
    await sh.waitFor('Question 2 of at most 3');
    await sh.keys('Escape');
    await sh.waitFor('Question 1 of at most 3');
    expect(sh.lines().join('\n')).toContain('↩ Back to Auto-logging');
    // Esc on the first question has nowhere to go, and says so rather than quitting.
    await sh.keys('Escape');
    await sh.waitFor('nothing to go back to');
    await sh.keys('q');
    expect(await sh.exited()).toBe(130);
    expect(sh.screen()).toMatch(/^Cancelled\.$/m);
  });

  it('q after two answers asks first: another key stays, q or y quits', async () => {
    const sh = await openShell();
    await twoAnswers(sh);
    await sh.keys('q');
    await sh.waitFor('Quit and lose your 2 answers?');
    await sh.keys('x');
    // The question stays, and the prompt goes.
    await sh.waitFor(/^(?![\s\S]*Quit and lose)[\s\S]*Question 3 of at most \d/);
    await sh.keys('q');
    await sh.waitFor('Quit and lose your 2 answers?');
    await sh.keys('y');
    expect(await sh.exited()).toBe(130);
    expect(sh.screen()).toContain('Cancelled.');
    await twoAnswers(sh);
    await sh.keys('q');
    await sh.waitFor('Quit and lose your 2 answers?');
    await sh.keys('q');
    expect(await sh.exited()).toBe(130);
  });

  it('Ctrl-C never asks', async () => {
    const sh = await openShell();
    await twoAnswers(sh);
    await sh.keys('C-c');
    expect(await sh.exited()).toBe(130);
    expect(sh.screen()).toContain('Cancelled.');
    expect(cooked(sh.stty())).toBe(true);
  });
});

describe.skipIf(!hasTmux)('keys', () => {
  it('an arrow whose bytes arrive 30 ms apart acts as the arrow and leaks nothing', async () => {
    const sh = await openShell();
    await sh.type('reprotree --tree figure-1');
    await sh.waitFor('❯ It matters to me');
    await sh.keys('Escape');
    await sleep(30);
    await sh.literal('[B');
    await sh.waitFor('❯ It does not matter');
    await sh.keys('Enter');
    await sh.waitFor('Question 2 of at most 3');
    expect(sh.lines().join('\n')).toContain('✔ Auto-logging: it does not matter');
    await sh.keys('C-c');
    expect(await sh.exited()).toBe(130);
    // Nothing of the arrow reached the shell.
    await sh.type('echo done');
    await sh.exited();
    expect(sh.screen()).not.toContain('[B');
  });

  it('y and n answer, as in line mode', async () => {
    const sh = await openShell();
    await sh.type('reprotree --tree figure-1');
    await sh.waitFor('Question 1 of at most 3');
    await sh.keys('n');
    await sh.waitFor('Question 2 of at most 3');
    await sh.keys('y');
    await sh.waitFor('Use MLflow');
    const all = sh.lines().join('\n');
    expect(all).toContain('✔ Auto-logging: it does not matter');
    expect(all).toContain('✔ Lines of code: it matters');
    await sh.keys('Enter');
    expect(await sh.exited()).toBe(0);
  });

  it('Ctrl-Z suspends with the terminal restored, and fg redraws the question', async () => {
    const sh = await openShell();
    await sh.type('reprotree --tree figure-1');
    await sh.waitFor('Question 1 of at most 3');
    await sh.keys('2');
    await sh.waitFor('Question 2 of at most 3');
    await sh.keys('C-z');
    await sh.waitFor(/Stopped/);
    expect(await sh.exited()).toBe(148);
    expect(cooked(sh.stty())).toBe(true);
    expect(sh.cursorVisible()).toBe(true);
    expect(sh.screen()).not.toContain('It matters to me');
    await sh.type('fg');
    await sh.waitFor('It does not matter');
    const back = await sh.waitFor('Question 2 of at most 3');
    expect(back).toContain('q quit');
    await sh.keys('2');
    await sh.waitFor('Question 3');
    await sh.keys('q');
    await sh.waitFor('Quit and lose your 2 answers?');
    await sh.keys('y');
    expect(await sh.exited()).toBe(130);
    expect(cooked(sh.stty())).toBe(true);
  });
});

describe.skipIf(!hasTmux)('what the screens say', () => {
  it('no "← back" on the first question, no "So far" under the transcript, "Both profiles"', async () => {
    const sh = await openShell({ columns: 100, rows: 40 });
    await sh.type('reprotree --tree figure-1');
    const first = await sh.waitFor('Question 1 of at most 3');
    expect(first).not.toContain('← back');
    await sh.keys('2');
    const second = await sh.waitFor('Question 2 of at most 3');
    expect(second).toContain('← back');
    expect(second).toContain('✔ Auto-logging: it does not matter');
    expect(second).not.toContain('So far:');
    await sh.keys('2', '2');
    await sh.waitFor('Press m to answer');
    await sh.keys('m');
    await sh.waitFor('Question 4');
    await sh.keys('2');
    await sh.waitFor('Question 5');
    await sh.keys('2');
    await sh.waitFor('Question 6');
    await sh.keys('1');
    const result = await sh.waitFor('Use Guild');
    expect(result.replace(/\s+/g, ' ')).toContain('Both profiles on this branch of the tree favour Guild.');
    expect(result).not.toContain('All 2 profiles');
    await sh.keys('Enter');
    expect(await sh.exited()).toBe(0);
  });

  it('the checklist speaks of ticking, and switching to questions shows in the transcript', async () => {
    const sh = await openShell({ columns: 100, rows: 40 });
    await sh.type('reprotree --checklist');
    const intro = await sh.waitFor('Tick what matters to you');
    expect(intro).not.toContain('yes/no questions');
    expect(intro.replace(/\s+/g, ' ')).toMatch(/Tick the criteria that matter/);
    await sh.keys('c');
    await sh.waitFor('Question 1 of at most 7');
    expect(sh.lines().join('\n')).toMatch(/One question at a time instead of the checklist/);
    await sh.keys('c');
    await sh.waitFor('Tick what matters to you');
    expect(sh.lines().join('\n')).toMatch(/The checklist instead of one question at a time/);
    await sh.keys('q');
    expect(await sh.exited()).toBe(130);
  });
});
