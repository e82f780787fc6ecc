/**
 * The text tree explains itself: `reprotree tree` and the questionnaire's `t` view end with a key
 * to the bars, their shading and n=; and in a narrow terminal the bars go before any leaf's
 * recommendation is cut short.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePanes, hasTmux, openPanes, openShell } from '../helpers/pane.js';

beforeAll(openPanes);
afterAll(closePanes);

/** Every leaf's recommendation, as the tree can name one. */
const LEAF = /(?:no|yes): (?:W&B|Guild|MLflow)/;

describe.skipIf(!hasTmux)('the text tree', () => {
  it('`reprotree tree` at 40 columns: a key, and no recommendation cut short', async () => {
    const sh = await openShell({ columns: 40, rows: 30 });
    await sh.type('reprotree tree --tree figure-1');
    expect(await sh.exited()).toBe(0);
    let lines = sh.lines();
    let rows = lines.slice(lines.lastIndexOf('$ reprotree tree --tree figure-1') + 1);
    const figure = rows.join('\n').replace(/\s+/g, ' ');
    // Figure 1 keeps its bars at 40 columns, so the key explains them and their shades.
    expect(figure).toMatch(/Key: n= is how many of the 128 profiles/);
    expect(figure).toMatch(/█ its recommendation, ▓ ▒ ░ the others, most first/);
    await sh.type('reprotree tree');
    expect(await sh.exited()).toBe(0);
    lines = sh.lines();
    rows = lines.slice(lines.lastIndexOf('$ reprotree tree') + 1);
    for (const row of rows) expect([...row].length).toBeLessThanOrEqual(40);
    // The full tree is too deep for bars at 40 columns: they went first, and the key says n= only.
    const full = rows.join('\n').replace(/\s+/g, ' ');
    expect(full).toMatch(/Key: n= is how many of the 128 profiles/);
    expect(full).not.toMatch(/bar/);
    // A recommendation never ends in … ("W&B, Gu…"): the names run on under it instead.
    for (const row of rows.filter((r) => LEAF.test(r))) expect(row).not.toMatch(/…/);
    expect(rows.join('\n')).toMatch(/no: W&B,\s+n=1\n[│ ]+Guild or\n[│ ]+MLflow/);
  });

  it('the t view at 40 columns: the key is there and leaves are named whole', async () => {
    const sh = await openShell({ columns: 40, rows: 60 });
    await sh.type('reprotree');
    await sh.waitFor('Question 1 of at most 7');
    await sh.keys('1', '2', '1');
    await sh.waitFor('Use MLflow');
    await sh.keys('t');
    await sh.waitFor('Esc back');
    await sh.keys('End');
    const view = await sh.waitFor(/n=.*profiles/s);
    for (const row of view.split('\n').filter((r) => LEAF.test(r))) expect(row).not.toMatch(/…/);
    await sh.keys('Escape', 'Enter');
    expect(await sh.exited()).toBe(0);
  });
});
