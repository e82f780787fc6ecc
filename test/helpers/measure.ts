/**
 * `reprotree measure` driven against the test double of the probes (test/measure/fake-probe):
 * each test gets its own copy of the double (to change its requirement files or its "version"),
 * its own work and output folders, and a log of every probe call.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN } from './cli.js';
import { ROOT } from './fixtures.js';

export const FAKE_PROBE = join(ROOT, 'test/measure/fake-probe');

export interface Bench {
  readonly dir: string;
  /** The copy of the test double: REPROTREE_MEASURE_DIR. */
  readonly probes: string;
  readonly python: string;
  readonly out: string;
  readonly workdir: string;
  readonly log: string;
  /** The arguments every run takes: --python, --workdir, --out. */
  readonly args: readonly string[];
  readonly env: Record<string, string>;
  /** The probe calls logged so far, as "tracker component", "tracker experiment group", … */
  calls(): string[];
  /** Only the `sample` calls, as "tracker component". */
  samples(): string[];
  /** Process ids of every probe started. */
  pids(): number[];
  json(name: string): Record<string, unknown>;
}

export function bench(): Bench {
  const dir = mkdtempSync(join(tmpdir(), 'reprotree-measure-'));
  const probes = join(dir, 'probes');
  cpSync(FAKE_PROBE, probes, { recursive: true });
  const out = join(dir, 'out');
  const workdir = join(dir, 'work');
  const log = join(dir, 'calls.log');
  const python = join(probes, 'fake-python');
  const calls = () =>
    existsSync(log)
      ? readFileSync(log, 'utf8')
          .split('\n')
          .filter((l) => l !== '')
      : [];
  return {
    dir,
    probes,
    python,
    out,
    workdir,
    log,
    args: ['--python', python, '--workdir', workdir, '--out', out],
    env: { REPROTREE_MEASURE_DIR: probes, FAKE_PROBE_LOG: log },
    calls,
    samples: () => calls().filter((l) => /^[a-z]+ (init|params|autolog)$/.test(l)),
    pids: () =>
      calls()
        .filter((l) => l.startsWith('pid '))
        .map((l) => Number(l.slice(4))),
    json: (name) => JSON.parse(readFileSync(join(out, name), 'utf8')) as Record<string, unknown>,
  };
}

export interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Running {
  readonly pid: number;
  kill(signal: NodeJS.Signals): void;
  readonly done: Promise<Finished>;
}

/** Starts `reprotree measure ARGS` (not waiting), with CI and colour overrides unset. */
export function startMeasure(args: readonly string[], env: Record<string, string | undefined> = {}, cwd = ROOT): Running {
  const full: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...env };
  for (const k of Object.keys(full)) if (full[k] === undefined) delete full[k];
  const child = spawn(process.execPath, [BIN, 'measure', ...args], { cwd, env: full as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => {
    stdout += b.toString();
  });
  child.stderr.on('data', (b: Buffer) => {
    stderr += b.toString();
  });
  const done = new Promise<Finished>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { pid: child.pid!, kill: (s) => void child.kill(s), done };
}

export function measure(args: readonly string[], env: Record<string, string | undefined> = {}, cwd = ROOT): Promise<Finished> {
  return startMeasure(args, env, cwd).done;
}

/** Polls until `done()` is true (30 s at most). */
export async function until(done: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
