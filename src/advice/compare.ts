/**
 * The same answers under two data sets (the study's and today's trackers): each one's advice, the
 * criteria only one of them has, and which criteria moved most between them.
 *
 * "Moved" is defined per criterion both data sets have, over the trackers both have (by id): the
 * mean of |score in the second − score in the first| over those trackers, divided by the
 * criterion's range, the highest score minus the lowest over every tracker of both data sets.
 * So 0 means those trackers score as they did, and 1 that every one of them went from one end of
 * the scale to the other; criteria on different scales (auto-logging's 5 points, memory's 1.5)
 * compare fairly.
 */
import { printable, UserError } from '../errors.js';
import type { Study } from '../study/types.js';
import { advise } from './advise.js';
import type { Advice } from './advise.js';
import { fitTree } from './model.js';
import type { FitTimings } from './model.js';

export interface Side {
  readonly study: Study;
  readonly advice: Advice;
  /** Criteria answered "matters" that this data set does not have, so they count only in the other. */
  readonly missing: readonly string[];
}

export interface Moved {
  readonly criterion: string;
  /** The mean change of the common trackers' scores as a share of the criterion's range (0 to 1). */
  readonly moved: number;
  /** Per common tracker (framework id), its score in the first and in the second data set. */
  readonly changes: readonly { readonly framework: string; readonly from: number; readonly to: number }[];
}

export interface Comparison {
  /** Every answer given, by criterion id, in the order of the first data set and then the second's own. */
  readonly answers: ReadonlyMap<string, boolean>;
  readonly sides: readonly [Side, Side];
  /** Framework ids both data sets have, in the first's order. */
  readonly common: readonly string[];
  /** Criteria both have, most moved first (ties in the first data set's order). */
  readonly moved: readonly Moved[];
  /** Criterion ids each data set has and the other does not. */
  readonly onlyIn: readonly [readonly string[], readonly string[]];
}

/** A criterion's scores by framework id. */
function scoresOf(study: Study, id: string): Map<string, number> {
  const c = study.criteria.find((x) => x.id === id)!;
  return new Map(study.frameworks.map((f, i) => [f.id, c.scores[i]!]));
}

function moved(first: Study, second: Study, id: string, common: readonly string[]): Moved {
  const a = scoresOf(first, id);
  const b = scoresOf(second, id);
  const all = [...a.values(), ...b.values()];
  const range = Math.max(...all) - Math.min(...all);
  const changes = common.map((framework) => ({ framework, from: a.get(framework)!, to: b.get(framework)! }));
  const total = changes.reduce((sum, c) => sum + Math.abs(c.to - c.from), 0);
  return { criterion: id, moved: range > 0 && changes.length > 0 ? total / changes.length / range : 0, changes };
}

/**
 * Advice for `answers` (by criterion id: true matters) under each data set, on each one's tree
 * `tree` (its default tree when undefined). A criterion a data set lacks counts in the other only.
 */
export function compare(
  first: Study,
  second: Study,
  answers: ReadonlyMap<string, boolean>,
  tree: string | undefined,
  timings?: FitTimings,
): Comparison {
  // One tree name for both: it must be one both data sets have (their trees differ but for `full`).
  if (tree !== undefined) {
    const shared = first.trees.map((t) => t.name).filter((n) => second.trees.some((t) => t.name === n));
    if (!shared.includes(tree)) {
      throw new UserError(
        `--tree ${printable(tree)}: compare walks both data sets on the same tree, and the tree names they share are ${shared.join(', ') || 'none'}; leave --tree out to use each one's default.`,
      );
    }
  }
  const side = (study: Study): Side => {
    const vector = study.criteria.map((c) => answers.get(c.id) === true);
    const fitted = fitTree(study, tree, {}, timings);
    const ids = new Set(study.criteria.map((c) => c.id));
    const missing = [...answers].filter(([id, important]) => important && !ids.has(id)).map(([id]) => id);
    return { study, advice: advise(fitted, vector), missing };
  };
  const secondIds = new Set(second.criteria.map((c) => c.id));
  const firstIds = new Set(first.criteria.map((c) => c.id));
  const frameworks = new Set(second.frameworks.map((f) => f.id));
  const common = first.frameworks.map((f) => f.id).filter((id) => frameworks.has(id));
  const both = first.criteria.map((c) => c.id).filter((id) => secondIds.has(id));
  const order = (id: string) => both.indexOf(id);
  return {
    answers,
    sides: [side(first), side(second)],
    common,
    moved: both.map((id) => moved(first, second, id, common)).sort((x, y) => y.moved - x.moved || order(x.criterion) - order(y.criterion)),
    onlyIn: [first.criteria.map((c) => c.id).filter((id) => !secondIds.has(id)), second.criteria.map((c) => c.id).filter((id) => !firstIds.has(id))],
  };
}
