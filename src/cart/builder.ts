/**
 * scikit-learn 1.2's DepthFirstTreeBuilder (sklearn/tree/_tree.pyx) with the defaults of
 * DecisionTreeClassifier: min_samples_split=2, min_samples_leaf=1, min_weight_fraction_leaf=0,
 * min_impurity_decrease=0, max_features=None.
 */
import { BestSplitter } from './splitter.js';
import type { ScoreTable, TrainingSet } from './profiles.js';
import { buildTrainingSet } from './profiles.js';
import { splitterSeed } from './rng.js';
import { Tree, TREE_UNDEFINED } from './tree.js';

/** np.finfo(np.double).eps, the builder's tolerance for "pure" and "no improvement". */
const EPSILON = 2.220446049250313e-16;

export interface FitOptions {
  /** Depth limit (>= 1); Infinity for none, as `max_depth=None`. */
  readonly maxDepth: number;
  /** `random_state`: an integer in [0, 2^32 - 1]. */
  readonly randomState: number;
}

interface StackRecord {
  start: number;
  end: number;
  depth: number;
  parent: number;
  isLeft: boolean;
  impurity: number;
  nConstant: number;
}

/** Fits a tree to a prepared training set. */
export function buildTree(data: TrainingSet, options: FitOptions): Tree {
  const tree = new Tree(data.table.criteria, data.table.frameworks, data.classes);
  // The splitter's xorshift state is the one number it draws from RandomState(random_state).
  const splitter = new BestSplitter(data, splitterSeed(options.randomState));
  const nClasses = data.classes.length;
  const maxDepth = options.maxDepth;

  // An explicit stack, as scikit-learn uses: the right child is pushed first so that the left
  // child is built first, and one splitter (one random state) serves every node in that order.
  const stack: StackRecord[] = [
    { start: 0, end: data.nSamples, depth: 0, parent: TREE_UNDEFINED, isLeft: false, impurity: Infinity, nConstant: 0 },
  ];
  let first = true;

  while (stack.length > 0) {
    const rec = stack.pop()!;
    const { start, end, depth, parent, isLeft } = rec;
    let impurity = rec.impurity;
    const nNode = end - start;
    splitter.nodeReset(start, end);

    // Stopping rules checked before searching: depth, min_samples_split=2, 2 * min_samples_leaf=2.
    let isLeaf = depth >= maxDepth || nNode < 2;
    // Only the root's impurity is computed here; children inherit theirs from the split.
    if (first) {
      impurity = splitter.nodeImpurity();
      first = false;
    }
    // A pure node (up to rounding) is a leaf and costs no random draw.
    isLeaf = isLeaf || impurity <= EPSILON;

    let split = null;
    let nConstant = rec.nConstant;
    if (!isLeaf) {
      const r = splitter.nodeSplit(impurity, nConstant);
      split = r.split;
      nConstant = r.nConstant;
      // No valid split, or one that improves by less than min_impurity_decrease = 0.
      isLeaf = split.pos >= end || split.improvement + EPSILON < 0;
    }

    const id = tree.addNode(
      parent,
      isLeft,
      isLeaf,
      split?.feature ?? 0,
      split?.threshold ?? 0,
      impurity,
      nNode,
      depth,
    );
    // Every node stores its class counts (node_value), not just leaves.
    tree.value.set(splitter.nodeCounts, id * nClasses);

    if (!isLeaf && split) {
      stack.push({ start: split.pos, end, depth: depth + 1, parent: id, isLeft: false, impurity: split.impurityRight, nConstant });
      stack.push({ start, end: split.pos, depth: depth + 1, parent: id, isLeft: true, impurity: split.impurityLeft, nConstant });
    }
  }
  return tree;
}

/** Profiles, labels and tree in one call. */
export function fit(table: ScoreTable, options: FitOptions): { data: TrainingSet; tree: Tree } {
  const data = buildTrainingSet(table);
  return { data, tree: buildTree(data, options) };
}
