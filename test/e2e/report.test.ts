/**
 * `reprotree report` as a user runs it: the built binary writes one HTML page to stdout for the
 * study's data, a measurement directory or a file, and says in one sentence what is wrong with a
 * data set name, a path or a flag it cannot use.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUserError, run } from '../helpers/cli.js';
import { binWithoutData } from '../helpers/data-sets.js';
import { ROOT } from '../helpers/fixtures.js';

describe('reprotree report', () => {
  it("writes the study's page by default, and nothing on stderr", () => {
    const r = run(['report']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(r.stdout).toContain('<title>Experiment trackers compared: study-2021</title>');
    expect(r.stdout).toContain('Files read</dt><dd>data/study-2021.measurements.json</dd>');
    expect(run(['report', '--data', 'study-2021']).stdout).toBe(r.stdout);
  });

  it('reads a directory of measurement files, or one file, as --data names it', () => {
    const dir = run(['report', '--data', 'data/measured-2026']);
    expect(dir.code, dir.stderr).toBe(0);
    for (const name of ['Aim', 'ClearML', 'Comet', 'DVCLive', 'Guild AI', 'MLflow', 'Sacred', 'trackio', 'W&amp;B'])
      expect(dir.stdout).toContain(`<th scope="col">${name}</th>`);
    const one = run(['report', '--data', join(ROOT, 'data/measured-2026/mlflow.json')]);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toContain('MLflow 3.17.2');
    expect(one.stdout).not.toContain('Comet');
  });

  it('names the data sets when --data is neither one of them nor a path, with the likely one', () => {
    expect(expectUserError(run(['report', '--data', 'study-2012']))).toBe(
      "reprotree: --data study-2012 is neither a data set (study-2021, trackers-2026) nor a file or directory. Did you mean 'study-2021'?\n",
    );
  });

  it('reports the 2026 data set, and says so where a copy of reprotree lacks its measurements', () => {
    const r = run(['report', '--data', 'trackers-2026']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('<title>Experiment trackers compared: trackers-2026</title>');
    expect(expectUserError(run(['report', '--data', 'trackers-2026'], { bin: binWithoutData() }))).toMatch(
      /^reprotree: The trackers-2026 data set has no measurements in this copy of reprotree \(.*data\/measured-2026 is missing\); pass a measurement file or directory with --data instead\.\n$/,
    );
  });

  it('says what is wrong with a file that is missing or is not a measurement file', () => {
    expect(expectUserError(run(['report', '--data', 'nope.json']))).toBe(
      'reprotree: Cannot read nope.json: no such file. Check the path and try again.\n',
    );
    expect(expectUserError(run(['report', '--data', 'package.json']))).toMatch(/^reprotree: package\.json has no "format" field/);
  });

  it('refuses flags that do not apply to it, and lists itself in the help', () => {
    expect(expectUserError(run(['report', '--criteria', 'criteria.yaml']))).toMatch(/--criteria does not apply to the report command/);
    expect(run(['--help']).stdout).toMatch(/\n {2}report\b/);
    expect(run(['report', '--help']).stdout).toContain('--data NAME|PATH');
  });

  it('is a bundle of its own, so that scripted advice does not load it', () => {
    const entry = readFileSync(join(ROOT, 'dist/cli.cjs'), 'utf8');
    expect(existsSync(join(ROOT, 'dist/report.mjs'))).toBe(true);
    expect(entry).not.toContain('Content-Security-Policy');
    expect(readFileSync(join(ROOT, 'dist/report.mjs'), 'utf8')).toContain('Content-Security-Policy');
  });
});
