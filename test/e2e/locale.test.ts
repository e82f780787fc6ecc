/**
 * Terminals that cannot draw: TERM=dumb (no cursor movement) gets the line mode, and a locale
 * without UTF-8 (LANG=C, LC_ALL=C) gets ASCII in every output but the SVG and DOT pictures.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { closePanes, hasTmux, lineModeWalk, openPanes, openShell } from '../helpers/pane.js';

beforeAll(openPanes);
afterAll(closePanes);

const CURSOR_CODES = /\u001b\[[0-9;?]*[ABCDEFGHJKSTfhlsu]|\u001b[78]/;
const NON_ASCII = /[^\x00-\x7f]/;

describe.skipIf(!hasTmux)('TERM=dumb', () => {
  it('asks line by line, says why in one line, and sends no cursor movement', async () => {
    const sh = await openShell({ env: { TERM: 'dumb' } });
    await sh.type('reprotree --tree figure-1');
    const first = await sh.waitFor('Answer 1 (it matters) or 2 (it does not)');
    expect(first).toMatch(/^TERM=dumb: .*one line at a time.*$/m);
    await lineModeWalk(sh);
    expect(await sh.exited()).toBe(0);
    const out = sh.output();
    const ours = out.slice(out.indexOf('reprotree --tree figure-1'));
    expect(ours).not.toMatch(CURSOR_CODES);
    expect(sh.lines().join('\n')).toContain('Same advice without the questions:');
  });
});

describe.skipIf(!hasTmux)('LANG=C and LC_ALL=C', () => {
  it('the questionnaire draws in ASCII on every screen', async () => {
    const sh = await openShell({ env: { LANG: 'C', LC_ALL: 'C' } });
    await sh.type('reprotree --tree figure-1');
    const first = await sh.waitFor('It does not matter');
    expect(first).toContain('> It matters to me');
    await sh.keys('2');
    await sh.waitFor('Question 2');
    await sh.keys('t');
    const tree = await sh.waitFor('Esc back');
    expect(tree).toMatch(/\|[=-]+>? ?no: /);
    await sh.keys('Escape');
    await sh.waitFor('It does not matter');
    await sh.keys('?');
    await sh.waitFor('How it is measured');
    await sh.keys('Escape');
    await sh.waitFor('It does not matter');
    await sh.keys('2', '2');
    const result = await sh.waitFor('Recommendation: a tie between W&B and MLflow');
    expect(result).toMatch(/#/);
    await sh.keys('Enter');
    expect(await sh.exited()).toBe(0);
    const all = sh.lines().join('\n');
    expect(all).toContain('reprotree: a tie between W&B and MLflow');
    expect(all).not.toMatch(NON_ASCII);
    const out = sh.output();
    expect(out.slice(out.indexOf('reprotree --tree figure-1'))).not.toMatch(NON_ASCII);
  });

  it('text, Markdown, the tree, the scores, help and errors are ASCII; SVG and DOT stay as they are', async () => {
    const sh = await openShell({ columns: 100, rows: 30, env: { LC_ALL: 'C' } });
    const outputs = new Map<string, string>();
    for (const c of [
      'reprotree --important auto-logging,keras',
      'reprotree --important runtime --tree figure-1 --format markdown',
      'reprotree tree --tree figure-1 --important runtime',
      'reprotree scores',
      'reprotree --help',
      'reprotree --important nonsense',
    ]) {
      await sh.type(`${c} > out.txt 2>&1`);
      await sh.exited();
      const text = readFileSync(sh.file('out.txt'), 'utf8');
      expect(text.length, c).toBeGreaterThan(0);
      expect(text, c).not.toMatch(NON_ASCII);
      outputs.set(c, text);
    }
    expect(outputs.get('reprotree tree --tree figure-1 --important runtime')).toMatch(/^\|=+> no: Lines of code\?/m);
    expect(outputs.get('reprotree scores')).toMatch(/Runtime +1 #+ +2\.5 #+/);
    for (const format of ['svg', 'dot']) {
      const args = ['tree', '--tree', 'figure-1', '--important', 'runtime', '--format', format];
      expect(run(args, { env: { LC_ALL: 'C' } }).stdout).toBe(run(args, { env: { LC_ALL: 'C.UTF-8' } }).stdout);
    }
  });
});
