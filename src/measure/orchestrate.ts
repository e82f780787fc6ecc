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
import { existsSync, mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { measureDir as defaultMeasureDir } from '../paths.js';
import { failedRecords, machineOnly } from './assemble.js';
import type { Json } from './assemble.js';
import { forget, Journal, lock, probeVersion } from './journal.js';
import { chooseGroups, chooseTrackers, FACTS_RECORD, parseList, SAMPLED_GROUP, schedule } from './plan.js';
import type { ProbeList } from './plan.js';
import { firstLine, probeOutput, probeRunner, sampleFrom, Stopped } from './probe.js';
import type { Probe } from './probe.js';
import type { Progress } from './progress.js';
import { findPython, findPython312 } from './python.js';
import type { Python } from './python.js';
import { trackerFile, writeAtomically } from './tracker-file.js';
import type { TrackerState } from './tracker-file.js';
import { makeVenv, requirementFiles } from './venv.js';

export interface MeasureRequest {
  readonly trackers: string | undefined;
  readonly only: string | undefined;
  readonly reps: number;
  readonly workdir: string;
  readonly out: string;
  readonly fresh: boolean;
  readonly keras: boolean;
  readonly python: string | undefined;
  readonly python312: string | undefined;
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

/** What every step of a run needs. */
interface Run {
  readonly request: MeasureRequest;
  readonly progress: Progress;
  readonly signal: AbortSignal;
  readonly probe: Probe;
  readonly python: Python;
  /** The Python 3.12 the collaboration group tries each tracker on, when there is one. */
  readonly python312: string | undefined;
  readonly measureDir: string;
  readonly list: ProbeList;
  readonly groups: readonly string[];
  readonly keras: boolean;
  readonly venvs: string;
  readonly journals: string;
  readonly probeKey: string;
  readonly seed: number;
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
  const probe = probeRunner(measureDir, env, signal);
  const out = resolve(request.out);
  let list: ProbeList;
  try {
    list = parseList(JSON.stringify(probeOutput(await probe(python.command, ['list']), "the probes' list command")));
  } catch (e) {
    if (e instanceof Stopped) return { out, trackers: [], kept: 0, reused: 0, stopped: stoppedBy(signal) };
    throw e;
  }
  const ids = chooseTrackers(list, request.trackers);
  const { groups, keras } = chooseGroups(list, request.only, request.keras);
  // Looked for only when the facts are to be measured: a run of other experiments needs no Python 3.12.
  const python312 = groups.some((g) => list.experiments[g]!.includes(FACTS_RECORD)) ? findPython312(request.python312, env) : undefined;

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
  const trackers: TrackerState[] = [];
  const kept = () => trackers.reduce((n, t) => n + (t.journal?.kept ?? 0), 0);
  let reused = 0;
  try {
    if (request.fresh) forget(journals, ids);
    const run: Run = {
      request,
      progress,
      signal,
      probe,
      python,
      python312,
      measureDir,
      list,
      groups,
      keras,
      venvs: join(workdir, 'venvs'),
      journals,
      probeKey: probeVersion(measureDir),
      seed: runSeed(journals, request.fresh),
    };
    for (const id of ids) {
      const t = await prepare(run, id, join(work, id));
      trackers.push(t);
      reused += t.journal?.kept ?? 0;
    }
    const working = trackers.filter((t) => t.failure === undefined);
    if (groups.includes(SAMPLED_GROUP)) await takeSamples(run, working);
    await runGroups(run, working);

    const outcomes: TrackerOutcome[] = [];
    for (const t of trackers) {
      const file = join(out, `${t.id}.json`);
      writeAtomically(file, JSON.stringify(trackerFile(t, groups, list, request.reps), null, 1) + '\n');
      outcomes.push({ id: t.id, status: String(t.entry.status), error: t.failure, file });
      if (t.failure === undefined) rmSync(t.work, { recursive: true, force: true });
    }
    removeIfEmpty(work);
    return { out, trackers: outcomes, kept: kept(), reused };
  } catch (e) {
    if (!(e instanceof Stopped)) throw e;
    return { out, trackers: [], kept: kept(), reused, stopped: stoppedBy(signal) };
  } finally {
    release();
  }
}

/** Step 2: the tracker's environment and journal, and what the probes say of it. */
async function prepare(run: Run, id: string, work: string): Promise<TrackerState> {
  const { progress } = run;
  const t: TrackerState = { id, entry: {}, environment: undefined, journal: undefined, python: '', work, failure: undefined, broken: new Map() };
  progress.status(`${id} · its Python environment`);
  const venv = await makeVenv({
    tracker: id,
    measureDir: run.measureDir,
    venvsDir: run.venvs,
    python: run.python.command,
    keras: run.keras,
    signal: run.signal,
    onProgress: (n, total) => progress.status(`${id} · installing packages ${n}/${total}`),
  });
  if (!venv.ok) {
    if (venv.stopped) throw new Stopped();
    t.failure = venv.error;
    t.entry = { name: id, version: null, status: 'install-failed', error: venv.error };
    t.environment = machineOnly(run.python.version, `measure/${requirementFiles(run.measureDir, id, run.keras)[0]}`);
    progress.line(`${id}: its environment did not install; that is recorded as a finding in ${id}.json.`);
    return t;
  }
  if (venv.made) progress.line(`${id}: environment made in ${venv.dir}`);
  t.python = venv.python;
  const journal = Journal.open(run.journals, id, { probe: run.probeKey, requirements: venv.stamp }, false);
  t.journal = journal;
  if (journal.dropped) progress.line(`${id}: starting over, as ${journal.dropped} the kept measurements were made.`);
  // A store left by a run whose measurements are gone would only mislead the next ones.
  if (journal.kept === 0) rmSync(work, { recursive: true, force: true });
  let described = journal.environment() as Json | undefined;
  if (described === undefined) {
    progress.status(`${id} · describing its environment`);
    const r = await run.probe(venv.python, ['environment', '--tracker', id, '--workdir', work]);
    try {
      described = probeOutput(r, `the probes' environment command for ${id}`);
      journal.append({ kind: 'environment', result: described });
    } catch (e) {
      t.failure = (e as Error).message;
    }
  }
  t.entry = (described?.tracker as Json | undefined) ?? { name: id, version: null, status: 'import-failed', error: t.failure };
  t.environment = described?.environment as Json | undefined;
  if (t.entry.status !== 'ok') {
    t.failure ??= String(t.entry.error ?? `${id} did not import`);
    t.entry = { ...t.entry, status: 'import-failed', error: t.failure };
    progress.line(`${id}: it does not import in its environment; that is recorded as a finding in ${id}.json.`);
  }
  return t;
}

/** Step 3: runtime and memory, one sample per repetition, tracker and component, interleaved. */
async function takeSamples(run: Run, working: readonly TrackerState[]): Promise<void> {
  const reps = run.request.reps;
  const slots = schedule(
    working.map((t) => t.id),
    run.list.components,
    reps,
    run.seed,
  );
  for (const [i, slot] of slots.entries()) {
    const t = working.find((w) => w.id === slot.tracker)!;
    const journal = t.journal!;
    if (journal.sample(slot.component, slot.repetition)) continue;
    run.progress.status(`${slot.tracker} · ${slot.component} · repetition ${slot.repetition}/${reps} · sample ${i + 1}/${slots.length}`);
    const r = await run.probe(t.python, ['sample', '--tracker', slot.tracker, '--component', slot.component, '--workdir', t.work]);
    const { component, repetition, position, of } = slot;
    journal.append({ kind: 'sample', component, repetition, position, of, seed: run.seed, sample: sampleFrom(r) });
  }
}

/** Whether a kept group's facts record left Python 3.12 unmeasured (no interpreter was given then). */
function lacks312(kept: unknown): boolean {
  const records = (kept as { records?: unknown } | null)?.records;
  if (!Array.isArray(records)) return false;
  return records.some((r) => {
    const item = (r as { experiment?: unknown; items?: Record<string, { status?: unknown } | undefined> } | null) ?? {};
    return item.experiment === FACTS_RECORD && item.items?.['python-3.12']?.status === 'not-measured';
  });
}

/** Step 4: every other group, once per tracker; the probe's own progress shows in the status line. */
async function runGroups(run: Run, working: readonly TrackerState[]): Promise<void> {
  for (const t of working) {
    for (const group of run.groups) {
      if (group === SAMPLED_GROUP) continue;
      // The facts (in the collaboration group) include trying the tracker on Python 3.12.
      const with312 = run.list.experiments[group]!.includes(FACTS_RECORD) && run.python312 !== undefined;
      const kept = t.journal!.group(group, '');
      // Kept, unless it could not try Python 3.12 and this run has one: then the facts are measured again.
      if (kept !== undefined && !(with312 && lacks312(kept))) continue;
      const what = `${t.id} · ${group}`;
      run.progress.status(what);
      const extra = with312 ? ['--python312', run.python312!] : [];
      const r = await run.probe(t.python, ['experiment', '--tracker', t.id, '--experiment', group, '--workdir', t.work, ...extra], (line) => {
        const said = line.replace(/^reprotree_probe:\s*/, '').trim();
        if (said !== '') run.progress.status(`${what} · ${said}`);
      });
      try {
        t.journal!.append({ kind: 'group', group, options: '', result: probeOutput(r, `the probes' ${group} experiment for ${t.id}`) });
      } catch (e) {
        // Not journaled: a probe that broke is tried again next time; this file says what happened.
        const error = (e as Error).message;
        run.progress.line(`${t.id}: the ${group} experiment broke; its records say why. ${firstLine(error)}`);
        t.broken.set(group, { records: failedRecords(t.id, run.list.experiments[group]!, error, new Date().toISOString()), substitutions: [] });
      }
    }
  }
}

function stoppedBy(signal: AbortSignal): NodeJS.Signals {
  const reason = signal.reason as unknown;
  return reason === 'SIGTERM' || reason === 'SIGHUP' ? reason : 'SIGINT';
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

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (a tracker that failed keeps its store for a look), or already gone.
  }
}

// The command loads this one module on demand for everything `measure` does.
export { createProgress } from './progress.js';
export { rescore } from './rescore.js';
export { results } from './results.js';
