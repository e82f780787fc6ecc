/**
 * The scoring rules: on the study's own numbers they must give its Table 11; on made-up data with
 * more trackers, ties, failures and gaps they must do what docs/measurements.md says.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CRITERIA } from '../../src/measure/format.js';
import type { CriterionId, MeasurementSet } from '../../src/measure/format.js';
import { readMeasurements } from '../../src/measure/read.js';
import { scoreAll, scoreCriterion } from '../../src/measure/rules.js';
import { ROOT } from '../helpers/fixtures.js';
import { arbitrarySet, around, failed, file, lines, logSize, marks, memory, memoryFromData, runtime, setOf } from './synthetic.js';
import type { Json } from './synthetic.js';

const STUDY = readMeasurements(ROOT + 'data/study-2021.measurements.json');

/** The study's Table 11 as published: W&B, Guild, MLflow. */
const TABLE_11: [CriterionId, number, number, number][] = [
  ['auto-logging', 3, 2.5, 4],
  ['runtime', 1, 2.5, 1],
  ['memory', 1, 1.5, 0.5],
  ['lines', 2, 2, 3],
  ['sklearn', 8.5, 8, 8.5],
  ['log-size', 1, 1, 1],
  ['keras', 8, 6, 8],
  ['memory-from-data', 1, 1, 1],
  ['collaboration', 5, 2, 5],
];

/** Scores by tracker id, for one criterion. */
function scoresOf(set: MeasurementSet, id: CriterionId): Record<string, number> {
  const r = scoreCriterion(set, id);
  return Object.fromEntries(set.trackers.map((t, i) => [t.id, r.scores[i]!]));
}

describe("the study's data gives Table 11", () => {
  const table = scoreAll(STUDY);

  it('all nine rows, in order', () => {
    expect(table.trackers.map((t) => t.id)).toEqual(['wandb', 'guild', 'mlflow']);
    expect(table.criteria.map((c) => [c.id, ...c.scores])).toEqual(TABLE_11);
  });

  it('and its totals, 30.5, 26.5 and 32', () => {
    const totals = [0, 1, 2].map((i) => table.criteria.reduce((s, c) => s + c.scores[i]!, 0));
    expect(totals).toEqual([30.5, 26.5, 32]);
  });

  it('from the rules alone on every row but lines', () => {
    for (const c of table.criteria) if (c.id !== 'lines') expect([c.id, ...c.rule]).toEqual(TABLE_11.find((r) => r[0] === c.id));
  });

  it('lines: the stated rule gives W&B 2, Guild 1, MLflow 2; the published 2, 2, 3 is used and said so', () => {
    const row = table.criteria.find((c) => c.id === 'lines')!;
    expect(row.rule).toEqual([2, 1, 2]);
    expect(row.scores).toEqual([2, 2, 3]);
    expect(row.override?.why).toMatch(/gives 2, 1, 2 from Table 4/);
    expect(row.evidence[1]).toBe(
      'Added lines: initialisation 3, estimator parameters 0, auto-logging 1; fewest in estimator parameters: 1 point by the rule. Published: 2; the score used is the published one.',
    );
    expect(row.evidence[0]).toMatch(/auto-logging 0 \(the study writes "\(0\)"\).*Published: 2, as the rule gives\.$/);
  });

  it('cites the published numbers in the evidence', () => {
    const [runtime, memory] = ['runtime', 'memory'].map((id) => table.criteria.find((c) => c.id === id)!);
    expect(runtime!.evidence[0]).toContain('initialisation: mean 3.74 s ± 0.96 s on the MacBook (3rd), mean 4.54 s ± 0.368 s on the Dell (3rd)');
    expect(runtime!.evidence[1]).toContain('mean 1.15 ms ± 0.0397 ms on the Dell (1st)');
    expect(runtime!.evidence[1]).toMatch(/2\.5 on the MacBook, 2\.5 on the Dell, averaged: 2\.5 points\.$/);
    expect(memory!.evidence[2]).toContain('auto-logging: peak 174 MiB, +25.5 MiB on the MacBook (3rd)');
    expect(memory!.evidence[1]).toMatch(/Mean rank 1\.33, 1st of 3: 1\.5 points\.$/);
    const log = table.criteria.find((c) => c.id === 'log-size')!;
    expect(log.evidence[2]).toBe('88.8 kB on the MacBook (1.34×), 82.8 kB on the Dell (1.26×); at most 1.34× the lowest: 1 point.');
  });

  it('has nothing to note but the override', () => {
    expect(table.notes).toEqual([]);
    expect(table.criteria.flatMap((c) => c.notes)).toEqual([]);
  });
});

describe('criteria whose experiment was not run', () => {
  it('are left out with a note, not scored as storing nothing', () => {
    // Runtime measured for two trackers; nothing else was run (as with a run without --keras).
    const set = setOf(file(['a', 'b'], [runtime('a', 'init', 'm', [1, 1.1, 0.9]), runtime('b', 'init', 'm', [3, 3.1, 2.9])]));
    const table = scoreAll(set);
    expect(table.criteria.map((c) => c.id)).toEqual(['runtime']);
    expect(table.notes).toContainEqual(expect.stringMatching(/^Keras deep dive is left out: no tracker was measured on it/));
    expect(table.notes.some((n) => /^Python 3\.12 is left out/.test(n))).toBe(false);
  });

  it('are kept when a tracker was asked and failed: a failure is a finding', () => {
    const set = setOf(
      file(['a', 'b'], [runtime('a', 'init', 'm', [1]), runtime('b', 'init', 'm', [3]), failed('keras', 'a', 'TensorFlow did not install')]),
    );
    expect(scoreAll(set).criteria.map((c) => c.id)).toContain('keras');
  });
});

describe('runtime', () => {
  it('pays 1 and 0.5 to the two fastest when the differences are clear', () => {
    const set = setOf(
      file(['a', 'b', 'c'], [runtime('a', 'init', 'm', around(1)), runtime('b', 'init', 'm', around(2)), runtime('c', 'init', 'm', around(3))]),
    );
    expect(scoresOf(set, 'runtime')).toEqual({ a: 1, b: 0.5, c: 0 });
  });

  it('lets trackers a test cannot tell apart share a rank, and says so', () => {
    // a and b: the same values in another order; c clearly slower.
    const same = around(1, 20);
    const set = setOf(
      file(
        ['a', 'b', 'c'],
        [
          runtime('a', 'init', 'm', same),
          runtime(
            'b',
            'init',
            'm',
            [...same].reverse().map((x) => x * 1.001),
          ),
          runtime('c', 'init', 'm', around(3, 20)),
        ],
      ),
    );
    expect(scoresOf(set, 'runtime')).toEqual({ a: 1, b: 1, c: 0 });
    const notes = scoreCriterion(set, 'runtime').notes.filter((n) => n.startsWith('Runtime of'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(
      /^Runtime of initialisation on m: A and B differ too little to tell apart \(Holm-adjusted p = 0\.\d+\), so they share a rank\.$/,
    );
    // The parts nobody measured are named once each.
    expect(scoreCriterion(set, 'runtime').notes).toContain('No tracker has a runtime measurement of auto-logging on m; that part gives no points.');
  });

  it('corrects for many comparisons: five repetitions separate three trackers but not nine', () => {
    // Fully separated samples of five: exact p = 2/252 ≈ 0.008 per pair.
    const five = (k: number) => [1, 2, 3, 4, 5].map((x) => 10 * k + x);
    const three = setOf(
      file(
        ['a', 'b', 'c'],
        ['a', 'b', 'c'].map((t, k) => runtime(t, 'init', 'm', five(k))),
      ),
    );
    expect(scoresOf(three, 'runtime')).toEqual({ a: 1, b: 0.5, c: 0 });
    // 36 comparisons: 36 × 0.008 > 0.05, so no difference survives Holm's correction.
    const ids = Array.from({ length: 9 }, (_, i) => `t${i}`);
    const nine = setOf(
      file(
        ids,
        ids.map((t, k) => runtime(t, 'init', 'm', five(k))),
      ),
    );
    expect(Object.values(scoresOf(nine, 'runtime'))).toEqual(Array(9).fill(1));
  });

  it('pays only the top two of nine clearly separated trackers', () => {
    const ids = Array.from({ length: 9 }, (_, i) => `t${i}`);
    const set = setOf(
      file(
        ids,
        ids.flatMap((t, k) => (['init', 'params', 'autolog'] as const).map((c) => runtime(t, c, 'm', around(k + 1)))),
      ),
    );
    expect(scoresOf(set, 'runtime')).toEqual({ t0: 3, t1: 1.5, t2: 0, t3: 0, t4: 0, t5: 0, t6: 0, t7: 0, t8: 0 });
  });

  it('averages over machines; a tracker not measured on one earns nothing there, and a note says so', () => {
    const set = setOf(
      file(['a', 'b'], [runtime('a', 'init', 'mac', around(1)), runtime('b', 'init', 'mac', around(2)), runtime('b', 'init', 'dell', around(2))]),
    );
    expect(scoresOf(set, 'runtime')).toEqual({ a: 0.5, b: 0.75 });
    expect(scoreCriterion(set, 'runtime').notes).toContain('A: initialisation on dell not measured; it ranks last there.');
    expect(scoreCriterion(set, 'runtime').evidence[0]).toContain('not measured on dell');
  });

  it('adds no machine for a failed record: a place nobody was measured in ranks nobody', () => {
    const set = setOf(
      file(
        ['a', 'b'],
        [runtime('a', 'init', 'm', around(1)), runtime('b', 'init', 'm', around(2)), failed('runtime', 'b', 'Timeout', { machine: 'other' })],
      ),
    );
    expect(scoresOf(set, 'runtime')).toEqual({ a: 1, b: 0.5 });
    const sizes = setOf(
      file(['a', 'b'], [logSize('a', 'm', [10]), logSize('b', 'm', [11]), failed('log-size', 'a', 'disk full', { machine: 'other' })]),
    );
    expect(scoresOf(sizes, 'log-size')).toEqual({ a: 1, b: 1 });
  });

  it('counts finished repetitions and says how many failed', () => {
    const r = {
      ...runtime('a', 'init', 'm', around(1, 28)),
      repetitions: 30,
      failures: [
        { repetition: 4, error: 'Timeout' },
        { repetition: 9, error: 'Timeout' },
      ],
    };
    const set = setOf(file(['a', 'b'], [r, runtime('b', 'init', 'm', around(2))]));
    expect(scoreCriterion(set, 'runtime').evidence[0]).toMatch(/^initialisation: median 1\.00 s of 28 \(2 failed\) on m \(1st\)\./);
  });

  it('gives a tracker that did not install nothing, without taking a place from the others', () => {
    const set = setOf(
      file({ a: {}, b: { status: 'install-failed', error: 'ERROR: No matching distribution found for guildai==0.9.0' } }, [
        runtime('a', 'init', 'm', around(1)),
        failed('runtime', 'b', 'not installed'),
      ]),
    );
    expect(scoresOf(set, 'runtime')).toEqual({ a: 1, b: 0 });
    const all = scoreAll(set);
    expect(all.notes.filter((n) => !n.includes(' is left out: '))).toEqual([
      'B did not install (ERROR: No matching distribution found for guildai==0.9.0): it is scored as storing nothing and as the slowest and heaviest tracker.',
    ]);
    expect(all.criteria.find((c) => c.id === 'runtime')!.evidence[1]).toBe(
      'did not install (ERROR: No matching distribution found for guildai==0.9.0): slowest everywhere, 0 points.',
    );
  });
});

describe('memory', () => {
  it('orders by the sum of ranks and pays 1.5, 1 and 0.5 to the first three places', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const set = setOf(
      file(
        ids,
        ids.map((t, k) => memory(t, 'init', 'm', around(100 * (k + 1)))),
      ),
    );
    expect(scoresOf(set, 'memory')).toEqual({ a: 1.5, b: 1, c: 0.5, d: 0 });
  });

  it('lets equal rank sums share the higher place', () => {
    // a lightest on init, b lightest on params: both rank sum 3; c last on both.
    const set = setOf(
      file(
        ['a', 'b', 'c'],
        [
          memory('a', 'init', 'm', around(100)),
          memory('b', 'init', 'm', around(200)),
          memory('c', 'init', 'm', around(300)),
          memory('a', 'params', 'm', around(200)),
          memory('b', 'params', 'm', around(100)),
          memory('c', 'params', 'm', around(300)),
        ],
      ),
    );
    expect(scoresOf(set, 'memory')).toEqual({ a: 1.5, b: 1.5, c: 0.5 });
  });

  it('gives a tracker with no memory measurement at all nothing, even among two', () => {
    const set = setOf(file(['a', 'b'], [memory('a', 'init', 'm', around(100)), failed('memory', 'b', 'Killed')]));
    expect(scoresOf(set, 'memory')).toEqual({ a: 1.5, b: 0 });
    expect(scoreCriterion(set, 'memory').notes).toEqual([
      'B: initialisation on m failed (Killed); it ranks last there.',
      'No tracker has a memory measurement of estimator parameters on m; that part gives no points.',
      'No tracker has a memory measurement of auto-logging on m; that part gives no points.',
    ]);
  });
});

describe('lines', () => {
  it('pays every tracker tied on the fewest lines, and nothing where a component is unsupported', () => {
    const set = setOf(
      file(
        ['a', 'b', 'c'],
        [
          lines('a', 'init', 2),
          lines('b', 'init', 2),
          lines('c', 'init', 3),
          lines('a', 'autolog', 1),
          { experiment: 'lines', tracker: 'b', status: 'unsupported', component: 'autolog', why: 'no scikit-learn integration' },
          lines('c', 'autolog', 1),
        ],
      ),
    );
    expect(scoresOf(set, 'lines')).toEqual({ a: 2, b: 1, c: 1 });
    expect(scoreCriterion(set, 'lines').evidence[1]).toBe(
      'Added lines: initialisation 2, estimator parameters not measured, auto-logging not supported (no scikit-learn integration); fewest in initialisation: 1 point by the rule.',
    );
  });
});

describe('marks', () => {
  it('auto-logging counts each item at its worst mark over the tasks', () => {
    const set = setOf(
      file(
        ['a', 'b'],
        [
          marks('auto-logging', 'a', ['+', '+', '+', '-', '+'], 'ridge-diabetes'),
          marks('auto-logging', 'a', ['+', '(+)', '+', '-', '+'], 'svc-iris'),
          marks('auto-logging', 'b', ['+', '+', '+', '+', '+'], 'ridge-diabetes'),
        ],
      ),
    );
    // b has no svc-iris record: every item counts as not stored.
    expect(scoresOf(set, 'auto-logging')).toEqual({ a: 3.5, b: 0 });
    const r = scoreCriterion(set, 'auto-logging');
    expect(r.evidence[0]).toContain('default estimator parameters (+) (+ on ridge-diabetes, (+) on svc-iris)');
    expect(r.notes).toEqual(['B: auto-logging on svc-iris not measured; its items count as not stored.']);
  });

  it('keras adds the five library-independent items of the scikit-learn record, or none without it', () => {
    const set = setOf(
      file(
        ['a', 'b'],
        [
          marks('keras', 'a', ['+', '+', '(+)', '-']),
          marks('sklearn', 'a', ['+', '(+)', '-', '+', '-', '-', '+', '+', '-', '-']),
          marks('keras', 'b', ['+', '+', '+', '+']),
        ],
      ),
    );
    // a: 2.5 own + system 1, code 0.5, other-params 1, data-path 1, environment 1.
    expect(scoresOf(set, 'keras')).toEqual({ a: 7, b: 4 });
    expect(scoreCriterion(set, 'keras').evidence[1]).toContain('the scikit-learn record not measured, so the five shared items count as not stored');
  });

  it('sklearn and collaboration add up their marks', () => {
    const set = setOf(
      file(['a', 'b'], [marks('sklearn', 'a', Array(10).fill('(+)')), marks('collaboration', 'a', ['+', '(+)', '-', '-', '-', '-'])]),
    );
    expect(scoresOf(set, 'sklearn')).toEqual({ a: 5, b: 0 });
    expect(scoresOf(set, 'collaboration')).toEqual({ a: 1.5, b: 0 });
  });
});

describe('thresholds', () => {
  it('log size: within 1.5× earns 1, within 3× 0.5, beyond 0, judged on the worst machine', () => {
    const set = setOf(
      file(
        ['a', 'b', 'c', 'd'],
        [
          logSize('a', 'm1', [1000]),
          logSize('b', 'm1', [1500]),
          logSize('c', 'm1', [3000]),
          logSize('d', 'm1', [3001]),
          logSize('a', 'm2', [1000]),
          logSize('b', 'm2', [1600]),
          logSize('c', 'm2', [1000]),
        ],
      ),
    );
    expect(scoresOf(set, 'log-size')).toEqual({ a: 1, b: 0.5, c: 0.5, d: 0 });
  });

  it('memory from data: within 1.25× earns 1, within 2× 0.5, at every size and machine', () => {
    const set = setOf(
      file(
        ['a', 'b', 'c'],
        [
          memoryFromData('a', 'm', 1000, [800]),
          memoryFromData('b', 'm', 1000, [1000]),
          memoryFromData('c', 'm', 1000, [1000]),
          memoryFromData('a', 'm', 2000, [900]),
          memoryFromData('b', 'm', 2000, [900]),
          memoryFromData('c', 'm', 2000, [1900]),
        ],
      ),
    );
    expect(scoresOf(set, 'memory-from-data')).toEqual({ a: 1, b: 1, c: 0 });
    expect(scoreCriterion(set, 'memory-from-data').evidence[2]).toBe(
      'peak at 1 000 examples: median 1000 MiB of 1 on m (1.25×); peak at 2 000 examples: median 1900 MiB of 1 on m (2.11×); at most 2.11× the lowest: 0 points.',
    );
  });
});

describe('properties over random data sets of 2 to 9 trackers', () => {
  const scored = (json: Json) => {
    const set = setOf(json);
    const table = scoreAll(set);
    return Object.fromEntries(table.criteria.map((c) => [c.id, Object.fromEntries(set.trackers.map((t, i) => [t.id, c.scores[i]!]))]));
  };

  it("every score lies within its criterion's range, in steps of a quarter point", () => {
    fc.assert(
      fc.property(arbitrarySet(), (json) => {
        for (const [id, byTracker] of Object.entries(scored(json))) {
          const max = CRITERIA.find((c) => c.id === id)!.max;
          for (const s of Object.values(byTracker)) {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(s).toBeLessThanOrEqual(max);
            expect(Number.isInteger(s * 4)).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('permuting the trackers and the records changes no score', () => {
    fc.assert(
      fc.property(arbitrarySet(), fc.integer({ min: 0, max: 1000 }), (json, seed) => {
        const shuffle = <T>(list: T[]) => {
          let s = seed + 1;
          const out = [...list];
          for (let i = out.length - 1; i > 0; i--) {
            s = (s * 16807) % 2147483647;
            const j = s % (i + 1);
            [out[i], out[j]] = [out[j]!, out[i]!];
          }
          return out;
        };
        const permuted = {
          ...json,
          trackers: Object.fromEntries(shuffle(Object.entries(json.trackers as Json))),
          records: shuffle(json.records as Json[]),
        };
        expect(scored(permuted)).toEqual(scored(json));
      }),
      { numRuns: 60 },
    );
  });

  it('measuring time in other units or memory at another scale changes no score', () => {
    fc.assert(
      fc.property(arbitrarySet(), (json) => {
        const scaled = {
          ...json,
          records: (json.records as Json[]).map((r) => {
            if (r.experiment === 'runtime' && Array.isArray(r.samples)) return { ...r, samples: (r.samples as number[]).map((x) => x * 1000) };
            if (r.experiment === 'log-size' && Array.isArray(r.samples)) return { ...r, samples: (r.samples as number[]).map((x) => x * 3) };
            return r;
          }),
        };
        expect(scored(scaled)).toEqual(scored(json));
      }),
      { numRuns: 40 },
    );
  });

  it('a tracker that failed scores 0 everywhere', () => {
    fc.assert(
      fc.property(arbitrarySet(3), (json) => {
        const set = setOf(json);
        const table = scoreAll(set);
        set.trackers.forEach((t, i) => {
          if (t.status !== 'ok') for (const c of table.criteria) expect(c.scores[i]).toBe(0);
        });
      }),
      { numRuns: 40 },
    );
  });
});
