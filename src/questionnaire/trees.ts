/**
 * The trees a questionnaire walks: the one the user chose, and (only when asked for) the same
 * criteria grown without a depth limit, where every leaf is exact.
 */
import { fitTree } from '../advice/model.js';
import type { FitTimings, FittedTree } from '../advice/model.js';
import type { Study } from '../study/types.js';

export interface Trees {
  readonly base: FittedTree;
  /** Fitted on first use: most walks never need it. */
  unlimited(): FittedTree;
}

/** `base` without its depth limit (itself when it has none). */
function grow(study: Study, base: FittedTree, timings: FitTimings | undefined): FittedTree {
  if (!Number.isFinite(base.maxDepth)) return base;
  const grown = fitTree(study, base.spec.name, { maxDepth: Infinity }, timings);
  // The file's description speaks of the depth limit, which this fit no longer has.
  const description = `the ${base.spec.name} tree grown without its depth limit, so every branch gives the exact answer`;
  return { ...grown, spec: { ...grown.spec, description } };
}

export function questionnaireTrees(study: Study, name: string | undefined, timings?: FitTimings): Trees {
  const base = fitTree(study, name, {}, timings);
  let unlimited: FittedTree | undefined;
  return {
    base,
    unlimited() {
      unlimited ??= grow(study, base, timings);
      return unlimited;
    },
  };
}
