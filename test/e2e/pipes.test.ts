/**
 * The questionnaire with stdout piped on (`reprotree | tee advice.txt`): the questions are drawn on
 * the terminal and only the summary goes down the pipe, as prompt tools do. It refuses only when
 * there is no terminal at all, naming what is missing; an empty CI is not CI.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectUserError, run } from '../helpers/cli.js';
import { closePanes, cooked, hasTmux, openPanes, openShell } from '../helpers/pane.js';

beforeAll(openPanes);
afterAll(closePanes);

describe.skipIf(!hasTmux)('stdout into a pipe', () => {
  it('`reprotree | tee advice.txt` asks on the terminal and pipes only the summary', async () => {
    const sh = await openShell();
    await sh.type('reprotree --tree figure-1 | tee advice.txt');
    await sh.waitFor('Question 1 of at most 3');
    await sh.keys('1');
    await sh.waitFor('Use MLflow');
    await sh.keys('Enter');
    expect(await sh.exited()).toBe(0);
    expect(cooked(sh.stty())).toBe(true);
    const advice = readFileSync(sh.file('advice.txt'), 'utf8');
    expect(advice).toMatch(/^reprotree: use MLflow \(tree figure-1, 1 question\)\.\n/);
    expect(advice).toContain('reprotree --tree figure-1 --important auto-logging');
    // No questions, no screen codes, no colour: just the summary.
    expect(advice).not.toContain('It matters to me');
    expect(advice).not.toContain('\u001b');
    // tee shows it on the terminal too.
    expect(sh.screen()).toContain('reprotree: use MLflow');
  });

  it('`reprotree > advice.txt` leaves the summary in the file', async () => {
    const sh = await openShell();
    await sh.type('reprotree --tree figure-2 > advice.txt');
    await sh.waitFor('Question 1');
    await sh.keys('1');
    await sh.waitFor('Use MLflow');
    await sh.keys('Enter');
    expect(await sh.exited()).toBe(0);
    expect(readFileSync(sh.file('advice.txt'), 'utf8')).toMatch(/^reprotree: use MLflow/);
  });

  it('quitting sends nothing down the pipe', async () => {
    const sh = await openShell();
    await sh.type('reprotree --tree figure-1 | tee advice.txt');
    await sh.waitFor('Question 1 of at most 3');
    await sh.keys('q');
    expect(await sh.exited()).toBe(130);
    expect(readFileSync(sh.file('advice.txt'), 'utf8')).toBe('');
    expect(sh.screen()).toContain('Cancelled.');
  });

  it('CI set but empty is not CI: the questionnaire runs and redraws as usual', async () => {
    const sh = await openShell({ env: { CI: '' } });
    await sh.type('reprotree --tree figure-1');
    await sh.waitFor('Question 1 of at most 3');
    await sh.keys('2');
    // Under Ink's CI mode only the last frame would show, at exit: this shows while it runs.
    await sh.waitFor('Question 2 of at most 3');
    await sh.keys('q');
    expect(await sh.exited()).toBe(130);
  });

  it('with no terminal to draw on (no stderr terminal, no /dev/tty), says which is missing', async () => {
    const sh = await openShell();
    // setsid: a new session without a controlling terminal, so /dev/tty cannot be opened.
    await sh.type('setsid -w reprotree 2>err.txt');
    expect(await sh.exited()).toBe(2);
    const err = readFileSync(sh.file('err.txt'), 'utf8');
    expect(err).toMatch(/standard error/);
    expect(err).toMatch(/\/dev\/tty/);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});

describe('without a terminal for the keys', () => {
  it('names standard input when it is a pipe, and points at --accessible', () => {
    const message = expectUserError(run([], { input: '1\n2\n' }));
    expect(message).toMatch(/standard input/);
    expect(message).toContain('--accessible');
  });
});
