/** The checklist: every criterion at once, then the tree's walk with the ticks, then the result. */
import { describe, expect, it } from 'vitest';
import { drive, flat, KEY, settle } from './harness.js';

describe('the checklist', () => {
  it('lists every criterion of the tree with its question, none ticked', async () => {
    const app = await drive({ tree: 'full', start: 'checklist' });
    const f = app.live();
    expect(f).toContain('Tick what matters to you (Space), then press Enter.');
    expect(f).toMatch(/❯ \[ \] Runtime\n {6}Does it matter to you how much time/);
    for (const name of ['Auto-logging', 'Lines of code', 'Collaboration', 'Memory', 'scikit-learn deep dive', 'Keras deep dive']) {
      expect(f).toContain(`[ ] ${name}`);
    }
    expect(f).toContain('Space tick · Enter confirm');
  });

  it('only offers the criteria the tree uses', async () => {
    const app = await drive({ tree: 'figure-2', start: 'checklist' });
    const f = app.live();
    expect(f).toContain("This tree uses 4 of the file's 7 criteria.");
    expect(f).not.toContain('Runtime');
    expect(f).toContain('[ ] Auto-logging');
  });

  it('Space ticks and unticks, arrows move, a number ticks its row', async () => {
    const app = await drive({ tree: 'full', start: 'checklist' });
    await app.press(KEY.down, KEY.space);
    expect(app.live()).toContain('❯ [x] Auto-logging');
    await app.press(KEY.space);
    expect(app.live()).toContain('❯ [ ] Auto-logging');
    await app.press('4');
    expect(app.live()).toContain('❯ [x] Collaboration');
    await app.press(KEY.up, KEY.up, KEY.up, KEY.up);
    // Up from the first row wraps to the last.
    expect(app.live()).toContain('❯ [ ] Keras deep dive');
  });

  it('Enter walks the tree with the ticks, then shows the same result as the questions', async () => {
    const app = await drive({ tree: 'full', start: 'checklist' });
    await app.press('2', '4', KEY.enter);
    expect(app.frame()).toContain('✔ Ticked: Auto-logging, Collaboration');
    const walk = app.live();
    expect(walk).toContain('Walking the full tree with your ticks:');
    expect(walk).toContain('1. Auto-logging? ticked → it matters');
    expect(walk).toContain('2. Keras deep dive? not ticked → it does not matter');
    expect(walk).toContain('3. Collaboration? ticked → it matters');
    expect(walk).toContain('→ MLflow (every profile here agrees)');
    await app.press(KEY.enter);
    const f = app.live();
    expect(f).toContain('Use MLflow');
    expect(f).toContain('Runner-up: W&B with 8, 1 point behind MLflow (9).');
    await app.press(KEY.enter);
    const o = app.outcome();
    expect(o?.kind).toBe('done');
    if (o?.kind === 'done') expect(o.result.skipped).toEqual([]);
  });

  it('shows the walk one step at a time, and Enter shows the rest at once', async () => {
    const app = await drive({ tree: 'full', start: 'checklist', stepMs: 10_000 });
    await app.press('2', '4', KEY.enter);
    expect(app.live()).toContain('1. Auto-logging?');
    expect(app.live()).not.toContain('2. Keras deep dive?');
    await app.press(KEY.enter);
    expect(app.live()).toContain('3. Collaboration?');
    expect(app.live()).toContain('→ MLflow');
  });

  it('reveals the steps on its own', async () => {
    const app = await drive({ tree: 'full', start: 'checklist', stepMs: 30 });
    await app.press('2', '4', KEY.enter);
    await settle(300);
    expect(app.live()).toContain('→ MLflow');
  });

  it('← goes from the walk or the result back to the ticks, which are kept', async () => {
    const app = await drive({ tree: 'full', start: 'checklist' });
    await app.press('2', KEY.enter, KEY.left);
    expect(app.live()).toContain('❯ [x] Auto-logging');
    await app.press(KEY.enter, KEY.enter);
    expect(app.live()).toContain('Use MLflow');
    await app.press(KEY.left);
    expect(app.live()).toContain('[x] Auto-logging');
  });

  it('a majority leaf offers more, and the unlimited tree answers at once from the ticks', async () => {
    const app = await drive({ tree: 'figure-1', start: 'checklist', size: { columns: 80, rows: 60 } });
    await app.press(KEY.enter, KEY.enter);
    expect(flat(app.live())).toContain('Press m for the exact one');
    await app.press('m');
    const f = flat(app.live());
    expect(f).toContain('the figure-1 tree grown without its depth limit');
    expect(f).toContain('Recommendation: a tie between all 3');
    expect(f).not.toContain('Press m');
  });

  it('when the ticks already settle the exact answer, offers it without counting questions', async () => {
    const app = await drive({ tree: 'figure-1', start: 'checklist', size: { columns: 80, rows: 60 } });
    await app.press('1', KEY.enter, KEY.enter);
    const f = flat(app.live());
    expect(f).toContain('Press m for the exact one: your answers already settle it.');
    expect(f).toContain('m exact answer');
    expect(f).not.toMatch(/\b0 more question/);
    await app.press('m');
    expect(flat(app.live())).toContain('Use Guild');
    expect(flat(app.live())).not.toContain('Press m');
  });

  it('c switches between the checklist and the questions, carrying the answers over as ticks', async () => {
    const app = await drive({ tree: 'full' });
    await app.press('1', 'c');
    expect(app.live()).toContain('[x] Auto-logging');
    expect(app.live()).toContain('[ ] Lines of code');
  });

  it('c from the ticks starts the questions over, each opening on what its tick said', async () => {
    const app = await drive({ tree: 'full' });
    await app.press('2', 'c', '2');
    expect(app.live()).toContain('[x] Auto-logging');
    await app.press('c');
    const f = app.live();
    expect(f).toContain('Question 1 of at most 7');
    expect(f).not.toContain('So far:');
    // Answered "does not" before, ticked since: the tick wins.
    expect(f).toMatch(/❯ It matters to me\n {2}It does not matter/);
  });

  it('after a result, ← to the ticks and c ask from the first question, and ← there goes nowhere', async () => {
    const app = await drive({ tree: 'figure-1', start: 'checklist', size: { columns: 80, rows: 60 } });
    await app.press('1', KEY.enter, KEY.enter);
    expect(app.live()).toContain('Recommendation');
    await app.press(KEY.left);
    expect(app.live()).toContain('[x] Runtime');
    await app.press('c');
    const f = app.live();
    expect(f).toContain('Question 1 of at most 3');
    expect(f).not.toContain('So far:');
    expect(f).toMatch(/ {2}It matters to me\n❯ It does not matter/);
    await app.press(KEY.left);
    expect(app.live()).toContain('This is the first question; there is nothing to go back to.');
    expect(app.frame()).not.toContain('↩');
  });

  it('r clears the ticks; q quits', async () => {
    const app = await drive({ tree: 'full', start: 'checklist' });
    await app.press('1', '2', 'r');
    expect(app.live()).not.toContain('[x]');
    expect(app.live()).toContain('Tick what matters');
    await app.press('q');
    expect(app.outcome()).toEqual({ kind: 'cancelled' });
  });

  it('? shows the evidence for the highlighted criterion', async () => {
    const app = await drive({ tree: 'full', start: 'checklist', size: { columns: 80, rows: 60 } });
    await app.press(KEY.down, KEY.down, KEY.down, '?');
    expect(app.live()).toContain('Collaboration (collaboration)');
    await app.press(KEY.escape);
    expect(app.live()).toContain('❯ [ ] Collaboration');
  });
});
