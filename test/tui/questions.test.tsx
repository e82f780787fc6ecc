/** The walk one question at a time: answering, going back, starting over, quitting. */
import { describe, expect, it } from 'vitest';
import { drive, KEY } from './harness.js';

describe('a question', () => {
  it('shows the question, what the study measured, the choice, how many may follow and the keys', async () => {
    const app = await drive({ tree: 'figure-1' });
    const f = app.live();
    expect(f).toContain('Question 1 of at most 3');
    expect(f).toContain('Do you want the tracker to capture run details on its own');
    expect(f).toContain('Measured: What each tracker stores by default');
    expect(f).toContain('Scores (higher is better): W&B 3 · Guild 2.5 · MLflow 4');
    expect(f).toMatch(/❯ It matters to me\n {2}It does not matter/);
    for (const key of ['Enter answer', '? evidence', 't tree', 'c checklist instead', 'r restart', 'q quit']) {
      expect(f).toContain(key);
    }
    // Nothing to go back to yet.
    expect(f).not.toContain('← back');
    expect(f).not.toContain('So far:');
  });

  it('moves on when answered, with the answers so far in the transcript (once: no breadcrumb repeats them)', async () => {
    const app = await drive({ tree: 'figure-1' });
    await app.press(KEY.down, KEY.enter);
    expect(app.live()).not.toContain('So far:');
    expect(app.live()).toContain('← back');
    expect(app.live()).toContain('Question 2 of at most 3');
    expect(app.live()).toContain('Do you want to add as few lines as possible');
    expect(app.frame()).toContain('✔ Auto-logging: it does not matter');
    // Number keys answer directly: 1 it matters, 2 it does not; y and n too.
    await app.press('n');
    expect(app.frame()).toContain('✔ Lines of code: it does not matter');
    expect(app.live()).not.toContain('So far:');
    expect(app.live()).toContain('Question 3 · the last on this branch');
  });

  it('counts the questions left on the branch actually taken', async () => {
    const app = await drive({ tree: 'full' });
    expect(app.live()).toContain('Question 1 of at most 7');
    await app.press('1', '2');
    // auto-logging yes, keras no: collaboration next, and at most four more after it.
    expect(app.live()).toContain('Question 3 of at most 7');
    expect(app.live()).toContain('Will other people need to see, share or work on your runs?');
    await app.press('2', '1');
    expect(app.live()).toContain('Question 5 of at most 7');
    await app.press('2', '2');
    expect(app.live()).toContain('Question 7 · the last on this branch');
  });
});

describe('going back', () => {
  it.each([
    ['←', KEY.left],
    ['Backspace', KEY.backspace],
    ['b', 'b'],
  ])('%s returns to the previous question with the earlier answer highlighted', async (_, key) => {
    const app = await drive({ tree: 'figure-1' });
    await app.press('2');
    expect(app.live()).toContain('Question 2');
    await app.press(key);
    const f = app.live();
    expect(f).toContain('Question 1 of at most 3');
    expect(f).toMatch(/ {2}It matters to me\n❯ It does not matter/);
    expect(f).not.toContain('So far:');
    expect(app.frame()).toContain('↩ Back to Auto-logging');
    // Changing the answer takes the other branch.
    await app.press('1');
    expect(app.live()).toContain('Use MLflow');
  });

  it('says so at the first question, where there is nothing to go back to', async () => {
    const app = await drive({ tree: 'figure-1' });
    await app.press(KEY.left);
    expect(app.live()).toContain('This is the first question; there is nothing to go back to.');
    // Set apart from the key hints by a blank row.
    expect(app.live()).toMatch(/q quit\n\nThis is the first question/);
    expect(app.live()).toContain('Question 1 of at most 3');
    // The remark lasts one key.
    await app.press(KEY.down);
    expect(app.live()).not.toContain('nothing to go back to');
  });

  it('from the result, reopens the last question asked', async () => {
    const app = await drive({ tree: 'figure-1' });
    await app.press('2', '1');
    expect(app.live()).toContain('Use MLflow');
    await app.press('b');
    expect(app.live()).toContain('Question 2 of at most 3');
    expect(app.live()).toMatch(/❯ It matters to me/);
  });
});

describe('starting over', () => {
  it('r forgets every answer and starts from the first question', async () => {
    const app = await drive({ tree: 'figure-1' });
    await app.press('2', '2');
    expect(app.live()).toContain('Question 3');
    await app.press('r');
    const f = app.live();
    expect(f).toContain('Question 1 of at most 3');
    expect(f).not.toContain('So far:');
    // Nothing remembered: the first choice is highlighted again.
    expect(f).toMatch(/❯ It matters to me/);
    expect(app.frame()).toContain('↺ Started over');
  });
});

describe('quitting', () => {
  it.each([
    ['q', 'q'],
    ['Ctrl-C', KEY.ctrlC],
  ])('%s on a question cancels', async (_, key) => {
    const app = await drive({ tree: 'figure-1' });
    await app.press('2');
    await app.press(key);
    expect(app.outcome()).toEqual({ kind: 'cancelled' });
  });

  it('Esc on a question goes back rather than quit', async () => {
    const app = await drive({ tree: 'figure-1' });
    await app.press('2', KEY.escape);
    expect(app.outcome()).toBeUndefined();
    expect(app.live()).toContain('Question 1 of at most 3');
    expect(app.frame()).toContain('↩ Back to Auto-logging');
  });

  it('q after two answers asks first; a key other than q or y stays, Ctrl-C never asks', async () => {
    const app = await drive({ tree: 'full' });
    await app.press('1', '2', 'q');
    expect(app.outcome()).toBeUndefined();
    expect(app.live()).toContain('Quit and lose your 2 answers? Press q or y to quit, any other key to stay.');
    await app.press('x');
    expect(app.outcome()).toBeUndefined();
    expect(app.live()).not.toContain('Quit and lose');
    expect(app.live()).toContain('Question 3 of at most 7');
    await app.press('q', 'y');
    expect(app.outcome()).toEqual({ kind: 'cancelled' });
    const other = await drive({ tree: 'full' });
    await other.press('1', '2', KEY.ctrlC);
    expect(other.outcome()).toEqual({ kind: 'cancelled' });
  });

  it.each([
    ['Enter', KEY.enter],
    ['q', 'q'],
  ])('%s on the result finishes with that result', async (_, key) => {
    const app = await drive({ tree: 'figure-1' });
    await app.press('1');
    expect(app.live()).toContain('Use MLflow');
    await app.press(key);
    const o = app.outcome();
    expect(o?.kind).toBe('done');
    if (o?.kind === 'done') expect(o.result.advice.recommendation.name).toBe('mlflow');
  });

  it('Esc on the result goes back to the last question', async () => {
    const app = await drive({ tree: 'figure-1' });
    await app.press('1', KEY.escape);
    expect(app.outcome()).toBeUndefined();
    expect(app.live()).toContain('Question 1 of at most 3');
  });

  it('Ctrl-C on the result still cancels', async () => {
    const app = await drive({ tree: 'figure-1' });
    await app.press('1');
    await app.press(KEY.ctrlC);
    expect(app.outcome()).toEqual({ kind: 'cancelled' });
  });

  it('clears the live area when it ends', async () => {
    const app = await drive({ tree: 'figure-1' });
    await app.press('1');
    expect(app.live()).toContain('Use MLflow');
    await app.press(KEY.enter);
    expect(app.live().trim()).toBe('');
  });
});

describe('keys that arrive together', () => {
  // A paste, `tmux send-keys Down Enter` or a slow link hands Ink several keys in one chunk.
  it('Down and Enter in one chunk answer what Down highlighted', async () => {
    const app = await drive({ tree: 'figure-1' });
    await app.press(KEY.down + KEY.enter);
    expect(app.frame()).toContain('✔ Auto-logging: it does not matter');
    expect(app.live()).toContain('Question 2 of at most 3');
  });

  it('an answer and q in one chunk on the last question finish with the result', async () => {
    const app = await drive({ tree: 'figure-1' });
    await app.press('1q');
    const o = app.outcome();
    expect(o?.kind).toBe('done');
    if (o?.kind === 'done') expect(o.result.advice.recommendation.name).toBe('mlflow');
  });

  it('a whole walk typed at once answers each question in turn', async () => {
    const app = await drive({ tree: 'figure-1' });
    await app.press(`${KEY.down}${KEY.enter}2${KEY.down}${KEY.enter}`);
    expect(app.frame()).toContain('✔ Lines of code: it does not matter');
    expect(app.frame()).toContain('✔ Memory: it does not matter');
    expect(app.live()).toContain('Recommendation: a tie between W&B and MLflow');
  });

  it('the checklist confirms and walks on with keys in one chunk', async () => {
    const app = await drive({ tree: 'full', start: 'checklist' });
    await app.press(`2 4${KEY.enter}${KEY.enter}`.replace(' ', ''));
    expect(app.frame()).toContain('✔ Ticked: Auto-logging, Collaboration');
    expect(app.live()).toContain('Use MLflow');
  });
});
