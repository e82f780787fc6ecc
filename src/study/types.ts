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

export interface Study {
  /** Where the study was read from, for messages. */
  readonly file: string;
  readonly title?: string;
  readonly source?: string;
  readonly frameworks: readonly Framework[];
  readonly criteria: readonly Criterion[];
  readonly trees: readonly TreeSpec[];
  readonly defaultTree: string;
  readonly randomState: number;
}
