/**
 * What would change the answer: the smallest changes to a user's answers (one answer flipped,
 * then two) under which a different set of frameworks scores best. Only criteria the tree uses
 * count towards the totals, so only those are flipped.
 */
import { bestMask, classOf } from '../cart/profiles.js';
import type { TieClass } from '../cart/profiles.js';
import { exactTotals } from './advise.js';
import type { FittedTree } from './model.js';

export interface Alternative {
  /** The answers changed, as criterion index → the new answer, in criterion order. */
  readonly flip: readonly { readonly criterion: number; readonly important: boolean }[];
  /** The frameworks that would score best with those answers. */
  readonly best: TieClass;
  /** How far the best would lead the next framework; null when every framework would tie. */
  readonly margin: number | null;
}

/** Users read a handful of these; the rest are in the JSON only when asked for. */
export const DEFAULT_ALTERNATIVES = 3;

function outcome(fitted: FittedTree, answers: readonly boolean[]): { best: TieClass; margin: number | null } {
  const totals = exactTotals(fitted, answers);
  // The same best set as the training labels and advise() compute, ties included.
  const mask = bestMask(Float64Array.from(totals), 0, totals.length);
  let top = -Infinity;
  let next = -Infinity;
  totals.forEach((t, f) => {
    if (mask & (1 << f)) top = t;
    else next = Math.max(next, t);
  });
  return { best: classOf(mask, fitted.data.table.frameworks), margin: next === -Infinity ? null : top - next };
}

const byMargin = (a: Alternative, b: Alternative) => (b.margin ?? -1) - (a.margin ?? -1);

/**
 * The nearest answers that change the exact best set, nearest first: every single flip that
 * changes it (largest lead first), then pairs of flips neither of which changes it alone. A pair
 * that contains a changing single flip says nothing the single flip has not said already.
 */
export function alternatives(fitted: FittedTree, answers: readonly boolean[], limit = DEFAULT_ALTERNATIVES): Alternative[] {
  const current = outcome(fitted, answers).best.mask;
  const criteria = [...new Set(fitted.featureCriteria)].sort((a, b) => a - b);
  const flipped = (cs: readonly number[]) => answers.map((a, c) => (cs.includes(c) ? !a : a));
  const alternative = (cs: readonly number[]): Alternative | undefined => {
    const next = flipped(cs);
    const { best, margin } = outcome(fitted, next);
    if (best.mask === current) return undefined;
    return { flip: cs.map((c) => ({ criterion: c, important: next[c] === true })), best, margin };
  };

  const singles: Alternative[] = [];
  const quiet: number[] = [];
  for (const c of criteria) {
    const a = alternative([c]);
    if (a) singles.push(a);
    else quiet.push(c);
  }
  singles.sort(byMargin);
  if (singles.length >= limit) return singles.slice(0, limit);

  const pairs: Alternative[] = [];
  for (let i = 0; i < quiet.length; i++) {
    for (let j = i + 1; j < quiet.length; j++) {
      const a = alternative([quiet[i]!, quiet[j]!]);
      if (a) pairs.push(a);
    }
  }
  pairs.sort(byMargin);
  return [...singles, ...pairs].slice(0, limit);
}
