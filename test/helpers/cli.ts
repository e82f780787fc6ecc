/** Runs the built bin/reprotree.js as a user would, capturing exit code and both streams. */
import { spawnSync } from 'node:child_process';
import { ROOT } from './fixtures.js';

export const BIN = ROOT + 'bin/reprotree.js';

export interface Result {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  cwd?: string;
  /** Another copy of the program (test/helpers/data-sets.ts). */
  bin?: string;
}

/**
 * The test process's environment without colour overrides or a terminal width (output is laid
 * out to 80 columns off a terminal), plus `extra` (undefined deletes).
 */
function environment(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, COLUMNS: undefined, ...extra };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env as NodeJS.ProcessEnv;
}

export function run(args: readonly string[], options: RunOptions = {}): Result {
  const r = spawnSync(process.execPath, [options.bin ?? BIN, ...args], {
    encoding: 'utf8',
    env: environment(options.env),
    input: options.input ?? '',
    // Whole trees of large files run to megabytes; spawnSync's default cap is 1 MiB.
    maxBuffer: 256 * 1024 * 1024,
    cwd: options.cwd ?? ROOT,
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A user error: exit 2, one message on stderr, nothing on stdout, no stack trace. */
export function expectUserError(r: Result): string {
  if (r.code !== 2 || r.stdout !== '' || /\n\s+at /.test(r.stderr) || r.stderr.trim() === '') {
    throw new Error(`expected a clean user error, got exit ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  }
  return r.stderr;
}
