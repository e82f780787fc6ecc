/**
 * The built binary with the user's own files: a criteria file started by `init` and edited,
 * `scores --format yaml`, `validate` on several files and standard input, and answers files.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStudy } from '../../src/study/parse.js';
import { expectUserError, run } from '../helpers/cli.js';
import { FIXTURES, ROOT } from '../helpers/fixtures.js';
import { study } from '../helpers/study.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'reprotree-own-'));

describe('init', () => {
  it('writes the bundled study with notes, reads back the same, and refuses to overwrite', () => {
    const dir = scratch();
    const r = run(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Wrote reprotree-criteria.yaml');
    expect(r.stdout).toContain('reprotree --criteria reprotree-criteria.yaml');
    expect(readdirSync(dir)).toEqual(['reprotree-criteria.yaml']);
    const file = join(dir, 'reprotree-criteria.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# reprotree criteria file/);
    // The same data; only the bundled copy is known as a data set (a written file may be edited).
    const { dataSet, ...bundled } = study();
    expect(dataSet).toBe('study-2021');
    expect(parseStudy(text, study().file)).toEqual(bundled);

    writeFileSync(file, 'mine\n');
    expect(expectUserError(run(['init'], { cwd: dir }))).toBe(
      'reprotree: reprotree-criteria.yaml already exists; name another file (reprotree init OTHER.yaml) or add --force to replace it.\n',
    );
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    expect(run(['init', '--force'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('writes to a named file, or to stdout for -, the same text as scores --format yaml', () => {
    const dir = scratch();
    expect(run(['init', 'mine.yaml'], { cwd: dir }).code).toBe(0);
    const yaml = run(['scores', '--format', 'yaml']);
    expect(yaml.code).toBe(0);
    expect(run(['init', '-']).stdout).toBe(yaml.stdout);
    expect(readFileSync(join(dir, 'mine.yaml'), 'utf8')).toBe(yaml.stdout);
  });

  it('gives a file that works at once after editing one score', () => {
    const dir = scratch();
    run(['init'], { cwd: dir });
    const file = join(dir, 'reprotree-criteria.yaml');
    // Guild wins when only run time matters; give W&B a better run time than Guild.
    expect(run(['--important', 'runtime', '--criteria', file]).stdout).toMatch(/^Use Guild\n/);
    const text = readFileSync(file, 'utf8');
    const edited = text.replace('scores: {wandb: 1, guild: 2.5, mlflow: 1}', 'scores: {wandb: 3, guild: 2.5, mlflow: 1}');
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    expect(run(['validate', file]).code).toBe(0);
    const r = run(['--important', 'runtime', '--criteria', file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).recommendation).toEqual(['wandb']);
  });

  it('says what is wrong with a place it cannot write to', () => {
    expect(expectUserError(run(['init', '/nonexistent-folder/c.yaml']))).toMatch(/its folder does not exist/);
    expect(expectUserError(run(['init', scratch()]))).toMatch(/is a folder; name a file in it instead/);
  });
});

describe('scores --format yaml', () => {
  it('prints the file a --criteria file stands for, which validates clean, edits and all', () => {
    const dir = scratch();
    const mine = join(dir, 'mine.yaml');
    writeFileSync(mine, 'frameworks: [{id: a, name: A}, {id: b, name: B}]\ncriteria:\n  - {id: speed, name: Speed, scores: {a: 1, b: 2}}\n');
    const yaml = run(['scores', '--format', 'yaml', '--criteria', mine]);
    expect(yaml.code).toBe(0);
    expect(yaml.stdout).toContain('question: Does Speed matter for your project?');
    const checked = run(['validate', '-'], { input: yaml.stdout });
    expect(checked).toMatchObject({ code: 0, stderr: '' });
    expect(checked.stdout).toBe('<stdin>: OK — 2 frameworks, 1 criterion, trees: full (default full).\n');
    expect(run(['validate', '-'], { input: run(['scores', '--format', 'yaml']).stdout }).code).toBe(0);
  });
});

describe('validate', () => {
  it('checks several files in turn: a summary for each good one, the problems of each bad one, exit 2', () => {
    const broken = `${FIXTURES}broken/two-problems.yaml`;
    const r = run(['validate', 'criteria.yaml', broken, '/nonexistent.yaml', '-'], { input: 'frameworks: []\n' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('criteria.yaml: OK — 3 frameworks, 7 criteria, trees: full, figure-1, figure-2 (default full).\n');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith(`${broken}:`))).toHaveLength(2);
    expect(lines).toContain('reprotree: Cannot read /nonexistent.yaml: no such file. Check the path and try again.');
    expect(lines.some((l) => /^<stdin>:1:13: there must be at least 2 frameworks/.test(l))).toBe(true);
    expect(lines.at(-1)).toBe('reprotree: 3 of 4 files have problems; see above.');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 0 when every file is clean, --criteria counting as one more', () => {
    const r = run(['validate', 'criteria.yaml', '--criteria', '-'], { input: readFileSync(`${ROOT}criteria.yaml`, 'utf8') });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.includes(': OK —'))).toHaveLength(2);
  });
});

describe('--answers', () => {
  it('reads JSON or YAML keyed by criterion id; what it leaves out does not matter in scripted mode', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.json'), '{"auto-logging": true, "keras": true, "memory": false}\n');
    writeFileSync(join(dir, 'a.yaml'), '# mine\nkeras: true\nauto-logging: true\n');
    const flags = run(['--important', 'auto-logging,keras', '--json']);
    for (const file of ['a.json', 'a.yaml']) {
      const r = run(['--answers', file, '--json'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(flags.stdout);
    }
    expect(run(['--answers', '-', '--json'], { input: '{"keras": true, "auto-logging": true}' }).stdout).toBe(flags.stdout);
    // The tree command marks the path the same answers take.
    expect(run(['tree', '--answers', join(dir, 'a.yaml'), '--format', 'dot']).stdout).toBe(
      run(['tree', '--important', 'auto-logging,keras', '--format', 'dot']).stdout,
    );
  });

  it('refuses an unknown id with a suggestion, at its line and column', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.json'), '{\n  "keras": true,\n  "colaboration": false\n}\n');
    const message = expectUserError(run(['--answers', 'a.json'], { cwd: dir }));
    expect(message).toMatch(/^a\.json:3:3: 'colaboration' is not a criterion of the study-2021 data set\. Did you mean 'collaboration'\?/);
  });

  it('goes by --important and --not-important where they disagree with the file, and says so', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.json'), '{"auto-logging": true, "keras": true}\n');
    const r = run(['--answers', 'a.json', '--not-important', 'keras', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('reprotree: going by the command line over a.json: keras does not matter.\n');
    expect(JSON.parse(r.stdout).answers).toMatchObject({ 'auto-logging': true, keras: false });
  });
});
