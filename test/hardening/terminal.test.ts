/**
 * Signals, resizes and narrow terminals during the questionnaire: the terminal must come back
 * cooked (line editing and echo on) whatever ends the program, with the conventional exit code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePanes, hasTmux, openPanes, start } from '../helpers/pane.js';

beforeAll(openPanes);
afterAll(closePanes);

const cooked = (stty: string) => /(^|\s)icanon(\s|;|$)/m.test(stty) && /(^|\s)echo(\s|;|$)/m.test(stty);

describe.skipIf(!hasTmux)('the questionnaire in a terminal', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s from outside restores the terminal and exits %i', async (signal, code) => {
    const pane = start(['--tree', 'figure-1']);
    await pane.waitFor('Question 1 of at most 3');
    process.kill(pane.pid(), signal);
    expect(await pane.exitCode()).toBe(code);
    expect(cooked(pane.stty())).toBe(true);
  });

  it('SIGTERM on the result screen restores the terminal too', async () => {
    const pane = start(['--tree', 'figure-2']);
    await pane.waitFor('Question 1');
    await pane.keys('1');
    await pane.waitFor('Use MLflow');
    process.kill(pane.pid(), 'SIGTERM');
    expect(await pane.exitCode()).toBe(143);
    expect(cooked(pane.stty())).toBe(true);
  });

  it('lays the screen out again when the terminal is resized', async () => {
    const pane = start(['--tree', 'figure-1'], { columns: 100, rows: 30 });
    await pane.waitFor('Question 1 of at most 3');
    // From the second question on, the hints include ← back.
    await pane.keys('2');
    const wide = await pane.waitFor('Question 2 of at most 3');
    expect(wide).toMatch(/Enter answer · ← back · \? evidence · t tree · c checklist instead/);
    pane.resize(40, 30);
    const narrow = await pane.waitFor(/^Enter answer · ← back · \? evidence ·\nt tree · c checklist instead ·$/m);
    for (const line of narrow.split('\n').slice(-12)) expect([...line].length).toBeLessThanOrEqual(40);
    await pane.keys('q');
    expect(await pane.exitCode()).toBe(130);
    expect(cooked(pane.stty())).toBe(true);
  });

  it('works in a 40-column terminal from the first question to the result', async () => {
    const pane = start(['--tree', 'figure-2'], { columns: 40, rows: 20 });
    await pane.waitFor('Question 1');
    await pane.keys('2');
    await pane.waitFor('Question 2');
    await pane.keys('1');
    const result = await pane.waitFor('Recommendation: a tie between W&B and MLflow');
    for (const line of result.split('\n')) expect([...line].length).toBeLessThanOrEqual(40);
    await pane.keys('Enter');
    expect(await pane.exitCode()).toBe(0);
  });
});
