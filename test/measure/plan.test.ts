/** What a run measures and in which order: names checked against the probes' list; shuffled rounds. */
import { describe, expect, it } from 'vitest';
import { chooseGroups, chooseTrackers, mulberry32, roundOrder, schedule } from '../../src/measure/plan.js';
import type { ProbeList } from '../../src/measure/plan.js';

const LIST: ProbeList = {
  trackers: ['mlflow', 'wandb', 'null'],
  experiments: {
    'auto-logging': ['auto-logging'],
    components: ['runtime', 'memory'],
    lines: ['lines'],
    sklearn: ['sklearn', 'log-size'],
    keras: ['keras', 'memory-from-data'],
    collaboration: ['collaboration', 'facts'],
  },
  components: ['init', 'params', 'autolog'],
};

describe('choosing trackers and experiments', () => {
  it('takes every tracker the probes list, or those named, each once and in the order given', () => {
    expect(chooseTrackers(LIST, undefined)).toEqual(['mlflow', 'wandb', 'null']);
    expect(chooseTrackers(LIST, 'wandb, MLflow,wandb')).toEqual(['wandb', 'mlflow']);
    expect(() => chooseTrackers(LIST, 'wandbb')).toThrow("Did you mean 'wandb'?");
    expect(() => chooseTrackers(LIST, ',')).toThrow('--trackers needs tracker ids');
  });

  it('runs every group but Keras by default; names may be groups or the records they write', () => {
    expect(chooseGroups(LIST, undefined, false)).toEqual({
      groups: ['auto-logging', 'components', 'lines', 'sklearn', 'collaboration'],
      keras: false,
    });
    expect(chooseGroups(LIST, undefined, true).groups).toContain('keras');
    expect(chooseGroups(LIST, 'memory,auto-logging,runtime', false)).toEqual({ groups: ['auto-logging', 'components'], keras: false });
    expect(chooseGroups(LIST, 'log-size', false).groups).toEqual(['sklearn']);
    // Asking for a Keras experiment asks for TensorFlow in the environments.
    expect(chooseGroups(LIST, 'memory-from-data', false)).toEqual({ groups: ['keras'], keras: true });
    expect(() => chooseGroups(LIST, 'lins', false)).toThrow("Did you mean 'lines'?");
  });
});

describe('the order of the samples', () => {
  it('mulberry32 is deterministic and spreads over [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    // Roughly uniform: each tenth gets 100 ± 40.
    for (let d = 0; d < 10; d++) expect(Math.abs(xs.filter((x) => Math.floor(x * 10) === d).length - 100)).toBeLessThan(40);
  });

  it('each round holds every tracker and component once, shuffled afresh', () => {
    const slots = schedule(['mlflow', 'wandb', 'null'], LIST.components, 30, 7);
    expect(slots).toHaveLength(270);
    const rounds = Array.from({ length: 30 }, (_, r) => slots.slice(r * 9, r * 9 + 9));
    for (const [i, round] of rounds.entries()) {
      expect(round.every((s) => s.repetition === i + 1 && s.of === 9)).toBe(true);
      expect(round.map((s) => s.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(new Set(round.map((s) => `${s.tracker} ${s.component}`)).size).toBe(9);
    }
    // No unit is always first: over 30 rounds, several different units open a round.
    expect(new Set(rounds.map((r) => `${r[0]!.tracker} ${r[0]!.component}`)).size).toBeGreaterThan(3);
    // The same seed gives the same order; another seed another.
    expect(schedule(['mlflow', 'wandb', 'null'], LIST.components, 30, 7)).toEqual(slots);
    expect(schedule(['mlflow', 'wandb', 'null'], LIST.components, 30, 8)).not.toEqual(slots);
  });

  it('a round is a permutation: Fisher–Yates keeps every unit', () => {
    const units = Array.from({ length: 50 }, (_, i) => i);
    for (let round = 1; round <= 20; round++) expect([...roundOrder(units, 123, round)].sort((a, b) => a - b)).toEqual(units);
  });
});
