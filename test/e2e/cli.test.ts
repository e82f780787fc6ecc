/** The built binary, end to end: commands, formats, every profile, errors, pipes and colour. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, expectUserError, run } from '../helpers/cli.js';
import { FIXTURES, ROOT } from '../helpers/fixtures.js';
import { flagsOf, IDS, studyProfiles } from '../helpers/profiles.js';

beforeAll(() => {
  expect(readFileSync(BIN, 'utf8')).toContain('../dist/cli.cjs');
});

describe('tree', () => {
  it.each(['figure-1', 'full', 'figure-2'])('%s: export-text equals scikit-learn’s byte for byte', (name) => {
    const r = run(['tree', '--tree', name, '--format', 'export-text']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(`${FIXTURES}study/${name}.export.txt`, 'utf8'));
  });

  it('json: nodes, classes, depth and accuracy as scikit-learn reports them', () => {
    const r = run(['tree', '--tree', 'figure-1', '--json']);
    const want = JSON.parse(readFileSync(`${FIXTURES}study/figure-1.json`, 'utf8'));
    const got = JSON.parse(r.stdout);
    expect(got.nodes).toEqual(want.nodes);
    expect([got.classes, got.depth, got.leaves, got.training_accuracy]).toEqual([want.classes, want.depth, want.leaves, want.training_accuracy]);
    expect([got.tree, got.max_depth, got.random_state]).toEqual(['figure-1', 3, 0]);
  });

  it('--max-depth and --random-state override the tree’s settings', () => {
    const r = JSON.parse(run(['tree', '--tree', 'full', '--max-depth', '3', '--json']).stdout);
    const fig1 = JSON.parse(readFileSync(`${FIXTURES}study/figure-1.json`, 'utf8'));
    expect(r.nodes).toEqual(fig1.nodes);
    const seeded = run(['tree', '--random-state', '1', '--format', 'export-text']).stdout;
    expect(seeded).not.toBe(readFileSync(`${FIXTURES}study/full.export.txt`, 'utf8'));
    expect(run(['tree', '--tree', 'figure-1', '--max-depth', 'none', '--format', 'export-text']).stdout).toBe(
      readFileSync(`${FIXTURES}study/full.export.txt`, 'utf8'),
    );
  });

  it('finds the bundled criteria.yaml from any directory', () => {
    const r = run(['tree', '--format', 'export-text'], { cwd: '/' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(`${FIXTURES}study/full.export.txt`, 'utf8'));
  });
});

describe('recommend (scripted mode)', () => {
  it('text names the recommendation, the questions asked, the scores and the runner-up', () => {
    const r = run(['--important', 'auto-logging,keras']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Use MLflow\n/);
    expect(r.stdout).toContain('1. Auto-logging: matters');
    expect(r.stdout).toContain('2. Keras deep dive: matters');
    expect(r.stdout).toMatch(/Total \(what matters\)\s+11\s+8\.5\s+12/);
    expect(r.stdout).toContain('Runner-up: W&B with 11, 1 point behind MLflow (12).');
    expect(r.stdout).toContain('All 32 profiles on this branch of the tree favour MLflow.');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('json has the documented shape', () => {
    const j = JSON.parse(run(['--important', 'auto-logging,keras', '--json']).stdout);
    expect(j).toMatchObject({
      tree: 'full',
      answers: { runtime: false, 'auto-logging': true, lines: false, collaboration: false, memory: false, sklearn: false, keras: true },
      path: [
        { criterion: 'auto-logging', important: true },
        { criterion: 'keras', important: true },
      ],
      recommendation: ['mlflow'],
      leaf: { samples: 32, counts: { mlflow: 32 } },
      exact: { totals: { wandb: 11, guild: 8.5, mlflow: 12 }, best: ['mlflow'] },
      agrees: true,
    });
    expect(j.scores).toHaveLength(7);
    expect(j.scores[1]).toEqual({ criterion: 'auto-logging', important: true, in_tree: true, scores: { wandb: 3, guild: 2.5, mlflow: 4 } });
  });

  it('--format json and --json agree; markdown is the same report for pasting', () => {
    const a = run(['--important', 'lines', '--json']).stdout;
    expect(run(['--important', 'lines', '--format', 'json']).stdout).toBe(a);
    const md = run(['--important', 'lines', '--format', 'markdown']).stdout;
    expect(md).toMatch(/^## Use \*\*MLflow\*\*/);
    expect(md).toMatch(/\| +\| Criterion \| W&B \| Guild \| MLflow \|/);
    expect(md).toContain('**Lines of code**');
  });

  it('recommends the exact best for a profile of the study, as the library does for all 128 (test/commands)', () => {
    // One profile whose answer only the full tree's deepest branch settles.
    const profile = studyProfiles().find((p) => p.important.join(',') === 'auto-logging,lines,sklearn')!;
    const r = run([...flagsOf(profile), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.recommendation.join('+')).toBe(profile.best);
    expect(j.agrees).toBe(true);
  });

  it('the all-zero profile is a three-way tie, named as such', () => {
    const r = run(['--not-important', 'runtime']);
    expect(r.stdout).toMatch(/^Recommendation: a tie between all 3 \(W&B, Guild and MLflow\)/);
    expect(JSON.parse(run(['--json']).stdout).recommendation).toEqual(['wandb', 'guild', 'mlflow']);
  });

  it('Figure 1 answers W&B+MLflow for "only runtime matters", and says Guild is the exact best', () => {
    const j = JSON.parse(run(['--important', 'runtime', '--tree', 'figure-1', '--json']).stdout);
    expect(j.recommendation).toEqual(['wandb', 'mlflow']);
    expect(j.exact).toEqual({ totals: { wandb: 1, guild: 2.5, mlflow: 1 }, best: ['guild'] });
    expect(j.agrees).toBe(false);
    const text = run(['--important', 'runtime', '--tree', 'figure-1']).stdout;
    expect(text).toMatch(/^Recommendation: a tie between W&B and MLflow/);
    expect(text).toContain('13 of the 16 profiles on this branch favour a tie between W&B and MLflow');
    expect(text.replace(/\s+/g, ' ')).toContain('For exactly your answers the scores add up differently: Guild scores best (Guild 2.5).');
    expect(text).toContain('What separates them');
  });

  it('explains a lead that is only floating-point rounding', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'reprotree-float-')), 'float.yaml');
    writeFileSync(
      file,
      'frameworks: [{id: a}, {id: b}, {id: c}]\ncriteria:\n  - {id: x, name: X, scores: {a: .1, b: .3, c: 0}}\n  - {id: y, name: Y, scores: {a: .2, b: 0, c: .3}}\n',
    );
    const text = run(['--criteria', file, '--important', 'x,y']).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Runner-up: b and c with 0.3; a (0.3) leads only by floating-point rounding');
  });

  it('says when an answer is about a criterion the tree does not use', () => {
    const j = JSON.parse(run(['--important', 'runtime,keras', '--tree', 'figure-2', '--json']).stdout);
    expect(j.ignored).toEqual(['runtime']);
    expect(j.exact.totals).toEqual({ wandb: 8, guild: 6, mlflow: 8 });
    expect(run(['--important', 'runtime,keras', '--tree', 'figure-2']).stdout.replace(/\s+/g, ' ')).toContain(
      'This tree does not use Runtime, so that answer did not count; --tree full uses all of your answers.',
    );
  });
});

describe('scores and validate', () => {
  it('scores: the table, every criterion’s help and the evidence behind each score', () => {
    const r = run(['scores']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Total\s+28\.5\s+24\.5\s+30/);
    expect(r.stdout).toContain('Question: ');
    const j = JSON.parse(run(['scores', '--json']).stdout);
    expect(j.criteria.map((c: { id: string }) => c.id)).toEqual(IDS);
    expect(j.criteria.every((c: { evidence: Record<string, string> }) => Object.values(c.evidence).every((e) => e.length > 0))).toBe(true);
    expect(run(['scores', '--format', 'markdown']).stdout).toMatch(/^## /);
  });

  it('validate: exit 0 on the bundled file, 2 with positions on a broken one', () => {
    const ok = run(['validate']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/criteria\.yaml: OK — 3 frameworks, 7 criteria, trees: full, figure-1, figure-2 \(default full\)/);
    const bad = run(['validate', `${FIXTURES}broken/two-problems.yaml`]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toEqual([
      `${FIXTURES}broken/two-problems.yaml:8:17: the score of 'b' on 'speed' must be a number, not the text 'high'.`,
      `${FIXTURES}broken/two-problems.yaml:10:22: tree 'quick' names criterion 'sped', which is not in \`criteria\`. Did you mean 'speed'?`,
    ]);
  });

  it('a broken --criteria file stops every command with its positions', () => {
    const r = run(['--important', 'speed', '--criteria', `${FIXTURES}broken/two-problems.yaml`]);
    expect(expectUserError(r)).toContain('two-problems.yaml:8:17:');
  });
});

describe('help and version', () => {
  it('--help lists the commands; each command has its own help with examples', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['ask', 'recommend', 'tree', 'scores', 'validate']) expect(r.stdout).toContain(`  ${c} `);
    for (const c of ['recommend', 'tree', 'scores', 'validate', 'ask']) {
      const h = run([c, '--help']);
      expect(h.code).toBe(0);
      expect(h.stdout).toContain(`Usage: reprotree`);
      expect(h.stdout).toContain('Examples:');
    }
    expect(run(['tree', '--help']).stdout).toContain('--max-depth N');
    for (const c of ['recommend', 'ask']) expect(run([c, '--help']).stdout).toMatch(/--alternatives N +how many of the nearest answers/);
  });

  it('help [command] is another way to ask, and names an unknown command', () => {
    expect(run(['help', 'tree']).stdout).toBe(run(['tree', '--help']).stdout);
    expect(run(['help']).stdout).toBe(run(['--help']).stdout);
    expect(expectUserError(run(['help', 'tre']))).toMatch(/There is no command 'tre'\. Did you mean 'tree'\?/);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(ROOT + 'package.json', 'utf8'));
    expect(run(['--version']).stdout).toBe(`${version}\n`);
  });
});

describe('user errors: exit 2, one sentence, nothing on stdout', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown criterion', ['--important', 'runtme'], /'runtme' is not a criterion .* Did you mean 'runtime'\?/],
    ['criterion in both lists', ['--important', 'runtime', '--not-important', 'runtime'], /'runtime' is in both/],
    ['empty --important', ['--important', ''], /--important needs a value/],
    ['repeated id', ['--important', 'keras,keras'], /names 'keras' twice/],
    ['empty item', ['--important', 'keras,,lines'], /empty item/],
    ['unknown flag', ['--imporant', 'keras'], /Unknown option '--imporant'\. Did you mean '--important'\?/],
    ['unknown command', ['tre'], /Unknown command 'tre'\. Did you mean 'tree'\?/],
    ['unknown tree', ['--important', 'keras', '--tree', 'figure1'], /no tree named 'figure1'.*Did you mean 'figure-1'\?/],
    ['bad format', ['tree', '--format', 'png'], /'png' is not a format of tree/],
    ['negative depth', ['tree', '--max-depth', '-1'], /--max-depth must be a whole number of at least 1/],
    ['non-numeric seed', ['tree', '--random-state', 'abc'], /--random-state must be a whole number from 0 to 4294967295, not 'abc'/],
    ['seed too large', ['tree', '--random-state', '4294967296'], /--random-state must be a whole number/],
    ['json vs format', ['--important', 'keras', '--json', '--format', 'text'], /contradict/],
    ['flag for another command', ['--important', 'keras', '--max-depth', '2'], /--max-depth does not apply to scripted advice/],
    ['stray argument', ['keras'], /Unknown command 'keras'/],
    ['flag given twice', ['--important', 'keras', '--important', 'lines'], /given 2 times/],
    ['missing criteria file', ['--important', 'keras', '--criteria', '/nonexistent.yaml'], /Cannot read \/nonexistent\.yaml: no such file/],
    ['directory as criteria', ['--important', 'keras', '--criteria', '/tmp'], /is a directory/],
    ['no terminal for the questionnaire', [], /needs a terminal.*--important auto-logging,keras/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const stderr = expectUserError(run(args));
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('a good Unix citizen', () => {
  it('ends quietly when the reader closes the pipe', () => {
    const r = spawnSync('bash', ['-c', `node ${BIN} scores | head -1; echo "status=\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Which experiment tracker fits your project\?\nstatus=0\n$/);
  });

  it.skipIf(!existsSync('/dev/full'))('says once that a full disk takes the output, and exits 2, not 1 (a bug)', () => {
    const sh = (redirect: string, args: string) => spawnSync('bash', ['-c', `node ${BIN} ${args} ${redirect}`], { encoding: 'utf8' });
    const sentence = 'reprotree: the output cannot be written: ENOSPC (no space left on the device).\n';
    for (const args of ['scores', '--important keras --json', 'tree --format svg', 'validate', '--help']) {
      const r = sh('> /dev/full', args);
      expect([r.status, r.stderr], args).toEqual([2, sentence]);
      expect(r.stdout).toBe('');
    }
    // A usage error whose message cannot be written is still a usage error; so is a run whose
    // notes (--timings) cannot be.
    for (const [redirect, args] of [
      ['2> /dev/full', '--bogus'],
      ['2> /dev/full', '--important bogus'],
      ['> /dev/full 2> /dev/full', 'scores'],
      ['> /dev/null 2> /dev/full', '--important keras --json --timings'],
    ]) {
      const r = sh(redirect!, args!);
      expect([r.status, r.stdout, r.stderr], `${args} ${redirect}`).toEqual([2, '', '']);
    }
  });

  it('colours a terminal only when asked to, and honours NO_COLOR and --no-color', () => {
    expect(run(['--important', 'keras'], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
    // On a terminal (a pseudo-terminal made by script(1)), colour is the default and NO_COLOR turns it off.
    const onTerminal = (env: string) =>
      spawnSync('script', ['-qec', `${env} node ${BIN} --important keras`, '/dev/null'], {
        encoding: 'utf8',
        env: { ...process.env, FORCE_COLOR: '' },
      }).stdout;
    expect(onTerminal('env -u FORCE_COLOR')).toContain('\u001b[');
    expect(onTerminal('env -u FORCE_COLOR NO_COLOR=1')).not.toContain('\u001b[');
    expect(run(['--important', 'keras', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('--timings ends stderr with one JSON line of in-process timings', () => {
    const r = run(['--important', 'keras', '--json', '--timings']);
    const last = r.stderr.trim().split('\n').pop()!;
    const t = JSON.parse(last).timings_ms;
    expect(Object.keys(t)).toEqual(['load', 'label', 'fit', 'render']);
    expect(Object.values(t).every((v) => typeof v === 'number' && v >= 0)).toBe(true);
    expect(JSON.parse(r.stdout).recommendation).toEqual(['wandb', 'mlflow']);
  });
});
