/**
 * `reprotree measure`: the probes run against each tracker, in the order the study's rules need.
 *
 * 1. Find Python and ask the probes what they offer (`list`); settle the trackers and groups.
 * 2. Per tracker: make or reuse its virtual environment, open its journal, describe the
 *    environment (`environment`). A tracker that does not install or import is a finding: its
 *    file says so, with a failed record per experiment.
 * 3. Runtime and memory: `sample` once per repetition, tracker and component, interleaved in
 *    shuffled rounds (plan.ts), every sample journaled as it finishes.
 * 4. The other groups, one `experiment` call per tracker and group, journaled likewise.
 * 5. One measurement file per tracker in <out>, assembled from the journal.
 *
 * Everything finished is in the journal before the next thing starts, so a stop (Ctrl-C, SIGTERM)
 * loses at most the measurement under way, and the next run goes on from there.
 */
import { createHash, randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { measureDir as defaultMeasureDir } from '../paths.js';
import { componentRecords, failedRecords, machineOnly, measurementFile } from './assemble.js';
import type { Json, Placed, Sample } from './assemble.js';
import { runChild } from './child.js';
import type { ChildResult } from './child.js';
import { forget, Journal, lock, probeVersion } from './journal.js';
import { chooseGroups, chooseTrackers, parseList, SAMPLED_GROUP, schedule } from './plan.js';
import type { ProbeList } from './plan.js';
import type { Progress } from './progress.js';
import { findPython } from './python.js';
import { requirementFiles, makeVenv } from './venv.js';

export interface MeasureRequest {
  readonly trackers: string | undefined;
  readonly only: string | undefined;
  readonly reps: number;
  readonly workdir: string;
  readonly out: string;
  readonly fresh: boolean;
  readonly keras: boolean;
  readonly python: string | undefined;
}

export interface TrackerOutcome {
  readonly id: string;
  readonly status: string;
  readonly error?: string;
  readonly file: string;
}

export interface MeasureOutcome {
  readonly out: string;
  readonly trackers: readonly TrackerOutcome[];
  /** Finished measurements in the journals, reused or new. */
  readonly kept: number;
  /** Finished measurements that an earlier run left and this one reused. */
  readonly reused: number;
  /** The signal that stopped the run, if one did. */
  readonly stopped?: NodeJS.Signals;
}

class Stopped extends Error {}

/** What a tracker is in the middle of the run. */
interface Subject {
  readonly id: string;
  entry: Json;
  environment: Json | undefined;
  journal: Journal | undefined;
  python: string;
  work: string;
  /** Set when it did not install or import: every experiment is then a failed record. */
  failure: string | undefined;
  /** Groups whose probe broke: shown in this run's file, not journaled, so tried again next run. */
  readonly broken: Map<string, Json>;
}

const LAST_LINES = 25;

function tail(text: string, chars = 4000): string {
  const kept = text.trimEnd().split('\n').slice(-LAST_LINES).join('\n');
  return kept.length > chars ? kept.slice(-chars) : kept;
}

function probeOutput(r: ChildResult, what: string): Json {
  if (r.code !== 0) throw new Error(`${what} exited with ${r.code}:\n${tail(r.stderr) || '(nothing on stderr)'}`);
  try {
    const v = JSON.parse(r.stdout) as unknown;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Json;
  } catch {
    // said below
  }
  throw new Error(`${what} printed something that is not one JSON object:\n${tail(r.stdout)}`);
}

export async function measure(
  request: MeasureRequest,
  progress: Progress,
  signal: AbortSignal,
  env: NodeJS.ProcessEnv = process.env,
): Promise<MeasureOutcome> {
  const measureDir = defaultMeasureDir(env);
  if (!existsSync(join(measureDir, 'make-venv.sh'))) {
    throw new UserError(
      `The Python probes are not in ${measureDir}, where reprotree looks for them; reinstall reprotree, or point REPROTREE_MEASURE_DIR at a copy of measure/.`,
    );
  }
  const python = findPython(request.python, env);
  // Probes run from their folder, and PYTHONPATH names it alone: PYTHONSAFEPATH cannot keep it off
  // sys.path, and nothing on the user's own PYTHONPATH finds its way into a measurement.
  const probeEnv: NodeJS.ProcessEnv = { ...env, PYTHONPATH: measureDir, PYTHONDONTWRITEBYTECODE: '1' };
  const probe = (pythonPath: string, args: readonly string[], onLine?: (line: string) => void) =>
    runChild(pythonPath, ['-m', 'reprotree_probe', ...args], { cwd: measureDir, env: probeEnv, signal, onLine });
  const stopIf = (r: ChildResult) => {
    if (r.stopped || signal.aborted) throw new Stopped();
    return r;
  };

  let list: ProbeList;
  try {
    list = parseList(JSON.stringify(probeOutput(stopIf(await probe(python.command, ['list'])), "the probes' list command")));
  } catch (e) {
    if (e instanceof Stopped) return { out: request.out, trackers: [], kept: 0, reused: 0, stopped: stoppedBy(signal) };
    throw e;
  }
  const trackers = chooseTrackers(list, request.trackers);
  const { groups, keras } = chooseGroups(list, request.only, request.keras);

  const out = resolve(request.out);
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    throw new UserError(`--out ${request.out}: cannot create it (${(e as NodeJS.ErrnoException).code ?? e}); name a folder you can write to.`);
  }
  const journals = join(out, 'journal');
  const release = lock(journals);
  const workdir = resolve(request.workdir);
  // Each output folder has its own working stores, so that two runs never share a tracker's store.
  const work = join(workdir, 'work', createHash('sha256').update(out).digest('hex').slice(0, 12));
  const subjects: Subject[] = [];
  let reused = 0;
  try {
    if (request.fresh) forget(journals, trackers);
    const seed = runSeed(journals, request.fresh);
    const probeKey = probeVersion(measureDir);

    // 2. Environments.
    for (const id of trackers) {
      const subject: Subject = {
        id,
        entry: {},
        environment: undefined,
        journal: undefined,
        python: '',
        work: join(work, id),
        failure: undefined,
        broken: new Map(),
      };
      subjects.push(subject);
      progress.status(`${id} · its Python environment`);
      const venv = await makeVenv({
        tracker: id,
        measureDir,
        venvsDir: join(workdir, 'venvs'),
        python: python.command,
        keras,
        signal,
        onProgress: (n, total) => progress.status(`${id} · installing packages ${n}/${total}`),
      });
      if (!venv.ok) {
        if (venv.stopped) throw new Stopped();
        subject.failure = venv.error;
        subject.entry = { name: id, version: null, status: 'install-failed', error: venv.error };
        subject.environment = machineOnly(python.version, `measure/${requirementFiles(id, keras)[0]}`);
        progress.line(`${id}: its environment did not install; that is recorded as a finding in ${id}.json.`);
        continue;
      }
      if (venv.made) progress.line(`${id}: environment made in ${venv.dir}`);
      subject.python = venv.python;
      const journal = Journal.open(journals, id, { probe: probeKey, requirements: venv.stamp }, false);
      subject.journal = journal;
      if (journal.dropped) progress.line(`${id}: starting over, as ${journal.dropped} the kept measurements were made.`);
      if (journal.kept === 0) rmSync(subject.work, { recursive: true, force: true });
      reused += journal.kept;
      let described = journal.environment() as Json | undefined;
      if (described === undefined) {
        progress.status(`${id} · describing its environment`);
        const r = stopIf(await probe(venv.python, ['environment', '--tracker', id, '--workdir', subject.work]));
        try {
          described = probeOutput(r, `the probes' environment command for ${id}`);
          journal.append({ kind: 'environment', result: described });
        } catch (e) {
          subject.failure = (e as Error).message;
        }
      }
      subject.entry = (described?.tracker as Json | undefined) ?? { name: id, version: null, status: 'import-failed', error: subject.failure };
      subject.environment = described?.environment as Json | undefined;
      if (subject.entry.status !== 'ok') {
        subject.failure ??= String(subject.entry.error ?? `${id} did not import`);
        subject.entry = { ...subject.entry, status: 'import-failed', error: subject.failure };
        progress.line(`${id}: it does not import in its environment; that is recorded as a finding in ${id}.json.`);
      }
    }
    const working = subjects.filter((s) => s.failure === undefined);

    // 3. Runtime and memory, interleaved.
    if (groups.includes(SAMPLED_GROUP) && working.length > 0) {
      const slots = schedule(
        working.map((s) => s.id),
        list.components,
        request.reps,
        seed,
      );
      let done = 0;
      for (const slot of slots) {
        done++;
        const subject = working.find((s) => s.id === slot.tracker)!;
        const journal = subject.journal!;
        if (journal.sample(slot.component, slot.repetition)) continue;
        progress.status(`${slot.tracker} · ${slot.component} · repetition ${slot.repetition}/${request.reps} · sample ${done}/${slots.length}`);
        const r = stopIf(
          await probe(subject.python, ['sample', '--tracker', slot.tracker, '--component', slot.component, '--workdir', subject.work]),
        );
        journal.append({
          kind: 'sample',
          component: slot.component,
          repetition: slot.repetition,
          position: slot.position,
          of: slot.of,
          seed,
          sample: sampleFrom(r),
        });
      }
    }

    // 4. The other groups.
    for (const subject of working) {
      for (const group of groups) {
        if (group === SAMPLED_GROUP || subject.journal!.group(group, '') !== undefined) continue;
        const what = `${subject.id} · ${group}`;
        progress.status(what);
        const r = stopIf(
          await probe(subject.python, ['experiment', '--tracker', subject.id, '--experiment', group, '--workdir', subject.work], (line) => {
            const said = line.replace(/^reprotree_probe:\s*/, '').trim();
            if (said !== '') progress.status(`${what} · ${said}`);
          }),
        );
        try {
          subject.journal!.append({ kind: 'group', group, options: '', result: probeOutput(r, `the probes' ${group} experiment for ${subject.id}`) });
        } catch (e) {
          // Not journaled: a probe that broke is tried again next time; this file says what happened.
          progress.line(`${subject.id}: the ${group} experiment broke; its records say why. ${firstLine((e as Error).message)}`);
          subject.broken.set(group, {
            records: failedRecords(subject.id, list.experiments[group]!, (e as Error).message, new Date().toISOString()),
            substitutions: [],
          });
        }
      }
    }

    // 5. The files.
    const outcomes: TrackerOutcome[] = [];
    for (const subject of subjects) {
      const file = join(out, `${subject.id}.json`);
      writeAtomically(file, JSON.stringify(fileOf(subject, groups, list, request.reps), null, 1) + '\n');
      outcomes.push({ id: subject.id, status: String(subject.entry.status), error: subject.failure, file });
      if (subject.failure === undefined) rmSync(subject.work, { recursive: true, force: true });
    }
    removeIfEmpty(work);
    const kept = subjects.reduce((n, s) => n + (s.journal?.kept ?? 0), 0);
    return { out, trackers: outcomes, kept, reused };
  } catch (e) {
    if (!(e instanceof Stopped)) throw e;
    const kept = subjects.reduce((n, s) => n + (s.journal?.kept ?? 0), 0);
    return { out, trackers: [], kept, reused, stopped: stoppedBy(signal) };
  } finally {
    release();
  }
}

function stoppedBy(signal: AbortSignal): NodeJS.Signals {
  const reason = signal.reason as unknown;
  return reason === 'SIGTERM' || reason === 'SIGHUP' ? reason : 'SIGINT';
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

/** The seed of the interleaved order: kept with the journals, so a resumed run keeps its order. */
function runSeed(journals: string, fresh: boolean): number {
  const file = join(journals, 'seed');
  if (!fresh) {
    try {
      const kept = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(kept) && kept >= 0) return kept;
    } catch {
      // none yet
    }
  }
  const seed = randomInt(2 ** 31);
  writeFileSync(file, `${seed}\n`);
  return seed;
}

/** A sample as the probe printed it, or a failed one saying why the probe printed none. */
function sampleFrom(r: ChildResult): Sample {
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

/**
 * A tracker's file: every group this run asked for, and every group kept from earlier runs into
 * the same folder (a run with --only adds to the file, it does not shrink it), in the probes'
 * order. The samples are those of the repetitions asked for, or all kept ones when this run took
 * none.
 */
function fileOf(subject: Subject, groups: readonly string[], list: ProbeList, reps: number): Json {
  const records: Json[] = [];
  const substitutions: Json[] = [];
  const started = new Date().toISOString();
  const journal = subject.journal;
  const kept = (group: string) =>
    group === SAMPLED_GROUP ? journal?.entries.some((e) => e.kind === 'sample') : journal?.group(group, '') !== undefined;
  for (const group of Object.keys(list.experiments)) {
    if (!groups.includes(group) && !kept(group)) continue;
    const experiments = list.experiments[group]!;
    if (subject.failure !== undefined || journal === undefined) {
      records.push(...failedRecords(subject.id, experiments, subject.failure ?? 'not measured', started));
      continue;
    }
    if (group === SAMPLED_GROUP) {
      const machine = subject.environment?.machine as string | undefined;
      const last = groups.includes(SAMPLED_GROUP) ? reps : Math.max(...journal.entries.map((e) => (e.kind === 'sample' ? e.repetition : 0)));
      for (const component of list.components) {
        const placed: Placed[] = [];
        for (let r = 1; r <= last; r++) {
          const e = journal.sample(component, r);
          if (e) placed.push({ repetition: r, position: e.position, of: e.of, seed: e.seed, sample: e.sample as Sample });
        }
        if (placed.length > 0) records.push(...componentRecords(subject.id, component, placed, machine));
      }
      continue;
    }
    const result = (journal.group(group, '') ?? subject.broken.get(group)) as { records?: Json[]; substitutions?: Json[] } | undefined;
    records.push(...(result?.records ?? []));
    substitutions.push(...(result?.substitutions ?? []));
  }
  return measurementFile(subject.id, subject.entry, subject.environment, records, substitutions);
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (a tracker that failed keeps its store for a look), or already gone.
  }
}

/** Written beside and renamed: a reader never sees half a file. The temporary name is not *.json. */
function writeAtomically(file: string, text: string): void {
  const part = `${file}.part`;
  writeFileSync(part, text);
  renameSync(part, file);
}

// The command loads this one module on demand for everything `measure` does.
export { createProgress } from './progress.js';
export { rescore } from './rescore.js';
export { results } from './results.js';
