/**
 * For screen readers: line mode and ACCESSIBLE=1 say things in words. No ● · marks or block bars
 * for a reader to spell out, tables as sentences, the tree as an indented outline, and input that
 * is not an answer echoed with its control characters escaped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { closePanes, hasTmux, lineModeWalk, openPanes, openShell } from '../helpers/pane.js';

beforeAll(openPanes);
afterAll(closePanes);

/** What a reader would spell out glyph by glyph: marks, bars, box drawing, dotted separators. */
const GLYPHS = /[●○·█▓▒░▏▎▍▌▋▊▉─│┃━├└┡┗┠▶✔✓✗❯]/;

describe.skipIf(!hasTmux)('line mode in a terminal', () => {
  it('echoes an arrow key typed by mistake with the escape shown, and walks on', async () => {
    const sh = await openShell({ columns: 100, rows: 40, env: { ACCESSIBLE: '1' } });
    await sh.type('reprotree --tree figure-1');
    await sh.waitFor('Answer 1 (it matters) or 2 (it does not)');
    await sh.keys('Up', 'Enter');
    await sh.waitFor("'\\e[A' is not an answer");
    await sh.type('t');
    const outline = await sh.waitFor('If it matters');
    expect(outline).toMatch(/^ {2}If it does not matter: /m);
    await lineModeWalk(sh);
    expect(await sh.exited()).toBe(0);
    const all = sh.lines().join('\n');
    const fromResult = all.slice(all.indexOf('Use '));
    expect(fromResult).toMatch(/Lines of code \(matters\): W&B 2, Guild 2, MLflow 3/);
    expect(fromResult).toMatch(/Runtime \(does not matter\): /);
    expect(fromResult).toContain('What would change it: the answers nearest to yours that give a different best.');
    expect(all.slice(all.indexOf('$ reprotree'))).not.toMatch(GLYPHS);
  });
});

describe('line mode from a pipe', () => {
  it('ends the result with what would change it, in words, as many as --alternatives asks for', () => {
    const r = run(['--accessible', '--tree', 'figure-1', '--alternatives', '2'], { input: '2\n2\n2\n' });
    expect(r.code).toBe(0);
    const part = r.stdout.slice(r.stdout.indexOf('What would change it:'));
    expect(part).toBe(
      [
        'What would change it: the answers nearest to yours under which the exact totals favour someone else.',
        '',
        '  1. If Collaboration mattered to you, W&B and MLflow would tie for the lead, 3 points ahead.',
        '  2. If Keras deep dive mattered to you, W&B and MLflow would tie for the lead, 2 points ahead.',
        '',
        'More with --alternatives N.',
        '',
      ].join('\n'),
    );
    expect(r.stdout).not.toMatch(GLYPHS);
  });
});

describe.skipIf(!hasTmux)('ACCESSIBLE=1 for the other commands', () => {
  it('scores, recommend and tree read as words', async () => {
    const sh = await openShell({ columns: 100, rows: 40, env: { ACCESSIBLE: '1' } });
    await sh.type('reprotree tree --tree figure-1 --important runtime; echo END');
    const tree = await sh.waitFor(/^END$/m);
    expect(tree).toMatch(/^Auto-logging\?/m);
    expect(tree).toMatch(/^ {2}If it does not matter \(your answer\): Lines of code\?/m);
    expect(tree).toMatch(/recommends W&B or MLflow/);
    expect(tree).not.toMatch(GLYPHS);
  });

  it.each([
    [['scores'], /^Auto-logging \(auto-logging\): W&B 3, Guild 2\.5, MLflow 4\.?$/m],
    [['--important', 'runtime'], /^Runtime \(matters\): W&B 1, Guild 2\.5, MLflow 1\.?$/m],
    [['tree', '--tree', 'figure-2'], /^ {2}If it matters: recommends MLflow/m],
  ])('ACCESSIBLE=1 reprotree %j', (args, expected) => {
    const r = run(args, { env: { ACCESSIBLE: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(expected);
    expect(r.stdout).not.toMatch(GLYPHS);
    // The same with --accessible.
    expect(run([...args, '--accessible']).stdout).toBe(r.stdout);
  });
});
