/**
 * What each command is asked to do, already typed and checked: cli/ resolves the command line
 * into one of these records, and the commands never see a flag.
 */
import type { WalkOptions } from '../questionnaire/front-end.js';

/** Formats of the reports (advice and scores); the first is the default. */
export const REPORT_FORMATS = ['text', 'json', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Formats of `tree`; the first is the default. */
export const TREE_FORMATS = ['text', 'mermaid', 'dot', 'svg', 'export-text', 'json'] as const;
export type TreeFormat = (typeof TREE_FORMATS)[number];

export interface StudyOptions {
  /** The criteria file the user named; undefined for the bundled one. */
  readonly criteria: string | undefined;
}

/** --accessible or ACCESSIBLE=1: text for screen readers (words for marks, no bars or box drawing). */
export interface Accessible {
  readonly accessible: boolean;
}

/** Comma-separated criteria ids as given; checked against the study once it is loaded. */
export interface AnswerLists {
  readonly important: string | undefined;
  readonly notImportant: string | undefined;
}

/** `accessible`: plain numbered questions read line by line instead of the Ink screens. */
export interface AskOptions extends StudyOptions, WalkOptions, Accessible {}

export interface RecommendOptions extends StudyOptions, Accessible {
  readonly tree: string | undefined;
  readonly format: ReportFormat;
  readonly answers: AnswerLists;
}

export interface TreeOptions extends StudyOptions, Accessible {
  readonly tree: string | undefined;
  readonly format: TreeFormat;
  /** Answers to mark the path of; both lists undefined when none were given. */
  readonly answers: AnswerLists;
  /** Depth limit instead of the tree's (Infinity for none). */
  readonly maxDepth: number | undefined;
  /** Seed instead of the file's random_state. */
  readonly randomState: number | undefined;
}

export interface ScoresOptions extends StudyOptions, Accessible {
  readonly format: ReportFormat;
}

export interface ValidateOptions {
  /** The file to check; undefined for the bundled one. */
  readonly file: string | undefined;
}
