/**
 * Loading a criteria file. A file whose text is exactly the bundled criteria.yaml's at build time
 * comes from the build's snapshot (the same Study, already validated); anything else is parsed.
 */
import { readStudyFile } from './read.js';
import { fromSnapshot } from './snapshot.js';
import type { Snapshot } from './snapshot.js';
import type { Study } from './types.js';

declare const __REPROTREE_SNAPSHOT__: Snapshot | undefined;

/** Reads and validates a criteria file. Throws UserError (unreadable) or StudyError (content). */
export async function loadStudy(file: string): Promise<Study> {
  const text = readStudyFile(file);
  if (typeof __REPROTREE_SNAPSHOT__ === 'object' && __REPROTREE_SNAPSHOT__.text === text) {
    return fromSnapshot(__REPROTREE_SNAPSHOT__, file);
  }
  const { parseStudy } = await import('./parse.js');
  return parseStudy(text, file);
}
