/**
 * A catalogue of broken criteria files and command lines. Each must end with exit 2 within a
 * second, one message per problem on stderr naming it (at FILE:LINE:COL for YAML content),
 * nothing on stdout, and no stack trace.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, expectUserError, run } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'reprotree-bad-'));

const FW = 'frameworks:\n  - {id: a, name: A}\n  - {id: b, name: B}\n';
const CR = 'criteria:\n  - id: speed\n    name: Speed\n    scores: {a: 1, b: 2}\n';
const GOOD = FW + CR;
/** The good file with `from` replaced by `to`, so each case breaks exactly one thing. */
const edit = (from: string, to: string) => {
  if (!GOOD.includes(from)) throw new Error(`not in the good file: ${from}`);
  return GOOD.replace(from, to);
};

function billionLaughs(): string {
  const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < 10; i++) {
    const name = String.fromCharCode(97 + i);
    const prev = String.fromCharCode(96 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  return lines.join('\n') + '\nframeworks: *j\ncriteria: *j\n';
}

/** [name, file content, what the message must say]. Positions are checked for every YAML case. */
const files: [string, string | Buffer, RegExp][] = [
  ['an empty file', '', /:1:1: the file is empty/],
  ['only comments', '# nothing here\n', /:1:1: the file is empty/],
  ['a list instead of a mapping', '- a\n- b\n', /:1:1: the file must be a mapping.*not a list/],
  ['a plain word', 'hello\n', /:1:1: the file must be a mapping.*not the text 'hello'/],
  ['an unclosed bracket', 'frameworks: [a, b\ncriteria: x\n', /:2:1: the indentation here does not line up .* or a bracket is left open/],
  ['a tab as indentation', 'frameworks:\n\t- id: a\n', /:2:1: a tab is used for indentation/],
  ['a duplicate key', GOOD + 'criteria: []\n', /:8:1: 'criteria' appears twice in the file \(first on line 4\); keep one\./],
  ['a missing colon', edit('    name: Speed', '    name Speed'), /:6:5: this line does not fit the lines above it/],
  ['a decimal comma', edit('b: 2}', 'b: 2,5}'), /:7:25: '5' in the scores of 'speed' looks like .* decimal comma/],
  ['two YAML documents', GOOD + '---\n' + GOOD, /:\d+:\d+: the file holds more than one YAML document/],
  ['a JSON brace left open', '{"frameworks": [],\n', /:2:1: a '\{' or '\[' is not closed, or a ',' is followed by nothing \(in JSON or YAML\)/],
  ['a string score', edit('b: 2}', 'b: "2"}'), /:7:23: the score of 'b' on 'speed' must be a number, not the text '2'/],
  ['a boolean score', edit('b: 2}', 'b: yes}'), /:7:23: the score of 'b' on 'speed' must be a number, not the text 'yes'/],
  ['an empty score', edit('b: 2}', 'b: }'), /:7:\d+: the score of 'b' on 'speed' must be a number/],
  [
    'a NaN score',
    edit('b: 2}', 'b: .nan}'),
    /:7:23: the score of 'b' on 'speed' must be a number from 0 to 1000000 with at most 6 decimals, not NaN/,
  ],
  ['an infinite score', edit('b: 2}', 'b: .inf}'), /:7:23: .*from 0 to 1000000 .*, not Infinity/],
  ['a negative score', edit('b: 2}', 'b: -0.5}'), /:7:23: .*from 0 to 1000000 .*, not -0\.5/],
  // Each finite, their sum not: the total would overflow to Infinity and tie A with B.
  [
    'scores near the largest double',
    edit('{a: 1, b: 2}', '{a: 1.7e308, b: 1.6e308}'),
    /:7:17: .*from 0 to 1000000 .*, not 1\.7e\+308\.\n.*:7:29: .*not 1\.6e\+308\./,
  ],
  ['a score over a million', edit('b: 2}', 'b: 1000000.5}'), /:7:23: .*from 0 to 1000000 with at most 6 decimals, not 1000000\.5/],
  ['a score with 7 decimals', edit('b: 2}', 'b: 0.1234567}'), /:7:23: .*with at most 6 decimals, not 0\.1234567/],
  ['a score below a millionth', edit('b: 2}', 'b: 1e-7}'), /:7:23: .*with at most 6 decimals, not 1e-7/],
  ['a missing score', edit('{a: 1, b: 2}', '{a: 1}'), /:7:13: criterion 'speed' has no score for 'b'/],
  ['a score for an unknown framework', edit('b: 2}', 'b: 2, c: 3}'), /:7:26: the scores of 'speed' name 'c', which is not a framework/],
  ['a list where scores belong', edit('{a: 1, b: 2}', '[1, 2]'), /:7:13: the scores of 'speed' must be a mapping.*not a list/],
  ['a mapping where frameworks belong', 'frameworks: {a: 1}\n' + CR, /:1:13: frameworks must be a list/],
  ['a number as an id', edit('id: speed', 'id: 5'), /:5:9: criterion id must be an id .*not 5/],
  ['an id with a space', edit('id: speed', 'id: top speed'), /:5:9: criterion id 'top speed' is not a valid id/],
  ['an id with a slash', edit('{id: a,', '{id: a/b,'), /^[^\n]*:2:10: framework id 'a\/b' is not a valid id[^\n]*\n$/],
  ['an id with a dot', edit('id: speed', 'id: v1.2'), /:5:9: criterion id 'v1\.2' is not a valid id/],
  ['an upper-case id', edit('{id: b,', '{id: B,'), /^[^\n]*:3:10: framework id 'B' is not a valid id[^\n]*\n$/],
  ['a duplicate framework id', edit('{id: b,', '{id: a,'), /:3:10: framework id 'a' is used twice/],
  ['a duplicate criterion id', GOOD + '  - {id: speed, name: Again, scores: {a: 1, b: 1}}\n', /:8:10: criterion id 'speed' is used twice/],
  ['a criterion without an id', GOOD + '  - {name: Nameless, scores: {a: 1, b: 1}}\n', /:8:5: this criterion has no `id`/],
  ['a criterion without scores', GOOD + '  - {id: cost, name: Cost}\n', /:8:6: criterion 'cost' has no `scores`/],
  ['no frameworks', CR, /:1:1: the file has no `frameworks:` list/],
  ['no criteria', FW, /:1:1: the file has no `criteria:` list/],
  ['one framework', 'frameworks:\n  - {id: a}\ncriteria:\n  - {id: s, name: S, scores: {a: 1}}\n', /:2:3: there must be at least 2 frameworks/],
  ['an empty criteria list', FW + 'criteria: []\n', /:4:11: there must be at least 1 criterion/],
  [
    '21 criteria',
    FW + 'criteria:\n' + Array.from({ length: 21 }, (_, i) => `  - {id: c${i}, name: C${i}, scores: {a: 1, b: 2}}\n`).join(''),
    /:5:3: there are 21 criteria, but at most 20 .*2\^20 profiles is the ceiling/,
  ],
  [
    'a tree naming an unknown criterion',
    GOOD + 'trees:\n  t: {criteria: [sped]}\n',
    /:9:18: tree 't' names criterion 'sped'.*Did you mean 'speed'\?/,
  ],
  ['a tree with max_depth 0', GOOD + 'trees:\n  t: {max_depth: 0}\n', /:9:18: max_depth of tree 't' must be a whole number from 1 to 1000, not 0/],
  ['a tree with a text max_depth', GOOD + 'trees:\n  t: {max_depth: deep}\n', /:9:18: max_depth of tree 't' must be a number, not the text 'deep'/],
  ['an unknown default_tree', GOOD + 'trees:\n  t: {}\ndefault_tree: u\n', /:10:15: default_tree 'u' is not one of the trees/],
  ['a fractional random_state', GOOD + 'random_state: 1.5\n', /:8:15: random_state must be a whole number from 0 to 4294967295, not 1.5/],
  [
    'a random_state above 2^32 - 1',
    GOOD + 'random_state: 4294967296\n',
    /:8:15: random_state must be a whole number from 0 to 4294967295, not 4294967296/,
  ],
  ['a misspelt top-level key', GOOD + 'default-tree: full\n', /:8:1: unknown key 'default-tree' in the file\. Did you mean 'default_tree'\?/],
  ['a __proto__ key', '__proto__: {polluted: true}\n' + GOOD, /:1:1: unknown key '__proto__' in the file/],
  [
    'a constructor key in scores',
    edit('b: 2}', 'b: 2, constructor: 1}'),
    /:7:26: the scores of 'speed' name 'constructor', which is not a framework/,
  ],
  ['evidence for an unknown framework', GOOD + '    evidence: {z: why}\n', /:8:16: the evidence of 'speed' names 'z', which is not a framework\.\n$/],
  ['a billion-laughs alias bomb', billionLaughs(), /:\d+:\d+: /],
  [
    'brackets nested 200 000 deep',
    'frameworks: ' + '['.repeat(200_000) + ']'.repeat(200_000) + '\n',
    /:1:113: the YAML is nested too deeply to read/,
  ],
  [
    'block nesting 1 400 deep',
    'frameworks:\n' + Array.from({ length: 1400 }, (_, i) => ' '.repeat(i) + '- \n').join(''),
    /:203:202: the YAML is nested too deeply to read/,
  ],
  [
    'an escape sequence in a name',
    edit('{id: a, name: A}', '{id: a, name: "A\\u001b[31mRED"}'),
    /:2:19: the name of framework 'a' contains a control character \(U\+001B\)/,
  ],
  [
    'a right-to-left override in a name (Trojan Source)',
    edit('{id: a, name: A}', '{id: a, name: A\u202egnp.exe}'),
    /:2:20: the name of framework 'a' contains U\+202E \(right-to-left override\), an invisible character that changes how text shows; remove it\./,
  ],
  [
    'a left-to-right isolate written as an escape',
    edit('{id: a, name: A}', '{id: a, name: "A\\u2066x"}'),
    /:2:19: .*U\+2066 \(left-to-right isolate\)/,
  ],
  [
    'a pop directional isolate in a criterion name',
    edit('    name: Speed', '    name: Speed\u2069'),
    /:6:16: the name of criterion 'speed' contains U\+2069/,
  ],
  ['a zero-width space in a criterion name', edit('    name: Speed', '    name: Sp\u200beed'), /:6:13: .*U\+200B \(zero-width space\)/],
  [
    'a zero-width joiner in a full name',
    edit('{id: a, name: A}', '{id: a, name: A, full_name: A\u200dB}'),
    /:2:34: full_name of 'a' contains U\+200D \(zero-width joiner\)/,
  ],
  ['a word joiner in a name', edit('{id: a, name: A}', '{id: a, name: A\u2060}'), /:2:20: .*U\+2060 \(word joiner\)/],
  ['a byte-order mark in a name', edit('{id: a, name: A}', '{id: a, name: \ufeffA}'), /:2:19: .*U\+FEFF \(zero-width no-break space\)/],
  [
    'a line break in a name',
    edit('    name: Speed', '    name: "Speed\\nand more"'),
    /:6:11: the name of criterion 'speed' contains a line break; a name is one line \(longer text goes in `question` or `help`\)\./,
  ],
  ['a block scalar as a name', edit('    name: Speed', '    name: |\n      Speed\n      and more'), /:6:11: .*contains a line break/],
  [
    'a carriage return in a name',
    edit('{id: a, name: A}', '{id: a, name: "A\\rB"}'),
    /:2:19: the name of framework 'a' contains a line break; .*`full_name` or `summary`/,
  ],
  ['a tab in a name', edit('{id: a, name: A}', '{id: a, name: "A\tB"}'), /:2:21: the name of framework 'a' contains a tab; use spaces\./],
  ['binary content', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]), /looks like a binary file/],
  ['Latin-1 text', Buffer.from('title: caf\xe9\n', 'latin1'), /is not valid UTF-8 text/],
  ['a file over 1 MiB', '# ' + 'x'.repeat(1024 * 1024) + '\n', /over the 1 MiB limit/],
];

describe('broken criteria files', () => {
  it.each(files.map(([name, content, message], i) => [name, content, message, i] as const))('%s', (_name, content, message, i) => {
    const file = join(dir, `case-${i}.yaml`);
    writeFileSync(file, content);
    const t0 = Date.now();
    const r = run(['validate', file]);
    const elapsed = Date.now() - t0;
    const stderr = expectUserError(r);
    expect(stderr).toMatch(message);
    const yamlContent = typeof content === 'string' && content.length <= 1024 * 1024;
    for (const line of stderr.trim().split('\n')) {
      expect(line.startsWith(yamlContent ? `${file}:` : 'reprotree: ')).toBe(true);
      if (yamlContent) expect(line).toMatch(/^[^:]+:\d+:\d+: \S/);
    }
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('files that cannot be read', () => {
  it('a missing file', () => {
    expect(expectUserError(run(['--important', 'speed', '--criteria', join(dir, 'missing.yaml')]))).toMatch(
      /Cannot read .*missing\.yaml: no such file/,
    );
  });

  it('a device that never ends', () => {
    const t0 = Date.now();
    expect(expectUserError(run(['validate', '/dev/zero']))).toMatch(/\/dev\/zero is over the 1 MiB limit/);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('a directory', () => {
    expect(expectUserError(run(['validate', dir]))).toMatch(/is a directory, not a criteria file/);
  });

  // Root reads any file whatever its mode, so as root the program runs as nobody instead, where
  // nobody can reach the program at all.
  const asRoot = process.getuid?.() === 0;
  const asNobody = (...args: string[]) =>
    spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args], { encoding: 'utf8' });
  const canDropRoot = asRoot && asNobody('--version').status === 0;
  it.skipIf(asRoot && !canDropRoot)('a file without read permission', () => {
    const file = join(dir, 'secret.yaml');
    writeFileSync(file, GOOD);
    chmodSync(file, 0o000);
    chmodSync(dir, 0o755);
    const r = asRoot ? asNobody('validate', file) : spawnSync(process.execPath, [BIN, 'validate', file], { encoding: 'utf8' });
    expect(expectUserError({ code: r.status, stdout: r.stdout, stderr: r.stderr })).toMatch(/Cannot read .*secret\.yaml: permission denied/);
  });

  it('a path through a file', () => {
    const file = join(dir, 'plain.yaml');
    writeFileSync(file, GOOD);
    mkdirSync(join(dir, 'sub'), { recursive: true });
    expect(expectUserError(run(['validate', join(file, 'x.yaml')]))).toMatch(/Cannot read .*: ENOTDIR/);
  });
});

describe('bad flag values', () => {
  const flags: [string, string[], RegExp][] = [
    ['--max-depth -1', ['tree', '--max-depth', '-1'], /--max-depth must be a whole number of at least 1/],
    ['--max-depth 2.5', ['tree', '--max-depth', '2.5'], /--max-depth must be a whole number/],
    ['--random-state abc', ['tree', '--random-state', 'abc'], /--random-state must be a whole number from 0 to 4294967295, not 'abc'/],
    ['--random-state -3', ['tree', '--random-state', '-3'], /--random-state must be a whole number/],
    ['--alternatives -1', ['--important', 'memory', '--alternatives', '-1'], /--alternatives must be a whole number from 0 to 1000, not '-1'/],
    [
      '--alternatives three',
      ['--important', 'memory', '--alternatives', 'three'],
      /--alternatives must be a whole number from 0 to 1000, not 'three'/,
    ],
    ['--alternatives 1e9', ['--important', 'memory', '--alternatives', '1000000000'], /--alternatives must be a whole number from 0 to 1000/],
    ['--alternatives with no value', ['--important', 'memory', '--alternatives='], /--alternatives needs a value/],
    [
      '--alternatives for the tree',
      ['tree', '--alternatives', '2'],
      /--alternatives does not apply to the tree command; it is for ask and recommend/,
    ],
    ['--format png', ['tree', '--format', 'png'], /'png' is not a format of tree/],
    ['--format for scores', ['scores', '--format', 'svg'], /'svg' is not a format of scores; use one of text, json, markdown, yaml/],
    ['--json with --format markdown', ['scores', '--json', '--format', 'markdown'], /contradict/],
    ['--checklist with --important', ['--important', 'keras', '--checklist'], /--checklist does not apply to scripted advice/],
    ['--tree with no value', ['--tree'], /--tree needs a value/],
    ['init with two files', ['init', 'a.yaml', 'b.yaml'], /Unexpected argument 'b\.yaml' for init/],
    ['standard input twice', ['validate', '-', '-'], /'-' \(standard input\) can be read once/],
    ['--criteria - and --answers -', ['--criteria', '-', '--answers', '-'], /would both read standard input/],
    ['the questionnaire with --answers -', ['ask', '--answers', '-'], /reads your keys from standard input/],
    ['--save-answers -', ['ask', '--save-answers', '-'], /--save-answers needs a file name/],
    ['--save-answers in a missing folder', ['ask', '--save-answers', '/nonexistent/a.json'], /cannot write in \/nonexistent/],
    ['--save-answers for scripted advice', ['--important', 'keras', '--save-answers', 'a.json'], /--save-answers does not apply to scripted advice/],
    ['-v', ['-v'], /Unknown option '-v'\. For the version, use -V or --version\./],
    // Ids are matched exactly on the command line, as in a file, where an upper-case id is refused.
    [
      'an upper-case criterion',
      ['--important', 'RUNTIME'],
      /^reprotree: 'RUNTIME' is not a criterion id: ids are lowercase, as in the study-2021 data set; use 'runtime'\.\n$/,
    ],
    [
      'a capitalised criterion among others',
      ['tree', '--important', 'runtime', '--not-important', 'Keras'],
      /'Keras' is not a criterion id: .*use 'keras'\./,
    ],
    [
      'an upper-case tree',
      ['--tree', 'FIGURE-1', '--important', 'runtime'],
      /There is no tree named 'FIGURE-1': tree names are lowercase, .*; use 'figure-1'\./,
    ],
    ['an upper-case tree, asking', ['--tree', 'Figure-1', '--accessible'], /There is no tree named 'Figure-1': tree names are lowercase/],
  ];
  it.each(flags)('%s', (_name, args, message) => {
    expect(expectUserError(run(args))).toMatch(message);
  });
});
