/**
 * The records of a measurement set, indexed for the scoring rules: the ok record behind a score,
 * or in words why there is none (the tracker did not install, the record failed or is
 * unsupported, or nothing was measured there).
 */
import type { Component, MeasurementRecord, MeasurementSet, Tracker } from './format.js';
import { oneLine } from './words.js';

/** What one rule gives: per tracker (in the set's order) a score and its evidence. */
export interface RuleResult {
  readonly scores: readonly number[];
  readonly evidence: readonly string[];
  readonly notes: readonly string[];
}

export type Found<R> = { readonly record: R; readonly reason?: undefined } | { readonly record?: undefined; readonly reason: string };

export interface Keys {
  readonly task?: string;
  readonly component?: Component;
  readonly machine?: string;
  readonly size?: number;
}

const KEY_FIELDS = ['task', 'component', 'machine', 'size'] as const;

/** The records of a set, indexed for the rules. */
export class Data {
  readonly trackers: readonly Tracker[];
  private readonly byExperiment = new Map<string, MeasurementRecord[]>();

  constructor(readonly set: MeasurementSet) {
    this.trackers = set.trackers;
    for (const r of set.records) {
      const list = this.byExperiment.get(r.experiment) ?? [];
      list.push(r);
      this.byExperiment.set(r.experiment, list);
    }
  }

  records<R extends MeasurementRecord>(experiment: R['experiment']): R[] {
    return (this.byExperiment.get(experiment) ?? []) as R[];
  }

  machineName(id: string): string {
    const label = this.set.machines.get(id);
    return label === undefined ? id : `the ${label}`;
  }

  /**
   * The values of a key field that some ok record of the experiment has, in first-seen order. A
   * failed record's machine or task adds no place to compare: nobody would be measured there.
   */
  keysOf<K extends keyof Keys>(experiment: MeasurementRecord['experiment'], field: K): NonNullable<Keys[K]>[] {
    const out: NonNullable<Keys[K]>[] = [];
    for (const r of this.records(experiment)) {
      if (r.status !== 'ok') continue;
      const v = (r as Keys)[field];
      if (v !== undefined && !out.includes(v as NonNullable<Keys[K]>)) out.push(v as NonNullable<Keys[K]>);
    }
    return out;
  }

  trackerFailure(t: Tracker): string {
    const how = t.status === 'install-failed' ? 'did not install' : 'did not import';
    return t.error ? `${how} (${oneLine(t.error)})` : how;
  }

  /** The ok record of tracker t for these keys, or why there is none. */
  find<R extends MeasurementRecord>(experiment: R['experiment'], t: Tracker, keys: Keys): Found<R> {
    if (t.status !== 'ok') return { reason: this.trackerFailure(t) };
    const mine = this.records<R>(experiment).filter((r) => r.tracker === t.id);
    const ok = mine.find((r) => r.status === 'ok' && KEY_FIELDS.every((k) => (r as Keys)[k] === keys[k]));
    if (ok) return { record: ok };
    // A failed or unsupported record without a key field covers every value of it.
    const other = mine.find((r) => r.status !== 'ok' && KEY_FIELDS.every((k) => (r as Keys)[k] === undefined || (r as Keys)[k] === keys[k]));
    if (other?.status === 'failed') return { reason: `failed (${oneLine(other.error ?? '')})` };
    if (other?.status === 'unsupported') return { reason: `not supported (${oneLine(other.why ?? '')})` };
    return { reason: 'not measured' };
  }
}
