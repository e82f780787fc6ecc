import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStudy } from '../../src/study/load.js';
import { parseStudy } from '../../src/study/parse.js';
import { StudyError } from '../../src/study/problems.js';
import { readStudyFile } from '../../src/study/read.js';
import { fromSnapshot, toSnapshot } from '../../src/study/snapshot.js';
import { UserError } from '../../src/errors.js';
import { ROOT } from '../helpers/fixtures.js';

const MINIMAL = `frameworks:
  - id: a
    name: A
  - id: b
    name: B
criteria:
  - id: speed
    name: Speed
    scores: {a: 1, b: 2}
`;

/** The problems of a file that must not load, as "LINE:COL: message" strings. */
function problems(text: string): string[] {
  try {
    parseStudy(text, 'f.yaml');
  } catch (e) {
    if (e instanceof StudyError) return e.problems.map((p) => `${p.line}:${p.col}: ${p.message}`);
    throw e;
  }
  throw new Error('the file loaded');
}

describe('the bundled criteria.yaml', () => {
  it('has the study’s frameworks, criteria in notebook order and Table 11 scores', async () => {
    const s = await loadStudy(ROOT + 'criteria.yaml');
    expect(s.frameworks.map((f) => f.id)).toEqual(['wandb', 'guild', 'mlflow']);
    expect(s.criteria.map((c) => c.id)).toEqual(['runtime', 'auto-logging', 'lines', 'collaboration', 'memory', 'sklearn', 'keras']);
    expect(Object.fromEntries(s.criteria.map((c) => [c.id, c.scores]))).toEqual({
      runtime: [1, 2.5, 1],
      'auto-logging': [3, 2.5, 4],
      lines: [2, 2, 3],
      collaboration: [5, 2, 5],
      memory: [1, 1.5, 0.5],
      sklearn: [8.5, 8, 8.5],
      keras: [8, 6, 8],
    });
    expect(s.trees.map((t) => [t.name, t.maxDepth, t.criteria.length])).toEqual([
      ['full', Infinity, 7],
      ['figure-1', 3, 7],
      ['figure-2', 3, 4],
    ]);
    expect(s.defaultTree).toBe('full');
  });

  it('has a question, help and evidence for every score', async () => {
    const s = await loadStudy(ROOT + 'criteria.yaml');
    for (const c of s.criteria) {
      expect(c.help?.length).toBeGreaterThan(20);
      expect(c.evidence.every((e) => typeof e === 'string' && e.length > 20)).toBe(true);
    }
  });

  it('reads the same through a snapshot as through the parser', () => {
    const file = ROOT + 'criteria.yaml';
    const text = readStudyFile(file);
    const parsed = parseStudy(text, file);
    expect(fromSnapshot(JSON.parse(JSON.stringify(toSnapshot(text, parsed))), file)).toEqual(parsed);
  });
});

describe('a minimal file', () => {
  it('needs only frameworks and criteria with id, name and scores', () => {
    const s = parseStudy(MINIMAL, 'f.yaml');
    expect(s.trees).toEqual([{ name: 'full', criteria: [0], maxDepth: Infinity }]);
    expect(s.defaultTree).toBe('full');
    expect(s.randomState).toBe(0);
    expect(s.criteria[0]!.question).toBe('Does Speed matter for your project?');
  });

  it('uses the first tree when default_tree is missing', () => {
    const s = parseStudy(MINIMAL + 'trees:\n  shallow: {max_depth: 1}\n  deep: {}\n', 'f.yaml');
    expect(s.defaultTree).toBe('shallow');
  });
});

describe('problems are reported with line and column, all at once', () => {
  it('a YAML syntax error: only the first, in words that say what to check', () => {
    expect(problems('frameworks: [a, b\ncriteria: x\n')).toEqual([
      '2:1: the indentation here does not line up with the lines around it, or a bracket is left open.',
    ]);
    expect(problems('criteria:\n  - id: k\n    name K\n')).toEqual([
      "3:5: this line has no ': ' after its key, or is indented differently from the lines above it.",
    ]);
    expect(problems('criteria:\n  - id: k\n     name: K\n')).toEqual([
      "2:9: this line does not fit the lines above it: check its indentation, and that its key is followed by ': '.",
    ]);
    expect(problems('title: "open\n')).toEqual(['2:1: YAML syntax error: Missing closing "quote.']);
  });

  it('a duplicate key names itself and where it first was', () => {
    expect(problems('trees:\n  full:\n  full:\n' + MINIMAL)).toEqual(["3:3: 'full' appears twice in trees (first on line 2); keep one."]);
  });

  it('a decimal comma is recognised as one', () => {
    expect(problems(MINIMAL.replace('b: 2}', 'b: 2,5}'))).toEqual([
      "9:25: '5' in the scores of 'speed' looks like the end of a number written with a decimal comma; write decimals with a point, e.g. 2.5.",
    ]);
  });

  it('an empty `trees:` or `evidence:` means none', () => {
    expect(parseStudy(MINIMAL + 'trees:\n', 'f.yaml').trees.map((t) => t.name)).toEqual(['full']);
    expect(parseStudy(MINIMAL + '    evidence:\n', 'f.yaml').criteria[0]!.evidence).toEqual([undefined, undefined]);
  });

  it('problems come in line order', () => {
    const p = problems(MINIMAL.replace('scores: {a: 1, b: 2}', 'scores: {a: x, b: y}') + 'random_state: -1\n'.replace('random', 'random') + '');
    const lines = p.map((x) => Number(x.split(':')[0]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(p).toHaveLength(3);
  });

  it('an empty file and a non-mapping file', () => {
    expect(problems('')).toEqual([expect.stringMatching(/^1:1: the file is empty/)]);
    expect(problems('# only a comment\n')).toEqual([expect.stringMatching(/^1:1: the file is empty/)]);
    expect(problems('- a\n- b\n')).toEqual(['1:1: the file must be a mapping (key: value lines), not a list.']);
  });

  it('a missing score, a string score, a negative and an infinite score, each where it is', () => {
    const text = MINIMAL.replace('scores: {a: 1, b: 2}', 'scores: {a: "1"}') + '  - id: cost\n    name: Cost\n    scores: {a: -1, b: .inf}\n';
    expect(problems(text)).toEqual([
      "9:17: the score of 'a' on 'speed' must be a number, not the text '1'.",
      "9:13: criterion 'speed' has no score for 'b'.",
      "12:17: the score of 'a' on 'cost' must be a number from 0 to 1000000 with at most 6 decimals, not -1.",
      "12:24: the score of 'b' on 'cost' must be a number from 0 to 1000000 with at most 6 decimals, not Infinity.",
    ]);
  });

  it('unknown, duplicate and malformed ids, with suggestions', () => {
    const text =
      MINIMAL.replace('scores: {a: 1, b: 2}', 'scores: {a: 1, bb: 2, b: 3}') +
      '  - id: speed\n    name: Again\n    scores: {a: 1, b: 1}\n  - id: Bad Id\n    name: X\n    scores: {a: 1, b: 1}\n';
    expect(problems(text)).toEqual([
      "9:20: the scores of 'speed' name 'bb', which is not a framework. Did you mean 'b'?",
      "10:9: criterion id 'speed' is used twice; ids must be unique.",
      "13:9: criterion id 'Bad Id' is not a valid id: use lowercase letters, digits and '-' (not first), at most 40 characters.",
    ]);
  });

  it('two frameworks or two criteria shown under one name, case aside, each where the second is', () => {
    const text = `frameworks:
  - id: a
    name: Same
  - id: b
    name: same
  - id: c
  - id: d
    name: C
criteria:
  - {id: x, name: Speed, scores: {a: 1, b: 2, c: 1, d: 1}}
  - {id: y, name: SPEED, scores: {a: 1, b: 2, c: 1, d: 1}}
  - {id: z, name: Other, scores: {a: 1, b: 2, c: 1, d: 1}}
`;
    expect(problems(text)).toEqual([
      "5:11: framework 'b' has the name 'same', which framework 'a' already has (line 3, case aside); give each framework a name of its own.",
      // A framework without a name is shown by its id.
      "8:11: framework 'd' has the name 'C', which framework 'c' already has (line 6, case aside); give each framework a name of its own.",
      "11:19: criterion 'y' has the name 'SPEED', which criterion 'x' already has (line 10, case aside); give each criterion a name of its own.",
    ]);
    // Names that differ in more than case are fine.
    expect(parseStudy(MINIMAL.replace('name: B', 'name: A2'), 'f.yaml').frameworks.map((f) => f.name)).toEqual(['A', 'A2']);
  });

  it('unknown keys, with a suggestion for a typo', () => {
    expect(problems(MINIMAL.replace('    scores:', '    score:'))).toEqual([
      "9:5: unknown key 'score' in a criterion. Did you mean 'scores'?",
      "7:5: criterion 'speed' has no `scores`; give one per framework (a, b).",
    ]);
  });

  it('trees naming unknown criteria and bad depths, and a default_tree that does not exist', () => {
    const text = MINIMAL + 'trees:\n  t1: {criteria: [sped], max_depth: 0}\ndefault_tree: t2\nrandom_state: -3\n';
    expect(problems(text)).toEqual([
      "11:19: tree 't1' names criterion 'sped', which is not in `criteria`. Did you mean 'speed'?",
      "11:37: max_depth of tree 't1' must be a whole number from 1 to 1000, not 0.",
      "12:15: default_tree 't2' is not one of the trees (t1). Did you mean 't1'?",
      '13:15: random_state must be a whole number from 0 to 4294967295, not -3.',
    ]);
  });

  it('too few frameworks and no criteria', () => {
    expect(problems('frameworks:\n  - id: a\ncriteria: []\n')).toEqual([
      '2:3: there must be at least 2 frameworks to choose between; found 1.',
      '3:11: there must be at least 1 criterion; the list is empty.',
    ]);
  });

  it('more than 20 criteria, saying why', () => {
    const many = Array.from({ length: 21 }, (_, i) => `  - {id: c${i}, name: C${i}, scores: {a: 1, b: 1}}`).join('\n');
    const p = problems(`frameworks: [{id: a}, {id: b}]\ncriteria:\n${many}\n`);
    expect(p).toEqual([
      '3:3: there are 21 criteria, but at most 20 are allowed: the tree is fitted on every combination, and 2^20 profiles is the ceiling.',
    ]);
  });

  it('__proto__ and constructor keys are plain (unknown) keys, not object magic', () => {
    const p = problems(MINIMAL.replace('scores: {a: 1, b: 2}', 'scores: {a: 1, b: 2, __proto__: 3, constructor: 4}'));
    expect(p).toEqual([
      "9:26: the scores of 'speed' name '__proto__', which is not a framework.",
      "9:40: the scores of 'speed' name 'constructor', which is not a framework.",
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an alias bomb is refused quickly instead of expanded', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill('*' + String.fromCharCode(96 + i))
          .join(', ')}]`,
      );
    const t0 = Date.now();
    const p = problems(lines.join('\n') + '\nframeworks: *i\n');
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(p.length).toBeGreaterThan(0);
  });

  it('aliases to valid parts of the file are followed', () => {
    const s = parseStudy(
      MINIMAL.replace('scores: {a: 1, b: 2}', 'scores: &same {a: 1, b: 2}') + '  - id: cost\n    name: Cost\n    scores: *same\n',
      'f.yaml',
    );
    expect(s.criteria[1]!.scores).toEqual([1, 2]);
  });
});

describe('the data section', () => {
  it('reads where the scores come from, with versions by framework', () => {
    const s = parseStudy(
      MINIMAL +
        `data:
  name: mine-2026
  source: measured on my laptop
  measured_on: 2026-11-27
  python: "3.12.1"
  versions: {b: "3.10", a: ~}
  repetitions: {runtime: 30, memory: 10}
  raw: runs/
`,
      'f.yaml',
    );
    expect(s.data).toEqual({
      name: 'mine-2026',
      source: 'measured on my laptop',
      measuredOn: '2026-11-27',
      python: '3.12.1',
      versions: [null, '3.10'],
      repetitions: [
        { experiment: 'runtime', count: 30 },
        { experiment: 'memory', count: 10 },
      ],
      raw: 'runs/',
    });
  });

  it('the bundled file has one, naming the study', async () => {
    const s = await loadStudy(ROOT + 'criteria.yaml');
    expect(s.data?.name).toBe('study-2021');
    expect(s.data?.source).toBe('Table 11 of Kondratiuk & Rasgauski (2021)');
    expect(s.data?.measuredOn).toBeUndefined();
    expect(s.data?.versions).toEqual([null, null, null]);
  });

  it('reports each problem where it is', () => {
    const text =
      MINIMAL +
      `data:
  source: x
  measured_on: 27.11.2026
  versions: {a: 3.10, c: "1"}
  repetitions: {runtime: 0, Memory: 3}
  machin: m
`;
    expect(problems(text)).toEqual([
      "15:3: unknown key 'machin' in data. Did you mean 'machine'?",
      '10:1: data has no `name`; give the data set a short id, e.g. `name: my-measurements`.',
      "12:16: data.measured_on must be a day written YYYY-MM-DD, e.g. 2026-11-27, not the text '27.11.2026'.",
      "13:17: the version of 'a' is read as the number 3.1; put it in quotes ('3.10') so it stays as written.",
      "13:23: data.versions names 'c', which is not a framework.",
      "14:26: the repetitions of 'runtime' must be a whole number from 1 to 1000000, not 0.",
      "14:29: 'Memory' in data.repetitions is not an experiment id: use lowercase letters, digits and '-'.",
    ]);
  });

  it('a day that does not exist is refused', () => {
    expect(problems(MINIMAL + 'data:\n  name: x\n  measured_on: 2026-02-30\n')).toEqual([
      "12:16: data.measured_on must be a day written YYYY-MM-DD, e.g. 2026-11-27, not the text '2026-02-30'.",
    ]);
  });
});

describe('reading files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reprotree-load-'));
  const expectUserError = (f: () => unknown, pattern: RegExp) => {
    expect(f).toThrow(UserError);
    expect(f).toThrow(pattern);
  };

  it('refuses a missing file, a directory, a binary and a non-UTF-8 file, and a huge one', () => {
    expectUserError(() => readStudyFile(join(dir, 'nope.yaml')), /Cannot read .*nope\.yaml: no such file/);
    expectUserError(() => readStudyFile(dir), /is a directory/);
    writeFileSync(join(dir, 'bin.yaml'), Buffer.from([0x66, 0x00, 0x01]));
    expectUserError(() => readStudyFile(join(dir, 'bin.yaml')), /binary/);
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from('title: caf\xe9\n', 'latin1'));
    expectUserError(() => readStudyFile(join(dir, 'latin1.yaml')), /not valid UTF-8/);
    writeFileSync(join(dir, 'big.yaml'), 'x'.repeat(1024 * 1024 + 1));
    expectUserError(() => readStudyFile(join(dir, 'big.yaml')), /over the 1 MiB limit/);
  });
});
