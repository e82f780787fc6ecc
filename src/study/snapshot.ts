/**
 * A Study as plain JSON and back. The build validates the bundled criteria.yaml once and embeds
 * the result with the exact text it came from; at run time an unchanged bundled file is taken
 * from the snapshot, so the usual start-up never loads the YAML parser.
 */
import type { Study } from './types.js';

export interface Snapshot {
  /** The exact file text the snapshot was made from. */
  readonly text: string;
  readonly study: Omit<Study, 'file' | 'trees'> & {
    readonly trees: readonly { name: string; criteria: readonly number[]; maxDepth: number | null; description?: string }[];
  };
}

export function toSnapshot(text: string, study: Study): Snapshot {
  const { file: _file, trees, ...rest } = study;
  return {
    text,
    study: { ...rest, trees: trees.map((t) => ({ ...t, maxDepth: Number.isFinite(t.maxDepth) ? t.maxDepth : null })) },
  };
}

export function fromSnapshot(snapshot: Snapshot, file: string): Study {
  const { trees, ...rest } = snapshot.study;
  return { ...rest, file, trees: trees.map((t) => ({ ...t, maxDepth: t.maxDepth ?? Infinity })) };
}
