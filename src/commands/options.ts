/**
 * What each command is asked to do, already typed and checked: cli/ resolves the command line
 * into one of these records, and the commands never see a flag.
 */
import type { DataSetName } from '../paths.js';
import type { StartMode } from '../questionnaire/session.js';

/** Formats of the reports (advice and scores); the first is the default. */
export const REPORT_FORMATS = ['text', 'json', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Formats of `scores`: the reports', and the criteria file itself. */
export const SCORES_FORMATS = [...REPORT_FORMATS, 'yaml'] as const;
export type ScoresFormat = (typeof SCORES_FORMATS)[number];

/** The file `init` writes when none is named. */
export const INIT_FILE = 'reprotree-criteria.yaml';

/** Formats of `tree`; the first is the default. */
export const TREE_FORMATS = ['text', 'mermaid', 'dot', 'svg', 'export-text', 'json'] as const;
export type TreeFormat = (typeof TREE_FORMATS)[number];

/** Where the scores come from: a criteria file the user named, or a bundled data set (at most one). */
export interface StudyOptions {
  /** The criteria file the user named (--criteria); undefined for a bundled data set. */
  readonly criteria: string | undefined;
  /** The bundled data set named with --data; undefined for the default (or a named file). */
  readonly data: DataSetName | undefined;
}

/** --accessible or ACCESSIBLE=1: text for screen readers (words for marks, no bars or box drawing). */
export interface Accessible {
  readonly accessible: boolean;
}

/**
 * Where answers come from, as given: comma-separated criteria ids and an answers file, checked
 * against the study once it is loaded. The lists win over the file for the ids they name.
 */
export interface AnswerSources {
  readonly important: string | undefined;
  readonly notImportant: string | undefined;
  /** An answers file (JSON or YAML), or `-` for standard input. */
  readonly file: string | undefined;
}

export interface AskOptions extends StudyOptions, Accessible {
  readonly tree: string | undefined;
  readonly start: StartMode;
  /** Answers given before the walk: their questions are not asked. */
  readonly answers: AnswerSources;
  /** Where to save the answers at the end, if anywhere. */
  readonly saveAnswers: string | undefined;
  /** How many answers that would change the best the result shows. */
  readonly alternatives: number;
}

export interface RecommendOptions extends StudyOptions, Accessible {
  readonly tree: string | undefined;
  readonly format: ReportFormat;
  readonly answers: AnswerSources;
  /** How many answers that would change the best the advice shows (JSON: lists). */
  readonly alternatives: number;
}

export interface TreeOptions extends StudyOptions, Accessible {
  readonly tree: string | undefined;
  readonly format: TreeFormat;
  /** Answers to mark the path of; all undefined when none were given. */
  readonly answers: AnswerSources;
  /** Depth limit instead of the tree's (Infinity for none). */
  readonly maxDepth: number | undefined;
  /** Seed instead of the file's random_state. */
  readonly randomState: number | undefined;
}

/** `compare`: no --criteria or --data, as it compares the two bundled data sets. */
export interface CompareOptions extends Accessible {
  readonly tree: string | undefined;
  readonly format: ReportFormat;
  readonly answers: AnswerSources;
}

export interface ScoresOptions extends StudyOptions, Accessible {
  readonly format: ScoresFormat;
}

export interface InitOptions {
  /** The bundled data set to start from; undefined for the default. */
  readonly data: DataSetName | undefined;
  /** Where to write the criteria file; `-` for standard output. */
  readonly file: string;
  /** Overwrite the file if it exists. */
  readonly force: boolean;
}

export interface ValidateOptions {
  /** The files to check, in order (`-`: standard input); none for the bundled one. */
  readonly files: readonly string[];
  /** A bundled data set to check as well (--data). */
  readonly data: DataSetName | undefined;
}

export interface ReportOptions {
  /** A bundled data set's name, or a measurement file or directory; undefined for the study's. */
  readonly data: string | undefined;
}
/** `reprotree measure`'s output folder when --out is not given, and its repetitions. */
export const MEASURE_OUT = 'reprotree-measurements';
export const MEASURE_REPS = 30;

/** Either a run of the probes, or the scoring of measurements already made (no Python). */
export type MeasureOptions =
  | {
      readonly mode: 'rescore';
      /** A measurement file, or a folder of them. */
      readonly path: string;
    }
  | {
      readonly mode: 'run';
      /** As given (comma-separated); checked against what the probes list. */
      readonly trackers: string | undefined;
      readonly only: string | undefined;
      readonly reps: number;
      readonly keras: boolean;
      readonly out: string;
      readonly workdir: string;
      readonly fresh: boolean;
      /** An interpreter named with --python; else REPROTREE_PYTHON or PATH decide. */
      readonly python: string | undefined;
      /** An interpreter named with --python312; else REPROTREE_PYTHON312 or python3.12 on PATH. */
      readonly python312: string | undefined;
    };
