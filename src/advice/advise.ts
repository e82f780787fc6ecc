/**
 * Answers + fitted tree → Advice: the path the answers take, the leaf's recommendation, and the
 * exact ranking for the same answers, so every front end explains the same result.
 */
import { bestMask, classOf } from '../cart/profiles.js';
import type { TieClass } from '../cart/profiles.js';
import type { Tree } from '../cart/tree.js';
import type { FittedTree } from './model.js';

export interface Step {
  /** Tree node that asked. */
  readonly node: number;
  /** Study criterion index. */
  readonly criterion: number;
  readonly important: boolean;
}

export interface Advice {
  readonly fitted: FittedTree;
  /** answers[c] for every study criterion c: does it matter? */
  readonly answers: readonly boolean[];
  /** The questions the tree asked, in order, with the answers. */
  readonly path: readonly Step[];
  readonly leaf: number;
  /** The leaf's class: the framework set the tree recommends. */
  readonly recommendation: TieClass;
  /** Leaf class counts, most common first (class order among equals). */
  readonly leafCounts: readonly { readonly cls: TieClass; readonly count: number }[];
  readonly leafSamples: number;
  /** totals[f]: framework f's summed score over the important criteria of this tree. */
  readonly totals: readonly number[];
  /** The frameworks with the highest total: the exact answer. */
  readonly best: TieClass;
  /** Whether the tree's recommendation is exactly the best set. */
  readonly agrees: boolean;
  /** The next-best frameworks and how far behind they are; absent when everything ties. */
  readonly runnerUp?: { readonly frameworks: readonly number[]; readonly total: number; readonly margin: number };
  /** Criteria answered "important" that this tree does not use (so they did not count). */
  readonly ignored: readonly number[];
  /** Criteria on which the recommended (tied) frameworks score differently. */
  readonly separators: readonly number[];
}

/** The path and leaf for a set of answers. */
export function walk(fitted: FittedTree, answers: readonly boolean[]): { path: Step[]; leaf: number } {
  const { tree, featureCriteria } = fitted;
  const path: Step[] = [];
  let node = 0;
  while (!tree.isLeaf(node)) {
    const criterion = featureCriteria[tree.feature[node]!]!;
    const important = answers[criterion] === true;
    path.push({ node, criterion, important });
    node = important ? tree.right[node]! : tree.left[node]!;
  }
  return { path, leaf: node };
}

/** Per tree, for every node: the class all leaves below it predict, or -1 when they differ. */
const decidedByTree = new WeakMap<Tree, Int32Array>();

export function decidedClasses(tree: Tree): Int32Array {
  let decided = decidedByTree.get(tree);
  if (decided) return decided;
  decided = new Int32Array(tree.nodeCount);
  // Node ids are assigned depth-first, so every child has a larger id than its parent: one sweep
  // from the last node back fills each node from its finished children.
  for (let n = tree.nodeCount - 1; n >= 0; n--) {
    if (tree.isLeaf(n)) decided[n] = tree.predictedClass(n);
    else {
      const left = decided[tree.left[n]!]!;
      decided[n] = left === decided[tree.right[n]!] ? left : -1;
    }
  }
  decidedByTree.set(tree, decided);
  return decided;
}

/**
 * Whether every leaf under `node` recommends the same set (so asking further changes nothing).
 * Asked at every node of every walk, so it is answered from a table built once per tree.
 */
export function isDecided(fitted: FittedTree, node: number): boolean {
  return decidedClasses(fitted.tree)[node] !== -1;
}

/** Summed scores per framework over the important criteria of the tree, in feature order. */
export function exactTotals(fitted: FittedTree, answers: readonly boolean[]): number[] {
  const { study, featureCriteria } = fitted;
  const totals = study.frameworks.map(() => 0);
  // Same order of additions as the training labels, so ties come out the same.
  for (const c of featureCriteria) {
    if (!answers[c]) continue;
    study.criteria[c]!.scores.forEach((s, f) => {
      totals[f] = totals[f]! + s;
    });
  }
  return totals;
}

export function advise(fitted: FittedTree, answers: readonly boolean[]): Advice {
  const { study, tree, data } = fitted;
  const { path, leaf } = walk(fitted, answers);
  const recommendation = tree.classes[tree.predictedClass(leaf)]!;
  const leafCounts = tree
    .counts(leaf)
    .sort((a, b) => b.count - a.count || a.cls - b.cls)
    .map(({ cls, count }) => ({ cls: tree.classes[cls]!, count }));

  const totals = exactTotals(fitted, answers);
  const top = Math.max(...totals);
  // The best set exactly as the training labels were made: one profile's totals, one row.
  const mask = bestMask(Float64Array.from(totals), 0, totals.length);
  const best = classOf(mask, data.table.frameworks);

  const rest = totals.map((t, f) => ({ t, f })).filter(({ f }) => !(mask & (1 << f)));
  let runnerUp: Advice['runnerUp'];
  if (rest.length > 0) {
    const second = Math.max(...rest.map((x) => x.t));
    runnerUp = { frameworks: rest.filter((x) => x.t === second).map((x) => x.f), total: second, margin: top - second };
  }

  const inTree = new Set(fitted.featureCriteria);
  const ignored = answers.flatMap((a, c) => (a && !inTree.has(c) ? [c] : []));

  const members = recommendation.members;
  const separators =
    members.length < 2 ? [] : study.criteria.flatMap((cr, c) => (members.some((f) => cr.scores[f] !== cr.scores[members[0]!]) ? [c] : []));

  return {
    fitted,
    answers,
    path,
    leaf,
    recommendation,
    leafCounts,
    leafSamples: tree.nSamples[leaf]!,
    totals,
    best,
    agrees: best.mask === recommendation.mask,
    runnerUp,
    ignored,
    separators,
  };
}
