/**
 * Per-tracker measurement files (docs/measurements.md) from what the probes printed: runtime and
 * memory records built from the interleaved samples exactly as measure/README.md says (the
 * finished samples in `samples`, the others in `failures`, `repetitions` counting both), the
 * records of the other groups as the probes wrote them, and a failed record per experiment for a
 * tracker that did not install or import.
 */
import { arch, cpus, release, totalmem, type } from 'node:os';
import { FORMAT } from './format.js';
import { ORDER_METHOD } from './plan.js';

export const DATA_SET = 'measured-2026';
export const TITLE = 'Measured with reprotree measure';
export const SOURCE = "reprotree's Python probes (measure/), run by `reprotree measure` on the machine named in environments";

/** One `sample` as the probe prints it (the fields the records use). */
export interface Sample {
  readonly status: string;
  readonly wall_s: number | null;
  readonly peak_mib: number | null;
  readonly increment_mib: number | null;
  readonly started: string;
  readonly finished: string;
  readonly stdout: string;
  readonly stderr: string;
  readonly error: string | null;
}

/** A sample with where it ran in the interleaved order. */
export interface Placed {
  readonly repetition: number;
  readonly position: number;
  readonly of: number;
  readonly seed: number;
  readonly sample: Sample;
}

export type Json = Record<string, unknown>;

const OUTPUT_LIMIT = 64 * 1024;

/** A process's output for a record: at most 64 KiB of UTF-8, the note on what was cut included. */
export function cut(text: string, limit = OUTPUT_LIMIT): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= limit) return text;
  const note = (n: number) => `\n[cut: the output went on for ${n} more bytes]`;
  const room = limit - Buffer.byteLength(note(bytes.length));
  // Decoding a cut through a character drops the broken character ('\uFFFD' is not kept).
  const head = bytes
    .subarray(0, room)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
  return head + note(bytes.length - Buffer.byteLength(head));
}

/** The outputs of several repetitions in one field, each under its repetition's number. */
export function joinOutputs(parts: readonly string[]): string {
  return cut(
    parts
      .map((p, i) => (p ? `--- repetition ${i + 1} ---\n${p}` : ''))
      .filter((p) => p !== '')
      .join('\n'),
  );
}

/** The runtime and memory records of one tracker's component. `placed` is in repetition order. */
export function componentRecords(tracker: string, component: string, placed: readonly Placed[], machine: string | undefined): Json[] {
  const samples = placed.map((p) => p.sample);
  const good = samples.filter((s) => s.status === 'ok' && s.wall_s !== null && s.peak_mib !== null && s.increment_mib !== null);
  const failures = placed
    .filter((p) => !good.includes(p.sample))
    .map((p) => ({ repetition: p.repetition, error: p.sample.error ?? `the sample ended with status ${p.sample.status}` }));
  const common: Json = {
    repetitions: placed.length,
    started: samples[0]?.started,
    finished: samples[samples.length - 1]?.finished,
    stdout: joinOutputs(samples.map((s) => s.stdout)),
    stderr: joinOutputs(samples.map((s) => s.stderr)),
    component,
    ...(machine !== undefined ? { machine } : {}),
    ...(failures.length > 0 ? { failures } : {}),
    schedule: {
      method: ORDER_METHOD,
      samples: placed.map((p) => ({ repetition: p.repetition, position: p.position, of: p.of, seed: p.seed })),
    },
  };
  const head = (experiment: string) => ({ experiment, tracker, status: 'ok' });
  if (good.length === 0) {
    const error = failures[0]?.error ?? 'no repetition ran';
    return [
      { ...head('runtime'), status: 'failed', error, unit: 's', ...common },
      { ...head('memory'), status: 'failed', error, unit: 'MiB', ...common },
    ];
  }
  return [
    { ...head('runtime'), ...common, unit: 's', samples: good.map((s) => s.wall_s) },
    { ...head('memory'), ...common, unit: 'MiB', samples: good.map((s) => ({ peak: s.peak_mib, increment: s.increment_mib })) },
  ];
}

/** A failed record for each experiment of the groups, for a tracker that did not install or import. */
export function failedRecords(tracker: string, experiments: readonly string[], error: string, started: string): Json[] {
  return experiments.map((experiment) => ({ experiment, tracker, status: 'failed', error, started }));
}

/** The little that can be said of an environment that was never made: this machine, this Python. */
export function machineOnly(python: string, requirements: string): Json {
  return {
    python,
    platform: `${type()}-${release()}-${arch()}`,
    cpu: cpus()[0]?.model.trim() || undefined,
    cores: cpus().length,
    memory_bytes: totalmem(),
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    requirements,
  };
}

export function measurementFile(
  tracker: string,
  entry: Json,
  environment: Json | undefined,
  records: readonly Json[],
  substitutions: readonly Json[],
): Json {
  const unique: Json[] = [];
  for (const s of substitutions) if (!unique.some((u) => JSON.stringify(u) === JSON.stringify(s))) unique.push(s);
  return {
    format: FORMAT,
    data_set: DATA_SET,
    title: TITLE,
    source: SOURCE,
    trackers: { [tracker]: entry },
    environments: environment ? { [tracker]: environment } : {},
    substitutions: unique,
    records,
  };
}
