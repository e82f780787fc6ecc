/**
 * Resizing the terminal during the questionnaire: afterwards the screen shows the current screen
 * once, laid out for the new size, with no stale copies above it (a terminal that reflows its
 * lines, as tmux does, makes the old frame taller than the rows it was drawn in).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePanes, hasTmux, openPanes, openShell } from '../helpers/pane.js';

beforeAll(openPanes);
afterAll(closePanes);

/** How many times `text` occurs on the screen, wrapping aside. */
const count = (screen: string, text: string) => screen.replace(/\s+/g, ' ').split(text).length - 1;

/** Waits until the screen shows `text` and the key hints, then a little longer for stale copies to show. */
async function settled(sh: Awaited<ReturnType<typeof openShell>>, text: string): Promise<string> {
  await sh.waitFor(new RegExp(`${text}[\\s\\S]*q quit`));
  await new Promise((r) => setTimeout(r, 300));
  return sh.screen();
}

describe.skipIf(!hasTmux)('after a resize the screen shows one copy of the question', () => {
  it.each([
    [100, 30, 60, 30],
    [40, 20, 120, 40],
    [100, 30, 30, 30],
    [60, 12, 100, 12],
  ])('%i×%i → %i×%i after one answer', async (w1, h1, w2, h2) => {
    const sh = await openShell({ columns: w1, rows: h1 });
    await sh.type('reprotree --tree figure-1');
    await sh.waitFor('Question 1 of at most 3');
    await sh.keys('2');
    await sh.waitFor('Question 2 of at most 3');
    sh.resize(w2, h2);
    const after = await settled(sh, 'Question 2 of at most 3');
    expect(count(after, 'Question 2 of at most 3')).toBe(1);
    expect(count(after, 'It does not matter')).toBe(1);
    expect(count(after, 'q quit')).toBe(1);
    // The transcript above the question is kept, once.
    expect(count(sh.lines().join('\n'), '✔ Auto-logging: it does not matter')).toBe(1);
    await sh.keys('q');
    expect(await sh.exited()).toBe(130);
  });

  it('a drag through several widths and heights leaves one copy', async () => {
    const sh = await openShell({ columns: 100, rows: 30 });
    await sh.type('reprotree --tree figure-1');
    await sh.waitFor('Question 1 of at most 3');
    await sh.keys('2');
    await sh.waitFor('Question 2 of at most 3');
    for (const [w, h] of [
      [90, 28],
      [70, 25],
      [50, 22],
      [35, 20],
      [55, 24],
      [85, 30],
    ] as const) {
      sh.resize(w, h);
      await new Promise((r) => setTimeout(r, 60));
    }
    const after = await settled(sh, 'Question 2 of at most 3');
    expect(count(after, 'Question 2 of at most 3')).toBe(1);
    expect(count(after, 'It matters to me')).toBe(1);
    await sh.keys('q');
    expect(await sh.exited()).toBe(130);
  });
});
