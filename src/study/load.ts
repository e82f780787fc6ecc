/**
 * Loading a criteria file. A file whose text is exactly the bundled criteria.yaml's at build time
 * comes from the build's snapshot (the same Study, already validated); anything else is parsed.
 */
import { displayName, readInput } from './read.js';
import { fromSnapshot } from './snapshot.js';
import type { Snapshot } from './snapshot.js';
import type { Study } from './types.js';

declare const __REPROTREE_SNAPSHOT__: Snapshot | undefined;

/**
 * Reads and validates a criteria file (`-`: standard input, named <stdin> in messages). Throws
 * UserError (unreadable) or StudyError (content).
 */
export async function loadStudy(file: string): Promise<Study> {
  const text = await readInput(file);
  const name = displayName(file);
  if (typeof __REPROTREE_SNAPSHOT__ === 'object' && __REPROTREE_SNAPSHOT__.text === text) {
    return fromSnapshot(__REPROTREE_SNAPSHOT__, name);
  }
  const { parseStudy } = await import('./yaml.js');
  return parseStudy(text, name);
}
