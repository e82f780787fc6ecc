/**
 * --data and the two bundled data sets through the built program: the study by default, one clear
 * sentence where the 2026 data is missing (a copy of the program without it), and every command
 * working on the bundled trackers-2026: advice and its JSON, scores, init, compare, and the
 * questionnaire's `d` in line mode and in a terminal.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectUserError, run } from '../helpers/cli.js';
import { binWithoutData, RAW_2026 } from '../helpers/data-sets.js';
import { readMeasurements } from '../../src/measure/read.js';
import { readJson, ROOT } from '../helpers/fixtures.js';
import { closePanes, hasTmux, openPanes, start } from '../helpers/pane.js';

beforeAll(openPanes);
afterAll(closePanes);

describe('--data in this checkout', () => {
  it('study-2021 is the default, and says so', () => {
    const byDefault = run(['--important', 'keras']);
    expect(run(['--data', 'study-2021', '--important', 'keras']).stdout).toBe(byDefault.stdout);
    expect(byDefault.stdout).toContain('Scores: study-2021 — Table 11 of Kondratiuk & Rasgauski (2021)');
  });

  it('trackers-2026, where a copy of reprotree lacks it: one sentence, exit 2, for every command that reads it', () => {
    const bin = binWithoutData();
    for (const args of [
      ['--data', 'trackers-2026', '--important', 'keras'],
      ['scores', '--data', 'trackers-2026'],
      ['compare'],
      ['init', '-', '--data', 'trackers-2026'],
    ]) {
      const err = expectUserError(run(args, { bin }));
      // This build shipped the data set, so its absence is a broken installation, not a version without it.
      expect(err, args.join(' ')).toMatch(
        /^reprotree: The trackers-2026 data set is missing from this installation \(\/.*\/data\/trackers-2026\.yaml is not there\); reinstall reprotree\.\n$/,
      );
    }
  });

  it('trackers-2026 is what --data gives', () => {
    expect(existsSync(join(ROOT, 'data/trackers-2026.yaml'))).toBe(true);
    const j = JSON.parse(run(['--data', 'trackers-2026', '--important', 'sklearn', '--json']).stdout);
    expect(j.data.name).toBe('trackers-2026');
    expect(j.data.measured_on).toMatch(/^2026-/);
  });

  it('refuses an unknown name with a suggestion, and --criteria with --data', () => {
    expect(expectUserError(run(['--data', 'study2021']))).toMatch(
      /There is no data set 'study2021'; --data takes study-2021 or trackers-2026\. Did you mean 'study-2021'\?/,
    );
    expect(expectUserError(run(['--data', 'study-2021', '--criteria', 'criteria.yaml', '--important', 'keras']))).toMatch(
      /--criteria and --data both say where the scores come from; give one of them/,
    );
  });
});

describe('with the bundled trackers-2026 data set', () => {
  const raw = readMeasurements(RAW_2026);
  const schema = readJson<object>(ROOT + 'schema/recommendation.schema.json');
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

  it('gives advice on it, naming it with its date, machine and versions; the JSON keeps to the schema', () => {
    const r = run(['--data', 'trackers-2026', '--important', 'open-source,sklearn', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(validate(j), JSON.stringify(validate.errors)).toBe(true);
    expect(j.data).toMatchObject({ name: 'trackers-2026', bundled: true, file: null, python: '3.11.7' });
    expect(j.data.measured_on).toMatch(/^2026-\d\d-\d\d$/);
    expect(j.data.versions).toEqual(Object.fromEntries(raw.trackers.map((t) => [t.id, t.version])));
    const text = run(['--data', 'trackers-2026', '--important', 'open-source,sklearn']).stdout;
    expect(text.replace(/\s+/g, ' ')).toContain("Scores: trackers-2026 — the study's experiments re-run on each tracker by reprotree measure");
  });

  it('scores shows the 2026 table, the facts criteria and the evidence behind them', () => {
    const out = run(['scores', '--data', 'trackers-2026'], { env: { COLUMNS: '200' } }).stdout;
    for (const s of [
      'Open source (open-source)',
      'Maintained (maintained)',
      'Python 3.12 (python-312)',
      'Latest release on PyPI',
      'Repetitions: runtime',
    ])
      expect(out).toContain(s);
  });

  it('init writes it, and it reads back as a file of the user’s, named by its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reprotree-init-2026-'));
    const file = join(dir, 'today.yaml');
    expect(run(['init', file, '--data', 'trackers-2026']).stdout).toMatch(/^Wrote .*today\.yaml: the trackers-2026 data's frameworks/);
    expect(readFileSync(file, 'utf8')).toContain('name: trackers-2026');
    const j = JSON.parse(run(['--criteria', file, '--important', 'sklearn', '--json']).stdout);
    expect(j.data).toMatchObject({ name: 'trackers-2026', bundled: false, file });
  });

  it('compare puts the two recommendations side by side and says what moved and what one set lacks', () => {
    const r = run(['compare', '--important', 'auto-logging,open-source'], { env: { COLUMNS: '120' } });
    expect(r.code).toBe(0);
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(text).toContain('The same answers under study-2021 and trackers-2026');
    expect(text).toContain('What matters to you: Auto-logging and Open source.');
    expect(text).toContain('study-2021 has no criterion Open source, so that answer counts under trackers-2026 only.');
    expect(text).toContain('What moved most');
    const j = JSON.parse(run(['compare', '--important', 'auto-logging,open-source', '--json']).stdout);
    expect(j.answers['open-source']).toBe(true);
    expect(j.answers.runtime).toBe(false);
    expect(j.data_sets.map((d: { data_set: string }) => d.data_set)).toEqual(['study-2021', 'trackers-2026']);
    expect(j.data_sets[0].not_in_this_data).toEqual(['open-source']);
    expect(j.only_in['trackers-2026']).toEqual(expect.arrayContaining(['open-source', 'self-hosting', 'maintained', 'python-312']));
    expect(j.common_frameworks).toEqual(['wandb', 'guild', 'mlflow']);
    // Most moved first, each a share of the criterion's range.
    const moved = j.moved.map((m: { moved: number }) => m.moved);
    expect(moved).toEqual([...moved].sort((a, b) => b - a));
    expect(moved.every((m: number) => m >= 0 && m <= 1)).toBe(true);
  });

  it('compare refuses a tree only one data set has, naming those both have', () => {
    expect(expectUserError(run(['compare', '--tree', 'depth-3']))).toBe(
      "reprotree: --tree depth-3: compare walks both data sets on the same tree, and the tree names they share are full; leave --tree out to use each one's default.\n",
    );
    expect(run(['compare', '--tree', 'full', '--important', 'runtime']).code).toBe(0);
  });

  it('compare refuses an id neither data set has, suggesting the nearest', () => {
    expect(expectUserError(run(['compare', '--important', 'open-sorce']))).toMatch(
      /'open-sorce' is not a criterion in study-2021 or trackers-2026\. Did you mean 'open-source'\?/,
    );
  });

  it('the questionnaire offers the other data set, and d starts over on it (line mode)', () => {
    // Questions on the study until d, then on trackers-2026, answered "does not matter" to the end.
    const r = run(['--accessible'], { input: `1\nd\n${'2\n'.repeat(20)}` });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Scores: study-2021 — Table 11 of Kondratiuk & Rasgauski (2021)');
    expect(r.stderr).toContain("Type d at a question to use trackers-2026 (today's trackers, measured in 2026) instead; the questions start over.");
    expect(r.stderr).toContain("Now using trackers-2026 (today's trackers, measured in 2026); the questions start over.");
    expect(r.stderr).toContain('Type d at a question to use study-2021');
    expect(r.stdout).toContain('Scores: trackers-2026');
    expect(r.stderr).toMatch(/Same advice without the questions: reprotree --data trackers-2026 /);
  });
});

describe.skipIf(!hasTmux)('in a terminal, with the bundled trackers-2026 data set', () => {
  it('the introduction names the data and offers the other; d starts over on it', async () => {
    const pane = start([], { rows: 40, columns: 100 });
    const first = await pane.waitFor('Question 1 of at most');
    expect(first).toContain('Scores: study-2021 — Table 11 of Kondratiuk & Rasgauski (2021)');
    expect(first).toContain("Press d to use trackers-2026 (today's trackers, measured in 2026) instead; the questions start over.");
    expect(first).toContain('d trackers-2026');
    await pane.keys('d');
    await pane.waitFor("Now using trackers-2026 (today's trackers, measured in 2026); the questions start over.");
    await pane.waitFor('Press d to use study-2021');
    // Nothing matters, to the end of the branch.
    for (let i = 0; i < 20 && !/Enter done/.test(pane.screen()); i++) {
      await pane.keys('2');
      await new Promise((r) => setTimeout(r, 150));
    }
    await pane.waitFor('Enter done');
    expect(pane.screen()).toContain('Scores: trackers-2026');
    await pane.keys('Enter');
    expect(await pane.exitCode()).toBe(0);
    const history = pane.history();
    expect(history).toContain('⇄ Switching to trackers-2026');
    expect(history).toMatch(/Same advice without the questions: reprotree --data trackers-2026 /);
  });
});
