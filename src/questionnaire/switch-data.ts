/**
 * Changing the data a walk rests on, from the questionnaire (`d`): the walk starts over on the
 * other bundled data set. Answers given before the walk (flags, an answers file) carry over by
 * criterion id where the other data set has that criterion, and so does the chosen tree by name;
 * what cannot carry over is said.
 */
import type { Study } from '../study/types.js';
import type { WalkOptions } from './front-end.js';

export interface Switched {
  readonly study: Study;
  readonly walk: WalkOptions;
  /** What the user should know: which data is now in use, and what did not carry over. */
  readonly notes: readonly string[];
}

/** Loads the data set `walk` offers and the walk to start on it. Throws when there is none. */
export async function switchData(study: Study, walk: WalkOptions): Promise<Switched> {
  const offer = walk.other;
  if (offer === undefined) throw new Error('no other data set is offered');
  const { study: next, other } = await offer.load();
  const notes = [`Now using ${offer.name} (${offer.about}); the questions start over.`];
  const preset = new Map<number, boolean>();
  const dropped: string[] = [];
  for (const [c, important] of walk.preset) {
    const { id, name } = study.criteria[c]!;
    const there = next.criteria.findIndex((x) => x.id === id);
    if (there >= 0) preset.set(there, important);
    else dropped.push(name);
  }
  if (dropped.length > 0)
    notes.push(
      `${offer.name} does not score ${dropped.join(', ')}, so ${dropped.length === 1 ? 'that answer does' : 'those answers do'} not carry over.`,
    );
  let tree = walk.tree;
  if (tree !== undefined && !next.trees.some((t) => t.name === tree)) {
    notes.push(`${offer.name} has no tree ${tree}, so its default tree ${next.defaultTree} is used.`);
    tree = undefined;
  }
  return { study: next, walk: { ...walk, tree, preset, other }, notes };
}
