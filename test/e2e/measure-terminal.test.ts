/**
 * `reprotree measure` in a real terminal (tmux), against the test double of the probes: one status
 * line redrawn in place, the scrollback untouched, Ctrl-C stopping it with the cursor shown again
 * and a line on how to go on, and the next run finishing where it stopped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bench } from '../helpers/measure.js';
import { closePanes, cooked, hasTmux, openPanes, openShell } from '../helpers/pane.js';

beforeAll(openPanes);
afterAll(closePanes);

/** Escape codes that clear the screen or the scrollback, or switch to the alternate screen. */
const CLEARING = ['\u001b[2J', '\u001b[3J', '\u001bc', '\u001b[?1049h', '\u001b[?47h'];

describe.skipIf(!hasTmux)('reprotree measure in a terminal', () => {
  it('redraws one status line in place, and Ctrl-C leaves a clean terminal and a way to go on', async () => {
    const b = bench();
    const sh = await openShell({ columns: 80, rows: 24, env: { ...b.env, FAKE_SAMPLE_MS: '300' } });
    const command = `seq 1 30; reprotree measure ${b.args.join(' ')} --reps 3 --only components,auto-logging`;
    await sh.type(command);
    await sh.waitFor(/repetition \d\/3/);
    // The status line: one line on screen, drawn by carriage return and erase-to-end-of-line.
    const screen = sh.screen();
    expect(screen.split('\n').filter((l) => /repetition \d\/3/.test(l))).toHaveLength(1);
    expect(screen).toMatch(/(alpha|beta) · (init|params|autolog) · repetition \d\/3 · sample \d+\/18 · \d+s/);
    expect(sh.cursorVisible()).toBe(false);
    await sh.waitFor(/sample [4-9]\/18|sample 1\d\/18/);
    await sh.keys('C-c');
    expect(await sh.exited(20_000)).toBe(130);
    const after = sh.screen();
    expect(after).toMatch(/Stopped\. \d+ finished measurements are kept in .*; run the same command again to go on from there/);
    expect(after).not.toMatch(/repetition \d\/3/);
    expect(sh.cursorVisible()).toBe(true);
    expect(cooked(sh.stty())).toBe(true);
    // The lines printed before are still in the scrollback, and nothing asked to clear it.
    expect(sh.lines()).toContain('30');
    for (const code of CLEARING) expect(sh.output()).not.toContain(code);

    await sh.type(command.replace('seq 1 30; ', ''));
    expect(await sh.exited(60_000)).toBe(0);
    const done = sh.screen();
    expect(sh.lines().join('\n')).toMatch(/Reused \d+ measurements kept in/);
    expect(done).toContain('criteria.yaml');
    expect(done).not.toMatch(/repetition \d\/3/);
    expect(sh.cursorVisible()).toBe(true);
    for (const code of CLEARING) expect(sh.output()).not.toContain(code);
  }, 120_000);

  it('keeps the status line shorter than a narrow terminal, so it never wraps', async () => {
    const b = bench();
    const sh = await openShell({ columns: 40, rows: 10, env: { ...b.env, FAKE_SAMPLE_MS: '300' } });
    await sh.type(`reprotree measure ${b.args.join(' ')} --reps 2 --only components`);
    const screen = await sh.waitFor(/repetition/);
    const status = screen.split('\n').find((l) => l.includes('repetition'))!;
    expect([...status].length).toBeLessThan(40);
    expect(status.endsWith('…')).toBe(true);
    expect(await sh.exited(60_000)).toBe(0);
  }, 90_000);
});
