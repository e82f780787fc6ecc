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

export function questionnaireTrees(study: Study, name: string | undefined, timings?: FitTimings): Trees {
  const base = fitTree(study, name, {}, timings);
  let unlimited: FittedTree | undefined;
  return {
    base,
    unlimited() {
      if (unlimited) return unlimited;
      if (!Number.isFinite(base.maxDepth)) return (unlimited = base);
      const grown = fitTree(study, base.spec.name, { maxDepth: Infinity }, timings);
      // The file's description speaks of the depth limit, which this fit no longer has.
      const description = `the ${base.spec.name} tree grown without its depth limit, so every branch gives the exact answer`;
      unlimited = { ...grown, spec: { ...grown.spec, description } };
      return unlimited;
    },
  };
}
