import { describe, expect, it } from 'vitest';
import { advise, isDecided, walk } from '../../src/advice/advise.js';
import { parseAnswers } from '../../src/commands/answers.js';
import { fitTree } from '../../src/advice/model.js';
import { isImportant } from '../../src/cart/profiles.js';
import { UserError } from '../../src/errors.js';
import { questionsLeft } from '../../src/questionnaire/session.js';
import { loadStudy } from '../../src/study/load.js';
import { ROOT } from '../helpers/fixtures.js';

const study = await loadStudy(ROOT + 'criteria.yaml');
const profile = (p: number) => study.criteria.map((_, c) => isImportant(p, c, 7));

describe('advice on the full tree', () => {
  const full = fitTree(study, 'full');

  it('agrees with the exact best for every one of the 128 profiles', () => {
    for (let p = 0; p < 128; p++) {
      const a = advise(full, profile(p));
      expect(a.agrees, `profile ${p}`).toBe(true);
      expect(a.leafCounts).toHaveLength(1);
    }
  });

  it('walks one question per level and ends on a leaf', () => {
    const { path, leaf } = walk(full, parseAnswers(study, 'auto-logging,keras'));
    expect(path.map((s) => [study.criteria[s.criterion]!.id, s.important])).toEqual([
      ['auto-logging', true],
      ['keras', true],
    ]);
    expect(full.tree.isLeaf(leaf)).toBe(true);
  });

  it('knows which subtrees are decided and how many questions remain', () => {
    expect(isDecided(full, 0)).toBe(false);
    expect(full.tree.maxDepth()).toBe(7);
    // In Figure 1, once auto-logging matters every leaf below recommends MLflow.
    const fig1 = fitTree(study, 'figure-1');
    expect(isDecided(fig1, fig1.tree.right[0]!)).toBe(true);
    expect(isDecided(fig1, fig1.tree.left[0]!)).toBe(false);
    // Two levels of questions below it, none of which the questionnaire asks.
    const right = fig1.tree.right[0]!;
    expect(fig1.tree.maxDepth() - fig1.tree.depthOf[right]!).toBe(2);
    expect(questionsLeft(fig1, new Map(), right)).toBe(0);
  });

  it('gives the runner-up and the margin from the exact totals', () => {
    const a = advise(full, parseAnswers(study, 'auto-logging,keras'));
    expect(a.totals).toEqual([11, 8.5, 12]);
    expect(a.runnerUp).toEqual({ frameworks: [0], total: 11, margin: 1 });
  });

  it('lists what separates tied frameworks', () => {
    const a = advise(full, parseAnswers(study, 'keras'));
    expect(a.recommendation.name).toBe('wandb+mlflow');
    expect(a.separators.map((c) => study.criteria[c]!.id)).toEqual(['auto-logging', 'lines', 'memory']);
  });
});

describe('advice on the depth-limited Figure 1', () => {
  const fig1 = fitTree(study, 'figure-1');

  it('disagrees with the exact ranking where the study’s figure does', () => {
    const a = advise(fig1, parseAnswers(study, 'runtime'));
    expect(a.recommendation.name).toBe('wandb+mlflow');
    expect(a.best.name).toBe('guild');
    expect(a.agrees).toBe(false);
    expect(a.leafSamples).toBe(16);
    expect(a.leafCounts.map((x) => [x.cls.name, x.count])).toEqual([
      ['wandb+mlflow', 13],
      ['guild', 2],
      ['wandb+guild+mlflow', 1],
    ]);
  });

  it('matches the study’s accuracy: 111 of 128 profiles agree (0.867)', () => {
    let agree = 0;
    for (let p = 0; p < 128; p++) if (advise(fig1, profile(p)).agrees) agree++;
    expect(agree).toBe(111);
  });
});

describe('answers from flags', () => {
  it('names nothing → nothing matters', () => {
    expect(parseAnswers(study)).toEqual(Array(7).fill(false));
  });

  it('accepts spaces around commas', () => {
    expect(parseAnswers(study, 'keras, lines')).toEqual([false, false, true, false, false, false, true]);
  });

  it('matches ids exactly, as a criteria file does, and names the lowercase id', () => {
    expect(() => parseAnswers(study, 'Keras, lines')).toThrow(/^'Keras' is not a criterion id: ids are lowercase, as in .*; use 'keras'\.$/);
  });

  it('refuses unknown, repeated, empty and contradictory answers', () => {
    expect(() => parseAnswers(study, 'kerass')).toThrow(/Did you mean 'keras'/);
    expect(() => parseAnswers(study, 'keras,keras')).toThrow(UserError);
    expect(() => parseAnswers(study, 'keras,')).toThrow(/empty item/);
    expect(() => parseAnswers(study, 'keras', 'keras')).toThrow(/both/);
  });
});
