/**
 * The package as a user installs it: `npm pack`, then `npm install --global --offline` of the
 * tarball into an empty prefix, and every path of the program (scripted, line mode, the YAML
 * parser and writer, the Ink questionnaire) run from there, where no node_modules holds a thing
 * it could load: the bundles in dist/ must carry every library. Needs `npm run build` and npm.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { readJson, ROOT } from '../helpers/fixtures.js';
import { closePanes, hasTmux, openPanes, start } from '../helpers/pane.js';

/**
 * The most the tarball may weigh. It was 300 kB until the probes shipped. Now it is about 605 kB,
 * gzipped:
 *   - the program's bundles, about 290 (Ink and React 151, the YAML library 44, the CLI 40, the
 *     HTML report 20, the scorer and orchestrator 26);
 *   - the probes, about 105 (about 7 per tracker: adapter, scripts, snippets, facts, pins);
 *   - the 2026 data set, about 110: its raw files are 1.2 MB unpacked, with every sample, pip freeze
 *     and output, shipped so that `report --data trackers-2026` can show where each score comes from;
 *   - the README and the study's measurements, about 26.
 * 700 kB leaves room for a tracker or two more. It still catches a stray environment, cache or
 * build output, which weigh megabytes.
 */
const MAX_TARBALL_BYTES = 700_000;

const hasNpm = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0;
const work = mkdtempSync(join(tmpdir(), 'reprotree-package-'));
/** An environment with no way to the user's npm settings, cache or global modules. */
const env = {
  ...process.env,
  HOME: join(work, 'home'),
  npm_config_cache: join(work, 'cache'),
  npm_config_userconfig: join(work, 'npmrc'),
  npm_config_update_notifier: 'false',
  NODE_PATH: '',
};

interface Packed {
  readonly filename: string;
  readonly size: number;
  readonly files: readonly { readonly path: string; readonly size: number }[];
}

function npm(args: readonly string[], cwd: string) {
  return spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
}

let packed: Packed;
let prefix: string;
let installed: string;
let installOutput: string;

beforeAll(() => {
  if (!hasNpm) return;
  // --ignore-scripts: `prepare` would rebuild dist/ under the other tests' feet; `npm test` built it.
  const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT);
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  packed = (JSON.parse(pack.stdout) as Packed[])[0]!;
  prefix = join(work, 'prefix');
  const install = npm(['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(work, packed.filename)], work);
  installOutput = install.stdout + install.stderr;
  if (install.status !== 0) throw new Error(`npm install of the tarball failed:\n${installOutput}`);
  installed = join(prefix, 'lib/node_modules/reprotree');
  openPanes();
}, 180_000);
afterAll(closePanes);

/** Runs the installed command. */
const installedRun = (args: readonly string[], input = '', cwd = work) =>
  spawnSync(join(prefix, 'bin/reprotree'), args, { cwd, env, input, encoding: 'utf8', timeout: 20_000 });

describe.skipIf(!hasNpm)('the package', () => {
  it(`packs to a tarball under ${MAX_TARBALL_BYTES / 1000} kB of the program, its data and its docs, and nothing else`, () => {
    expect(packed.size, `the tarball is ${packed.size} bytes`).toBeLessThan(MAX_TARBALL_BYTES);
    const paths = packed.files.map((f) => f.path);
    for (const must of [
      'bin/reprotree.js',
      'dist/cli.cjs',
      'dist/orchestrate.mjs',
      'criteria.yaml',
      'schema/recommendation.schema.json',
      'README.md',
      'package.json',
      // What `reprotree measure` runs: the probes, their scripts, and how to make their environments.
      'measure/make-venv.sh',
      'measure/reprotree_probe/cli.py',
      'measure/reprotree_probe/trackers/mlflow.py',
      'measure/scripts/baseline/init.py',
      'measure/requirements/mlflow.txt',
      'measure/facts/mlflow.json',
      // The 2026 data set, its snapshot and the raw files its scores come from.
      'data/trackers-2026.yaml',
      'dist/data-trackers-2026.json',
      'data/measured-2026/mlflow.json',
    ]) {
      expect(paths).toContain(must);
    }
    // What a checkout holds beside the sources must never ship: environments, caches, tests.
    const junk = /(^|\/)(node_modules|\.venv|venv|__pycache__|\.pytest_cache|\.ruff_cache|test|tests)\/|\.pyc$|\.test\.[jt]sx?$|\.map$/;
    expect(paths.filter((p) => junk.test(p))).toEqual([]);
  });

  it('installs as exactly one package, offline, with no dependencies', () => {
    const pkg = readJson<{ dependencies?: Record<string, string> }>(ROOT + 'package.json');
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(installOutput).toMatch(/added 1 package\b/);
    expect(readdirSync(join(prefix, 'lib/node_modules'))).toEqual(['reprotree']);
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    // Nothing the program might import can be found from where it is installed.
    const from = createRequire(join(installed, 'dist/cli.cjs'));
    for (const name of ['ink', 'react', 'ink-select-input', 'yaml']) expect(() => from.resolve(name)).toThrow(/Cannot find module/);
  });

  it('runs the installed command: the same advice as the checkout gives', () => {
    const r = installedRun(['--important', 'keras', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(run(['--important', 'keras', '--json']).stdout);
    expect(statSync(join(prefix, 'bin/reprotree')).mode & 0o111).not.toBe(0);
  });

  it('runs line mode, the YAML parser and the YAML writer from its own bundles', () => {
    const accessible = installedRun(['--accessible', '--tree', 'figure-1'], '1\n2\n2\n');
    expect(accessible.status, accessible.stderr).toBe(0);
    expect(accessible.stdout).toMatch(/^Use MLflow\n/);

    const yaml = installedRun(['init', '-']);
    expect(yaml.status, yaml.stderr).toBe(0);
    const edited = join(work, 'edited.yaml');
    writeFileSync(edited, yaml.stdout.replace('scores: {wandb: 1, guild: 2.5, mlflow: 1}', 'scores: {wandb: 3, guild: 2.5, mlflow: 1}'));
    const parsed = installedRun(['--criteria', edited, '--important', 'runtime']);
    expect(parsed.status, parsed.stderr).toBe(0);
    expect(parsed.stdout).toMatch(/^Use W&B\n/);
    const answers = installedRun(['--answers', '-', '--json'], 'keras: true\n');
    expect(answers.status, answers.stderr).toBe(0);
    expect(JSON.parse(answers.stdout).answers.keras).toBe(true);
  });

  it('writes the HTML report from its own bundle, with the study data and the snippets it ships', () => {
    const r = installedRun(['report']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(r.stdout).toContain('Files read</dt><dd>data/study-2021.measurements.json</dd>');
    expect(readdirSync(join(installed, 'measure/snippets'))).toContain('mlflow');
  });

  it('gives advice, a report and a comparison on the 2026 data set it ships', () => {
    const advice = installedRun(['--data', 'trackers-2026', '--important', 'runtime,open-source', '--json']);
    expect(advice.status, advice.stderr).toBe(0);
    expect(JSON.parse(advice.stdout).data).toMatchObject({ name: 'trackers-2026', bundled: true });
    const page = installedRun(['report', '--data', 'trackers-2026']);
    expect(page.status, page.stderr).toBe(0);
    expect(page.stdout).toContain('Files read</dt><dd>data/measured-2026/aim.json');
    expect(installedRun(['compare', '--important', 'runtime']).status).toBe(0);
  });

  it('finds its probes where it is installed, and rescores without Python', () => {
    // The probes are found: what is missing is the Python named, not the probes' folder.
    const r = installedRun(['measure', '--python', join(work, 'no-python'), '--out', join(work, 'measured')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no-python: no such program');
    const study = installedRun(['measure', '--rescore', 'data/study-2021.measurements.json'], '', ROOT);
    expect(study.status, study.stderr).toBe(0);
    expect(study.stdout).toBe(run(['measure', '--rescore', 'data/study-2021.measurements.json']).stdout);
  });

  it.skipIf(!hasTmux)('runs the Ink questionnaire in a terminal', async () => {
    const pane = start(['--tree', 'figure-1'], { bin: join(installed, 'bin/reprotree.js'), cwd: work });
    await pane.waitFor('Question 1 of at most 3');
    await pane.keys('1');
    await pane.waitFor('Use MLflow');
    await pane.keys('Enter');
    expect(await pane.exitCode()).toBe(0);
    expect(pane.history()).toContain('reprotree: use MLflow (tree figure-1, 1 question).');
  });
});

describe.skipIf(!hasNpm)('installing for development', () => {
  it('leaves no install script unreviewed, so npm ci has nothing to warn about', () => {
    const r = npm(['install-scripts', 'ls', '--json'], ROOT);
    // npm before 11 has no allowScripts and runs no review: nothing to check there.
    if (r.status !== 0 && /Unknown command/i.test(r.stdout + r.stderr)) return;
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).allowScripts).toEqual([]);
  });
});
