/**
 * Raw measurements in, criteria file out: what `reprotree measure --rescore PATH` does, as a
 * library. Reads a measurement file or directory, scores it by the rules and writes the criteria
 * file text, with the scored table, the provenance and every note a user should see.
 */
import { UserError } from '../errors.js';
import { criteriaFile } from './criteria.js';
import type { CriteriaFileOptions, Provenance } from './criteria.js';
import { readMeasurements } from './read.js';
import { publishedVsRule, scoreAll } from './rules.js';
import type { ScoredTable } from './rules.js';
import { plain } from './words.js';

export interface Rescored {
  /** The criteria file: YAML that `reprotree --criteria FILE` reads. */
  readonly yamlText: string;
  /** Every criterion's scores (the rule's and the ones used), evidence and notes. */
  readonly table: ScoredTable;
  readonly provenance: Provenance;
  /** Sentences for the user: failures, missing data, ties, overrides, criteria left out. */
  readonly notes: readonly string[];
}

/**
 * Throws a UserError (one sentence per problem) when the path cannot give a criteria file.
 * `options` name the data set and its raw files in the file's data section.
 */
export function rescore(path: string, options: CriteriaFileOptions = {}): Rescored {
  const set = readMeasurements(path);
  if (set.trackers.length < 2) {
    const only = set.trackers.map((t) => t.name).join('') || 'no tracker';
    throw new UserError(
      `${path} holds measurements of ${only} only; a criteria file compares at least two trackers, so pass a directory with several trackers' files.`,
    );
  }
  const table = scoreAll(set);
  if (table.criteria.length === 0) {
    throw new UserError(
      `${path} holds no measurement of any criterion (no experiment was run), so there is no criteria file to write; run reprotree measure first.`,
    );
  }
  const everyTie = table.criteria.every((c) => c.scores.every((s) => s === c.scores[0]));
  if (everyTie) {
    throw new UserError(
      `Every tracker in ${path} scores the same on every criterion, so there is nothing to choose between and no criteria file to write.`,
    );
  }
  const notes = [...new Set([...table.notes, ...table.criteria.flatMap((c) => c.notes)])];
  const file = criteriaFile(table, set, notes, options);
  for (const c of table.criteria) {
    if (c.override) notes.push(`${c.name}: the published scores are used, not the rule's: ${publishedVsRule(table.trackers, c)}. ${c.override.why}`);
  }
  for (const c of file.leftOut) notes.push(`${c.name} is left out of the criteria file: every tracker scores ${plain(c.scores[0]!)} on it.`);
  return { yamlText: file.yamlText, table, provenance: file.provenance, notes };
}
