/**
 * The raw measurement format of docs/measurements.md as types and constants: what the probes
 * write and the scorer reads. parse.ts checks a file against it.
 */

export const FORMAT = 'reprotree-measurements/1';

export const EXPERIMENTS = [
  'auto-logging',
  'runtime',
  'memory',
  'lines',
  'sklearn',
  'log-size',
  'keras',
  'memory-from-data',
  'collaboration',
  'facts',
] as const;
export type Experiment = (typeof EXPERIMENTS)[number];

/** The three parts of a run the study timed (2.2). */
export const COMPONENTS = ['init', 'params', 'autolog'] as const;
export type Component = (typeof COMPONENTS)[number];

export const MARKS = ['+', '(+)', '-'] as const;
export type Mark = (typeof MARKS)[number];

/** The items each mark-based experiment checks, in the order of the study's tables. */
export const ITEMS = {
  'auto-logging': ['run-metadata', 'estimator-defaults', 'train-metrics', 'test-metrics', 'sklearn-version'],
  sklearn: ['system', 'code', 'estimator-params', 'other-params', 'metrics', 'data', 'data-path', 'environment', 'plot', 'model'],
  keras: ['model-params', 'metrics', 'model-summary', 'model'],
  collaboration: ['local-storage', 'cloud', 'local-server', 'self-hosted', 'databricks', 'hosted-api'],
} as const;
export type MarkExperiment = keyof typeof ITEMS;

/** The `**` items of the study's Table 5: they do not depend on the library, so they count for Keras too. */
export const SHARED_ITEMS = ['system', 'code', 'other-params', 'data-path', 'environment'] as const;

export const FACT_ITEMS = ['licence', 'self-hosting', 'maintained', 'python-3.12'] as const;
export type FactItem = (typeof FACT_ITEMS)[number];

/** The scored criteria, in the order of the study's Table 11, with each one's range. */
export const CRITERIA = [
  { id: 'auto-logging', max: 5 },
  { id: 'runtime', max: 3 },
  { id: 'memory', max: 1.5 },
  { id: 'lines', max: 3 },
  { id: 'sklearn', max: 10 },
  { id: 'log-size', max: 1 },
  { id: 'keras', max: 9 },
  { id: 'memory-from-data', max: 1 },
  { id: 'collaboration', max: 6 },
  // The 2026 facts, which the study has no numbers for: scored only where a file has facts records.
  { id: 'open-source', max: 1 },
  { id: 'self-hosting', max: 1 },
  { id: 'maintained', max: 1 },
  { id: 'python-312', max: 1 },
] as const;
/** The criteria scored from `facts` records; a measurement without any (the study's) has none of them. */
export const FACT_CRITERIA = ['open-source', 'self-hosting', 'maintained', 'python-312'] as const;
export type CriterionId = (typeof CRITERIA)[number]['id'];

/**
 * Ids become framework ids of a criteria file, so they follow its rules, and start with a letter:
 * JSON objects are read in key order, except that keys like "123" move to the front.
 */
export const ID = /^[a-z][a-z0-9-]{0,39}$/;
/** Machine ids are free-er: host names, with letters in either case, dots and underscores. */
export const MACHINE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** An ISO 8601 date, or date and time. */
export const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** C0 and C1 control characters other than tab, line feed and carriage return. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose.
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** A criteria file handles at most this many frameworks (src/cart's limit). */
export const MAX_TRACKERS = 30;
export const MAX_RECORDS = 20_000;
export const MAX_SAMPLES = 100_000;
/** The probe's output is cut to this many bytes of UTF-8, each of stdout and stderr. */
export const MAX_OUTPUT_BYTES = 65_536;
export const MAX_TEXT = 4_000;
export const MAX_ERROR = 65_536;

export type TrackerStatus = 'ok' | 'install-failed' | 'import-failed';
export type RecordStatus = 'ok' | 'failed' | 'unsupported';

export interface Tracker {
  readonly id: string;
  readonly name: string;
  readonly fullName?: string;
  readonly url?: string;
  /** null when the source does not say. */
  readonly version: string | null;
  readonly status: TrackerStatus;
  readonly error?: string;
}

export interface Environment {
  readonly python?: string;
  readonly platform?: string;
  readonly cpu?: string;
  readonly cores?: number;
  readonly memoryBytes?: number;
  readonly machine?: string;
  readonly date?: string;
  readonly pipFreeze?: readonly string[];
  readonly requirements?: string;
  readonly installSeconds?: number;
  readonly installBytes?: number;
}

export interface Substitution {
  readonly experiment: string;
  readonly study: string;
  readonly here: string;
  readonly why: string;
}

/** A published score kept where it differs from what the stated rule gives. */
export interface Override {
  readonly criterion: CriterionId;
  readonly scores: ReadonlyMap<string, number>;
  readonly why: string;
  readonly where: string;
}

export interface Source {
  readonly url: string;
  readonly checked: string;
}

interface RecordBase {
  readonly tracker: string;
  readonly status: RecordStatus;
  readonly error?: string;
  readonly why?: string;
  /** Repetitions attempted; `samples` holds the finished ones, `failures` the others. */
  readonly repetitions?: number | null;
  readonly failures: readonly { readonly repetition: number; readonly error: string }[];
  readonly stdout?: string;
  readonly stderr?: string;
  readonly started?: string;
  readonly finished?: string;
  /** Study only: the table cell as printed. */
  readonly published?: string;
  /** "FILE records[3]", for messages. */
  readonly where: string;
}

export interface MarksRecord extends RecordBase {
  readonly experiment: MarkExperiment;
  /** auto-logging: the task (e.g. `svc-iris`). */
  readonly task?: string;
  /** Every item of ITEMS[experiment] for an ok record; empty otherwise. */
  readonly items: ReadonlyMap<string, Mark>;
  /** Study only: how the study describes a mark. */
  readonly notes: ReadonlyMap<string, string>;
  readonly snippets: ReadonlyMap<string, string>;
  readonly sources: ReadonlyMap<string, Source>;
  readonly readback?: unknown;
  readonly server?: unknown;
}

export interface RuntimeRecord extends RecordBase {
  readonly experiment: 'runtime';
  readonly component?: Component;
  readonly machine?: string;
  /** Wall times in seconds. */
  readonly samples?: readonly number[];
  readonly summary?: { readonly mean: number; readonly sd: number };
}

export interface MemoryRecord extends RecordBase {
  readonly experiment: 'memory' | 'memory-from-data';
  readonly component?: Component;
  readonly machine?: string;
  /** memory-from-data: the number of training examples. */
  readonly size?: number;
  /** MiB. */
  readonly samples?: readonly { readonly peak: number; readonly increment: number }[];
  readonly summary?: { readonly peak: number; readonly increment: number };
}

export interface LinesRecord extends RecordBase {
  readonly experiment: 'lines';
  readonly component?: Component;
  readonly added?: number;
  readonly script?: string;
  readonly baseline?: string;
  /** Study only, e.g. "(0)". */
  readonly note?: string;
}

export interface LogSizeRecord extends RecordBase {
  readonly experiment: 'log-size';
  readonly machine?: string;
  /** Bytes. */
  readonly samples?: readonly number[];
  readonly summary?: { readonly size: number };
}

/** A fact the probe could not establish (no interpreter given, PyPI out of reach): never guessed. */
export interface NotMeasured {
  readonly status: 'not-measured';
  readonly why: string;
}

/** The installed distribution's licence (measured) and its server's (documented). */
export interface LicenceFact {
  readonly status: 'measured';
  /** An SPDX expression, where the metadata names the licence exactly. */
  readonly spdx: string | null;
  /** Whether the metadata carries a "License :: OSI Approved" classifier. */
  readonly osiClassifier: boolean;
  /** What the metadata says, and in which field. */
  readonly declared: string | null;
  readonly field: string | null;
  /** The server or hosted service the tracker is used with: "none", "proprietary" or an SPDX expression. */
  readonly server: string;
}

export interface SelfHostingFact {
  readonly status: 'documented';
  readonly mark: Mark;
}

export interface MaintainedFact {
  readonly status: 'measured';
  /** The latest version PyPI lists, and when its first file was uploaded (ISO 8601). */
  readonly latest: string;
  readonly released: string;
  readonly yanked: boolean;
}

export interface Python312Fact {
  readonly status: 'measured';
  /** Installed, imported and ran its init script (a run started and ended) on Python 3.12. */
  readonly ok: boolean;
  readonly python: string | null;
  /** venv, install, import or init: the step that failed. */
  readonly failedStep: string | null;
  readonly error?: string;
}

export interface Facts {
  readonly licence?: LicenceFact | (NotMeasured & { readonly server?: string });
  readonly 'self-hosting'?: SelfHostingFact | NotMeasured;
  readonly maintained?: MaintainedFact | NotMeasured;
  readonly 'python-3.12'?: Python312Fact | NotMeasured;
}

export interface FactsRecord extends RecordBase {
  readonly experiment: 'facts';
  readonly facts: Facts;
  readonly sources: ReadonlyMap<string, Source>;
  readonly notes: ReadonlyMap<string, string>;
  readonly measured?: unknown;
}

export type MeasurementRecord = MarksRecord | RuntimeRecord | MemoryRecord | LinesRecord | LogSizeRecord | FactsRecord;

export interface MeasurementSet {
  /** The files read, in order. */
  readonly files: readonly string[];
  readonly dataSet: string;
  readonly title?: string;
  readonly source?: string;
  /** When the source was published (the study) or, for a measurement, left to the environments. */
  readonly date?: string;
  /** In display order. */
  readonly trackers: readonly Tracker[];
  readonly environments: ReadonlyMap<string, Environment>;
  readonly machines: ReadonlyMap<string, string>;
  readonly substitutions: readonly Substitution[];
  readonly overrides: readonly Override[];
  readonly records: readonly MeasurementRecord[];
}
