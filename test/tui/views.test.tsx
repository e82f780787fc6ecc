/** The views over a screen: the evidence (?) and the tree (t). */
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { fitTree } from '../../src/advice/model.js';
import { answer, startSession } from '../../src/questionnaire/session.js';
import { TreeView } from '../../src/tui/TreeView.js';
import { scoredStudy } from '../helpers/study.js';
import { drive, flat, KEY } from './harness.js';

describe('the evidence view', () => {
  it('? on a question shows how the study measured it and why each tracker scored what it did', async () => {
    const app = await drive({ tree: 'figure-1', size: { columns: 80, rows: 60 } });
    await app.press('?');
    const f = flat(app.live());
    expect(f).toContain('Auto-logging (auto-logging)');
    expect(f).toContain('How it is measured: What each tracker stores by default');
    expect(f).toContain('1 point per item stored out of the box');
    expect(f).toContain('W&B: 3 points — Stores run metadata and the sklearn version itself');
    expect(f).toContain('MLflow: 4 points (best) — Stores run metadata');
    expect(f).toContain('Esc back');
    expect(f).not.toContain('It matters to me');
  });

  it.each([
    ['Esc', KEY.escape],
    ['?', '?'],
    ['q', 'q'],
    ['←', KEY.left],
  ])('%s closes it and returns to the question, which keeps its place', async (_, key) => {
    const app = await drive({ tree: 'figure-1' });
    await app.press('2', '?');
    expect(app.live()).toContain('Lines of code (lines)');
    await app.press(key);
    expect(app.outcome()).toBeUndefined();
    expect(app.live()).toContain('Question 2 of at most 3');
    expect(app.frame()).toContain('✔ Auto-logging: it does not matter');
  });

  it('closing it finds the question as it was left, the highlight included', async () => {
    const app = await drive({ tree: 'figure-1' });
    await app.press(KEY.down, '?', KEY.escape);
    expect(app.live()).toMatch(/ {2}It matters to me\n❯ It does not matter/);
  });

  it('? on the result shows the evidence for every question on the path', async () => {
    const app = await drive({ tree: 'full', size: { columns: 80, rows: 100 } });
    await app.press('1', '2', '1', '?');
    const f = flat(app.live());
    expect(f).toContain('Auto-logging (auto-logging)');
    expect(f).toContain('Keras deep dive (keras)');
    expect(f).toContain('Collaboration (collaboration)');
    expect(f).not.toContain('Memory (memory)');
  });

  it('scrolls when taller than the terminal', async () => {
    const app = await drive({ tree: 'figure-1', size: { columns: 80, rows: 12 } });
    await app.press('?');
    expect(app.live().split('\n').length).toBeLessThan(12);
    expect(app.live()).toMatch(/1–\d+ of \d+/);
    await app.press(KEY.down, KEY.down, KEY.down);
    expect(app.live()).toMatch(/4–\d+ of \d+/);
  });
});

describe('the tree view', () => {
  it('t on the result draws the tree with the path taken marked', async () => {
    const app = await drive({ tree: 'figure-1', size: { columns: 80, rows: 60 } });
    await app.press('1', 't');
    const f = app.live();
    expect(f).toContain('The figure-1 tree; your path is drawn in heavy lines with ▶.');
    expect(f).toMatch(/^Auto-logging\?/m);
    expect(f).toMatch(/┗━▶ yes: Keras deep dive\?/);
    expect(f).toMatch(/┡━▶ no: Collaboration\?/);
    await app.press(KEY.escape);
    expect(app.live()).toContain('Use MLflow');
  });

  it('closing it finds the result scrolled where it was', async () => {
    const app = await drive({ tree: 'full', size: { columns: 80, rows: 16 } });
    await app.press('1', '2', '1', KEY.pageDown);
    const before = app.live();
    expect(before).not.toContain('Use MLflow');
    await app.press('t', KEY.escape);
    expect(app.live()).toBe(before);
  });

  it('starts scrolled to the end of the path when the tree is taller than the terminal', async () => {
    const app = await drive({ tree: 'full', size: { columns: 80, rows: 16 } });
    await app.press('1', '2', '1', 't');
    const f = app.live();
    expect(f).toContain('▶ yes: MLflow');
    expect(f).not.toMatch(/^1–/m);
  });

  it('t on a question shows the tree and where the walk stands', async () => {
    const app = await drive({ tree: 'figure-1', size: { columns: 80, rows: 60 } });
    await app.press('2', 't');
    const f = flat(app.live());
    expect(f).toContain(
      'The figure-1 tree. So far: Auto-logging ✗. Your path so far is marked with ▶, down to the question now asked: Lines of code?',
    );
    // The root and the question now asked are marked, nothing below it.
    const marked = app
      .live()
      .split('\n')
      .filter((l) => l.includes('▶') && l.includes('n='));
    expect(marked).toHaveLength(1);
    expect(marked[0]).toContain('no: Lines of code?');
    await app.press('t');
    expect(app.live()).toContain('Question 2 of at most 3');
  });
});

describe('the tree view of a tree too big to draw', () => {
  // 12 criteria, framework f scoring only on criterion f: every profile its own leaf, 8191 nodes.
  const scores = Array.from({ length: 144 }, (_, i) => (Math.floor(i / 12) === i % 12 ? 1 : 0));
  const big = fitTree(scoredStudy(12, 12, scores), 't');

  it('draws its top and the path so far, and names the command that writes every node', async () => {
    const session = answer(startSession(big), true);
    const app = render(<TreeView session={session} size={{ columns: 100, rows: 30 }} criteria="mine.yaml" />);
    await new Promise((r) => setTimeout(r, 50));
    // Opened at the end of the path: the question now asked, below the root.
    const rows = app.lastFrame()!;
    expect(rows).toMatch(/┗━▶ yes: C\d+\?/);
    // Paged down to the key, which says what is drawn and where the rest is.
    app.stdin.write(KEY.end);
    await new Promise((r) => setTimeout(r, 50));
    const key = flat(app.lastFrame()!);
    expect(key).toContain('This tree has 8191 nodes, more than a picture can show (2047): drawn are its first 10 levels of questions');
    expect(key).toContain('reprotree tree --criteria mine.yaml --format json gives every node.');
    app.unmount();
  });
});
