/**
 * Answers kept and given back: the questionnaire pre-answered by flags or a file, its answers
 * saved (`s` on the result, line mode's offer, --save-answers), and the scripted command it
 * prints reading them back. In a real terminal and in line mode. Needs `npm run build`.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { closePanes, hasTmux, openPanes, start } from '../helpers/pane.js';

beforeAll(openPanes);
afterAll(closePanes);

const scratch = () => mkdtempSync(join(tmpdir(), 'reprotree-saved-'));
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

/** The scripted command a run ended with ("Same advice without the questions: …"), as arguments. */
function scripted(text: string): string[] {
  const m = /Same advice without the questions:\s+reprotree ([^\n]+)/.exec(text);
  if (!m) throw new Error(`no scripted command in:\n${text}`);
  return m[1]!.trim().split(' ');
}

describe('line mode (--accessible)', () => {
  it('asks only what flags left open, offers to save, and the command it prints reads the saved file', () => {
    const dir = scratch();
    const r = run(['ask', '--accessible', '--important', 'auto-logging', '--not-important', 'runtime'], { cwd: dir, input: '2\n1\n1\n' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Answered already, so not asked: Runtime does not matter, Auto-logging matters.');
    // Auto-logging comes first in the tree; the first question asked is the next one down.
    expect(r.stderr).toContain('Question 1 of at most 2: Do you train Keras neural networks');
    expect(r.stderr).not.toMatch(/Question \d[^\n]*capture run details/);
    expect(r.stderr).toContain('Save your answers to reprotree-answers.json, to use them again with --answers? 1 yes, 2 or Enter no: 1');
    expect(r.stderr).toContain('Saved your answers to reprotree-answers.json');
    expect(json(join(dir, 'reprotree-answers.json'))).toEqual({ runtime: false, 'auto-logging': true, collaboration: true, keras: false });
    const command = scripted(r.stderr);
    expect(command).toEqual(['--answers', 'reprotree-answers.json']);
    // Line mode's result has no table, so the first lines are compared, and the answers in force.
    const again = run(command, { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout.split('\n')[0]).toBe('Use MLflow');
    expect(r.stdout.split('\n')[0]).toBe('Use MLflow');
    expect(JSON.parse(run([...command, '--json'], { cwd: dir }).stdout).answers).toMatchObject({
      'auto-logging': true,
      collaboration: true,
      keras: false,
    });
  });

  it('never replaces a file it did not write: the next free name instead', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'reprotree-answers.json'), 'someone else’s\n');
    // 1: auto-logging matters; 2: no more questions; yes: save.
    const r = run(['--accessible', '--tree', 'figure-1'], { cwd: dir, input: '1\n2\nyes\n' });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'reprotree-answers.json'), 'utf8')).toBe('someone else’s\n');
    expect(json(join(dir, 'reprotree-answers-2.json'))).toEqual({ 'auto-logging': true });
    expect(scripted(r.stderr)).toEqual(['--tree', 'figure-1', '--answers', 'reprotree-answers-2.json']);
  });

  it('saves without asking with --save-answers, and not at all when the offer is declined', () => {
    const dir = scratch();
    const saved = run(['--accessible', '--tree', 'figure-1', '--save-answers', 'mine.json'], { cwd: dir, input: '1\n' });
    expect(saved.code).toBe(0);
    expect(saved.stderr).not.toContain('Save your answers to');
    expect(json(join(dir, 'mine.json'))).toEqual({ 'auto-logging': true });
    const declined = run(['--accessible', '--tree', 'figure-1'], { cwd: dir, input: '1\n2\n2\n' });
    expect(declined.code).toBe(0);
    expect(existsSync(join(dir, 'reprotree-answers.json'))).toBe(false);
    expect(scripted(declined.stderr)).toEqual(['--tree', 'figure-1', '--important', 'auto-logging']);
  });

  it('takes its answers from a file, and asks only the questions the file leaves open', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.yaml'), 'keras: true\nauto-logging: false\n');
    const r = run(['ask', '--accessible', '--answers', 'a.yaml'], { cwd: dir, input: '2\n2\n2\n' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Answered already, so not asked: Auto-logging does not matter, Keras deep dive matters.');
    expect(r.stderr).toContain('Question 1 of at most 5: Do you want to add as few lines');
    expect(r.stderr.match(/^Question \d/gm)).toHaveLength(3);
    expect(r.stdout.split('\n')[0]).toBe('Recommendation: a tie between W&B and MLflow');
    expect(run(['--important', 'keras']).stdout.split('\n')[0]).toBe('Recommendation: a tie between W&B and MLflow');
  });
});

describe('line mode’s checklist', () => {
  it('lists only what was not answered beforehand, and adds the ticks to those answers', () => {
    const r = run(['ask', '--accessible', '--checklist', '--important', 'auto-logging', '--tree', 'figure-2'], { cwd: scratch(), input: '1\n2\n' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('1. Collaboration: ');
    expect(r.stderr).not.toMatch(/^\d\. Auto-logging: /m);
    expect(r.stderr).toContain('1. Auto-logging? answered already, so it matters.');
    expect(scripted(r.stderr)).toEqual(['--tree', 'figure-2', '--important', 'auto-logging,collaboration']);
  });
});

describe.skipIf(!hasTmux)('in a terminal', () => {
  it('pre-answers what the flags name, saves with s, and leaves a command that reads the file', async () => {
    const dir = scratch();
    const pane = start(['ask', '--important', 'auto-logging', '--tree', 'figure-1'], { cwd: dir, rows: 40 });
    // The only question of figure-1's auto-logging branch is answered: the result comes at once.
    await pane.waitFor('Use MLflow');
    expect(pane.history()).toContain('Answered already, so not asked: Auto-logging matters.');
    expect(pane.screen()).toContain('s save answers');
    await pane.keys('s');
    await pane.waitFor('Saved your answers to reprotree-answers.json');
    await pane.keys('Enter');
    expect(await pane.exitCode()).toBe(0);
    const history = pane.history();
    expect(history).toContain('Your answers are saved in reprotree-answers.json.');
    expect(history).toContain('Same advice without the questions: reprotree --tree figure-1 --answers reprotree-answers.json');
    expect(json(join(dir, 'reprotree-answers.json'))).toEqual({ 'auto-logging': true });
    expect(run(['--tree', 'figure-1', '--answers', 'reprotree-answers.json'], { cwd: dir }).stdout).toMatch(/^Use MLflow\n/);
  });

  it('--save-answers keeps the answers the walk ends on, after going back and changing one', async () => {
    const dir = scratch();
    const pane = start(['--tree', 'figure-1', '--save-answers', 'mine.json'], { cwd: dir, rows: 40 });
    await pane.waitFor('Question 1 of at most 3');
    await pane.keys('1');
    await pane.waitFor('Use MLflow');
    await pane.keys('s');
    await pane.waitFor('Saved your answers to mine.json');
    await pane.keys('BSpace');
    await pane.waitFor('Question 1 of at most 3');
    await pane.keys('2');
    await pane.waitFor('Question 2');
    await pane.keys('2');
    await pane.waitFor('Question 3');
    await pane.keys('1');
    await pane.waitFor('Use W&B');
    await pane.keys('Enter');
    expect(await pane.exitCode()).toBe(0);
    const saved = json(join(dir, 'mine.json'));
    expect(saved).toEqual({ 'auto-logging': false, lines: false, memory: true });
    expect(pane.history()).toContain('--answers mine.json');
    expect(run(['--tree', 'figure-1', '--answers', 'mine.json', '--json'], { cwd: dir }).code).toBe(0);
  });
});
