/**
 * Reading measurement files: a user may pass anything to `--rescore`, and every problem must come
 * back as one sentence naming the file and the JSON path, never as a stack trace.
 */
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { MeasurementError } from '../../src/measure/check.js';
import { parseMeasurementFile } from '../../src/measure/parse.js';
import { criteriaFile } from '../../src/measure/criteria.js';
import { MAX_FILE_BYTES, readMeasurements, union } from '../../src/measure/read.js';
import { scoreAll } from '../../src/measure/rules.js';
import { ROOT } from '../helpers/fixtures.js';
import { around, file, lines, marks, runtime } from './synthetic.js';

type Json = Record<string, unknown>;

/** A small valid file: two trackers, one runtime record each. */
function valid(): Json {
  return {
    format: 'reprotree-measurements/1',
    data_set: 'measured-2026',
    trackers: {
      mlflow: { name: 'MLflow', version: '3.1.0', status: 'ok' },
      wandb: { name: 'W&B', version: '0.21.0', status: 'ok' },
    },
    records: [
      {
        experiment: 'runtime',
        tracker: 'mlflow',
        status: 'ok',
        component: 'init',
        machine: 'ci',
        unit: 's',
        repetitions: 3,
        samples: [1.2, 1.3, 1.1],
      },
      {
        experiment: 'runtime',
        tracker: 'wandb',
        status: 'ok',
        component: 'init',
        machine: 'ci',
        unit: 's',
        repetitions: 3,
        samples: [2.2, 2.3, 2.1],
      },
    ],
  };
}

function withRecord(patch: Json, index = 0): Json {
  const j = valid();
  const records = j.records as Json[];
  records[index] = { ...records[index], ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete records[index]![k];
  return j;
}

/** The message parsing `text` as m.json gives; fails the test if it parses. */
function problem(text: string): string {
  try {
    parseMeasurementFile(text, 'm.json');
  } catch (e) {
    expect(e instanceof UserError).toBe(true);
    expect((e as Error).message).not.toMatch(/\n\s+at /);
    return (e as Error).message;
  }
  throw new Error('the file was accepted');
}

const json = (j: unknown) => JSON.stringify(j);

describe('a broken file gives one sentence naming the file and the path', () => {
  const cases: [string, string, string][] = [
    ['empty', '', 'm.json is empty; a measurement file is one JSON object.'],
    ['cut off', '{"format": "reprotree-measurements/1", "records": [', 'm.json is not valid JSON: it ends too early (cut off while being written?).'],
    ['a stray comma', '{"format": 1,\n  "x": 2,\n}', 'm.json is not valid JSON: the text breaks off or goes wrong at line 3, column 1.'],
    [
      'a criteria file',
      'title: Which tracker?\nframeworks: []\n',
      'm.json is not JSON (a criteria .yaml file?); pass a raw measurement file (.json) or a directory of them.',
    ],
    ['a list', '[]', 'm.json must hold one JSON object ({…}), not a list; is it a measurement file?'],
    [
      'no format',
      json({ data_set: 'x' }),
      'm.json has no "format" field, so it is not a reprotree measurement file (they start with "format": "reprotree-measurements/1").',
    ],
    [
      'a later format',
      json({ ...valid(), format: 'reprotree-measurements/2' }),
      'm.json is in the format "reprotree-measurements/2", which this version of reprotree cannot read; it reads reprotree-measurements/1.',
    ],
    ['a misspelt field', json({ ...valid(), data_sett: 'x' }), "m.json: data_sett is not a field the format knows. Did you mean 'data_set'?"],
    ['no records', json({ ...valid(), records: undefined }), 'm.json: the file has no "records" (the measurements).'],
    ['samples as text', json(withRecord({ samples: '12' }, 1)), 'm.json: records[1].samples must be a list of measurements, not the text "12".'],
    ['a sample as text', json(withRecord({ samples: [1, '2', 3] })), 'm.json: records[0].samples[1] must be a time in seconds, not the text "2".'],
    ['a negative time', json(withRecord({ samples: [1, -2, 3] })), 'm.json: records[0].samples[1] must be at least 0, not -2.'],
    [
      'an infinite time',
      '{"format":"reprotree-measurements/1","data_set":"m","trackers":{"a":{"name":"A","version":null,"status":"ok"}},"records":[{"experiment":"runtime","tracker":"a","status":"ok","component":"init","machine":"x","unit":"s","repetitions":1,"samples":[1e999]}]}',
      'm.json: records[0].samples[0] must be a time in seconds, not Infinity.',
    ],
    ['milliseconds', json(withRecord({ unit: 'ms' })), 'm.json: records[0].unit must be one of "s", not the text "ms".'],
    [
      'an unknown tracker',
      json(withRecord({ tracker: 'mlfow' })),
      `m.json: records[0].tracker "mlfow" is not in "trackers" (mlflow, wandb). Did you mean 'mlflow'?`,
    ],
    [
      'an unknown experiment',
      json(withRecord({ experiment: 'runtim' })),
      `m.json: records[0].experiment must be one of "auto-logging", "runtime", "memory", "lines", "sklearn", "log-size", "keras", "memory-from-data", "collaboration", "facts", not the text "runtim". Did you mean 'runtime'?`,
    ],
    [
      'an unknown component',
      json(withRecord({ component: 'start' })),
      'm.json: records[0].component must be one of "init", "params", "autolog", not the text "start".',
    ],
    ['no machine', json(withRecord({ machine: undefined })), 'm.json: records[0] has no "machine".'],
    ['samples and summary', json(withRecord({ summary: { mean: 1, sd: 0 } })), 'm.json: records[0] has both "samples" and "summary"; give one.'],
    ['neither samples nor summary', json(withRecord({ samples: undefined })), 'm.json: records[0] has neither "samples" nor "summary".'],
    [
      'samples that do not add up',
      json(withRecord({ repetitions: 5 })),
      'm.json: records[0].samples holds 3 values and "failures" 0, but "repetitions" is 5; every repetition is either a sample or a failure.',
    ],
    [
      'no repetitions',
      json(withRecord({ repetitions: undefined })),
      'm.json: records[0] has "samples" but no "repetitions" (how many were attempted).',
    ],
    [
      'a failure without error',
      json(withRecord({ status: 'failed', samples: undefined, repetitions: undefined })),
      'm.json: records[0] is "failed" but has no "error" saying what went wrong.',
    ],
    [
      'a bad date',
      json(withRecord({ started: 'yesterday' })),
      'm.json: records[0].started "yesterday" is not a date such as "2026-11-27T10:00:00Z" (ISO 8601).',
    ],
    [
      'a misspelt record field',
      json(withRecord({ sampels: [1] })),
      "m.json: records[0].sampels is not a field the format knows. Did you mean 'samples'?",
    ],
    ['a record that is a number', json({ ...valid(), records: [7] }), 'm.json: records[0] must be an object ({…}), not 7.'],
    [
      'an upper-case tracker id',
      json({ ...valid(), trackers: { MLflow: { name: 'MLflow', version: null, status: 'ok' } }, records: [] }),
      "m.json: trackers.MLflow is not a valid tracker id (lowercase letters, digits and '-', starting with a letter).",
    ],
    [
      'a tracker without version',
      json({ ...valid(), trackers: { mlflow: { name: 'MLflow', status: 'ok' } }, records: [] }),
      'm.json: trackers.mlflow has no "version" (null when the source does not say).',
    ],
    [
      'a control character in a name',
      json({ ...valid(), trackers: { mlflow: { name: 'ML\u001b[31mflow', version: null, status: 'ok' } }, records: [] }),
      'm.json: trackers.mlflow.name contains a control character; use plain text.',
    ],
    [
      'a failed tracker with an ok record',
      json({
        ...valid(),
        trackers: {
          mlflow: { name: 'MLflow', version: null, status: 'install-failed', error: 'no wheel' },
          wandb: { name: 'W&B', version: null, status: 'ok' },
        },
      }),
      'm.json: records[0].status is "ok", but tracker "mlflow" is "install-failed"; a tracker that did not install or import has no measurements.',
    ],
    [
      'a bad mark',
      json({
        ...valid(),
        records: [
          {
            experiment: 'collaboration',
            tracker: 'mlflow',
            status: 'ok',
            items: { 'local-storage': 'yes', cloud: '+', 'local-server': '+', 'self-hosted': '+', databricks: '+', 'hosted-api': '-' },
          },
        ],
      }),
      'm.json: records[0].items["local-storage"] must be one of "+", "(+)", "-", not the text "yes".',
    ],
    [
      'a missing mark',
      json({
        ...valid(),
        records: [{ experiment: 'keras', tracker: 'mlflow', status: 'ok', items: { 'model-params': '+', metrics: '+', model: '+' } }],
      }),
      'm.json: records[0].items has no mark for model-summary.',
    ],
    [
      'a machine the study does not have',
      json({
        ...valid(),
        machines: { dell: { label: 'Dell' } },
        records: [{ experiment: 'log-size', tracker: 'mlflow', status: 'ok', machine: 'del', unit: 'bytes', summary: { size: 1 } }],
      }),
      `m.json: records[0].machine "del" is not in "machines" (dell). Did you mean 'dell'?`,
    ],
    [
      'a stdout over 64 KiB',
      json(withRecord({ stdout: 'x'.repeat(70_000) })),
      'm.json: records[0].stdout is 70000 bytes of UTF-8, more than the 65536 allowed; cut it.',
    ],
    [
      'an override above the range',
      json({ ...valid(), overrides: [{ criterion: 'lines', scores: { mlflow: 4, wandb: 1 }, why: 'published' }] }),
      'm.json: overrides[0].scores.mlflow is 4, above the most lines can give (3).',
    ],
    [
      'an override of an unknown criterion',
      json({ ...valid(), overrides: [{ criterion: 'speed', scores: {}, why: 'published' }] }),
      'm.json: overrides[0].criterion must be one of "auto-logging", "runtime", "memory", "lines", "sklearn", "log-size", "keras", "memory-from-data", "collaboration", "open-source", "self-hosting", "maintained", "python-312", not the text "speed".',
    ],
  ];

  it.each(cases)('%s', (_name, text, message) => {
    expect(problem(text)).toBe(message);
  });

  it('lists every problem of a file at once, at most 20 of them', () => {
    const two = json({ ...valid(), title: 7, records: [{ ...(valid().records as Json[])[0], unit: 'ms' }] });
    expect(problem(two).split('\n')).toEqual([
      'm.json: title must be text, not 7.',
      'm.json: records[0].unit must be one of "s", not the text "ms".',
    ]);
    const many = json({ ...valid(), records: Array.from({ length: 30 }, () => 1) });
    const lines = problem(many).split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe('… and 10 more problems; fix these first.');
  });

  it('keeps what does not affect scoring free-form (readback, server, measured)', () => {
    const j = valid();
    (j.records as Json[]).push({
      experiment: 'sklearn',
      tracker: 'mlflow',
      status: 'ok',
      items: Object.fromEntries(
        ['system', 'code', 'estimator-params', 'other-params', 'metrics', 'data', 'data-path', 'environment', 'plot', 'model'].map((k) => [k, '+']),
      ),
      readback: { deep: [[[{ anything: null }]]] },
    });
    expect(parseMeasurementFile(json(j), 'm.json').records).toHaveLength(3);
  });
});

describe('files and directories', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reprotree-measure-'));
  const write = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  /** The message reading `path` gives. */
  function readProblem(path: string): string {
    try {
      readMeasurements(path);
    } catch (e) {
      expect(e).toBeInstanceOf(MeasurementError);
      expect(e instanceof UserError).toBe(true);
      return (e as Error).message;
    }
    throw new Error('it was accepted');
  }

  it('reads the bundled study file', () => {
    const set = readMeasurements(ROOT + 'data/study-2021.measurements.json');
    expect(set.dataSet).toBe('study-2021');
    expect(set.trackers.map((t) => t.id)).toEqual(['wandb', 'guild', 'mlflow']);
    expect(set.trackers.every((t) => t.version === null)).toBe(true);
  });

  it('says plainly when a path does not exist', () => {
    expect(readProblem(join(dir, 'nope.json'))).toBe(`Cannot read ${join(dir, 'nope.json')}: no such file. Check the path and try again.`);
  });

  it('refuses binary, non-UTF-8 and oversized files before parsing', () => {
    expect(readProblem(write('bin.json', Buffer.from([0x7b, 0x00, 0x7d])))).toMatch(/bin\.json looks like a binary file, not JSON text/);
    expect(readProblem(write('latin1.json', Buffer.from('{"title": "caf\xe9"}', 'latin1')))).toMatch(/latin1\.json is not valid UTF-8 text/);
    const big = write('big.json', '');
    truncateSync(big, MAX_FILE_BYTES + 1);
    expect(readProblem(big)).toBe(`${big} is over the 16 MiB limit for a measurement file; is it the right file?`);
  });

  it('reads a directory as the union of its .json files', () => {
    const d = join(dir, 'run');
    mkdirSync(d);
    const one = (tracker: string, name: string, samples: number[]) => ({
      format: 'reprotree-measurements/1',
      data_set: 'measured-2026',
      trackers: { [tracker]: { name, version: '1.0', status: 'ok' } },
      records: [{ experiment: 'runtime', tracker, status: 'ok', component: 'init', machine: 'ci', unit: 's', repetitions: samples.length, samples }],
    });
    writeFileSync(join(d, 'wandb.json'), json(one('wandb', 'W&B', [2])));
    writeFileSync(join(d, 'mlflow.json'), json(one('mlflow', 'MLflow', [1])));
    writeFileSync(join(d, 'notes.txt'), 'not read');
    writeFileSync(join(d, '.hidden.json'), 'not read either');
    const set = readMeasurements(d);
    expect(set.trackers.map((t) => t.id)).toEqual(['mlflow', 'wandb']);
    expect(set.records).toHaveLength(2);
    expect(set.files.map((f) => f.slice(d.length + 1))).toEqual(['mlflow.json', 'wandb.json']);
  });

  it('refuses a union that contradicts itself, naming both places', () => {
    const d = join(dir, 'clash');
    mkdirSync(d);
    writeFileSync(join(d, 'a.json'), json(valid()));
    writeFileSync(join(d, 'b.json'), json({ ...valid(), data_set: 'other' }));
    writeFileSync(
      join(d, 'c.json'),
      json({
        ...valid(),
        trackers: { mlflow: { name: 'MLflow', version: '2.0', status: 'ok' }, wandb: { name: 'W&B', version: '0.21.0', status: 'ok' } },
        records: [],
      }),
    );
    expect(readProblem(d).split('\n')).toEqual([
      `${join(d, 'b.json')} belongs to data set "other", but ${join(d, 'a.json')} to "measured-2026"; rescore one data set at a time.`,
      `${join(d, 'c.json')}: trackers.mlflow differs from the same tracker in ${join(d, 'a.json')}; keep one account of it.`,
    ]);
  });

  it('refuses the same measurement twice', () => {
    const j = valid();
    (j.records as Json[]).push((j.records as Json[])[0]!);
    const f = write('twice.json', json(j));
    expect(readProblem(f)).toBe(`${f} records[2] measures runtime, mlflow, init, on ci again (first at ${f} records[0]); keep one of them.`);
  });

  it('refuses an override that leaves a tracker out', () => {
    const f = write('override.json', json({ ...valid(), overrides: [{ criterion: 'lines', scores: { mlflow: 1 }, why: 'published' }] }));
    expect(readProblem(f)).toBe(`${f} overrides[0].scores has no score for wandb; an override gives every tracker its published score.`);
  });

  it('reports the problems of every file of a directory together', () => {
    const d = join(dir, 'broken');
    mkdirSync(d);
    writeFileSync(join(d, 'a.json'), '{');
    writeFileSync(join(d, 'b.json'), json(withRecord({ unit: 'ms' })));
    expect(readProblem(d).split('\n')).toEqual([
      `${join(d, 'a.json')} is not valid JSON: it ends too early (cut off while being written?).`,
      `${join(d, 'b.json')}: records[0].unit must be one of "s", not the text "ms".`,
    ]);
  });

  it('says so when a directory has no measurement files', () => {
    const d = join(dir, 'empty');
    mkdirSync(d);
    expect(readProblem(d)).toBe(`${d} holds no .json files; pass a measurement file or a directory that \`reprotree measure\` wrote.`);
  });
});

describe('whatever the file holds', () => {
  /** Parses, and scores and writes a criteria file when that works: only user errors may come out. */
  function survives(text: string): void {
    try {
      const set = union([parseMeasurementFile(text, 'fuzz.json')]);
      if (set.trackers.length >= 2) criteriaFile(scoreAll(set), set);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      expect((e as Error).message.length).toBeGreaterThan(0);
    }
  }

  it('random JSON gives a result or a user error, never a crash', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => survives(JSON.stringify(v))),
      { numRuns: 300 },
    );
  });

  it('a valid file with one part replaced by random JSON gives a result or a user error', () => {
    const base = file(
      ['a', 'b'],
      [runtime('a', 'init', 'm', around(1, 5)), runtime('b', 'init', 'm', around(2, 5)), lines('a', 'init', 1), marks('keras', 'b', ['+', '(+)'])],
    );
    // Every place in the file's tree, as a path of keys.
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(v)) {
        for (const [i, x] of v.entries()) walk(x, [...path, i]);
      } else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(base, []);
    fc.assert(
      fc.property(fc.nat(), fc.jsonValue({ maxDepth: 3 }), (where, replacement) => {
        const copy = JSON.parse(JSON.stringify(base)) as Record<string | number, unknown>;
        const path = paths[where % paths.length]!;
        if (path.length === 0) return survives(JSON.stringify(replacement));
        let parent = copy;
        for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
        parent[path[path.length - 1]!] = replacement;
        survives(JSON.stringify(copy));
      }),
      { numRuns: 500 },
    );
  });
});
