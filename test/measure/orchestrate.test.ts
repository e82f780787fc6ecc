/**
 * `reprotree measure` end to end against the test double of the probes (test/measure/fake-probe):
 * the order of the samples, the files it writes, resuming after a stop, --fresh, what invalidates
 * kept work, failures recorded as findings, and progress off a terminal. The double measures
 * nothing; what is tested is what reprotree does with what the probes say.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMeasurements } from '../../src/measure/read.js';
import { schedule } from '../../src/measure/plan.js';
import { run } from '../helpers/cli.js';
import { alive, bench, measure, startMeasure, until } from '../helpers/measure.js';

const COMPONENTS = ['init', 'params', 'autolog'];
type Json = Record<string, unknown>;
type Rec = Json & { experiment: string; tracker: string; status: string; component?: string };

function records(file: Json): Rec[] {
  return file.records as Rec[];
}

function runtime(file: Json, component: string): Rec {
  return records(file).find((r) => r.experiment === 'runtime' && r.component === component)!;
}

function seedOf(out: string): number {
  return Number(readFileSync(join(out, 'journal/seed'), 'utf8'));
}

function journalSamples(out: string, tracker: string): number {
  return readFileSync(join(out, 'journal', `${tracker}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.includes('"kind":"sample"')).length;
}

describe('reprotree measure with the test double of the probes', () => {
  it('takes the samples in rounds shuffled from the recorded seed, and writes files the scorer reads', async () => {
    const b = bench();
    const r = await measure([...b.args, '--reps', '3'], b.env);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);

    // The calls happened in the order the seed gives: round by round, each round every unit once.
    const expected = schedule(['alpha', 'beta'], COMPONENTS, 3, seedOf(b.out)).map((s) => `${s.tracker} ${s.component}`);
    expect(b.samples()).toEqual(expected);
    for (let round = 0; round < 3; round++) {
      expect(new Set(b.samples().slice(round * 6, round * 6 + 6)).size).toBe(6);
    }
    // The rounds are not all in one order (the seed is random, so allow for the rare equal pair).
    const rounds = [0, 1, 2].map((i) =>
      b
        .samples()
        .slice(i * 6, i * 6 + 6)
        .join(),
    );
    expect(new Set(rounds).size).toBeGreaterThan(1);

    // Each record says where each of its samples ran, and with which seed.
    const alpha = b.json('alpha.json');
    const init = runtime(alpha, 'init');
    expect(init).toMatchObject({ status: 'ok', repetitions: 3, unit: 's', machine: 'fakemachine' });
    expect(init.samples).toHaveLength(3);
    const placed = (init.schedule as { samples: { repetition: number; position: number; seed: number }[] }).samples;
    expect(placed.map((p) => p.repetition)).toEqual([1, 2, 3]);
    for (const p of placed) {
      expect(p.seed).toBe(seedOf(b.out));
      expect(expected[(p.repetition - 1) * 6 + p.position - 1]).toBe('alpha init');
    }
    expect(records(alpha).find((x) => x.experiment === 'memory' && x.component === 'init')).toMatchObject({ repetitions: 3, unit: 'MiB' });

    // Every group ran once per tracker; the files hold the trackers' entries and environments.
    for (const t of ['alpha', 'beta']) {
      for (const g of ['auto-logging', 'lines', 'sklearn', 'collaboration']) expect(b.calls()).toContain(`${t} experiment ${g}`);
      expect(b.calls()).not.toContain(`${t} experiment keras`);
    }
    expect(alpha.trackers).toEqual({ alpha: expect.objectContaining({ name: 'Alpha', status: 'ok', version: '1.0' }) });
    expect(alpha.substitutions).toEqual([expect.objectContaining({ experiment: 'auto-logging' })]);

    // The scorer reads the folder; the criteria file validates and the table shows the scores.
    expect(readMeasurements(b.out).trackers.map((t) => t.id)).toEqual(['alpha', 'beta']);
    expect(run(['validate', join(b.out, 'criteria.yaml')]).code).toBe(0);
    expect(r.stdout).toMatch(/Auto-logging \(of 5\)\s+5\s+0/);
    expect(r.stdout).toContain('criteria.yaml');
    // Nothing is left in the working stores of a finished run; the environments are kept.
    expect(readdirSync(join(b.workdir, 'work'))).toEqual([]);
    expect(readdirSync(join(b.workdir, 'venvs')).sort()).toEqual(['alpha', 'beta']);
  });

  it('off a terminal, writes progress as plain lines, with no escape codes or carriage returns', async () => {
    const b = bench();
    const r = await measure([...b.args, '--reps', '2', '--only', 'components'], b.env);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^reprotree measure: alpha · installing packages \d\/3 \(\d+s\)$/m);
    expect(r.stderr).toMatch(/^reprotree measure: (alpha|beta) · (init|params|autolog) · repetition 2\/2 · sample \d+\/12 \(\d+s\)$/m);
    expect(r.stderr).not.toMatch(/[\r\u001b]/);
    expect(r.stdout).not.toMatch(/[\r\u001b]/);
  });

  it('Ctrl-C stops the probe and its group, keeps the finished samples, says how to go on, and the next run does only the rest', async () => {
    const b = bench();
    const args = [...b.args, '--reps', '3', '--only', 'components'];
    const running = startMeasure(args, { ...b.env, FAKE_SAMPLE_MS: '400' });
    await until(() => b.samples().length >= 4, 'four samples');
    running.kill('SIGINT');
    const r = await running.done;
    expect(r.code).toBe(130);
    const last = r.stderr.trimEnd().split('\n').pop()!;
    expect(last).toMatch(
      /^Stopped\. \d+ finished measurements are kept in .*out; run the same command again to go on from there \(--fresh starts over\)\.$/,
    );
    // The probe under way was stopped, and no probe outlived reprotree.
    expect(b.calls().some((l) => l.startsWith('stopped '))).toBe(true);
    for (const pid of b.pids()) expect(alive(pid), `probe ${pid} still runs`).toBe(false);
    // What finished is kept; no measurement file claims to be complete.
    const kept = journalSamples(b.out, 'alpha') + journalSamples(b.out, 'beta');
    expect(kept).toBeGreaterThanOrEqual(3);
    expect(last).toContain(`Stopped. ${kept} finished`);
    expect(existsSync(join(b.out, 'alpha.json'))).toBe(false);

    const before = b.samples().length;
    const again = await measure(args, b.env);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`Reused ${kept} measurements kept in`);
    // Only the samples not kept were taken, in the same shuffled order as an unbroken run.
    const expected = schedule(['alpha', 'beta'], COMPONENTS, 3, seedOf(b.out)).map((s) => `${s.tracker} ${s.component}`);
    const second = b.samples().slice(before);
    expect(second).toHaveLength(18 - kept);
    expect(second).toEqual(expected.slice(kept));
    expect(runtime(b.json('alpha.json'), 'init')).toMatchObject({ repetitions: 3 });
    expect(runtime(b.json('beta.json'), 'autolog')).toMatchObject({ repetitions: 3 });
  });

  it('SIGTERM stops it the same way, with exit 143', async () => {
    const b = bench();
    const running = startMeasure([...b.args, '--reps', '3', '--only', 'components'], { ...b.env, FAKE_SAMPLE_MS: '400' });
    await until(() => b.samples().length >= 2, 'two samples');
    running.kill('SIGTERM');
    const r = await running.done;
    expect(r.code).toBe(143);
    expect(r.stderr).toMatch(/Stopped\. \d+ finished measurements? (is|are) kept/);
    for (const pid of b.pids()) expect(alive(pid)).toBe(false);
  });

  it('--fresh measures everything again; more --reps adds repetitions to those kept', async () => {
    const b = bench();
    const args = [...b.args, '--only', 'components,lines'];
    expect((await measure([...args, '--reps', '2'], b.env)).code).toBe(0);
    expect(b.samples()).toHaveLength(12);

    const more = await measure([...args, '--reps', '3'], b.env);
    expect(more.code).toBe(0);
    expect(b.samples()).toHaveLength(18);
    expect(b.calls().filter((c) => c === 'alpha experiment lines')).toHaveLength(1);
    expect(runtime(b.json('alpha.json'), 'params')).toMatchObject({ repetitions: 3 });

    const fresh = await measure([...args, '--reps', '2', '--fresh'], b.env);
    expect(fresh.code).toBe(0);
    expect(fresh.stderr).not.toContain('Reused');
    expect(b.samples()).toHaveLength(30);
    expect(b.calls().filter((c) => c === 'alpha experiment lines')).toHaveLength(2);
    expect(runtime(b.json('alpha.json'), 'params')).toMatchObject({ repetitions: 2 });
  });

  it('a run with --only adds its experiments to what the folder keeps, and leaves the rest', async () => {
    const b = bench();
    expect((await measure([...b.args, '--only', 'lines', '--reps', '2'], b.env)).code).toBe(0);
    expect((await measure([...b.args, '--only', 'auto-logging'], b.env)).code).toBe(0);
    expect([...new Set(records(b.json('alpha.json')).map((x) => x.experiment))]).toEqual(['auto-logging', 'lines']);
    expect(b.calls().filter((c) => c === 'alpha experiment lines')).toHaveLength(1);
  });

  it('a changed requirement file starts that tracker over; changed probes start every tracker over', async () => {
    const b = bench();
    const args = [...b.args, '--reps', '2', '--only', 'components'];
    expect((await measure(args, b.env)).code).toBe(0);
    appendFileSync(join(b.probes, 'requirements/alpha.txt'), 'alpha-extra==0.1\n');
    let before = b.samples().length;
    const changed = await measure(args, b.env);
    expect(changed.code).toBe(0);
    expect(changed.stderr).toContain('alpha: starting over, as its requirement files or Python have changed since the kept measurements were made.');
    expect(b.samples().slice(before).sort()).toEqual(['alpha autolog', 'alpha autolog', 'alpha init', 'alpha init', 'alpha params', 'alpha params']);

    writeFileSync(join(b.probes, 'reprotree_probe/VERSION'), '2\n');
    before = b.samples().length;
    const newer = await measure(args, b.env);
    expect(newer.stderr).toContain('alpha: starting over, as the probes have changed since');
    expect(newer.stderr).toContain('beta: starting over, as the probes have changed since');
    expect(b.samples().length - before).toBe(12);
  });

  it('a tracker that does not install is a finding in its file, with pip’s words, not a crash', async () => {
    const b = bench();
    const r = await measure([...b.args, '--reps', '2'], { ...b.env, FAKE_INSTALL_FAIL: 'beta' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('beta: its environment did not install; that is recorded as a finding in beta.json.');
    const beta = b.json('beta.json');
    const entry = (beta.trackers as Record<string, Json>).beta!;
    expect(entry.status).toBe('install-failed');
    expect(entry.error).toMatch(/installing requirements\/beta\.txt failed[\s\S]*No matching distribution found for beta-tracker/);
    // A failed record for every experiment of every group run, and no sample was tried.
    const experiments = records(beta).map((x) => x.experiment);
    expect(experiments).toEqual(['auto-logging', 'runtime', 'memory', 'lines', 'sklearn', 'log-size', 'collaboration', 'facts']);
    expect(records(beta).every((x) => x.status === 'failed' && x.error === entry.error)).toBe(true);
    expect(b.samples().filter((s) => s.startsWith('beta'))).toEqual([]);
    expect((beta.environments as Record<string, Json>).beta).toMatchObject({ python: '3.11.7', requirements: 'measure/requirements/beta.txt' });
    // Scored as storing nothing; the folder still makes a criteria file.
    expect(r.stdout).toMatch(/Alpha\s+beta \(install-failed\)/);
    expect(existsSync(join(b.out, 'criteria.yaml'))).toBe(true);
  });

  it('a tracker that does not import is a finding too; a failed sample is kept in failures', async () => {
    const b = bench();
    const r = await measure([...b.args, '--reps', '3', '--only', 'components,auto-logging'], {
      ...b.env,
      FAKE_IMPORT_FAIL: 'beta',
      FAKE_FAIL_SAMPLE: 'alpha:init:2',
    });
    expect(r.code).toBe(0);
    const beta = b.json('beta.json');
    expect((beta.trackers as Record<string, Json>).beta).toMatchObject({
      status: 'import-failed',
      error: expect.stringContaining('ModuleNotFoundError'),
    });
    expect(records(beta).map((x) => `${x.experiment} ${x.status}`)).toEqual(['auto-logging failed', 'runtime failed', 'memory failed']);
    expect(b.calls().filter((c) => c.startsWith('beta') && c !== 'beta environment')).toEqual([]);

    const init = runtime(b.json('alpha.json'), 'init');
    expect(init).toMatchObject({ status: 'ok', repetitions: 3, failures: [{ repetition: 2, error: expect.stringContaining('exited with code 1') }] });
    expect(init.samples).toHaveLength(2);
    // One tracker measured: a table, and a sentence on why there is no criteria file.
    expect(readMeasurements(b.out).records.length).toBeGreaterThan(0);
  });

  it('a probe that breaks gives failed records for its group, and is tried again next time', async () => {
    const b = bench();
    const args = [...b.args, '--only', 'lines,auto-logging'];
    const r = await measure(args, { ...b.env, FAKE_CRASH_GROUP: 'lines' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('alpha: the lines experiment broke; its records say why.');
    const lines = records(b.json('alpha.json')).filter((x) => x.experiment === 'lines');
    expect(lines).toEqual([expect.objectContaining({ status: 'failed', error: expect.stringContaining("KeyError: 'boom'") })]);
    const again = await measure(args, b.env);
    expect(again.code).toBe(0);
    expect(b.calls().filter((c) => c === 'alpha experiment lines')).toHaveLength(2);
    expect(b.calls().filter((c) => c === 'alpha experiment auto-logging')).toHaveLength(1);
    expect(
      records(b.json('alpha.json'))
        .filter((x) => x.experiment === 'lines')
        .every((x) => x.status === 'ok'),
    ).toBe(true);
  });
});

describe('reprotree measure: Python and the command line', () => {
  const b = bench();
  const errorOf = async (args: readonly string[], env: Record<string, string | undefined> = {}) => {
    const r = await measure(args, { ...b.env, ...env });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    return r.stderr;
  };

  it('says there is no Python when PATH has none, and how to get one', async () => {
    const empty = join(b.dir, 'empty-bin');
    const stderr = await errorOf(['--workdir', b.workdir, '--out', b.out], { PATH: empty, REPROTREE_PYTHON: undefined });
    expect(stderr).toContain('reprotree measure needs Python 3.10 or newer, and there is no python3 or python on PATH');
    expect(stderr).toContain('apt-get install python3 python3-venv');
    expect(stderr).toContain('--python PATH or REPROTREE_PYTHON');
  });

  it('names what is wrong with the Python given', async () => {
    expect(await errorOf(['--python', join(b.dir, 'nope')])).toContain(`--python ${join(b.dir, 'nope')}: no such program`);
    expect(await errorOf(['--python', b.python], { FAKE_PYTHON_VERSION: '3.8.10' })).toContain(
      'is Python 3.8.10, and reprotree measure needs 3.10 or newer',
    );
    expect(await errorOf([], { REPROTREE_PYTHON: b.python, FAKE_PYTHON_VERSION: '3.9.2' })).toContain(`REPROTREE_PYTHON=${b.python} is Python 3.9.2`);
    expect(await errorOf(['--python', b.python], { FAKE_PYTHON_NO_VENV: '1' })).toContain('has no venv module');
    // Not Python at all.
    expect(await errorOf(['--python', '/bin/true'])).toContain('did not answer as Python 3 does');
  });

  it('tries the trackers on the Python 3.12 named, in the group that holds the facts only', async () => {
    const b = bench();
    // A Python that says it is 3.12: the double, told so.
    const py312 = join(b.dir, 'python3.12');
    writeFileSync(py312, `#!/bin/sh\nFAKE_PYTHON_VERSION=3.12.1 exec "${b.python}" "$@"\n`, { mode: 0o755 });
    const r = await measure([...b.args, '--reps', '1', '--python312', py312], b.env);
    expect(r.code).toBe(0);
    const told = b.calls().filter((l) => l.includes(' python312 '));
    expect(told.sort()).toEqual([`alpha collaboration python312 ${py312}`, `beta collaboration python312 ${py312}`]);
  });

  it('measures the facts again when a later run gives the Python 3.12 an earlier one lacked', async () => {
    const b = bench();
    const py312 = join(b.dir, 'python3.12');
    writeFileSync(py312, `#!/bin/sh\nFAKE_PYTHON_VERSION=3.12.1 exec "${b.python}" "$@"\n`, { mode: 0o755 });
    // PATH holds no python3.12 here, so the first run cannot try it.
    expect((await measure([...b.args, '--reps', '1', '--only', 'collaboration'], { ...b.env, PATH: '/usr/bin:/bin' })).code).toBe(0);
    const facts = (name: string) =>
      records(b.json(name)).find((r) => r.experiment === 'facts') as Rec & { items: Record<string, { status: string }> };
    expect(facts('alpha.json').items['python-3.12']!.status).toBe('not-measured');
    expect((await measure([...b.args, '--reps', '1', '--only', 'collaboration', '--python312', py312], b.env)).code).toBe(0);
    expect(
      b
        .calls()
        .filter((l) => l.includes(' python312 '))
        .sort(),
    ).toEqual([`alpha collaboration python312 ${py312}`, `beta collaboration python312 ${py312}`]);
    expect(facts('alpha.json').items['python-3.12']!.status).toBe('measured');
    // A third run with the same interpreter keeps what it has.
    const before = b.calls().length;
    expect((await measure([...b.args, '--reps', '1', '--only', 'collaboration', '--python312', py312], b.env)).code).toBe(0);
    expect(
      b
        .calls()
        .slice(before)
        .filter((l) => l.includes('experiment collaboration')),
    ).toEqual([]);
  });

  it('refuses a --python312 that is not 3.12 or newer, before anything runs', async () => {
    const b = bench();
    const r = await measure([...b.args, '--python312', b.python], b.env);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--python312 .* is Python 3\.11\.7; the python-312 fact needs 3\.12 or newer/);
    // Nothing was measured: at most the probes were asked what they have.
    expect(b.calls().filter((l) => / (experiment|init|params|autolog) ?/.test(l))).toEqual([]);
    // A run that measures no facts does not look at it.
    expect((await measure([...b.args, '--reps', '1', '--only', 'lines', '--python312', b.python], b.env)).code).toBe(0);
  });

  it('refuses unknown trackers and experiments with the names there are', async () => {
    expect(await errorOf([...b.args, '--trackers', 'alpah'])).toContain(
      "the probes have no tracker 'alpah'; they have alpha, beta. Did you mean 'alpha'?",
    );
    expect(await errorOf([...b.args, '--only', 'runtim'])).toMatch(
      /there is no experiment 'runtim'; there are auto-logging, .*Did you mean 'runtime'\?/,
    );
  });

  it('refuses flags that do not go together or values out of range', async () => {
    expect(await errorOf(['--rescore', 'x.json', '--reps', '3'])).toContain('--rescore scores measurements already made and runs nothing, so --reps');
    expect(await errorOf([...b.args, '--reps', '0'])).toContain("--reps must be a whole number from 1 to 1000, not '0'.");
    expect(await errorOf(['--out', ''])).toContain('--out needs a path.');
  });
});

describe('reprotree measure --rescore', () => {
  it("gives the study's scores from its raw tables, as the bundled criteria.yaml has them", () => {
    const r = run(['measure', '--rescore', 'data/study-2021.measurements.json']);
    expect(r.code).toBe(0);
    // Notes go to stderr: stdout is the criteria file alone, which reprotree reads back.
    expect(r.stderr).toContain('note: Lines of code: the published scores are used');
    const rescored = run(['scores', '--json', '--criteria', '-'], { input: r.stdout });
    expect(rescored.code, rescored.stderr).toBe(0);
    const bundled = run(['scores', '--json']);
    type Scores = { criteria: { id: string; scores: Record<string, number> }[] };
    const scores = (text: string) => Object.fromEntries((JSON.parse(text) as Scores).criteria.map((c) => [c.id, c.scores]));
    expect(scores(rescored.stdout)).toEqual(scores(bundled.stdout));
  });

  it('says what is wrong with a path that holds no measurements', () => {
    const r = run(['measure', '--rescore', 'criteria.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not JSON (a criteria .yaml file?)');
  });
});
