/**
 * A tracker's measurement file (`<out>/<tracker>.json`) from what its journal keeps and what this
 * run found: the tracker as the probes described it, or its install or import failure.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { componentRecords, failedRecords, measurementFile } from './assemble.js';
import type { Json, Placed, Sample } from './assemble.js';
import type { Journal } from './journal.js';
import { SAMPLED_GROUP } from './plan.js';
import type { ProbeList } from './plan.js';

/** A tracker during a run. */
export interface TrackerState {
  readonly id: string;
  /** Its `trackers` entry, as the probes gave it, or one saying it did not install or import. */
  entry: Json;
  environment: Json | undefined;
  journal: Journal | undefined;
  /** The Python of its environment. */
  python: string;
  /** Its working store for this output folder. */
  readonly work: string;
  /** Set when it did not install or import: every experiment is then a failed record. */
  failure: string | undefined;
  /** Groups whose probe broke: shown in this run's file, not journaled, so tried again next run. */
  readonly broken: Map<string, Json>;
}

/**
 * The file: every group this run asked for, and every group kept from earlier runs into the same
 * folder (a run with --only adds to the file, it does not shrink it), in the probes' order. The
 * samples are those of the repetitions asked for, or all kept ones when this run took none.
 */
export function trackerFile(t: TrackerState, groups: readonly string[], list: ProbeList, reps: number): Json {
  const records: Json[] = [];
  const substitutions: Json[] = [];
  const started = new Date().toISOString();
  const journal = t.journal;
  const kept = (group: string) =>
    group === SAMPLED_GROUP ? journal?.entries.some((e) => e.kind === 'sample') : journal?.group(group, '') !== undefined;
  for (const group of Object.keys(list.experiments)) {
    if (!groups.includes(group) && !kept(group)) continue;
    const experiments = list.experiments[group]!;
    if (t.failure !== undefined || journal === undefined) {
      records.push(...failedRecords(t.id, experiments, t.failure ?? 'not measured', started));
      continue;
    }
    if (group === SAMPLED_GROUP) {
      const machine = t.environment?.machine as string | undefined;
      const last = groups.includes(SAMPLED_GROUP) ? reps : Math.max(...journal.entries.map((e) => (e.kind === 'sample' ? e.repetition : 0)));
      for (const component of list.components) {
        const placed: Placed[] = [];
        for (let r = 1; r <= last; r++) {
          const e = journal.sample(component, r);
          if (e) placed.push({ repetition: r, position: e.position, of: e.of, seed: e.seed, sample: e.sample as Sample });
        }
        if (placed.length > 0) records.push(...componentRecords(t.id, component, placed, machine));
      }
      continue;
    }
    const result = (journal.group(group, '') ?? t.broken.get(group)) as { records?: Json[]; substitutions?: Json[] } | undefined;
    records.push(...(result?.records ?? []));
    substitutions.push(...(result?.substitutions ?? []));
  }
  return measurementFile(t.id, t.entry, t.environment, records, substitutions);
}

/** Written beside and renamed: a reader never sees half a file. The temporary name is not *.json. */
export function writeAtomically(file: string, text: string): void {
  const part = `${file}.part`;
  writeFileSync(part, text);
  renameSync(part, file);
}
