/**
 * The built questionnaire as a user meets it: in a real pseudo-terminal (a tmux pane), with
 * piped input in accessible mode, and refused where there is no terminal. Needs `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectUserError, run } from '../helpers/cli.js';
import { closePanes, hasTmux, openPanes, start } from '../helpers/pane.js';

beforeAll(openPanes);
afterAll(closePanes);

describe.skipIf(!hasTmux)('in a terminal', () => {
  it('walks from the first question to the result and leaves a summary in the scrollback', async () => {
    const pane = start(['--tree', 'figure-1']);
    const first = await pane.waitFor('Question 1 of at most 3');
    // The title may have scrolled above a 24-row screen by now; it is in the scrollback.
    expect(pane.history()).toContain('reprotree · Which experiment tracker fits your project?');
    expect(first).toContain('Tree: figure-1');
    expect(first).toContain('Do you want the tracker to capture run details on its own');
    expect(first).toContain('c checklist instead');
    await pane.keys('Down');
    await pane.waitFor('❯ It does not matter');
    await pane.keys('Enter');
    await pane.waitFor('Question 2 of at most 3');
    await pane.keys('2');
    await pane.waitFor('Question 3');
    await pane.keys('BSpace');
    await pane.waitFor(/Question 2 of at most 3[\s\S]* {2}It matters to me\n❯ It does not matter/);
    await pane.keys('2');
    await pane.waitFor('Question 3');
    await pane.keys('2');
    await pane.waitFor('Recommendation: a tie between W&B and MLflow');
    await pane.waitFor('Press m to answer');
    await pane.keys('Enter');
    expect(await pane.exitCode()).toBe(0);
    const history = pane.history();
    expect(history).toContain('✔ Auto-logging: it does not matter');
    expect(history).toContain('↩ Back to Lines of code');
    expect(history).toContain('reprotree: a tie between W&B and MLflow (tree figure-1, 3 questions).');
    expect(history).toContain('Your answers: Auto-logging does not matter, Lines of code does not matter, Memory does not matter.');
    expect(history).toContain('Same advice without the questions: reprotree --tree figure-1 --not-important auto-logging,lines,memory');
    // The live area is gone: the summary replaced it.
    expect(history).not.toContain('Enter done');
    expect(pane.stty()).toMatch(/(^|\s)icanon(\s|$)/m);
    expect(pane.stty()).toMatch(/(^|\s)echo(\s|$)/m);
  });

  it('answers what Down chose when Down and Enter arrive in one chunk', async () => {
    const pane = start(['--tree', 'figure-1']);
    await pane.waitFor('Question 1 of at most 3');
    // One send-keys call, so both keys reach the program in a single read, as a paste or a slow
    // link delivers them: the escape sequence of Down, then Enter's carriage return.
    await pane.keys('\u001b[B\r');
    await pane.waitFor('Question 2 of at most 3');
    expect(pane.history()).toContain('✔ Auto-logging: it does not matter');
    // An answer and q together on the last question finish rather than cancel.
    await pane.keys('2');
    await pane.waitFor('Question 3');
    await pane.keys('2q');
    expect(await pane.exitCode()).toBe(0);
    expect(pane.history()).toContain('reprotree: a tie between W&B and MLflow');
  });

  it('asks more on a majority leaf and ends on the exact answer', async () => {
    const pane = start(['--tree', 'figure-1']);
    for (const q of ['Question 1', 'Question 2', 'Question 3']) {
      await pane.waitFor(q);
      await pane.keys('2');
    }
    await pane.waitFor('Press m to answer');
    await pane.keys('m');
    await pane.waitFor('Question 4 of at most 7');
    await pane.keys('2');
    await pane.waitFor('Question 5');
    await pane.keys('2');
    await pane.waitFor('Question 6');
    await pane.keys('1');
    await pane.waitFor('Use Guild');
    await pane.keys('q');
    expect(await pane.exitCode()).toBe(0);
    expect(pane.history()).toContain('reprotree: use Guild (tree figure-1 without its depth limit, 6 questions).');
    expect(pane.history()).toContain('reprotree --important runtime');
  });

  // Esc goes back a question instead (keys.test.ts).
  it.each([
    ['q', 'q'],
    ['Ctrl-C', 'C-c'],
  ])('%s quits with exit 130, no summary, and the terminal restored', async (_, key) => {
    const pane = start([]);
    await pane.waitFor('Question 1 of at most 7');
    await pane.keys('1');
    await pane.waitFor('Question 2');
    await pane.keys(key);
    expect(await pane.exitCode()).toBe(130);
    expect(pane.history()).not.toContain('reprotree: use');
    expect(pane.screen()).not.toContain('It matters to me');
    expect(pane.stty()).toMatch(/(^|\s)icanon(\s|$)/m);
  });

  it('the checklist ticks everything at once and lands on the same result', async () => {
    const pane = start(['--checklist']);
    await pane.waitFor('Tick what matters to you');
    await pane.keys('Down');
    await pane.waitFor('❯ [ ] Auto-logging');
    await pane.keys('Space');
    await pane.waitFor('[x] Auto-logging');
    await pane.keys('4');
    await pane.waitFor('[x] Collaboration');
    await pane.keys('Enter');
    await pane.waitFor('Walking the full tree with your ticks:');
    await pane.keys('Enter');
    await pane.waitFor('→ MLflow');
    await pane.keys('Enter');
    await pane.waitFor('Use MLflow');
    await pane.keys('Enter');
    expect(await pane.exitCode()).toBe(0);
    expect(pane.history()).toContain('reprotree --important auto-logging,collaboration');
  });

  it('holds its layout at 40 columns without colour', async () => {
    const pane = start(['--tree', 'figure-1'], { columns: 40, rows: 24, env: { NO_COLOR: '1' } });
    const s = await pane.waitFor('Question 1 of at most 3');
    expect(s).toContain('❯ It matters to me');
    expect(s).toContain('q quit');
    const coloured = pane.styledScreen();
    expect(coloured).not.toMatch(/\u001b\[[0-9;]*3[0-7]m/);
    await pane.keys('2');
    await pane.waitFor('Question 2');
    await pane.keys('2');
    await pane.waitFor('Question 3');
    await pane.keys('2');
    const result = await pane.waitFor('Recommendation: a tie');
    expect(result).toMatch(/1–\d+ of \d+/);
    await pane.keys('Enter');
    expect(await pane.exitCode()).toBe(0);
  });

  it('refuses under CI even in a terminal, since Ink would draw only its last frame', async () => {
    const pane = start([], { env: { CI: 'true' } });
    expect(await pane.exitCode()).toBe(2);
    expect(pane.history()).toContain('--important');
  });
});

describe('accessible mode', () => {
  it('reads numbered answers line by line from a pipe: questions on stderr, the result on stdout', () => {
    const r = run(['--accessible'], { input: '1\n2\n1\n' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Question 1 of at most 7: Do you want the tracker to capture run details on its own');
    expect(r.stderr).toContain('Answer 1 (it matters) or 2 (it does not): 1\n');
    expect(r.stderr).toContain('Question 3 of at most 7: Will other people need to see');
    expect(r.stdout).toMatch(/^Use MLflow\n/);
    expect(r.stdout).toContain('Auto-logging (matters): W&B 3, Guild 2.5, MLflow 4');
    // Nothing redrawn, no bars or box drawing for a screen reader to spell out.
    expect(r.stdout + r.stderr).not.toMatch(/\u001b|[█▏▎▍▌▋▊▉─│┃]/);
    expect(r.stderr).toContain('Same advice without the questions: reprotree --important auto-logging,collaboration');
  });

  it('is also chosen by ACCESSIBLE=1, and takes b to go back and ? for evidence', () => {
    const r = run([], { input: '1\nb\n?\n1\n2\n1\n', env: { ACCESSIBLE: '1' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Going back one question.');
    expect(r.stderr).toContain('(before, you answered 1)');
    expect(r.stderr).toContain('How it is measured:');
    expect(r.stdout).toMatch(/^Use MLflow\n/);
  });

  it('offers more questions on a majority leaf, and the end of the input keeps the answer', () => {
    const r = run(['--accessible', '--tree', 'figure-1'], { input: '2\n2\n2\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Recommendation: a tie between W&B and MLflow');
    expect(r.stderr).toContain('Up to 4 more questions on the tree without its depth limit would make it exact.');
    const more = run(['--accessible', '--tree', 'figure-1'], { input: '2\n2\n2\n1\n2\n2\n1\n' });
    expect(more.code).toBe(0);
    expect(more.stdout).toContain('Use Guild');
  });

  it('when the checklist settles the exact answer, offers it without counting questions', () => {
    const r = run(['--accessible', '--checklist', '--tree', 'figure-1'], { input: '1\n1\n' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Your answers already settle the exact one.');
    expect(r.stderr).not.toMatch(/\b0 more question/);
    expect(r.stdout).toContain('Use Guild');
    expect(r.stderr).toContain('Same advice without the questions: reprotree --important runtime');
  });

  it('re-asks anything but 1 or 2 at the offer of more, and keeps the command when declined', () => {
    const r = run(['--accessible', '--tree', 'figure-1'], { input: '2\n\n2\n2\nmaybe\n\n2\n' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Type 1 if it matters, 2 if it does not, or b, r, ?, t, d or q.');
    expect(r.stderr).not.toContain("'' is not an answer");
    expect(r.stderr).toContain("'maybe' is not an answer here: type 1 to ask them, or 2 to keep this answer.");
    expect(r.stderr).toContain('Type 1 to ask them, or 2 to keep this answer.');
    expect(r.stderr).toContain('Same advice without the questions: reprotree --tree figure-1 --not-important auto-logging,lines,memory');
    // Declined at the end of the input too.
    const ended = run(['--accessible', '--tree', 'figure-1'], { input: '2\n2\n2\n' });
    expect(ended.stderr).toContain('Same advice without the questions: reprotree --tree figure-1');
  });

  it.each(['0', 'false', ''])('ACCESSIBLE=%j leaves accessible mode off, as CI does for CI', (value) => {
    const r = run([], { input: '1\n1\n1\n', env: { ACCESSIBLE: value } });
    expect(expectUserError(r)).toContain('--accessible');
  });

  it('takes a checklist as numbers on one line', () => {
    const r = run(['--accessible', '--checklist'], { input: 'x\n2, 4\n' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("'x' is not one of the numbers 1 to 7");
    expect(r.stderr).toContain('1. Auto-logging? chosen, so it matters.');
    expect(r.stdout).toMatch(/^Use MLflow\n/);
  });

  it('says where the answers ran out (exit 2), and q quits (exit 130)', () => {
    const r = run(['--accessible'], { input: '1\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('The input ended before question 2 (Keras deep dive) was answered');
    expect(r.stdout).toBe('');
    const q = run(['--accessible'], { input: 'q\n' });
    expect(q.code).toBe(130);
    expect(q.stdout).toBe('');
  });
});

describe('without a terminal', () => {
  it('refuses in one sentence on stderr, exit 2, nothing on stdout, and says how to run scripted', () => {
    const r = run([]);
    const message = expectUserError(r);
    expect(message).toContain('--important');
    expect(message.trim().split('\n')).toHaveLength(1);
    expect(message).not.toContain('Raw mode');
  });

  it('refuses the same way with --checklist', () => {
    expectUserError(run(['--checklist']));
  });
});
