/**
 * What would change the answer, as every report says it: the text and Markdown section, the JSON
 * list, accessible text, and the sentences for each kind of change (one answer or two, mattering
 * or not, a new leader, a new tie, everything tied, nothing near enough).
 */
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/advice/advise.js';
import { alternatives } from '../../src/advice/alternatives.js';
import { fitTree } from '../../src/advice/model.js';
import { isImportant } from '../../src/cart/profiles.js';
import { adviceReport } from '../../src/render/advice-report.js';
import { alternativeSentence } from '../../src/render/alternatives-report.js';
import { toText } from '../../src/render/blocks.js';
import { parseStudy } from '../../src/study/parse.js';
import { recommended } from '../helpers/io.js';
import { PLAIN, study } from '../helpers/study.js';

const answers = (important?: string) => ({ important, notImportant: undefined, file: undefined });

/** The section of a text report, from its heading to the end, lines trimmed. */
function section(text: string): string {
  const at = text.indexOf('What would change it:');
  expect(at, text).toBeGreaterThanOrEqual(0);
  return text
    .slice(at)
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trimEnd();
}

/** A report's text for the answers `important` (criterion ids) on a criteria file's only tree. */
function reportOf(yaml: string, important: readonly string[], options: { alternatives?: number } = {}): string {
  const s = parseStudy(yaml, 'test.yaml');
  const fitted = fitTree(s, undefined);
  const advice = advise(
    fitted,
    s.criteria.map((c) => important.includes(c.id)),
  );
  return toText(adviceReport(advice, options), PLAIN, 200);
}

describe('the text report', () => {
  it('ends with the nearest single changes, largest lead first, and says when there are more', async () => {
    const { out } = await recommended({ answers: answers('memory') });
    expect(section(out)).toBe(
      [
        'What would change it: the answers nearest to yours that give a different best.',
        '',
        '  1. If Auto-logging mattered to you too, MLflow would lead by 0.5 points.',
        '  2. If Lines of code mattered to you too, Guild and MLflow would tie for the',
        '     lead, 0.5 points ahead.',
        '  3. If Collaboration mattered to you too, W&B would lead by 0.5 points.',
        '',
        'More with --alternatives N.',
      ].join('\n'),
    );
  });

  it('says a single answer that would stop mattering, then a pair, one answer each way', async () => {
    const { out } = await recommended({ answers: answers('auto-logging,keras') });
    expect(section(out)).toBe(
      [
        'What would change it: the answers nearest to yours that give a different best.',
        '',
        '  1. If Auto-logging did not matter to you, W&B and MLflow would tie for the',
        '     lead, 2 points ahead.',
        '  2. If Runtime mattered to you and Keras deep dive did not, Guild and MLflow',
        '     would tie for the lead, 1 point ahead.',
      ].join('\n'),
    );
  });

  it('turns to pairs when no single answer changes it: two that would stop mattering, two that would matter too', async () => {
    const all = await recommended({ answers: answers('runtime,auto-logging,lines,collaboration,memory,sklearn,keras') });
    expect(section(all.out)).toContain('  1. If Auto-logging and Lines of code did not matter to you, W&B would lead by\n     0.5 points.');
    const two = await recommended({ answers: answers('auto-logging,lines') });
    expect(section(two.out)).toContain(
      '  1. If Runtime and Memory mattered to you too, Guild and MLflow would tie for\n     the lead, 1.5 points ahead.',
    );
  });

  it('says "too" only when something already matters, and names a tie of every tracker', async () => {
    const none = await recommended({ answers: { important: undefined, notImportant: 'runtime', file: undefined } });
    expect(section(none.out)).toContain('1. If Collaboration mattered to you, W&B and MLflow would tie for the lead, 3\n     points ahead.');
    const lines = await recommended({ answers: answers('lines') });
    expect(section(lines.out)).toContain('3. If Lines of code did not matter to you, W&B, Guild and MLflow would all\n     tie.');
  });

  it('lists as many as --alternatives asks for, and none with 0', async () => {
    const six = await recommended({ answers: answers('memory'), alternatives: 10 });
    expect(section(six.out)).toContain('6. If Memory did not matter to you, W&B, Guild and MLflow would all tie.');
    expect(six.out).not.toContain('More with --alternatives');
    const one = await recommended({ answers: answers('memory'), alternatives: 1 });
    expect(section(one.out)).toMatch(/1\. If Auto-logging mattered[^\n]*\n\nMore with --alternatives N\.$/);
    const zero = await recommended({ answers: answers('memory'), alternatives: 0 });
    expect(zero.out).not.toContain('What would change it');
    expect(zero.out).toMatch(/Both profiles on this branch of the tree favour Guild\.\n$/);
  });

  it('speaks of the exact best where a depth-limited tree answers otherwise', async () => {
    // figure-1 answers "W&B and MLflow" for runtime alone, where Guild scores best.
    const { out } = await recommended({ tree: 'figure-1', answers: answers('runtime') });
    expect(out).toContain('Guild scores best');
    expect(section(out)).toContain('1. If Collaboration mattered to you too, W&B and MLflow would tie for the\n     lead, 1.5 points ahead.');
  });

  it('says when no change of one or two answers would change the best', () => {
    // A dominates on every criterion: no answer, nor two, can hand the lead to B.
    const yaml =
      'frameworks: [{id: a, name: A}, {id: b, name: B}]\ncriteria:\n  - {id: x, name: X, scores: {a: 3, b: 1}}\n  - {id: y, name: Y, scores: {a: 2, b: 1}}\n  - {id: z, name: Z, scores: {a: 5, b: 0}}\n';
    expect(section(reportOf(yaml, ['x', 'y', 'z']))).toBe('What would change it: no change to one or two of your answers would.');
  });

  it('says when two trackers alone would tie, and a lead made only by floating-point rounding', () => {
    const two = 'frameworks: [{id: a, name: A}, {id: b, name: B}]\ncriteria:\n  - {id: x, name: X, scores: {a: 1, b: 0}}\n';
    expect(section(reportOf(two, ['x']))).toContain('1. If X did not matter to you, A and B would tie.');
    // In feature order A totals 0.1 + 0.2 = 0.30000000000000004, B 0.3: A leads by 5.6e-17.
    const rounding =
      'frameworks: [{id: a, name: A}, {id: b, name: B}]\ncriteria:\n  - {id: x, name: X, scores: {a: 0.1, b: 0}}\n  - {id: y, name: Y, scores: {a: 0.2, b: 0}}\n  - {id: z, name: Z, scores: {a: 0, b: 0.3}}\n';
    expect(section(reportOf(rounding, ['y', 'z']))).toContain('2. If X mattered to you too, A would lead, by floating-point rounding only.');
  });
});

describe('the Markdown report', () => {
  it('has the section as a paragraph and a numbered list', async () => {
    const { out } = await recommended({ format: 'markdown', answers: answers('memory') });
    expect(out).toContain(
      [
        '**What would change it:** the answers nearest to yours that give a different best.',
        '',
        '1. If Auto-logging mattered to you too, MLflow would lead by 0.5 points.',
        '2. If Lines of code mattered to you too, Guild and MLflow would tie for the lead, 0.5 points ahead.',
        '3. If Collaboration mattered to you too, W&B would lead by 0.5 points.',
        '',
        'More with --alternatives N.',
      ].join('\n'),
    );
    const pair = await recommended({ format: 'markdown', answers: answers('auto-logging,keras') });
    expect(pair.out).toContain(
      '2. If Runtime mattered to you and Keras deep dive did not, Guild and MLflow would tie for the lead, 1 point ahead.\n',
    );
  });
});

describe('the JSON', () => {
  const json = async (important: string | undefined, alternatives?: number) =>
    JSON.parse((await recommended({ format: 'json', answers: answers(important), ...(alternatives === undefined ? {} : { alternatives }) })).out);

  it('lists the same alternatives by id, in the same order, with their margins', async () => {
    expect((await json('memory')).alternatives).toEqual([
      { flip: { 'auto-logging': true }, best: ['mlflow'], margin: 0.5 },
      { flip: { lines: true }, best: ['guild', 'mlflow'], margin: 0.5 },
      { flip: { collaboration: true }, best: ['wandb'], margin: 0.5 },
    ]);
    expect((await json('auto-logging,keras')).alternatives).toEqual([
      { flip: { 'auto-logging': false }, best: ['wandb', 'mlflow'], margin: 2 },
      { flip: { runtime: true, keras: false }, best: ['guild', 'mlflow'], margin: 1 },
    ]);
  });

  it('gives null for a margin when every tracker would tie, as many as asked for, and [] for none', async () => {
    const six = (await json('memory', 10)).alternatives;
    expect(six).toHaveLength(6);
    expect(six.at(-1)).toEqual({ flip: { memory: false }, best: ['wandb', 'guild', 'mlflow'], margin: null });
    expect((await json('memory', 0)).alternatives).toEqual([]);
  });
});

describe('every report says the same', () => {
  it('for every profile on every tree of the study: one sentence per JSON entry, naming its criteria and best', async () => {
    const s = study();
    for (const name of ['full', 'figure-1', 'figure-2']) {
      const fitted = fitTree(s, name);
      for (let p = 0; p < 128; p++) {
        const advice = advise(
          fitted,
          s.criteria.map((_, c) => isImportant(p, c, 7)),
        );
        const listed = alternatives(fitted, advice.answers, 3);
        const blocks = adviceReport(advice);
        const list = blocks.at(-1)?.kind === 'list' ? blocks.at(-1) : blocks.at(-2);
        const items = list?.kind === 'list' ? list.items : [];
        expect(items, `profile ${p} on ${name}`).toEqual(listed.map((a) => alternativeSentence(advice, a)));
        for (const [i, a] of listed.entries()) {
          const sentence = String(items[i]);
          for (const f of a.flip) expect(sentence).toContain(s.criteria[f.criterion]!.name);
          for (const f of a.best.members) expect(sentence).toContain(s.frameworks[f]!.name);
          expect(sentence).toMatch(a.margin === null ? /would (all )?tie\.$/ : /would (lead|tie for the lead)/);
        }
      }
    }
  });
});

describe('accessible text', () => {
  it('says it in words: no marks, bars or dashes, the list numbered', async () => {
    const { out } = await recommended({ accessible: true, answers: answers('auto-logging,keras') });
    const part = section(out);
    expect(part).toBe(
      [
        'What would change it: the answers nearest to yours that give a different best.',
        '',
        '  1. If Auto-logging did not matter to you, W&B and MLflow would tie for the lead, 2 points ahead.',
        '  2. If Runtime mattered to you and Keras deep dive did not, Guild and MLflow would tie for the lead, 1 point ahead.',
      ].join('\n'),
    );
    // Letters, digits, spaces and plain punctuation only (& is part of a name).
    expect(part).toMatch(/^[\p{L}\p{N} \n.,:&-]+$/u);
  });
});
