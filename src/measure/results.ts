/**
 * What a run of `reprotree measure` ends with: the scores of everything in its output folder
 * (the files of this run and of earlier runs into the same folder), and the criteria file when
 * the folder can make one (two trackers or more, not all tied).
 */
import { UserError } from '../errors.js';
import type { CriterionId } from './format.js';
import { readMeasurements } from './read.js';
import { rescore } from './rescore.js';
import type { Rescored } from './rescore.js';
import { scoreAll } from './rules.js';
import type { ScoredTable } from './rules.js';

export interface Results {
  readonly table: ScoredTable;
  /** The criteria something was measured for: scoreAll leaves out those whose experiment did not run. */
  readonly measured: readonly CriterionId[];
  /** The criteria file, or why there is none. */
  readonly criteria: Rescored | { readonly why: string };
  /**
   * What a user should know about the measured criteria: failures, gaps, ties the test could not
   * break, criteria left out. (The criteria file's comments say the same of every criterion; a
   * partial run would otherwise bury these under a note for each criterion it did not measure.)
   */
  readonly notes: readonly string[];
}

/** Throws the reader's MeasurementError when a file in the folder is not a measurement file. */
export function results(folder: string): Results {
  const set = readMeasurements(folder);
  const table = scoreAll(set);
  const measured = table.criteria.map((c) => c.id);
  let criteria: Results['criteria'];
  try {
    criteria = rescore(folder);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    criteria = { why: e.message };
  }
  const chosen = table.criteria;
  const notes = [...table.notes, ...chosen.flatMap((c) => c.notes)];
  for (const c of chosen) {
    if (c.scores.every((s) => s === c.scores[0])) notes.push(`${c.name}: every tracker scores ${c.scores[0]}, so the criteria file leaves it out.`);
  }
  return { table, measured, criteria, notes: [...new Set(notes)] };
}
