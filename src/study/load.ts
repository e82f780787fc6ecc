/**
 * Loading a criteria file. A file whose text is exactly what a bundled data set's was at build
 * time comes from the build's snapshot (the same Study, already validated): the default data set's
 * is embedded in the bundle, the others' are small JSON files beside it, read only when asked for.
 * Anything else is parsed, which loads the YAML library.
 */
import { existsSync, readFileSync } from 'node:fs';
import { UserError } from '../errors.js';
import { DATA_SETS, DEFAULT_DATA_SET } from '../paths.js';
import type { DataSetName } from '../paths.js';
import { displayName, readInput, readStudyFile } from './read.js';
import { fromSnapshot } from './snapshot.js';
import type { Snapshot } from './snapshot.js';
import type { Study } from './types.js';

declare const __REPROTREE_SNAPSHOT__: Snapshot | undefined;
/** The data sets whose criteria files the build found and checked; undefined when not built. */
declare const __REPROTREE_DATA_SETS__: readonly string[] | undefined;

async function fromText(text: string, name: string, snapshot: Snapshot | undefined): Promise<Study> {
  if (snapshot !== undefined && snapshot.text === text) return fromSnapshot(snapshot, name);
  const { parseStudy } = await import('./yaml.js');
  return parseStudy(text, name);
}

const embedded = (): Snapshot | undefined => (typeof __REPROTREE_SNAPSHOT__ === 'object' ? __REPROTREE_SNAPSHOT__ : undefined);

/**
 * Reads and validates a criteria file (`-`: standard input, named <stdin> in messages). Throws
 * UserError (unreadable) or StudyError (content).
 */
export async function loadStudy(file: string): Promise<Study> {
  const text = await readInput(file);
  return fromText(text, displayName(file), embedded());
}

/** The snapshot the build left beside the bundle, if it is there and readable. */
function snapshotFile(path: string): Snapshot | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  } catch {
    return undefined;
  }
}

/** Why a bundled data set cannot be loaded: not measured for this version, or lost from the install. */
function missing(name: DataSetName, file: string): UserError {
  const built = typeof __REPROTREE_DATA_SETS__ === 'object' && __REPROTREE_DATA_SETS__.includes(name);
  if (built) return new UserError(`The ${name} data set is missing from this installation (${displayName(file)} is not there); reinstall reprotree.`);
  return new UserError(
    `The ${name} data set has not been measured for this version of reprotree yet; use --data ${DEFAULT_DATA_SET} (the default), or measure the trackers yourself with \`reprotree measure\` and pass the criteria file it writes with --criteria FILE.`,
  );
}

/** A bundled data set by name (`--data NAME`); the study it gives knows which data set it is. */
export async function loadDataSet(name: DataSetName): Promise<Study> {
  const paths = DATA_SETS[name];
  if (!existsSync(paths.criteria)) throw missing(name, paths.criteria);
  const text = readStudyFile(paths.criteria);
  const snapshot = name === DEFAULT_DATA_SET ? embedded() : snapshotFile(paths.snapshot);
  const study = await fromText(text, displayName(paths.criteria), snapshot);
  return { ...study, dataSet: name };
}

/** Whether a bundled data set is there to be loaded (the questionnaire offers only those). */
export function hasDataSet(name: DataSetName): boolean {
  return existsSync(DATA_SETS[name].criteria);
}
