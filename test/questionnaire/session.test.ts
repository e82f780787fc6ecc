/** The walk as plain data: what is asked, what is skipped, going back, "ask more", the checklist. */
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/advice/advise.js';
import { fitTree } from '../../src/advice/model.js';
import {
  answer,
  answerVector,
  back,
  extend,
  fromTicks,
  locate,
  moreQuestions,
  questionsLeft,
  startSession,
} from '../../src/questionnaire/session.js';
import type { Session } from '../../src/questionnaire/session.js';
import { applyMove } from '../../src/questionnaire/moves.js';
import { study, trees } from '../helpers/study.js';

const ids = (cs: readonly number[]) => cs.map((c) => study().criteria[c]!.id);
const criterion = (id: string) => study().criteria.findIndex((c) => c.id === id);

function walk(s: Session, ...replies: boolean[]): Session {
  return replies.reduce(answer, s);
}

describe('locate', () => {
  it('asks the root first, counting the longest branch below it', () => {
    const at = locate(startSession(trees('full').base));
    expect(at.kind).toBe('question');
    if (at.kind === 'question') {
      expect(ids([at.criterion])).toEqual(['auto-logging']);
      expect(at.number).toBe(1);
      expect(at.left).toBe(7);
      expect(at.skipped).toEqual([]);
    }
  });

  it('skips a question whose every leaf recommends the same, counting it as not mattering', () => {
    const at = locate(walk(startSession(trees('figure-1').base), true));
    expect(at.kind).toBe('result');
    if (at.kind === 'result') {
      expect(ids(at.skipped)).toEqual(['keras', 'collaboration']);
      expect(at.advice.recommendation.name).toBe('mlflow');
      expect(ids(at.advice.path.map((s) => s.criterion))).toEqual(['auto-logging', 'keras', 'collaboration']);
      expect(at.advice.path.slice(1).every((s) => !s.important)).toBe(true);
    }
  });

  it('never skips on an unlimited tree, whose leaves are exact', () => {
    const full = trees('full').base;
    for (let p = 0; p < 2 ** 7; p++) {
      let s = startSession(full);
      for (;;) {
        const at = locate(s);
        if (at.kind === 'result') {
          expect(at.skipped).toEqual([]);
          break;
        }
        s = answer(s, ((p >> at.number) & 1) === 1);
      }
    }
  });

  it('agrees with advise() for the same answers, on every profile of every tree', () => {
    for (const name of ['full', 'figure-1', 'figure-2']) {
      const base = fitTree(study(), name);
      for (let p = 0; p < 2 ** 7; p++) {
        const wanted = study().criteria.map((_, c) => ((p >> c) & 1) === 1);
        let s = startSession(base);
        for (let at = locate(s); at.kind === 'question'; at = locate(s)) s = answer(s, wanted[at.criterion]!);
        const at = locate(s);
        if (at.kind !== 'result') throw new Error('unreachable');
        // Skipped questions cannot change the recommendation.
        expect(at.advice.recommendation.mask).toBe(advise(base, wanted).recommendation.mask);
      }
    }
  });

  it('counts only the questions still open below a node', () => {
    const full = trees('full').base;
    const known = new Map([[criterion('auto-logging'), true]]);
    expect(questionsLeft(full, known, 0)).toBe(6);
    expect(questionsLeft(full, new Map(), 0)).toBe(7);
  });
});

describe('back', () => {
  it('undoes the last answer and remembers it for the question that returns', () => {
    const s = walk(startSession(trees('figure-1').base), false, false);
    const b = back(s)!;
    expect(b.answers).toHaveLength(1);
    const at = locate(b);
    expect(at.kind === 'question' && at.previous).toBe(false);
    expect(at.kind === 'question' && ids([at.criterion])).toEqual(['lines']);
  });

  it('has nothing to undo at the start', () => {
    expect(back(startSession(trees('figure-1').base))).toBeUndefined();
  });
});

describe('ask more', () => {
  it('is offered on an impure leaf of a depth-limited tree only', () => {
    const limited = locate(walk(startSession(trees('figure-1').base), false, false, false));
    expect(limited.kind === 'result' && limited.exactable).toBe(true);
    const pure = locate(walk(startSession(trees('full').base), true, false, true));
    expect(pure.kind === 'result' && pure.exactable).toBe(false);
  });

  it('continues on the unlimited tree with the answers given, and back leaves it', () => {
    const t = trees('figure-1');
    const s = walk(startSession(t.base), false, false, false);
    expect(moreQuestions(s, t.unlimited())).toBe(4);
    const more = extend(s, t.unlimited());
    const at = locate(more);
    expect(at.kind === 'question' && at.number).toBe(4);
    expect(at.kind === 'question' && ids([at.criterion])).toEqual(['collaboration']);
    const done = locate(walk(more, false, false, true));
    expect(done.kind === 'result' && done.advice.agrees).toBe(true);
    expect(done.kind === 'result' && done.exactable).toBe(false);
    expect(done.kind === 'result' && done.advice.fitted.spec.description).toContain('without its depth limit');
    const left = back(more)!;
    expect(left.fitted).toBe(t.base);
    expect(left.extendedAt).toBeUndefined();
    expect(locate(left).kind).toBe('result');
  });

  it('asks again the questions it had skipped', () => {
    const t = trees('figure-1');
    // lines matters: collaboration is skipped (both its leaves say MLflow), and that leaf is impure.
    const s = walk(startSession(t.base), false, true);
    const at = locate(s);
    expect(at.kind === 'result' && ids(at.skipped)).toEqual(['collaboration']);
    expect(at.kind === 'result' && at.exactable).toBe(true);
    const more = locate(extend(s, t.unlimited()));
    expect(more.kind === 'question' && ids([more.criterion])).toEqual(['collaboration']);
  });

  it('reuses the tree itself when it has no depth limit', () => {
    const t = trees('full');
    expect(t.unlimited()).toBe(t.base);
  });
});

describe('the checklist', () => {
  it('answers every criterion of the tree from the ticks', () => {
    const s = fromTicks(startSession(trees('full').base), new Set([criterion('auto-logging'), criterion('collaboration')]));
    expect(s.answers).toHaveLength(7);
    expect(
      ids(
        study()
          .criteria.map((_, c) => c)
          .filter((c) => answerVector(s)[c]),
      ),
    ).toEqual(['auto-logging', 'collaboration']);
    const at = locate(s);
    expect(at.kind === 'result' && at.advice.recommendation.name).toBe('mlflow');
  });
});

describe('answers given before the walk', () => {
  it('are followed wherever their questions come, and only the rest are asked: every profile, any preset', () => {
    const full = trees('full').base;
    const k = study().criteria.length;
    for (let p = 0; p < 2 ** k; p++) {
      const profile = study().criteria.map((_, c) => ((p >> c) & 1) === 1);
      // A different pair of criteria answered beforehand for each profile, keras among them often.
      const preset = new Map([p % k, (p * 3 + 6) % k].map((c) => [c, profile[c]!] as const));
      let s = startSession(full, preset);
      const asked: number[] = [];
      for (;;) {
        const at = locate(s);
        if (at.kind === 'result') {
          expect(at.advice.recommendation, `profile ${p}`).toEqual(advise(full, profile).recommendation);
          break;
        }
        expect(preset.has(at.criterion), `profile ${p} asked a preset question`).toBe(false);
        asked.push(at.criterion);
        s = answer(s, profile[at.criterion]!);
      }
      expect(asked.length + [...preset.keys()].filter((c) => advise(full, profile).path.some((st) => st.criterion === c)).length).toBe(
        advise(full, profile).path.length,
      );
    }
  });

  it('count as answers in the advice, stay on a restart, and are not undone by going back', () => {
    const t = trees('full');
    const preset = new Map([[criterion('auto-logging'), true]]);
    const s = startSession(t.base, preset);
    const at = locate(s);
    expect(at.kind === 'question' && ids([at.criterion])).toEqual(['keras']);
    expect(at.kind === 'question' && at.number).toBe(1);
    expect(back(s)).toBeUndefined();
    const restarted = applyMove(t, answer(s, true), { kind: 'restart' });
    expect(restarted.kind === 'restarted' && restarted.session.preset).toBe(preset);
    expect(answerVector(answer(s, false))[criterion('auto-logging')]).toBe(true);
  });
});
