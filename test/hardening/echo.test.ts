/**
 * Whatever a user types or names is shown back in messages with its control and invisible
 * characters escaped, so an argument, a file name or a file's key cannot clear the screen, set
 * the window title or turn text around: the terminal sees `\e[2J`, never ESC [ 2 J.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/errors.js';
import { readMeasurements } from '../../src/measure/read.js';
import { expectUserError, run } from '../helpers/cli.js';
import type { Result } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'reprotree-echo-'));
const GOOD = 'frameworks:\n  - {id: a, name: A}\n  - {id: b, name: B}\ncriteria:\n  - id: speed\n    name: Speed\n    scores: {a: 1, b: 2}\n';
/** What must never reach the terminal as it is. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
const clean = (r: Result) => {
  expect(r.stdout + r.stderr).not.toMatch(RAW);
  return r;
};

describe('printable', () => {
  it('escapes controls as bash reads them and leaves every visible character alone', () => {
    expect(printable('x\u001b[2Jy.yaml')).toBe('x\\e[2Jy.yaml');
    expect(printable('x\u001b]0;t\u0007')).toBe('x\\e]0;t\\x07');
    expect(printable('a\nb\tc\rd\u007f\u0085')).toBe('a\\nb\\tc\\rd\\x7f\\u0085');
    expect(printable('A\u202egnp.exe\u200b\ufeff\u2028')).toBe('A\\u202Egnp.exe\\u200B\\uFEFF\\u2028');
    expect(printable('flag\u{e0001}')).toBe('flag\\U000E0001');
    expect(printable("Größe 速度 🚀 e\u0301 \\ 'quoted'")).toBe("Größe 速度 🚀 e\u0301 \\ 'quoted'");
  });
});

describe('arguments echoed in messages', () => {
  it.each([
    ['a file name', ['validate', 'x\u001b[2Jy.yaml'], 'Cannot read x\\e[2Jy.yaml: no such file'],
    ['a criterion', ['--important', 'run\u001b[2Jtime'], "'run\\e[2Jtime' is not a criterion"],
    ['a tree name', ['--tree', 'x\u001b]0;t\u0007', '--important', 'runtime'], "There is no tree named 'x\\e]0;t\\x07'"],
    ['a tree name, asking', ['--tree', 'x\u001b]0;t\u0007'], "There is no tree named 'x\\e]0;t\\x07'"],
    ['a list item', ['--important', 'runtime,,\u001b[31m'], "empty item in 'runtime,,\\e[31m'"],
    ['a command', ['sc\u001b[2Jores'], "Unknown command 'sc\\e[2Jores'"],
    ['a help topic', ['help', '\u001b[2J'], "There is no command '\\e[2J'"],
    ['an option', ['--x\u001b[2J'], "Unknown option '--x\\e[2J'"],
    ['a format', ['scores', '--format', '\u001b[5mjson'], "'\\e[5mjson' is not a format of scores"],
    ['a format against --json', ['scores', '--json', '--format', '\u001b[5m'], '--json and --format \\e[5m contradict'],
    ['a depth', ['tree', '--max-depth', '3\u001b[H'], "not '3\\e[H'"],
    ['an extra argument', ['tree', '\u202eabc'], "Unexpected argument '\\u202Eabc' for tree"],
    ['one of several files', ['validate', 'a\u0007.yaml', '--criteria', 'b.yaml'], 'Cannot read a\\x07.yaml: no such file'],
    ['an answers file', ['--answers', `${dir}/\u001b[2J.json`], `Cannot read ${dir}/\\e[2J.json`],
    [
      'a file to save answers to',
      ['ask', '--save-answers', '/nonexistent\u001b[2J/a.json'],
      '--save-answers /nonexistent\\e[2J/a.json: cannot write in /nonexistent\\e[2J',
    ],
    ['a file to write', ['init', `${dir}/missing\u001b[2J/x.yaml`], `Cannot write ${dir}/missing\\e[2J/x.yaml: its folder does not exist`],
    ['a split list', ['--important', 'runtime,', 'ke\u001bras'], '--important runtime,ke\\eras'],
    ['a criteria file', ['--important', 'runtime', '--criteria', `${dir}/\u001b[2J.yaml`], `Cannot read ${dir}/\\e[2J.yaml`],
  ])('%s', (_name, args, shown) => {
    const stderr = expectUserError(clean(run(args)));
    expect(stderr).toContain(shown);
  });
});

describe('a criteria file echoed in messages', () => {
  const named = (name: string, content: string) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  };

  it('its name, in every FILE:LINE:COL and in the OK line', () => {
    const bad = named('bad\u001b[2J.yaml', GOOD.replace('b: 2}', 'b: x}'));
    const stderr = expectUserError(clean(run(['validate', bad])));
    expect(stderr).toContain(`${dir}/bad\\e[2J.yaml:7:23: the score of 'b' on 'speed' must be a number`);
    const good = named('good\u202e.yaml', GOOD);
    const ok = clean(run(['validate', good]));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`${dir}/good\\u202E.yaml: OK`);
    const other = clean(run(['--important', 'sped', '--criteria', good]));
    expect(other.stderr).toContain(`is not a criterion in ${dir}/good\\u202E.yaml. Did you mean 'speed'?`);
  });

  it('its keys and values', () => {
    const cases: [string, string][] = [
      [GOOD + '"\\e[2Jtitle": x\n', "unknown key '\\e[2Jtitle' in the file"],
      [GOOD + '"\\e]0;pwned\\a": x\n', "unknown key '\\e]0;pwned\\x07' in the file"],
      [GOOD.replace('b: 2}', 'b: "\\e[31m2"}'), "not the text '\\e[31m2'"],
      [GOOD.replace('b: 2}', 'b: 2, "c\\e[2J": 1}'), "name 'c\\e[2J', which is not a framework"],
      [GOOD.replace('{id: b,', '{id: "b\\e[2J",'), "framework id 'b\\e[2J' is not a valid id"],
      [GOOD.replace('{id: b,', '{id: "b\\u202e",'), "framework id 'b\\u202E' is not a valid id"],
      [GOOD + 'trees:\n  "t\\e[2J": {}\n', "tree name 't\\e[2J' is not a valid id"],
      [GOOD + 'default_tree: "f\\e[2J"\n', 'default_tree contains a control character (U+001B)'],
      [GOOD + 'default_tree: "f\\u202e"\n', "default_tree 'f\\u202E' is not one of the trees"],
      [GOOD.replace('b: 2}', 'b: 2, "\\e[Hx": 1, "\\e[Hx": 2}'), "'\\e[Hx' appears twice in the scores of 'speed'"],
    ];
    for (const [content, shown] of cases) {
      const stderr = expectUserError(clean(run(['validate', named('case.yaml', content)])));
      expect(stderr).toContain(shown);
    }
  });

  it('is read from a folder named with an escape sequence', () => {
    const folder = join(dir, '\u001b[2J');
    mkdirSync(folder, { recursive: true });
    expect(expectUserError(clean(run(['validate', folder])))).toContain('\\e[2J is a directory');
  });
});

describe('replies echoed by the accessible questionnaire', () => {
  it('shows a typed escape sequence escaped, in the transcript and in the complaint', () => {
    const r = clean(run(['--accessible', '--tree', 'figure-1'], { input: '\u001b[2J\n2\n2\n2\n2\n' }));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("'\\e[2J' is not an answer here");
  });
});

describe('measurement files echoed in messages', () => {
  const problem = (path: string) => {
    try {
      readMeasurements(path);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('it was accepted');
  };

  it('their paths and keys, escaped like everything else', () => {
    expect(problem(join(dir, 'm\u001b[2J.json'))).toContain(`Cannot read ${dir}/m\\e[2J.json: no such file`);
    const file = join(dir, 'keys.json');
    writeFileSync(file, JSON.stringify({ format: 'reprotree-measurements/1', 'x\u202e\u009b2J': 1 }));
    const message = problem(file);
    expect(message).toContain('\\u202E\\u009B2J');
    expect(message).not.toMatch(RAW);
  });
});
