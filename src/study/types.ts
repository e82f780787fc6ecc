/** The study as the program uses it: validated, typed, and in the file's order. */

export interface Framework {
  /** Lowercase letters, digits and '-'; unique. */
  readonly id: string;
  /** Display name, e.g. "W&B". */
  readonly name: string;
  readonly fullName?: string;
  readonly url?: string;
  readonly summary?: string;
}

export interface Criterion {
  readonly id: string;
  readonly name: string;
  /** The yes/no question put to the user (generated from the name when the file has none). */
  readonly question: string;
  /** What the criterion measures, in a sentence or two. */
  readonly help?: string;
  /** scores[f] for framework f in the study's framework order. */
  readonly scores: readonly number[];
  /** evidence[f]: why framework f got its score, where the file says. */
  readonly evidence: readonly (string | undefined)[];
}

/** A named fit: which criteria (in feature order) and how deep. */
export interface TreeSpec {
  readonly name: string;
  /** Indices into Study.criteria, in the order they become features. */
  readonly criteria: readonly number[];
  /** Depth limit, or Infinity for none. */
  readonly maxDepth: number;
  readonly description?: string;
}

/**
 * Where a criteria file's scores come from (its optional `data:` section): a published table, or
 * a measurement with its date, machine and tracker versions. Every result shows it.
 */
export interface DataProvenance {
  /** A short id for the data set, e.g. study-2021. */
  readonly name: string;
  readonly title?: string;
  /** Where the scores come from, in a line: a publication's table, or how they were measured. */
  readonly source?: string;
  /** The day the numbers were measured (YYYY-MM-DD); for a publication, its date. */
  readonly measuredOn?: string;
  readonly machine?: string;
  readonly python?: string;
  /** versions[f]: framework f's version as measured; null where the data does not say. */
  readonly versions: readonly (string | null)[];
  /** How many times each timed or sampled experiment was repeated, in the file's order. */
  readonly repetitions: readonly { readonly experiment: string; readonly count: number }[];
  /** The raw measurements the scores were derived from: a path in reprotree's repository. */
  readonly raw?: string;
}

export interface Study {
  /** Where the study was read from, for messages. */
  readonly file: string;
  /**
   * The bundled data set this study was loaded as (`--data NAME`, or the default); undefined for
   * a file the user named, whatever its `data:` section says: that file may have been edited.
   */
  readonly dataSet?: string;
  readonly title?: string;
  readonly source?: string;
  readonly data?: DataProvenance;
  readonly frameworks: readonly Framework[];
  readonly criteria: readonly Criterion[];
  readonly trees: readonly TreeSpec[];
  readonly defaultTree: string;
  readonly randomState: number;
}

/**
 * Where a study's criteria come from, for messages: a bundled data set by its name (its file sits
 * wherever reprotree is installed, which means nothing to a user), else the file the user named.
 */
export function studySource(study: Pick<Study, 'dataSet' | 'file'>): string {
  return study.dataSet !== undefined ? `the ${study.dataSet} data set` : study.file;
}
