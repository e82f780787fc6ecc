/**
 * A scored table as a criteria file: the YAML that `reprotree --criteria FILE` reads, in the
 * order and with the ids of the bundled criteria.yaml, evidence citing the raw numbers, and where
 * the numbers come from. Criteria on which every tracker scores the same cannot change any advice
 * and are left out with a comment (so the study's nine rows of Table 11 become seven criteria).
 *
 * Provenance goes into comments at the top for now, and is also returned as data for the caller.
 */
import type { CriterionId, MeasurementSet, Substitution, TrackerStatus } from './format.js';
import type { CriterionResult, ScoredTable } from './rules.js';
import { MAINTAINED_MONTHS } from './fact-rules.js';
import { LOG_SIZE_LIMITS, MEMORY_FROM_DATA_LIMITS, publishedVsRule } from './rules.js';
import { count, listing, plain } from './words.js';

/** Where the scores come from, as data. */
export interface Provenance {
  readonly dataSet: string;
  readonly title?: string;
  readonly source?: string;
  /** The source's date (the study), else the first and last date of the environments measured. */
  readonly date?: string;
  readonly measured?: { readonly first: string; readonly last: string };
  readonly files: readonly string[];
  readonly machines: readonly {
    readonly id: string;
    readonly label: string;
    readonly cpu?: string;
    readonly platform?: string;
    readonly cores?: number;
    readonly memoryBytes?: number;
  }[];
  readonly trackers: readonly {
    readonly id: string;
    readonly name: string;
    readonly version: string | null;
    readonly status: TrackerStatus;
    readonly python?: string;
  }[];
  readonly substitutions: readonly Substitution[];
  readonly overrides: readonly { readonly criterion: CriterionId; readonly why: string }[];
  /** The fewest repetitions of each repeated experiment's ok records, in the file's order. */
  readonly repetitions: readonly { readonly experiment: string; readonly count: number }[];
}

/** The bundled criteria.yaml's order; the two criteria it lacks (they tie in the study) follow. */
export const FILE_ORDER: readonly CriterionId[] = [
  'runtime',
  'auto-logging',
  'lines',
  'collaboration',
  'memory',
  'sklearn',
  'keras',
  'log-size',
  'memory-from-data',
  'open-source',
  'self-hosting',
  'maintained',
  'python-312',
];

/** The questions, as the bundled criteria.yaml asks them, so every data set asks alike. */
const QUESTIONS: Record<CriterionId, string> = {
  runtime: 'Does it matter to you how much time the tracker itself adds to each run?',
  'auto-logging': 'Do you want the tracker to capture run details on its own, without you writing logging calls?',
  lines: 'Do you want to add as few lines as possible to your existing training code?',
  collaboration: 'Will other people need to see, share or work on your runs?',
  memory: "Are you working on a machine where the tracker's own memory use could be a problem?",
  sklearn: 'Do you build scikit-learn models and want everything needed to rerun them stored with each run?',
  keras: 'Do you train Keras neural networks and want the model, its settings and its results kept for each run?',
  'log-size': 'Will you keep so many runs that the disk space each one takes adds up?',
  'memory-from-data': "Do you train on data large enough that the tracker's memory use as data grows could matter?",
  'open-source': 'Do you want a tracker that is open source all the way, with no proprietary server behind it?',
  'self-hosting': 'Do you want to run the whole tracker on machines you control, without paying for a plan or a licence?',
  maintained: 'Does it matter to you that the tracker still gets new releases?',
  'python-312': 'Do you need the tracker to work on Python 3.12 or newer?',
};

export function provenanceOf(set: MeasurementSet): Provenance {
  const envs = [...set.environments.values()];
  // The measurement's span: from the first environment described or record started to the last
  // record finished (the environments alone are described in the first seconds of a run).
  const dates = [...envs.map((e) => e.date), ...set.records.flatMap((r) => [r.started, r.finished])]
    // Checked as ISO 8601 dates when the file was read.
    .filter((d): d is string => d !== undefined)
    .map((d) => new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z'))
    .sort();
  const machineIds = new Set<string>([...set.machines.keys()]);
  for (const r of set.records) if ('machine' in r && r.machine !== undefined) machineIds.add(r.machine);
  return {
    dataSet: set.dataSet,
    title: set.title,
    source: set.source,
    date: set.date,
    measured: dates.length > 0 ? { first: dates[0]!, last: dates[dates.length - 1]! } : undefined,
    files: set.files,
    machines: [...machineIds].map((id) => {
      const env = envs.find((e) => e.machine === id);
      return { id, label: set.machines.get(id) ?? id, cpu: env?.cpu, platform: env?.platform, cores: env?.cores, memoryBytes: env?.memoryBytes };
    }),
    trackers: set.trackers.map((t) => ({ id: t.id, name: t.name, version: t.version, status: t.status, python: set.environments.get(t.id)?.python })),
    substitutions: set.substitutions,
    overrides: set.overrides.map((o) => ({ criterion: o.criterion, why: o.why })),
    repetitions: repetitionsOf(set),
  };
}

/** Per repeated experiment, the fewest repetitions an ok record of it has. */
function repetitionsOf(set: MeasurementSet): { experiment: string; count: number }[] {
  const fewest = new Map<string, number>();
  for (const r of set.records) {
    if (r.status !== 'ok' || !['runtime', 'memory', 'log-size', 'memory-from-data'].includes(r.experiment)) continue;
    if (typeof r.repetitions !== 'number') continue;
    fewest.set(r.experiment, Math.min(fewest.get(r.experiment) ?? Infinity, r.repetitions));
  }
  return [...fewest].map(([experiment, count]) => ({ experiment, count }));
}

/** How the numbers of an experiment were taken, for help texts: "medians of 30 repetitions". */
function howMeasured(set: MeasurementSet, experiment: 'runtime' | 'memory'): string {
  const records = set.records.filter((r) => r.experiment === experiment && r.status === 'ok') as {
    samples?: readonly unknown[];
    repetitions?: number | null;
  }[];
  const reps = [...new Set(records.map((r) => r.repetitions).filter((n): n is number => typeof n === 'number'))].sort((a, b) => a - b);
  const n = reps.length === 0 ? '' : ` of ${reps.length === 1 ? reps[0] : `${reps[0]} to ${reps[reps.length - 1]}`} repetitions`;
  const summaries = records.length > 0 && records.every((r) => !r.samples);
  const what = experiment === 'runtime' ? (summaries ? 'published means' : 'medians') : summaries ? 'published peaks' : 'median peaks';
  return `${what}${n}`;
}

function machineList(set: MeasurementSet, experiment: string): string {
  const ids = [
    ...new Set(set.records.filter((r) => r.experiment === experiment && 'machine' in r && r.machine).map((r) => (r as { machine: string }).machine)),
  ];
  // A labelled machine is "the MacBook"; a host id is "machine 0035969ec53f", not "the 0035969ec53f".
  return ids.length === 0 ? 'no machine' : listing(ids.map((id) => (set.machines.has(id) ? `the ${set.machines.get(id)}` : `machine ${id}`)));
}

function kerasData(set: MeasurementSet): string {
  const sub = set.substitutions.find((s) => s.experiment === 'keras');
  return sub ? `${sub.here}, in place of ${sub.study}` : 'MNIST';
}

/**
 * What a criterion measures and how it is scored, in a sentence or two: the criteria file's help,
 * and the rule the HTML report prints beside each score, so the two cannot drift apart.
 */
export function helpText(id: CriterionId, set: MeasurementSet, overridden: boolean): string {
  switch (id) {
    case 'runtime':
      return `Time the tracker adds to three parts of a tracked scikit-learn run: start and stop a run (import included), log estimator parameters, auto-log an SVM fit; ${howMeasured(set, 'runtime')} on ${machineList(set, 'runtime')}. Per part and machine the fastest tracker gets 1 point and the next 0.5, averaged over machines; trackers a Mann-Whitney test cannot tell apart share a place.`;
    case 'auto-logging':
      return 'What the tracker keeps on its own for a scikit-learn ridge regression and an SVM: run metadata, default estimator parameters, train metrics, test metrics, scikit-learn version. 1 point per item kept by default, 0.5 if a workaround keeps it, 0 if not (5 at most).';
    case 'lines':
      return `Lines added to a scikit-learn script to start a run, log estimator parameters and turn on auto-logging. For each part, the trackers needing the fewest lines get 1 point (3 at most).${overridden ? ' These are the published scores, which the stated rule does not give; see the comment at the top.' : ''}`;
    case 'collaboration':
      return "Six ways of sharing runs: local file storage, a scalable cloud service, a local HTTP tracking server, hosting on your own server, Databricks, an API on the vendor's server. 1 point if included, 0.5 if it needs a paid plan, 0 if absent (6 at most).";
    case 'memory':
      return `Peak memory of the same three run parts, ${howMeasured(set, 'memory')} on ${machineList(set, 'memory')}. Ranked by peak per part and machine; by their mean rank the lightest tracker gets 1.5 points, the next 1 and the third 0.5.`;
    case 'sklearn':
      return 'Ten things worth keeping to rerun a scikit-learn ridge regression: system and hardware, code, estimator and other parameters, metrics, train and test data, data path, environment, a Matplotlib plot, the trained model. 1 point if kept directly, 0.5 with a workaround (10 at most).';
    case 'keras':
      return `A small Keras CNN on ${kerasData(set)}: model settings such as epochs, metrics, model summary, trained model, plus the five library-independent items of the scikit-learn deep dive. 1 point if kept directly, 0.5 with a workaround, 0 if not possible (9 at most).`;
    case 'log-size':
      return `Disk space the tracker's logs of one scikit-learn deep-dive run take, on ${machineList(set, 'log-size')}. 1 point within ${LOG_SIZE_LIMITS[0]}× the smallest on every machine, 0.5 within ${LOG_SIZE_LIMITS[1]}×, else 0.`;
    case 'memory-from-data': {
      const sizes = [
        ...new Set(set.records.filter((r) => r.experiment === 'memory-from-data' && 'size' in r && r.size).map((r) => (r as { size: number }).size)),
      ].sort((a, b) => a - b);
      return `Peak memory while training the Keras CNN on ${listing(sizes.map(count))} examples. 1 point within ${MEMORY_FROM_DATA_LIMITS[0]}× the lowest peak at every size and machine, 0.5 within ${MEMORY_FROM_DATA_LIMITS[1]}×, else 0.`;
    }
    case 'open-source':
      return 'The licence the installed package declares in its metadata, read as an SPDX id, and the licence of the server or hosted service it logs to, from its documentation. 1 point when both are approved by the Open Source Initiative (or any server it has comes in the same package), 0.5 when the package is but its server is proprietary, 0 when the package is not.';
    case 'self-hosting':
      return 'Whether everything the tracker needs can run on machines you control, from its documentation. 1 point without a paid plan or a licence from the vendor, 0.5 only with one, 0 not at all.';
    case 'maintained':
      return `The latest release on PyPI and the day it was uploaded, read from PyPI's JSON API when the trackers were measured. 1 point for a release within ${MAINTAINED_MONTHS} months of that day, else 0; nothing is scored where PyPI could not be asked.`;
    case 'python-312':
      return 'Whether the tracker installs from its pinned requirements on Python 3.12, imports, and starts and ends a run there. 1 point if all of that works, 0 if any step fails.';
  }
}

// ---------------------------------------------------------------------------------------------
// YAML text

/** A double-quoted YAML scalar (JSON's escapes are YAML's too). */
function str(s: string): string {
  return JSON.stringify(s);
}

/** A mapping key or an id: plain when YAML reads it back as that same string, else quoted. */
function key(id: string): string {
  return /^[a-z][a-z0-9-]*$/.test(id) && !/^(true|false|null)$/.test(id) ? id : str(id);
}

/** Comment lines of at most `width` columns, words kept whole. */
function comment(text: string, indent = '', width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (line !== '' && indent.length + 2 + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => `${indent}# ${l}`);
}

function headerComments(p: Provenance, table: ScoredTable, notes: readonly string[]): string[] {
  const out = [
    ...comment(
      'reprotree criteria generated from raw measurements by `reprotree measure --rescore`. Every score is derived by code from the measurements, by the rules in docs/measurements.md. You may copy and edit this file like the bundled criteria.yaml.',
    ),
    '#',
    ...comment(`Data set: ${p.dataSet}${p.title ? ` (${p.title})` : ''}.`),
  ];
  if (p.source) out.push(...comment(`Source: ${p.source}.`));
  if (p.date) out.push(...comment(`Date: ${p.date}.`));
  if (p.measured)
    out.push(...comment(`Measured: ${p.measured.first === p.measured.last ? p.measured.first : `${p.measured.first} to ${p.measured.last}`}.`));
  out.push(...comment(`Read from: ${p.files.join(', ')}.`));
  if (p.machines.length > 0) {
    const machines = p.machines.map((m) => [m.label === m.id ? m.id : `${m.label} (${m.id})`, m.cpu, m.platform].filter(Boolean).join(', '));
    out.push(...comment(`Machines: ${machines.join('; ')}.`));
  }
  const versions = p.trackers.map((t) => {
    const version = t.version === null ? 'version not recorded' : `version ${t.version}`;
    const status = t.status === 'ok' ? '' : `, ${t.status === 'install-failed' ? 'did not install' : 'did not import'}`;
    return `${t.name} ${version}${t.python ? ` on Python ${t.python}` : ''}${status}`;
  });
  out.push(...comment(`Trackers: ${versions.join('; ')}.`));
  for (const s of p.substitutions)
    out.push(...comment(`Substitution in ${s.experiment}: ${s.here} instead of ${s.study}, because ${s.why.replace(/\.$/, '')}.`));
  for (const c of table.criteria) {
    if (c.override) out.push(...comment(`Published scores kept for ${c.id}: ${publishedVsRule(table.trackers, c)}. ${c.override.why}`));
  }
  for (const n of notes) out.push(...comment(`Note: ${n}`));
  out.push('');
  return out;
}

function criterionYaml(c: CriterionResult, ids: readonly string[], set: MeasurementSet): string[] {
  return [
    `  - id: ${key(c.id)}`,
    `    name: ${str(c.name)}`,
    `    question: ${str(QUESTIONS[c.id])}`,
    `    help: ${str(helpText(c.id, set, c.override !== undefined))}`,
    `    scores: {${ids.map((id, i) => `${key(id)}: ${plain(c.scores[i]!)}`).join(', ')}}`,
    '    evidence:',
    ...ids.map((id, i) => `      ${key(id)}: ${str(c.evidence[i]!)}`),
  ];
}

function leftOutComment(c: CriterionResult, names: readonly string[]): string[] {
  return [
    ...comment(`Left out: ${c.id} (${c.name}). Every tracker scores ${plain(c.scores[0]!)}, so it cannot change any advice.`, '  '),
    ...names.flatMap((name, i) => comment(`${name}: ${c.evidence[i]}`, '  ')),
  ];
}

export interface CriteriaFile {
  readonly yamlText: string;
  readonly provenance: Provenance;
  /** The criteria in the file, in file order. */
  readonly kept: readonly CriterionResult[];
  /** Criteria on which every tracker ties, left out. */
  readonly leftOut: readonly CriterionResult[];
}

/** The criteria file for a scored table. The caller checks there are criteria and trackers to compare. */
/** How a criteria file names its data: the data set's name (default: the measurement's), and its raw files as shown. */
export interface CriteriaFileOptions {
  readonly name?: string;
  /** The raw files or folder as the file should name them (default: as they were read). */
  readonly raw?: string;
}

/** "AMD EPYC, 2 cores, 23.5 GiB, Linux-6.18 (machine 0035969ec53f)": what each machine was. */
function machineText(p: Provenance): string | undefined {
  const texts = p.machines.map((m) => {
    const memory = m.memoryBytes === undefined ? undefined : `${(m.memoryBytes / 2 ** 30).toFixed(1)} GiB`;
    const parts = [m.cpu, m.cores === undefined ? undefined : `${m.cores} cores`, memory, m.platform].filter((x): x is string => x !== undefined);
    const named = m.label === m.id ? `machine ${m.id}` : m.label;
    return parts.length > 0 ? `${parts.join(', ')} (${named})` : named;
  });
  return texts.length > 0 ? listing(texts) : undefined;
}

/** The `data:` section: where the scores come from, as the loader reads it and every result shows it. */
function dataSection(p: Provenance, set: MeasurementSet, options: CriteriaFileOptions): string[] {
  const lines = ['data:', `  name: ${key(options.name ?? p.dataSet)}`];
  if (set.title) lines.push(`  title: ${str(set.title)}`);
  lines.push(
    `  source: ${str(p.measured ? "the study's experiments re-run on each tracker by reprotree measure, scored by the rules of docs/measurements.md" : (set.source ?? set.title ?? p.dataSet))}`,
  );
  if (p.measured) lines.push(`  measured_on: ${str(p.measured.last.slice(0, 10))}`);
  const machine = machineText(p);
  if (machine) lines.push(`  machine: ${str(machine)}`);
  const pythons = [...new Set(p.trackers.map((t) => t.python).filter((x): x is string => x !== undefined))];
  if (pythons.length > 0) lines.push(`  python: ${str(pythons.join(', '))}`);
  const versions = p.trackers.filter((t) => t.version !== null);
  if (versions.length > 0) lines.push(`  versions: {${versions.map((t) => `${key(t.id)}: ${str(t.version!)}`).join(', ')}}`);
  if (p.repetitions.length > 0) lines.push(`  repetitions: {${p.repetitions.map((r) => `${key(r.experiment)}: ${r.count}`).join(', ')}}`);
  const raw = options.raw ?? (p.files.length === 1 ? p.files[0] : undefined);
  if (raw) lines.push(`  raw: ${str(raw)}`);
  return lines;
}

export function criteriaFile(
  table: ScoredTable,
  set: MeasurementSet,
  notes: readonly string[] = [],
  options: CriteriaFileOptions = {},
): CriteriaFile {
  // The data set goes by the name it is given (trackers-2026), whatever its raw files call it.
  const provenance = { ...provenanceOf(set), ...(options.name ? { dataSet: options.name } : {}) };
  // The 2026 facts are scored only where the measurement has them.
  const ordered = FILE_ORDER.flatMap((id) => table.criteria.filter((c) => c.id === id));
  const ties = (c: CriterionResult) => c.scores.every((s) => s === c.scores[0]);
  const kept = ordered.filter((c) => !ties(c));
  const leftOut = ordered.filter(ties);
  const ids = table.trackers.map((t) => t.id);
  const names = table.trackers.map((t) => t.name);
  const lines = [...headerComments(provenance, table, notes), `title: ${str('Which experiment tracker fits your project?')}`];
  // Shown as "scored in …" and "Source: …": for a measurement, what was done and when, in words.
  const source = provenance.measured
    ? `reprotree measure's re-run of the study's experiments (${provenance.measured.first.slice(0, 10)})`
    : (set.source ?? set.title);
  if (source) lines.push(`source: ${str(source)}`);
  lines.push(...dataSection(provenance, set, options));
  lines.push('', 'frameworks:');
  for (const t of table.trackers) {
    lines.push(`  - id: ${key(t.id)}`, `    name: ${str(t.name)}`);
    if (t.fullName) lines.push(`    full_name: ${str(t.fullName)}`);
    if (t.url) lines.push(`    url: ${str(t.url)}`);
    if (t.version !== null || t.status !== 'ok') {
      const version = t.version === null ? 'Version not recorded' : `Version ${t.version}`;
      const failed =
        t.status === 'ok'
          ? ''
          : `; it ${t.status === 'install-failed' ? 'did not install' : 'did not import'}, so it is scored as storing nothing and as the slowest and heaviest`;
      lines.push(`    summary: ${str(`${version} as measured in ${provenance.dataSet}${failed}.`)}`);
    }
  }
  lines.push('', 'criteria:');
  kept.forEach((c, i) => {
    if (i > 0) lines.push('');
    lines.push(...criterionYaml(c, ids, set));
  });
  if (leftOut.length > 0) lines.push('');
  for (const c of leftOut) lines.push(...leftOutComment(c, names));
  const n = kept.length;
  lines.push(
    '',
    'trees:',
    '  full:',
    `    description: ${str(`All ${n} criteria, depth unlimited`)}`,
    '  depth-3:',
    `    description: ${str(`All ${n} criteria, at most three questions`)}`,
    '    max_depth: 3',
    'default_tree: full',
    'random_state: 0',
    '',
  );
  return { yamlText: lines.join('\n'), provenance, kept, leftOut };
}
