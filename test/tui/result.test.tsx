/** The result screen: skipped questions, ties, majority leaves and "ask more", paging. */
import { describe, expect, it } from 'vitest';
import { drive, flat, KEY, widest } from './harness.js';

describe('the result', () => {
  it('explains a single recommendation: why, the scores, the runner-up and how sure the tree is', async () => {
    const app = await drive({ tree: 'full' });
    await app.press('1', '2', '1');
    const f = app.live();
    expect(f).toContain('Use MLflow');
    expect(f).toMatch(/ 1\. Auto-logging: matters\n +2\. Keras deep dive: does not matter\n +3\. Collaboration: matters/);
    expect(f).toMatch(/Total \(what matters\) +8 +4\.5 +9/);
    expect(f).toContain('Runner-up: W&B with 8, 1 point behind MLflow (9).');
    expect(f).toContain('All 16 profiles on this branch of the tree favour MLflow.');
    expect(f).not.toContain('m ask more');
    expect(f).toContain('Enter done');
  });

  it('shows a tie as a tie, with what separates the tied trackers', async () => {
    const app = await drive({ tree: 'full', size: { columns: 80, rows: 80 } });
    await app.press('2', '2', '2', '1');
    const f = flat(app.live());
    expect(f).toContain('Recommendation: a tie between W&B and MLflow');
    expect(f).toContain('What separates them in the study:');
    expect(f).toContain('Auto-logging (did not matter to you): W&B 3, MLflow 4');
  });

  it('names the questions it skipped and why', async () => {
    const app = await drive({ tree: 'figure-1' });
    // Every leaf below "auto-logging matters" recommends MLflow: nothing more is asked.
    await app.press('1');
    const f = flat(app.live());
    expect(f).toContain('Use MLflow');
    expect(f).toMatch(/Not asked: Keras deep dive(,| and) Collaboration/);
    expect(f).toContain('could not change it');
    expect(app.frame()).not.toContain('✔ Keras deep dive');
  });
});

describe('a majority leaf of a depth-limited tree', () => {
  it('says so, flags where the exact ranking differs, and offers to ask more', async () => {
    const app = await drive({ tree: 'figure-1', size: { columns: 80, rows: 60 } });
    await app.press('2', '2', '2');
    const f = flat(app.live());
    expect(f).toContain('Recommendation: a tie between W&B and MLflow');
    expect(f).toContain('13 of the 16 profiles on this branch favour a tie between W&B and MLflow');
    expect(f).toContain('For exactly your answers the scores add up differently');
    expect(f).toContain('This is a majority answer (13 of 16 profiles on this branch). Press m to answer up to 4 more questions');
    expect(f).toContain('m ask more');
  });

  it('m continues on the unlimited tree, keeping the answers, to an exact result', async () => {
    const app = await drive({ tree: 'figure-1', size: { columns: 80, rows: 60 } });
    await app.press('2', '2', '2', 'm');
    expect(app.frame()).toContain('… Asking more, on the figure-1 tree without its depth limit');
    let f = app.live();
    expect(app.frame()).toContain('✔ Memory: it does not matter');
    expect(f).toContain('Question 4 of at most 7');
    expect(f).toContain('Will other people need to see, share or work on your runs?');
    await app.press('2', '2', '1');
    f = app.live();
    expect(f).toContain('Use Guild');
    expect(f).toContain('the figure-1 tree grown without its depth limit');
    expect(f).toContain('Both profiles on this branch of the tree favour Guild.');
    expect(f).not.toContain('majority answer');
    expect(f).not.toContain('m ask more');
    // The result carries the unlimited tree's walk.
    await app.press(KEY.enter);
    const o = app.outcome();
    expect(o?.kind).toBe('done');
    if (o?.kind === 'done') {
      expect(o.result.advice.agrees).toBe(true);
      expect(o.session.extendedAt).toBe(3);
    }
  });

  it('going back from the first extra question returns to the depth-limited answer', async () => {
    const app = await drive({ tree: 'figure-1', size: { columns: 80, rows: 60 } });
    await app.press('2', '2', '2', 'm');
    expect(app.live()).toContain('Question 4 of at most 7');
    await app.press(KEY.left);
    expect(app.live()).toContain('Recommendation: a tie between W&B and MLflow');
    expect(app.live()).toContain('m ask more');
    expect(app.frame()).toContain("↩ Back to the figure-1 tree's answer");
  });

  it('m does nothing where the leaf is already exact', async () => {
    const app = await drive({ tree: 'full' });
    await app.press('1', '2', '1', 'm');
    expect(app.live()).toContain('Use MLflow');
    expect(app.frame()).not.toContain('Asking more');
  });
});

describe('paging', () => {
  it('keeps a long result inside the terminal and scrolls it', async () => {
    const app = await drive({ tree: 'full', size: { columns: 80, rows: 16 } });
    await app.press('1', '2', '1');
    let f = app.live();
    expect(f.split('\n').length).toBeLessThan(16);
    expect(f).toContain('Use MLflow');
    expect(f).toMatch(/1–\d+ of \d+ · ↓ for more/);
    expect(f).not.toContain('Runner-up');
    await app.press(KEY.pageDown, KEY.pageDown);
    f = app.live();
    expect(f).not.toContain('Use MLflow');
    expect(f).toContain('↑');
    expect(f.split('\n').length).toBeLessThan(16);
    // The end is what would change the answer.
    await app.press('G');
    f = app.live();
    expect(f).toContain('↑ for earlier');
    expect(flat(f)).toContain('2. If Runtime mattered to you and Collaboration did not, Guild and MLflow would tie for the lead, 1 point ahead.');
    expect(f.split('\n').length).toBeLessThan(16);
    await app.press('g');
    expect(app.live()).toContain('Use MLflow');
  });
});

describe('what would change it', () => {
  it('ends the result, in the words of the scripted text', async () => {
    const app = await drive({ tree: 'full', size: { columns: 80, rows: 60 } });
    await app.press('1', '2', '1');
    expect(app.live()).toContain(
      [
        'What would change it: the answers nearest to yours that give a different best.',
        '',
        '  1. If Auto-logging did not matter to you, W&B and MLflow would tie for the',
        '     lead, 3 points ahead.',
        '  2. If Runtime mattered to you and Collaboration did not, Guild and MLflow',
        '     would tie for the lead, 1 point ahead.',
      ].join('\n'),
    );
  });

  it('shows as many as asked for, or none', async () => {
    // Only memory matters: six single answers would each change the best.
    const preset = { runtime: false, 'auto-logging': false, lines: false, collaboration: false, sklearn: false, keras: false };
    const more = await drive({ tree: 'full', size: { columns: 80, rows: 60 }, alternatives: 10, preset });
    await more.press('1');
    const f = flat(more.live());
    expect(f).toContain('Use Guild');
    expect(f).toContain('6. If');
    expect(f).not.toContain('More with --alternatives');
    const none = await drive({ tree: 'full', size: { columns: 80, rows: 60 }, alternatives: 0 });
    await none.press('1', '2', '1');
    expect(none.live()).toContain('All 16 profiles on this branch');
    expect(none.live()).not.toContain('What would change it');
  });

  it('in an 80×10 terminal, pages to it and stays shorter than the terminal', async () => {
    const size = { columns: 80, rows: 10 };
    const app = await drive({ tree: 'figure-1', size });
    await app.press('2', '2', '2');
    let f = app.live();
    expect(f).toContain('Recommendation: a tie between W&B and MLflow');
    expect(f).not.toContain('What would change it');
    await app.press('G');
    f = app.live();
    expect(f.split('\n').length).toBeLessThan(size.rows);
    expect(widest(f)).toBeLessThanOrEqual(size.columns);
    expect(f).toContain('More with --alternatives N.');
    expect(f).toContain('Enter done');
    // Every row of the section can be paged to.
    await app.press('g');
    let seen = '';
    for (let i = 0; i < 20 && !seen.includes('↑ for earlier'); i++) {
      seen += `${app.live()}\n`;
      expect(app.live().split('\n').length).toBeLessThan(size.rows);
      await app.press(KEY.pageDown);
    }
    expect(flat(seen)).toContain('What would change it: the answers nearest to yours under which the exact totals favour someone else.');
    expect(flat(seen)).toMatch(/1\. If \w[^.]* mattered to you, /);
  });
});

describe('saving the answers', () => {
  it('s on the result saves the answers it stands on, says where, and lists s among the keys', async () => {
    const app = await drive({ tree: 'full' });
    expect(app.live()).not.toContain('s save answers');
    await app.press('s');
    expect(app.saves()).toHaveLength(0);
    await app.press('1', '2', '1');
    expect(app.live()).toContain('s save answers');
    await app.press('s');
    expect(app.saves()).toHaveLength(1);
    expect(app.live()).toContain('saved 1');
    const ids = app.saves()[0]!.answers.map((a) => [a.criterion, a.important]);
    expect(ids).toEqual([
      [1, true],
      [6, false],
      [3, true],
    ]);
    // The remark goes with the next key; the app goes on.
    await app.press('j');
    expect(app.live()).not.toContain('saved 1');
    expect(app.outcome()).toBeUndefined();
  });

  it('s and ← in one chunk save the result, not the question ← goes back to', async () => {
    const app = await drive({ tree: 'full' });
    await app.press('1', '2', '1', `s${KEY.backspace}`);
    expect(app.live()).toContain('Question 3');
    expect(app.saves().map((s) => s.answers.length)).toEqual([3]);
  });

  it('shows why when saving failed, and stays on the result', async () => {
    const app = await drive({ tree: 'full', save: () => 'Cannot write x.json: permission denied.' });
    await app.press('1', '2', '1', 's');
    expect(app.live()).toContain('Cannot write x.json: permission denied.');
    expect(app.live()).toContain('Use MLflow');
  });
});

describe('answers given before the walk', () => {
  it('are not asked: the walk follows them wherever their questions come', async () => {
    const app = await drive({ tree: 'full', preset: { keras: false, collaboration: true } });
    // Auto-logging is asked first, as without answers; keras and collaboration never are.
    expect(app.live()).toContain('Question 1 of at most');
    expect(app.live()).toContain('capture run details on its own');
    await app.press('1');
    const f = app.live();
    expect(f).toContain('Use MLflow');
    expect(f).toMatch(/1\. Auto-logging: matters\n +2\. Keras deep dive: does not matter\n +3\. Collaboration: matters/);
    expect(app.frame()).not.toContain('✔ Keras deep dive');
  });

  it('tick the checklist before the user does', async () => {
    const app = await drive({ tree: 'full', start: 'checklist', preset: { 'auto-logging': true, keras: false } });
    expect(app.live()).toContain('[x] Auto-logging');
    expect(app.live()).toContain('[ ] Keras deep dive');
  });
});
