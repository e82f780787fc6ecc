/**
 * One measurement file's text → a checked MeasurementSet. Only the fields the format names are
 * accepted (a misspelt one is reported with the likely spelling); free-form fields (`readback`,
 * `server`, `measured`) are kept as they are and never walked.
 */
import { didYouMean } from '../errors.js';
import { Check, found, isObject, MeasurementError, pathOf, shorten } from './check.js';
import {
  COMPONENTS,
  CRITERIA,
  EXPERIMENTS,
  FACT_ITEMS,
  FORMAT,
  ID,
  ITEMS,
  MACHINE_ID,
  MARKS,
  MAX_ERROR,
  MAX_OUTPUT_BYTES,
  MAX_RECORDS,
  MAX_SAMPLES,
  MAX_TRACKERS,
} from './format.js';
import type {
  Component,
  CriterionId,
  Environment,
  Experiment,
  FactItem,
  Facts,
  Mark,
  MarkExperiment,
  MeasurementRecord,
  MeasurementSet,
  Override,
  RecordStatus,
  Source,
  Substitution,
  Tracker,
  TrackerStatus,
} from './format.js';

const TOP_KEYS = ['format', 'data_set', 'title', 'source', 'date', 'trackers', 'environments', 'machines', 'substitutions', 'overrides', 'records'];
const TRACKER_KEYS = ['name', 'full_name', 'url', 'version', 'status', 'error'];
const ENVIRONMENT_KEYS = [
  'python',
  'platform',
  'cpu',
  'cores',
  'memory_bytes',
  'machine',
  'date',
  'pip_freeze',
  'requirements',
  'install_seconds',
  'install_bytes',
  // Written by the probes (docs/measurements.md, "What the probes add"); kept, not scored.
  'implementation',
  'tracker_version',
  'prefix',
  'installed_from',
];
const COMMON_KEYS = ['experiment', 'tracker', 'status', 'error', 'why', 'repetitions', 'failures', 'stdout', 'stderr', 'started', 'finished'];
/**
 * The fields each experiment's records may have. After the format's own fields come those the
 * probes and `reprotree measure` add for people to check a number by (docs/measurements.md): they
 * are known, so that a misspelt field is still caught, and not scored.
 */
const RECORD_KEYS: Record<Experiment, readonly string[]> = {
  'auto-logging': ['task', 'items', 'readback', 'snippets', 'notes', 'repetition_marks'],
  runtime: ['component', 'machine', 'unit', 'samples', 'summary', 'published', 'schedule'],
  memory: ['component', 'machine', 'unit', 'samples', 'summary', 'published', 'schedule'],
  lines: ['component', 'added', 'script', 'baseline', 'note', 'counted', 'not_counted'],
  sklearn: ['items', 'readback', 'snippets', 'notes', 'repetition_marks'],
  'log-size': ['machine', 'unit', 'samples', 'summary', 'published', 'readback', 'snippets_used'],
  keras: ['items', 'readback', 'snippets', 'notes', 'repetition_marks'],
  'memory-from-data': ['machine', 'size', 'unit', 'samples', 'summary', 'published', 'wall_seconds'],
  collaboration: ['items', 'sources', 'server', 'notes', 'measured', 'facts_file'],
  facts: ['items', 'sources', 'measured', 'notes', 'facts_file'],
};
const UNITS: Partial<Record<Experiment, string>> = { runtime: 's', memory: 'MiB', 'log-size': 'bytes', 'memory-from-data': 'MiB' };

/** Parses and checks one measurement file's text. `file` names it in messages. */
export function parseMeasurementFile(text: string, file: string): MeasurementSet {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new MeasurementError([notJson(text, file, e)]);
  }
  const c = new Check(file);
  if (!isObject(json)) throw new MeasurementError([`${file} must hold one JSON object ({…}), not ${found(json)}; is it a measurement file?`]);
  if (!('format' in json))
    throw new MeasurementError([`${file} has no "format" field, so it is not a reprotree measurement file (they start with "format": "${FORMAT}").`]);
  if (json.format !== FORMAT) {
    throw new MeasurementError([
      typeof json.format === 'string' && json.format.startsWith('reprotree-measurements/')
        ? `${file} is in the format ${JSON.stringify(shorten(json.format, 40))}, which this version of reprotree cannot read; it reads ${FORMAT}.`
        : `${file}: format must be "${FORMAT}", not ${found(json.format)}.`,
    ]);
  }
  const top = c.object(json, '', TOP_KEYS)!;
  const dataSet = c.id(c.required(top, 'the file', 'data_set', 'e.g. "measured-2026"'), 'data_set');
  const title = c.optional(top, 'title', '', (v, p) => c.text(v, p));
  const source = c.optional(top, 'source', '', (v, p) => c.text(v, p));
  const date = c.optional(top, 'date', '', (v, p) => c.date(v, p));

  const trackers = readTrackers(c, c.required(top, 'the file', 'trackers', 'every tracker the file speaks of'));
  const ids = new Set(trackers.map((t) => t.id));
  const environments = readEnvironments(c, top.get('environments'), ids);
  const machines = readMachines(c, top.get('machines'));
  const substitutions = readSubstitutions(c, top.get('substitutions'));
  const overrides = readOverrides(c, top.get('overrides'), file);
  const recordList = c.list(c.required(top, 'the file', 'records', 'the measurements'), 'records', MAX_RECORDS, 'records');
  const records: MeasurementRecord[] = [];
  (recordList ?? []).forEach((v, i) => {
    const r = readRecord(c, v, pathOf('records', i), file, trackers, machines);
    if (r) records.push(r);
  });
  if (c.problems.length > 0) throw new MeasurementError(c.problems);
  return { files: [file], dataSet: dataSet!, title, source, date, trackers, environments, machines, substitutions, overrides, records };
}

/** Why JSON.parse refused the text, with a line and column where it says where. */
function notJson(text: string, file: string, e: unknown): string {
  const trimmed = text.trimStart();
  if (trimmed === '') return `${file} is empty; a measurement file is one JSON object.`;
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[') && /^[\w#-]/.test(trimmed)) {
    return `${file} is not JSON (a criteria .yaml file?); pass a raw measurement file (.json) or a directory of them.`;
  }
  const message = String((e as Error).message ?? e);
  const at = /position (\d+)/.exec(message);
  const offset = at ? Number(at[1]) : -1;
  if (/end of JSON/.test(message) || offset >= text.trimEnd().length) {
    return `${file} is not valid JSON: it ends too early (cut off while being written?).`;
  }
  if (at) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const col = offset - before.lastIndexOf('\n');
    return `${file} is not valid JSON: the text breaks off or goes wrong at line ${line}, column ${col}.`;
  }
  return `${file} is not valid JSON; check it with a JSON validator.`;
}

function readTrackers(c: Check, v: unknown): Tracker[] {
  const entries = c.entries(v, 'trackers', ID, "a valid tracker id (lowercase letters, digits and '-', starting with a letter)") ?? [];
  if (isObject(v) && Object.keys(v).length === 0) c.fail('trackers', 'is empty; name at least one tracker.');
  if (entries.length > MAX_TRACKERS) c.fail('trackers', `names ${entries.length} trackers; reprotree compares at most ${MAX_TRACKERS}.`);
  const out: Tracker[] = [];
  for (const [id, value] of entries) {
    const path = pathOf('trackers', id);
    const f = c.object(value, path, TRACKER_KEYS);
    if (!f) continue;
    const name = c.text(c.required(f, path, 'name', 'how it is shown'), pathOf(path, 'name'), 100);
    const version = f.get('version');
    if (!f.has('version')) c.fail(path, 'has no "version" (null when the source does not say).');
    else if (version !== null) c.text(version, pathOf(path, 'version'), 100);
    const status = c.oneOf<TrackerStatus>(c.required(f, path, 'status', '"ok", "install-failed" or "import-failed"'), pathOf(path, 'status'), [
      'ok',
      'install-failed',
      'import-failed',
    ]);
    const error = c.optional(f, 'error', path, (x, p) => c.output(x, p, MAX_ERROR));
    if (status !== undefined && status !== 'ok' && error === undefined) c.fail(path, `is "${status}" but has no "error" saying why.`);
    out.push({
      id,
      name: name ?? id,
      fullName: c.optional(f, 'full_name', path, (x, p) => c.text(x, p, 200)),
      url: c.optional(f, 'url', path, (x, p) => c.text(x, p, 500)),
      version: typeof version === 'string' ? version : null,
      status: status ?? 'ok',
      error,
    });
  }
  return out;
}

function readEnvironments(c: Check, v: unknown, trackers: ReadonlySet<string>): Map<string, Environment> {
  const out = new Map<string, Environment>();
  if (v === undefined) return out;
  for (const [id, value] of c.entries(v, 'environments', ID, 'a valid tracker id') ?? []) {
    const path = pathOf('environments', id);
    if (!trackers.has(id)) c.fail(path, `is not one of the trackers (${[...trackers].join(', ')}).${didYouMean(id, [...trackers])}`);
    const f = c.object(value, path, ENVIRONMENT_KEYS);
    if (!f) continue;
    const text = (key: string) => c.optional(f, key, path, (x, p) => c.text(x, p, 500));
    // null: not recorded (an environment made by hand has no install time).
    const count = (key: string, integer: boolean) =>
      c.optional(f, key, path, (x, p) => (x === null ? undefined : c.number(x, p, { min: 0, integer })));
    const freeze = c.optional(f, 'pip_freeze', path, (x, p) => {
      const items = c.list(x, p, 10_000, 'requirement lines');
      return items?.map((line, i) => c.text(line, pathOf(p, i), 1000) ?? '');
    });
    out.set(id, {
      python: text('python'),
      platform: text('platform'),
      cpu: text('cpu'),
      cores: count('cores', true),
      memoryBytes: count('memory_bytes', true),
      machine: c.optional(f, 'machine', path, (x, p) => c.id(x, p, MACHINE_ID)),
      date: c.optional(f, 'date', path, (x, p) => c.date(x, p)),
      pipFreeze: freeze,
      requirements: text('requirements'),
      installSeconds: count('install_seconds', false),
      installBytes: count('install_bytes', true),
    });
  }
  return out;
}

function readMachines(c: Check, v: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (v === undefined) return out;
  for (const [id, value] of c.entries(v, 'machines', MACHINE_ID, 'a valid machine id') ?? []) {
    const path = pathOf('machines', id);
    const f = c.object(value, path, ['label']);
    const label = f ? c.text(c.required(f, path, 'label', 'how the machine is named'), pathOf(path, 'label'), 100) : undefined;
    out.set(id, label ?? id);
  }
  return out;
}

function readSubstitutions(c: Check, v: unknown): Substitution[] {
  if (v === undefined) return [];
  const out: Substitution[] = [];
  (c.list(v, 'substitutions', 1000, 'substitutions') ?? []).forEach((s, i) => {
    const path = pathOf('substitutions', i);
    const f = c.object(s, path, ['experiment', 'study', 'here', 'why']);
    if (!f) return;
    const get = (key: string, what: string) => c.text(c.required(f, path, key, what), pathOf(path, key));
    const experiment = get('experiment', 'which experiment');
    const study = get('study', 'what the study used');
    const here = get('here', 'what was used instead');
    const why = get('why', 'the reason');
    if (experiment && study && here && why) out.push({ experiment, study, here, why });
  });
  return out;
}

function readOverrides(c: Check, v: unknown, file: string): Override[] {
  if (v === undefined) return [];
  const out: Override[] = [];
  const ids = CRITERIA.map((x) => x.id);
  (c.list(v, 'overrides', 100, 'overrides') ?? []).forEach((o, i) => {
    const path = pathOf('overrides', i);
    const f = c.object(o, path, ['criterion', 'scores', 'why']);
    if (!f) return;
    const criterion = c.oneOf<CriterionId>(c.required(f, path, 'criterion', 'which criterion'), pathOf(path, 'criterion'), ids);
    const why = c.text(c.required(f, path, 'why', 'the reason the published score is kept'), pathOf(path, 'why'));
    const scores = new Map<string, number>();
    const max = CRITERIA.find((x) => x.id === criterion)?.max ?? Infinity;
    for (const [id, s] of c.entries(c.required(f, path, 'scores', 'a score per tracker'), pathOf(path, 'scores'), ID, 'a valid tracker id') ?? []) {
      const n = c.number(s, pathOf(pathOf(path, 'scores'), id), { min: 0 });
      if (n !== undefined && n > max) c.fail(pathOf(pathOf(path, 'scores'), id), `is ${n}, above the most ${criterion} can give (${max}).`);
      else if (n !== undefined) scores.set(id, n);
    }
    if (criterion && why) out.push({ criterion, scores, why, where: `${file} ${path}` });
  });
  return out;
}

function readRecord(
  c: Check,
  v: unknown,
  path: string,
  file: string,
  trackers: readonly Tracker[],
  machines: ReadonlyMap<string, string>,
): MeasurementRecord | undefined {
  if (!isObject(v)) return c.fail(path, `must be an object ({…}), not ${found(v)}.`);
  const experiment = c.oneOf<Experiment>(v.experiment, pathOf(path, 'experiment'), EXPERIMENTS);
  if (experiment === undefined) return undefined;
  const f = c.object(v, path, [...COMMON_KEYS, ...RECORD_KEYS[experiment]])!;
  const trackerIds = trackers.map((t) => t.id);
  const tracker = c.id(c.required(f, path, 'tracker', 'which tracker'), pathOf(path, 'tracker'));
  const known = trackers.find((t) => t.id === tracker);
  if (tracker !== undefined && !known) {
    c.fail(pathOf(path, 'tracker'), `${JSON.stringify(tracker)} is not in "trackers" (${trackerIds.join(', ')}).${didYouMean(tracker, trackerIds)}`);
  }
  const status = c.oneOf<RecordStatus>(c.required(f, path, 'status', '"ok", "failed" or "unsupported"'), pathOf(path, 'status'), [
    'ok',
    'failed',
    'unsupported',
  ]);
  if (status === undefined || tracker === undefined) return undefined;
  if (status === 'ok' && known && known.status !== 'ok') {
    c.fail(
      pathOf(path, 'status'),
      `is "ok", but tracker "${tracker}" is "${known.status}"; a tracker that did not install or import has no measurements.`,
    );
  }
  const error = c.optional(f, 'error', path, (x, p) => c.output(x, p, MAX_ERROR));
  const why = c.optional(f, 'why', path, (x, p) => c.text(x, p));
  if (status === 'failed' && error === undefined) c.fail(path, 'is "failed" but has no "error" saying what went wrong.');
  if (status === 'unsupported' && why === undefined) c.fail(path, 'is "unsupported" but has no "why".');
  // A failed record may have tried nothing (the tracker did not import): 0 repetitions.
  const repetitions = c.optional(f, 'repetitions', path, (x, p) =>
    x === null ? null : c.number(x, p, { min: status === 'ok' ? 1 : 0, integer: true }),
  );
  const failures = readFailures(c, f.get('failures'), pathOf(path, 'failures'));
  const base = {
    tracker,
    status,
    error,
    why,
    repetitions,
    failures,
    stdout: c.optional(f, 'stdout', path, (x, p) => c.output(x, p, MAX_OUTPUT_BYTES)),
    stderr: c.optional(f, 'stderr', path, (x, p) => c.output(x, p, MAX_OUTPUT_BYTES)),
    started: c.optional(f, 'started', path, (x, p) => c.date(x, p)),
    finished: c.optional(f, 'finished', path, (x, p) => c.date(x, p)),
    published: c.optional(f, 'published', path, (x, p) => c.text(x, p, 200)),
    where: `${file} ${path}`,
  };
  const ok = status === 'ok';
  const unit = UNITS[experiment];
  if (unit !== undefined && (ok || f.has('unit')) && c.required(f, path, 'unit', `"${unit}"`) !== undefined)
    c.oneOf(f.get('unit'), pathOf(path, 'unit'), [unit]);
  const component = () => keyField(c, f, path, 'component', ok, (x, p) => c.oneOf<Component>(x, p, COMPONENTS));
  const machine = () =>
    keyField(c, f, path, 'machine', ok, (x, p) => {
      const m = c.id(x, p, MACHINE_ID);
      if (m !== undefined && machines.size > 0 && !machines.has(m)) {
        return c.fail(p, `${JSON.stringify(m)} is not in "machines" (${[...machines.keys()].join(', ')}).${didYouMean(m, [...machines.keys()])}`);
      }
      return m;
    });

  switch (experiment) {
    case 'auto-logging':
    case 'sklearn':
    case 'keras':
    case 'collaboration': {
      const task = experiment === 'auto-logging' ? keyField(c, f, path, 'task', ok, (x, p) => c.text(x, p, 100)) : undefined;
      const items = readMarks(c, f, path, experiment, ok);
      const names: readonly string[] = ITEMS[experiment];
      const itemTexts = (key: string, read: (x: unknown, p: string) => string | undefined) => {
        const out = new Map<string, string>();
        if (!f.has(key)) return out;
        for (const [item, x] of c.entries(f.get(key), pathOf(path, key), names, `one of the items of ${experiment}`) ?? []) {
          const t = read(x, pathOf(pathOf(path, key), item));
          if (t !== undefined) out.set(item, t);
        }
        return out;
      };
      const snippets = itemTexts('snippets', (x, p) => c.text(x, p, 500));
      const notes = itemTexts('notes', (x, p) => c.text(x, p, 500));
      return {
        ...base,
        experiment,
        task,
        items,
        notes,
        snippets,
        sources: readSources(c, f, path, names),
        readback: f.get('readback'),
        server: f.get('server'),
      };
    }
    case 'runtime': {
      const samples = readSamples(c, f, path, ok, (x, p) => c.number(x, p, { min: 0, what: 'a time in seconds' }));
      const summary = readSummary(c, f, path, ['mean', 'sd']);
      checkCounts(c, path, samples, failures, repetitions);
      return {
        ...base,
        experiment,
        component: component(),
        machine: machine(),
        samples,
        summary: summary && { mean: summary.mean!, sd: summary.sd! },
      };
    }
    case 'memory':
    case 'memory-from-data': {
      const samples = readSamples(c, f, path, ok, (x, p) => {
        const s = c.object(x, p, ['peak', 'increment'], 'an object {"peak": …, "increment": …}');
        if (!s) return undefined;
        const peak = c.number(c.required(s, p, 'peak', 'MiB'), pathOf(p, 'peak'), { min: 0 });
        const increment = c.number(c.required(s, p, 'increment', 'MiB'), pathOf(p, 'increment'));
        return peak === undefined || increment === undefined ? undefined : { peak, increment };
      });
      const summary = readSummary(c, f, path, ['peak', 'increment']);
      checkCounts(c, path, samples, failures, repetitions);
      const size =
        experiment === 'memory-from-data' ? keyField(c, f, path, 'size', ok, (x, p) => c.number(x, p, { min: 1, integer: true })) : undefined;
      return {
        ...base,
        experiment,
        component: experiment === 'memory' ? component() : undefined,
        machine: machine(),
        size,
        samples,
        summary: summary && { peak: summary.peak!, increment: summary.increment! },
      };
    }
    case 'lines': {
      const added = ok
        ? c.number(c.required(f, path, 'added', 'lines added to the script without a tracker'), pathOf(path, 'added'), { min: 0, integer: true })
        : undefined;
      return {
        ...base,
        experiment,
        component: component(),
        added,
        script: c.optional(f, 'script', path, (x, p) => c.text(x, p, 500)),
        baseline: c.optional(f, 'baseline', path, (x, p) => c.text(x, p, 500)),
        note: c.optional(f, 'note', path, (x, p) => c.text(x, p, 200)),
      };
    }
    case 'log-size': {
      const samples = readSamples(c, f, path, ok, (x, p) => c.number(x, p, { min: 0, integer: true, what: 'a size in bytes (a whole number)' }));
      const summary = readSummary(c, f, path, ['size']);
      checkCounts(c, path, samples, failures, repetitions);
      return { ...base, experiment, machine: machine(), samples, summary: summary && { size: summary.size! } };
    }
    case 'facts': {
      const facts = ok || f.has('items') ? readFacts(c, c.required(f, path, 'items', 'the facts'), pathOf(path, 'items'), ok) : {};
      const notes = new Map<string, string>();
      for (const [item, x] of f.has('notes') ? (c.entries(f.get('notes'), pathOf(path, 'notes'), FACT_ITEMS, 'one of the facts') ?? []) : []) {
        const t = c.text(x, pathOf(pathOf(path, 'notes'), item));
        if (t !== undefined) notes.set(item, t);
      }
      return { ...base, experiment, facts, notes, sources: readSources(c, f, path, FACT_ITEMS), measured: f.get('measured') };
    }
  }
}

/** The status each fact has when it is there to be scored, and the fields it then needs. */
const FACT_SHAPES: Record<FactItem, { status: 'measured' | 'documented'; keys: readonly string[] }> = {
  licence: { status: 'measured', keys: ['spdx', 'osi_classifier', 'declared', 'field', 'server'] },
  'self-hosting': { status: 'documented', keys: ['mark'] },
  maintained: { status: 'measured', keys: ['latest', 'released', 'yanked'] },
  'python-3.12': { status: 'measured', keys: ['ok', 'python', 'failed_step', 'error', 'interpreter', 'seconds'] },
};

/** Text or null, for the fields a fact may leave empty. */
function textOrNull(c: Check, v: unknown, path: string): string | null | undefined {
  return v === null ? null : c.text(v, path, 500);
}

/** The facts of a record: each an object with a status, and the data that status carries. */
function readFacts(c: Check, v: unknown, path: string, ok: boolean): Facts {
  const out: Record<string, unknown> = {};
  const entries = c.entries(v, path, FACT_ITEMS, 'one of the facts');
  if (!entries) return {};
  for (const [name, x] of entries) {
    const item = name as FactItem;
    const p = pathOf(path, item);
    const shape = FACT_SHAPES[item];
    const fields = c.object(x, p, ['status', 'why', ...shape.keys], 'an object with a "status"');
    if (!fields) continue;
    const status = c.oneOf(c.required(fields, p, 'status', `"${shape.status}" or "not-measured"`), pathOf(p, 'status'), [
      shape.status,
      'not-measured',
    ]);
    const field = (key: string, what: string) => c.required(fields, p, key, what);
    if (status === 'not-measured') {
      const why = c.text(field('why', 'why it was not measured'), pathOf(p, 'why'));
      const server = item === 'licence' && fields.has('server') ? c.text(fields.get('server'), pathOf(p, 'server'), 100) : undefined;
      if (why !== undefined) out[item] = { status, why, ...(server === undefined ? {} : { server }) };
      continue;
    }
    if (status === undefined) continue;
    switch (item) {
      case 'licence': {
        const spdx = textOrNull(c, field('spdx', 'an SPDX expression or null'), pathOf(p, 'spdx'));
        const osi = field('osi_classifier', 'true or false');
        if (typeof osi !== 'boolean') c.fail(pathOf(p, 'osi_classifier'), `must be true or false, not ${found(osi)}.`);
        const declared = textOrNull(c, field('declared', 'what the metadata says, or null'), pathOf(p, 'declared'));
        const where = textOrNull(c, field('field', 'the metadata field, or null'), pathOf(p, 'field'));
        const server = c.text(field('server', '"none", "proprietary" or an SPDX expression'), pathOf(p, 'server'), 100);
        if (spdx !== undefined && typeof osi === 'boolean' && declared !== undefined && where !== undefined && server !== undefined)
          out[item] = { status, spdx, osiClassifier: osi, declared, field: where, server };
        break;
      }
      case 'self-hosting': {
        const mark = c.oneOf<Mark>(field('mark', '"+", "(+)" or "-"'), pathOf(p, 'mark'), MARKS);
        if (mark !== undefined) out[item] = { status, mark };
        break;
      }
      case 'maintained': {
        const latest = c.text(field('latest', 'the latest version'), pathOf(p, 'latest'), 100);
        const released = c.date(field('released', 'when it was uploaded'), pathOf(p, 'released'));
        const yanked = fields.get('yanked') ?? false;
        if (typeof yanked !== 'boolean') c.fail(pathOf(p, 'yanked'), `must be true or false, not ${found(yanked)}.`);
        if (latest !== undefined && released !== undefined) out[item] = { status, latest, released, yanked: yanked === true };
        break;
      }
      case 'python-3.12': {
        const passed = field('ok', 'true or false');
        if (typeof passed !== 'boolean') c.fail(pathOf(p, 'ok'), `must be true or false, not ${found(passed)}.`);
        const python = textOrNull(c, field('python', 'the version, or null'), pathOf(p, 'python'));
        const failedStep = textOrNull(c, field('failed_step', 'the step that failed, or null'), pathOf(p, 'failed_step'));
        const error = c.optional(fields, 'error', p, (e, q) => c.output(e, q, MAX_ERROR));
        if (typeof passed === 'boolean' && python !== undefined && failedStep !== undefined)
          out[item] = { status, ok: passed, python, failedStep, ...(error === undefined ? {} : { error }) };
        break;
      }
    }
  }
  const missing = FACT_ITEMS.filter((i) => !entries.some(([k]) => k === i));
  if (ok && missing.length > 0)
    c.fail(path, `has no ${missing.join(', ')}; give each fact, "not-measured" with "why" where it could not be established.`);
  return out as Facts;
}

/**
 * A field that says which measurement a record is (component, machine, task, size): needed on an
 * ok record; a failed or unsupported record without it covers them all.
 */
function keyField<T>(
  c: Check,
  f: Map<string, unknown>,
  path: string,
  key: string,
  ok: boolean,
  read: (v: unknown, p: string) => T | undefined,
): T | undefined {
  if (!f.has(key)) {
    if (ok) c.fail(path, `has no "${key}".`);
    return undefined;
  }
  return read(f.get(key), pathOf(path, key));
}

function readMarks(c: Check, f: Map<string, unknown>, path: string, experiment: MarkExperiment, ok: boolean): Map<string, Mark> {
  const out = new Map<string, Mark>();
  if (!ok && !f.has('items')) return out;
  const names: readonly string[] = ITEMS[experiment];
  const entries = c.entries(
    c.required(f, path, 'items', `a mark for each of ${names.join(', ')}`),
    pathOf(path, 'items'),
    names,
    `one of the items of ${experiment}`,
  );
  if (!entries) return out;
  for (const [item, v] of entries) {
    const mark = c.oneOf<Mark>(v, pathOf(pathOf(path, 'items'), item), MARKS);
    if (mark) out.set(item, mark);
  }
  const missing = names.filter((n) => !entries.some(([k]) => k === n));
  if (ok && missing.length > 0) c.fail(pathOf(path, 'items'), `has no mark for ${missing.join(', ')}.`);
  return out;
}

function readSources(c: Check, f: Map<string, unknown>, path: string, names: readonly string[]): Map<string, Source> {
  const out = new Map<string, Source>();
  if (!f.has('sources')) return out;
  for (const [item, v] of c.entries(f.get('sources'), pathOf(path, 'sources'), names, 'one of the items') ?? []) {
    const p = pathOf(pathOf(path, 'sources'), item);
    const s = c.object(v, p, ['url', 'checked']);
    if (!s) continue;
    const url = c.text(c.required(s, p, 'url', 'where the fact is stated'), pathOf(p, 'url'), 500);
    const checked = c.date(c.required(s, p, 'checked', 'when it was checked'), pathOf(p, 'checked'));
    if (url && checked) out.set(item, { url, checked });
  }
  return out;
}

function readSamples<T>(
  c: Check,
  f: Map<string, unknown>,
  path: string,
  ok: boolean,
  read: (v: unknown, p: string) => T | undefined,
): T[] | undefined {
  const has = f.has('samples');
  if (ok && has === f.has('summary')) {
    c.fail(path, has ? 'has both "samples" and "summary"; give one.' : 'has neither "samples" nor "summary".');
  }
  if (!has) return undefined;
  const p = pathOf(path, 'samples');
  const list = c.list(f.get('samples'), p, MAX_SAMPLES, 'measurements');
  if (!list) return undefined;
  const out: T[] = [];
  list.forEach((x, i) => {
    const v = read(x, pathOf(p, i));
    if (v !== undefined) out.push(v);
  });
  if (ok && list.length === 0) c.fail(p, 'is empty; an ok record has at least one finished repetition.');
  return out.length === list.length ? out : undefined;
}

function readSummary(c: Check, f: Map<string, unknown>, path: string, keys: readonly string[]): Record<string, number> | undefined {
  if (!f.has('summary')) return undefined;
  const p = pathOf(path, 'summary');
  const s = c.object(f.get('summary'), p, keys, `an object with ${keys.map((k) => `"${k}"`).join(' and ')}`);
  if (!s) return undefined;
  const out: Record<string, number> = {};
  for (const k of keys) {
    const v = c.number(c.required(s, p, k, 'a number'), pathOf(p, k), k === 'increment' ? {} : { min: 0 });
    if (v === undefined) return undefined;
    out[k] = v;
  }
  return out;
}

function readFailures(c: Check, v: unknown, path: string): { repetition: number; error: string }[] {
  if (v === undefined) return [];
  const out: { repetition: number; error: string }[] = [];
  (c.list(v, path, MAX_SAMPLES, 'failed repetitions') ?? []).forEach((x, i) => {
    const p = pathOf(path, i);
    const f = c.object(x, p, ['repetition', 'error']);
    if (!f) return;
    const repetition = c.number(c.required(f, p, 'repetition', 'which one, from 1'), pathOf(p, 'repetition'), { min: 1, integer: true });
    const error = c.output(c.required(f, p, 'error', 'what went wrong'), pathOf(p, 'error'), MAX_ERROR);
    if (repetition !== undefined && error !== undefined) out.push({ repetition, error });
  });
  return out;
}

/** Samples plus failed repetitions must account for every repetition attempted. */
function checkCounts(
  c: Check,
  path: string,
  samples: readonly unknown[] | undefined,
  failures: readonly unknown[],
  repetitions: number | null | undefined,
): void {
  if (samples === undefined) return;
  if (repetitions === undefined || repetitions === null) {
    c.fail(path, 'has "samples" but no "repetitions" (how many were attempted).');
    return;
  }
  if (samples.length + failures.length !== repetitions) {
    c.fail(
      pathOf(path, 'samples'),
      `holds ${samples.length} values and "failures" ${failures.length}, but "repetitions" is ${repetitions}; every repetition is either a sample or a failure.`,
    );
  }
}
