import { describe, expect, it } from 'vitest';
import { advise } from '../../src/advice/advise.js';
import { alternatives } from '../../src/advice/alternatives.js';
import { fitTree } from '../../src/advice/model.js';
import { isImportant } from '../../src/cart/profiles.js';
import { parseAnswers } from '../../src/commands/answers.js';
import { loadStudy } from '../../src/study/load.js';
import { ROOT } from '../helpers/fixtures.js';

const study = await loadStudy(`${ROOT}criteria.yaml`);
const full = fitTree(study, 'full');
const ids = (cls: { members: readonly number[] }) => cls.members.map((f) => study.frameworks[f]!.id);
const flips = (a: { flip: readonly { criterion: number; important: boolean }[] }) =>
  a.flip.map((x) => `${study.criteria[x.criterion]!.id}=${x.important}`);

describe('what would change the answer', () => {
  it('lists the single flips that change the best set, largest lead first, then criterion order', () => {
    // Only memory matters: Guild leads. Adding auto-logging hands it to MLflow by 0.5, adding
    // lines makes Guild and MLflow tie, adding collaboration hands it to W&B.
    const got = alternatives(full, parseAnswers(study, 'memory'));
    expect(got.map((a) => [flips(a), ids(a.best), a.margin])).toEqual([
      [['auto-logging=true'], ['mlflow'], 0.5],
      [['lines=true'], ['guild', 'mlflow'], 0.5],
      [['collaboration=true'], ['wandb'], 0.5],
    ]);
  });

  it('gives every changing flip when asked for more, and says when all would tie', () => {
    const got = alternatives(full, parseAnswers(study, 'memory'), 20);
    expect(got.flatMap(flips)).toEqual(['auto-logging=true', 'lines=true', 'collaboration=true', 'sklearn=true', 'keras=true', 'memory=false']);
    expect(got.at(-1)!.margin).toBeNull();
    expect(ids(got.at(-1)!.best)).toEqual(['wandb', 'guild', 'mlflow']);
  });

  it('turns to pairs of flips when no single flip changes the answer', () => {
    // Everything matters: MLflow leads by 1.5 and no single criterion dropped changes that.
    const all = study.criteria.map(() => true);
    const got = alternatives(full, all, 50);
    expect(got.length).toBeGreaterThan(0);
    for (const a of got) expect(a.flip).toHaveLength(2);
    expect(got[0]!.flip.map((x) => study.criteria[x.criterion]!.id).sort()).toEqual(['auto-logging', 'lines'].sort());
  });

  it('is right for every profile: each alternative changes the exact best, by the margin advise() reports', () => {
    for (const name of ['full', 'figure-1', 'figure-2']) {
      const fitted = fitTree(study, name);
      for (let p = 0; p < 128; p++) {
        const answers = study.criteria.map((_, c) => isImportant(p, c, 7));
        const before = advise(fitted, answers).best.mask;
        const got = alternatives(fitted, answers, 1000);
        const singles = new Set<number>();
        for (const a of got) {
          const next = answers.map((x, c) => (a.flip.some((f) => f.criterion === c) ? !x : x));
          for (const f of a.flip) expect(next[f.criterion]).toBe(f.important);
          const after = advise(fitted, next);
          expect(after.best.mask).not.toBe(before);
          expect(after.best.mask).toBe(a.best.mask);
          expect(a.margin).toBe(after.runnerUp ? after.runnerUp.margin : null);
          // Only criteria the tree uses count, so only those are flipped.
          for (const f of a.flip) expect(fitted.featureCriteria).toContain(f.criterion);
          if (a.flip.length === 1) singles.add(a.flip[0]!.criterion);
          // A pair never repeats what one of its flips says alone.
          else for (const f of a.flip) expect(singles.has(f.criterion)).toBe(false);
        }
      }
    }
  });
});
