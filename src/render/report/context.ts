/**
 * What every section of the report needs, computed once from the measurements: the records
 * indexed as the rules index them, the scored table, and names for machines and criteria.
 */
import type { CriterionId, MeasurementSet, Tracker } from '../../measure/format.js';
import type { Data } from '../../measure/records.js';
import type { CriterionResult, ScoredTable } from '../../measure/rules.js';
import type { Snippet } from '../../measure/snippets.js';
import { approx, plain } from '../../measure/words.js';

export interface ReportInput {
  readonly set: MeasurementSet;
  /** The files read, named as the reader of the page should see them. */
  readonly files: readonly string[];
  /** The text of every snippet file the records name, by the path they give. */
  readonly snippets: ReadonlyMap<string, Snippet>;
  /** When the page was made (a date), for its footer. */
  readonly generated: string;
}

export interface Context {
  readonly input: ReportInput;
  readonly set: MeasurementSet;
  readonly data: Data;
  readonly table: ScoredTable;
  readonly trackers: readonly Tracker[];
}

export function criterion(ctx: Context, id: CriterionId): CriterionResult {
  return ctx.table.criteria.find((c) => c.id === id)!;
}

/** "the MacBook", "machine 0035969ec53f (AMD EPYC, 2 cores)". */
export function machineName(ctx: Context, id: string): string {
  const label = ctx.set.machines.get(id);
  if (label !== undefined) return `the ${label}`;
  const env = [...ctx.set.environments.values()].find((e) => e.machine === id);
  const about = [env?.cpu, env?.cores === undefined ? undefined : `${env.cores} cores`].filter(Boolean).join(', ');
  return `machine ${id}${about ? ` (${about})` : ''}`;
}

/** "on the MacBook". */
export function onMachine(ctx: Context, id: string): string {
  return `on ${machineName(ctx, id)}`;
}

/** "1 point", "0.5 points", "0 points". */
export function pointsText(x: number): string {
  const n = plain(x);
  return `${n} point${n === '1' ? '' : 's'}`;
}

/** Whether a value came from the tracker's samples: medians are measured, summaries published. */
export function hasSamples(records: readonly { readonly samples?: readonly unknown[] }[]): boolean {
  return records.some((r) => r.samples !== undefined);
}

/** MiB to three figures: "221 MiB", "70.0 MiB". */
export function mibText(x: number): string {
  return `${approx(x)} MiB`;
}

/** First letter up: "Initialisation". */
export function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** An ISO 8601 time in UTC as people read it: "2026-11-27 04:15 UTC"; a date or another zone as it is. */
export function when(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}
