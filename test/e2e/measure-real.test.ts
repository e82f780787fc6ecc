/**
 * One real run: `reprotree measure --trackers mlflow --only auto-logging` with the real probes,
 * the real MLflow environment made from the pinned requirement files (kept in the default work
 * folder, so later runs reuse it), and MLflow itself, offline. CI installs Python and must run it;
 * elsewhere it is skipped, saying why, only when there is no Python 3.10 or newer with venv.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMeasurements } from '../../src/measure/read.js';
import { ROOT } from '../helpers/fixtures.js';
import { measure } from '../helpers/measure.js';

const ci = !['', '0', 'false', undefined].includes(process.env.CI);
const check = spawnSync('python3', ['-c', 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 10))'], { encoding: 'utf8' });
const missing = check.status === 0 ? undefined : 'no python3 of 3.10 or newer with venv and ensurepip on PATH';
if (missing && ci) throw new Error(`CI must run the real measurement, but there is ${missing}: .ci/run installs it.`);

const pinned = /^mlflow==(\S+)$/m.exec(readFileSync(join(ROOT, 'measure/requirements/mlflow.txt'), 'utf8'))![1]!;

describe.skipIf(missing !== undefined)(missing ? `the real MLflow run (skipped: ${missing})` : 'the real MLflow run', () => {
  it('measures auto-logging on MLflow from what MLflow stored, and a second run reuses it', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'reprotree-real-')), 'out');
    const args = ['--trackers', 'mlflow', '--only', 'auto-logging', '--out', out];
    const r = await measure(args);
    expect(r.code, r.stderr).toBe(0);

    const file = JSON.parse(readFileSync(join(out, 'mlflow.json'), 'utf8'));
    expect(file.trackers.mlflow).toMatchObject({ name: 'MLflow', status: 'ok', version: pinned });
    const env = file.environments.mlflow;
    expect(env.pip_freeze).toContain(`mlflow==${pinned}`);
    expect(env).toMatchObject({ requirements: 'measure/requirements/mlflow.txt', python: expect.stringMatching(/^3\.\d+\.\d+$/) });
    expect(env.install_seconds).toBeGreaterThan(0);
    const records = file.records as { experiment: string; task: string; status: string; items: Record<string, string>; readback: unknown }[];
    expect(records.map((x) => `${x.experiment} ${x.task} ${x.status}`).sort()).toEqual([
      'auto-logging ridge-diabetes ok',
      'auto-logging svc-iris ok',
    ]);
    for (const x of records) {
      expect(Object.keys(x.items).sort()).toEqual(['estimator-defaults', 'run-metadata', 'sklearn-version', 'test-metrics', 'train-metrics']);
      for (const mark of Object.values(x.items)) expect(['+', '(+)', '-']).toContain(mark);
      expect(x.readback).toBeTruthy();
    }
    expect(file.substitutions.map((s: { experiment: string }) => s.experiment)).toContain('auto-logging');
    // The scorer reads it; one tracker makes a table but no criteria file, and says so.
    expect(readMeasurements(out).trackers.map((t) => t.id)).toEqual(['mlflow']);
    expect(r.stdout).toMatch(/Auto-logging \(of 5\)\s+\d/);
    expect(r.stdout).toContain('No criteria file:');

    const again = await measure(args);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('Reused 1 measurement kept in');
    expect(JSON.parse(readFileSync(join(out, 'mlflow.json'), 'utf8')).records).toEqual(records);
  }, 1_500_000);
});
