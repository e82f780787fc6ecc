/**
 * Talking to the probes: `python -m reprotree_probe COMMAND` run from the probes' folder, its one
 * JSON document read from stdout, and a stop (Ctrl-C, SIGTERM) turned into `Stopped`, so that no
 * half-finished result is ever taken for a measurement.
 */
import { runChild } from './child.js';
import type { ChildResult } from './child.js';
import type { Json, Sample } from './assemble.js';

/** Thrown when the run was asked to stop: what was under way is not a result. */
export class Stopped extends Error {}

export type Probe = (python: string, args: readonly string[], onLine?: (line: string) => void) => Promise<ChildResult>;

/**
 * A probe runner. Probes run from their folder, and PYTHONPATH names it alone: PYTHONSAFEPATH
 * cannot keep it off sys.path, and nothing on the user's own PYTHONPATH finds its way into a
 * measurement. A stopped probe throws `Stopped`.
 */
export function probeRunner(measureDir: string, env: NodeJS.ProcessEnv, signal: AbortSignal): Probe {
  const probeEnv: NodeJS.ProcessEnv = { ...env, PYTHONPATH: measureDir, PYTHONDONTWRITEBYTECODE: '1' };
  return async (python, args, onLine) => {
    const r = await runChild(python, ['-m', 'reprotree_probe', ...args], { cwd: measureDir, env: probeEnv, signal, onLine });
    if (r.stopped || signal.aborted) throw new Stopped();
    return r;
  };
}

/** The last lines of a program's output, where it says what went wrong. */
export function tail(text: string, chars = 4000, lines = 25): string {
  const kept = text.trimEnd().split('\n').slice(-lines).join('\n');
  return kept.length > chars ? kept.slice(-chars) : kept;
}

export function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

/** The JSON object a probe printed, or an Error saying what it did instead. */
export function probeOutput(r: ChildResult, what: string): Json {
  if (r.code !== 0) throw new Error(`${what} exited with ${r.code}:\n${tail(r.stderr) || '(nothing on stderr)'}`);
  try {
    const v = JSON.parse(r.stdout) as unknown;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Json;
  } catch {
    // said below
  }
  throw new Error(`${what} printed something that is not one JSON object:\n${tail(r.stdout)}`);
}

/** A sample as the probe printed it, or a failed one saying why the probe printed none. */
export function sampleFrom(r: ChildResult): Sample {
  try {
    const v = JSON.parse(r.stdout) as Sample;
    if (r.code === 0 && typeof v === 'object' && v !== null && typeof v.status === 'string') return v;
  } catch {
    // said below
  }
  const now = new Date().toISOString();
  return {
    status: 'failed',
    wall_s: null,
    peak_mib: null,
    increment_mib: null,
    started: now,
    finished: now,
    stdout: tail(r.stdout),
    stderr: tail(r.stderr),
    error: `the probe's sample command exited with ${r.code} without a sample: ${firstLine(tail(r.stderr, 500).split('\n').pop() ?? '')}`,
  };
}
