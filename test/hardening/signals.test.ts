/**
 * Signals that arrive twice, or close together, during the questionnaire: the terminal must come
 * back cooked with its cursor shown every time, with exit 143 for SIGTERM and 130 for SIGINT; and
 * a redirected stderr must not collect the cursor codes meant for the terminal.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePanes, cooked, hasTmux, openPanes, openShell, start } from '../helpers/pane.js';

beforeAll(openPanes);
afterAll(closePanes);

/**
 * Two signals from one shell, `gap` seconds apart: as `kill` run twice by a supervisor or a
 * user delivers them, faster than two calls from this process can.
 */
function burst(pid: number, first: string, gap: number, second: string): void {
  const pause = gap > 0 ? `sleep ${gap}; ` : '';
  execFileSync('sh', ['-c', `kill -${first} ${pid}; ${pause}kill -${second} ${pid} 2>/dev/null; true`]);
}

/** Sends `signal` to `pid`, unless the process has already gone. */
function send(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
  }
}

describe.skipIf(!hasTmux)('two signals in quick succession', () => {
  it('SIGTERM twice, 5 ms apart, restores the terminal every time (8 tries) and exits 143', async () => {
    for (let i = 0; i < 8; i++) {
      const pane = start(['--tree', 'figure-1']);
      await pane.waitFor('Question 1 of at most 3');
      // One answer first, so the app has redrawn and holds raw mode from its input hook.
      await pane.keys('2');
      await pane.waitFor('Question 2 of at most 3');
      burst(pane.pid(), 'TERM', 0.005, 'TERM');
      expect(await pane.exitCode()).toBe(143);
      expect(cooked(pane.stty()), `try ${i + 1}: ${pane.stty()}`).toBe(true);
      expect(pane.cursorVisible(), `try ${i + 1}: the cursor is hidden`).toBe(true);
      expect(pane.screen()).toContain('Cancelled.');
    }
  });

  it('SIGINT twice with no gap restores the terminal every time (6 tries) and exits 130', async () => {
    for (let i = 0; i < 6; i++) {
      const pane = start(['--tree', 'figure-1']);
      await pane.waitFor('Question 1 of at most 3');
      burst(pane.pid(), 'INT', 0, 'INT');
      expect(await pane.exitCode()).toBe(130);
      expect(cooked(pane.stty()), `try ${i + 1}: ${pane.stty()}`).toBe(true);
      expect(pane.cursorVisible(), `try ${i + 1}: the cursor is hidden`).toBe(true);
    }
  });

  it('SIGTERM and SIGINT together end it with the code of the one handled first; SIGHUP with 129', async () => {
    const pane = start(['--tree', 'figure-1']);
    await pane.waitFor('Question 1 of at most 3');
    // Both are pending when the program looks: Node hands them over in an order of its own.
    burst(pane.pid(), 'TERM', 0, 'INT');
    expect([130, 143]).toContain(await pane.exitCode());
    expect(cooked(pane.stty())).toBe(true);
    const hup = start(['--tree', 'figure-1']);
    await hup.waitFor('Question 1 of at most 3');
    send(hup.pid(), 'SIGHUP');
    expect(await hup.exitCode()).toBe(129);
    expect(cooked(hup.stty())).toBe(true);
  });
});

describe.skipIf(!hasTmux)('with stderr redirected to a file', () => {
  it('the questionnaire still shows, and the file gets no cursor or screen codes', async () => {
    const sh = await openShell();
    await sh.type('reprotree --tree figure-1 2>log');
    await sh.waitFor('Question 1 of at most 3');
    await sh.keys('2');
    await sh.waitFor('Question 2 of at most 3');
    await sh.keys('q');
    expect(await sh.exited()).toBe(130);
    expect(cooked(sh.stty())).toBe(true);
    expect(sh.cursorVisible()).toBe(true);
    const log = readFileSync(sh.file('log'), 'utf8');
    expect(log).not.toContain('\u001b');
    expect(log).toBe('Cancelled.\n');
  });

  it('a walk to the result leaves the file empty and the summary on the terminal', async () => {
    const sh = await openShell();
    await sh.type('reprotree --tree figure-2 2>log');
    await sh.waitFor('Question 1');
    await sh.keys('1');
    await sh.waitFor('Use MLflow');
    await sh.keys('Enter');
    expect(await sh.exited()).toBe(0);
    expect(readFileSync(sh.file('log'), 'utf8')).toBe('');
    expect(sh.screen()).toContain('reprotree: use MLflow');
    expect(sh.cursorVisible()).toBe(true);
  });

  it('SIGTERM leaves the file free of cursor codes too', async () => {
    const sh = await openShell();
    await sh.type('reprotree --tree figure-1 2>log');
    await sh.waitFor('Question 1 of at most 3');
    send(sh.commandPid(), 'SIGTERM');
    expect(await sh.exited()).toBe(143);
    expect(sh.cursorVisible()).toBe(true);
    expect(readFileSync(sh.file('log'), 'utf8')).not.toContain('\u001b');
  });
});
