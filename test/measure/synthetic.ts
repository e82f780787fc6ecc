/** Measurement files made up for tests: builders for records, and whole random data sets. */
import fc from 'fast-check';
import { parseMeasurementFile } from '../../src/measure/parse.js';
import type { Component, Mark, MeasurementSet } from '../../src/measure/format.js';
import { ITEMS } from '../../src/measure/format.js';
import { union } from '../../src/measure/read.js';

export type Json = Record<string, unknown>;

interface TrackerJson {
  name?: string;
  version?: string | null;
  status?: 'ok' | 'install-failed' | 'import-failed';
  error?: string;
}

/** A measurement file's JSON: trackers in the given order (a list of ids, or ids with fields). */
export function file(trackers: readonly string[] | Record<string, TrackerJson>, records: readonly Json[], extra: Json = {}): Json {
  const entries = Array.isArray(trackers) ? trackers.map((id) => [id, {}] as const) : Object.entries(trackers);
  return {
    format: 'reprotree-measurements/1',
    data_set: 'measured-test',
    trackers: Object.fromEntries(entries.map(([id, t]) => [id, { name: id.toUpperCase(), version: '1.0', status: 'ok', ...t }])),
    records,
    ...extra,
  };
}

/** Parsed and checked as `reprotree measure --rescore` would. */
export function setOf(json: Json): MeasurementSet {
  return union([parseMeasurementFile(JSON.stringify(json), 'synthetic.json')]);
}

export const runtime = (tracker: string, component: Component, machine: string, samples: readonly number[]): Json => ({
  experiment: 'runtime',
  tracker,
  status: 'ok',
  component,
  machine,
  unit: 's',
  repetitions: samples.length,
  samples,
});

export const memory = (tracker: string, component: Component, machine: string, peaks: readonly number[]): Json => ({
  experiment: 'memory',
  tracker,
  status: 'ok',
  component,
  machine,
  unit: 'MiB',
  repetitions: peaks.length,
  samples: peaks.map((peak) => ({ peak, increment: 1 })),
});

export const lines = (tracker: string, component: Component, added: number): Json => ({
  experiment: 'lines',
  tracker,
  status: 'ok',
  component,
  added,
});

export const logSize = (tracker: string, machine: string, samples: readonly number[]): Json => ({
  experiment: 'log-size',
  tracker,
  status: 'ok',
  machine,
  unit: 'bytes',
  repetitions: samples.length,
  samples,
});

export const memoryFromData = (tracker: string, machine: string, size: number, peaks: readonly number[]): Json => ({
  experiment: 'memory-from-data',
  tracker,
  status: 'ok',
  machine,
  size,
  unit: 'MiB',
  repetitions: peaks.length,
  samples: peaks.map((peak) => ({ peak, increment: peak / 2 })),
});

/** A mark record; `marks` in the order of ITEMS[experiment]. "(+)" marks get a snippet path. */
export function marks(experiment: keyof typeof ITEMS, tracker: string, list: readonly Mark[], task?: string): Json {
  const names = ITEMS[experiment];
  const items = Object.fromEntries(names.map((n, i) => [n, list[i] ?? '-']));
  const snippets = Object.fromEntries(
    names.filter((_, i) => list[i] === '(+)' && experiment !== 'collaboration').map((n) => [n, `measure/snippets/${tracker}/${n}.py`]),
  );
  return { experiment, tracker, status: 'ok', ...(task ? { task } : {}), items, ...(Object.keys(snippets).length ? { snippets } : {}) };
}

export const failed = (experiment: string, tracker: string, error: string, keys: Json = {}): Json => ({
  experiment,
  tracker,
  status: 'failed',
  error,
  ...keys,
});

/** n samples spread evenly around `centre` (±5%), for trackers that are clearly apart. */
export function around(centre: number, n = 30): number[] {
  return Array.from({ length: n }, (_, i) => centre * (0.95 + (0.1 * i) / (n - 1)));
}

const COMPONENTS: Component[] = ['init', 'params', 'autolog'];
const MARK: fc.Arbitrary<Mark> = fc.constantFrom('+', '(+)', '-');

/**
 * A random but complete data set: n trackers (some possibly failed), every experiment on one or
 * two machines, samples drawn so that some trackers tie and some do not.
 */
export function arbitrarySet(minTrackers = 2, maxTrackers = 9): fc.Arbitrary<Json> {
  return fc
    .record({
      n: fc.integer({ min: minTrackers, max: maxTrackers }),
      machines: fc.constantFrom<string[]>(['m1'], ['m1', 'm2']),
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      failed: fc.array(fc.boolean(), { minLength: maxTrackers, maxLength: maxTrackers }),
      missing: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
      marks: fc.array(MARK, { minLength: 40 * maxTrackers, maxLength: 40 * maxTrackers }),
    })
    .map(({ n, machines, seed, failed: failedFlags, missing, marks: markPool }) => {
      let s = seed;
      const rand = () => {
        s = (s * 48271) % 2147483647;
        return s / 2147483647;
      };
      const level = () => [1, 1, 1.02, 2, 5][Math.floor(rand() * 5)]!;
      const sample = (centre: number, k: number, integer = false) =>
        Array.from({ length: k }, () => {
          const v = centre * (0.9 + 0.2 * rand());
          return integer ? Math.round(v) : v;
        });
      const ids = Array.from({ length: n }, (_, i) => `t${i}`);
      const trackers = Object.fromEntries(
        ids.map((id, i) => [id, failedFlags[i] && i > 0 ? { status: 'install-failed' as const, error: 'pip failed' } : {}]),
      );
      const ok = (i: number) => !(failedFlags[i] && i > 0);
      const records: Json[] = [];
      let m = 0;
      let k = 0;
      const nextMarks = (count: number) => Array.from({ length: count }, () => markPool[k++ % markPool.length]!);
      ids.forEach((id, i) => {
        if (!ok(i)) {
          for (const e of ['runtime', 'memory', 'lines', 'log-size']) records.push(failed(e, id, 'No module named imp'));
          return;
        }
        const skip = () => missing[m++ % missing.length]! && rand() < 0.3;
        for (const c of COMPONENTS) {
          for (const machine of machines) {
            if (!skip()) records.push(runtime(id, c, machine, sample(level(), 5 + Math.floor(rand() * 20))));
            if (!skip()) records.push(memory(id, c, machine, sample(100 * level(), 5 + Math.floor(rand() * 10), true)));
          }
          if (!skip()) records.push(lines(id, c, Math.floor(rand() * 4)));
        }
        for (const machine of machines) {
          if (!skip()) records.push(logSize(id, machine, sample(50_000 * level(), 3, true)));
          for (const size of [1000, 2000]) if (!skip()) records.push(memoryFromData(id, machine, size, sample(800 * level(), 2)));
        }
        for (const task of ['ridge-diabetes', 'svc-iris']) if (!skip()) records.push(marks('auto-logging', id, nextMarks(5), task));
        if (!skip()) records.push(marks('sklearn', id, nextMarks(10)));
        if (!skip()) records.push(marks('keras', id, nextMarks(4)));
        if (!skip()) records.push(marks('collaboration', id, nextMarks(6)));
      });
      return file(trackers, records);
    });
}
