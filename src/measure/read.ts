/**
 * Reading what a user passes to `--rescore`: one measurement file, or a directory read as the
 * union of its `*.json` files (a run of `reprotree measure` writes one file per tracker). Sizes
 * are bounded before anything is parsed; every problem is a MeasurementError (a UserError).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeUtf8, readBounded, reason } from '../files.js';
import { MeasurementError } from './check.js';
import { MAX_RECORDS, MAX_TRACKERS } from './format.js';
import { parseMeasurementFile } from './parse.js';
import type { Environment, MeasurementRecord, MeasurementSet, Override, Substitution, Tracker } from './format.js';

/** One file: a per-tracker file with its probe output is a few megabytes at most. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** All files of a directory together. */
export const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
export const MAX_FILES = 200;

/** Reads and checks a measurement file or directory. Throws MeasurementError. */
export function readMeasurements(path: string): MeasurementSet {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (e) {
    throw new MeasurementError([`Cannot read ${path}: ${reason(e)}. Check the path and try again.`]);
  }
  // Through `union` even alone: it finds records told twice and overrides that miss a tracker.
  if (!isDirectory) return union([parseMeasurementFile(readText(path), path)]);

  let names: string[];
  try {
    names = readdirSync(path).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  } catch (e) {
    throw new MeasurementError([`Cannot list ${path}: ${reason(e)}. Check the path and its permissions.`]);
  }
  // Byte order, not locale order: the same files give the same union everywhere.
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length === 0)
    throw new MeasurementError([`${path} holds no .json files; pass a measurement file or a directory that \`reprotree measure\` wrote.`]);
  if (names.length > MAX_FILES)
    throw new MeasurementError([
      `${path} holds ${names.length} .json files, more than the ${MAX_FILES} a measurement directory may have; is it the right directory?`,
    ]);
  const files = names.map((n) => join(path, n));
  let total = 0;
  for (const f of files) {
    total += sizeOf(f);
    if (total > MAX_TOTAL_BYTES)
      throw new MeasurementError([`The .json files in ${path} add up to more than ${mib(MAX_TOTAL_BYTES)}; is it the right directory?`]);
  }
  // Every file's problems at once, so that a directory is fixed in one round too.
  const sets: MeasurementSet[] = [];
  const problems: string[] = [];
  for (const f of files) {
    try {
      sets.push(parseMeasurementFile(readText(f), f));
    } catch (e) {
      if (!(e instanceof MeasurementError)) throw e;
      problems.push(...e.problems);
    }
  }
  if (problems.length > 0) throw new MeasurementError(problems);
  return union(sets);
}

function mib(bytes: number): string {
  return `${bytes / 1024 / 1024} MiB`;
}

function sizeOf(file: string): number {
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new MeasurementError([`${file} is a directory, not a measurement file; move it out of the way or rename it.`]);
    return st.size;
  } catch (e) {
    if (e instanceof MeasurementError) throw e;
    throw new MeasurementError([`Cannot read ${file}: ${reason(e)}. Check the path and its permissions.`]);
  }
}

function readText(file: string): string {
  if (sizeOf(file) > MAX_FILE_BYTES)
    throw new MeasurementError([`${file} is over the ${mib(MAX_FILE_BYTES)} limit for a measurement file; is it the right file?`]);
  let bytes: Buffer;
  try {
    bytes = readBounded(file, MAX_FILE_BYTES);
  } catch (e) {
    throw new MeasurementError([`Cannot read ${file}: ${reason(e)}. Check the path and its permissions.`]);
  }
  if (bytes.length > MAX_FILE_BYTES)
    throw new MeasurementError([`${file} is over the ${mib(MAX_FILE_BYTES)} limit for a measurement file; is it the right file?`]);
  if (bytes.includes(0)) throw new MeasurementError([`${file} looks like a binary file, not JSON text; pass a measurement .json file.`]);
  const text = decodeUtf8(bytes);
  if (text === undefined) throw new MeasurementError([`${file} is not valid UTF-8 text; a measurement file is JSON in UTF-8.`]);
  return text;
}

/** What identifies a record: two records with the same key measure the same thing. */
export function recordKey(r: MeasurementRecord): string {
  const parts: string[] = [r.experiment, r.tracker];
  if ('task' in r && r.task !== undefined) parts.push(`task ${r.task}`);
  if ('component' in r && r.component !== undefined) parts.push(r.component);
  if ('machine' in r && r.machine !== undefined) parts.push(`on ${r.machine}`);
  if ('size' in r && r.size !== undefined) parts.push(`size ${r.size}`);
  return parts.join(', ');
}

/** The union of several files: the same data set, no tracker or record told two ways. */
export function union(sets: readonly MeasurementSet[]): MeasurementSet {
  const problems: string[] = [];
  const first = sets[0]!;
  const trackers = new Map<string, { tracker: Tracker; file: string }>();
  const environments = new Map<string, Environment>();
  const machines = new Map<string, string>();
  const substitutions: Substitution[] = [];
  const overrides = new Map<string, Override>();
  const records = new Map<string, MeasurementRecord>();
  for (const set of sets) {
    const file = set.files[0]!;
    if (set.dataSet !== first.dataSet) {
      problems.push(`${file} belongs to data set "${set.dataSet}", but ${first.files[0]} to "${first.dataSet}"; rescore one data set at a time.`);
      continue;
    }
    for (const t of set.trackers) {
      const earlier = trackers.get(t.id);
      if (!earlier) trackers.set(t.id, { tracker: t, file });
      else if (!sameJson(earlier.tracker, t))
        problems.push(`${file}: trackers.${t.id} differs from the same tracker in ${earlier.file}; keep one account of it.`);
    }
    for (const [id, env] of set.environments) {
      if (environments.has(id) && !sameJson(environments.get(id), env))
        problems.push(`${file}: environments.${id} differs from another file's; each tracker has one environment.`);
      environments.set(id, env);
    }
    for (const [id, label] of set.machines) {
      if (machines.has(id) && machines.get(id) !== label)
        problems.push(`${file}: machines.${id} is labelled "${label}" here and "${machines.get(id)}" elsewhere.`);
      machines.set(id, label);
    }
    for (const s of set.substitutions) if (!substitutions.some((x) => sameJson(x, s))) substitutions.push(s);
    for (const o of set.overrides) {
      const earlier = overrides.get(o.criterion);
      if (earlier && !sameJson([...earlier.scores], [...o.scores]))
        problems.push(`${o.where} overrides ${o.criterion} again (first at ${earlier.where}); keep one.`);
      else if (!earlier) overrides.set(o.criterion, o);
    }
    for (const r of set.records) {
      const key = recordKey(r);
      const earlier = records.get(key);
      if (earlier) problems.push(`${r.where} measures ${key} again (first at ${earlier.where}); keep one of them.`);
      else records.set(key, r);
    }
  }
  if (trackers.size > MAX_TRACKERS) problems.push(`Together the files name ${trackers.size} trackers; reprotree compares at most ${MAX_TRACKERS}.`);
  if (records.size > MAX_RECORDS) problems.push(`Together the files hold ${records.size} records, more than the ${MAX_RECORDS} allowed.`);
  const ids = [...trackers.keys()];
  for (const o of overrides.values()) {
    const missing = ids.filter((id) => !o.scores.has(id));
    const extra = [...o.scores.keys()].filter((id) => !trackers.has(id));
    if (missing.length > 0)
      problems.push(`${o.where}.scores has no score for ${missing.join(', ')}; an override gives every tracker its published score.`);
    if (extra.length > 0)
      problems.push(`${o.where}.scores names ${extra.join(', ')}, which ${extra.length === 1 ? 'is' : 'are'} not among the trackers.`);
  }
  if (problems.length > 0) throw new MeasurementError(problems);
  return {
    files: sets.flatMap((s) => s.files),
    dataSet: first.dataSet,
    title: sets.find((s) => s.title)?.title,
    source: sets.find((s) => s.source)?.source,
    date: sets.find((s) => s.date)?.date,
    trackers: [...trackers.values()].map((t) => t.tracker),
    environments,
    machines,
    substitutions,
    overrides: [...overrides.values()],
    records: [...records.values()],
  };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
