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

/**
 * The builder's explicit stack, as parallel arrays. A node is a subcube, so its depth gives its
 * size (2^(k - depth)) and `fixed` (the features its path set) its place in the cube.
 */
class NodeStack {
  top = 0;
  readonly start: Int32Array;
  readonly depth: Int32Array;
  readonly parent: Int32Array;
  readonly isLeft: Uint8Array;
  readonly impurity: Float64Array;
  readonly nConstant: Int32Array;
  readonly fixed: Int32Array;
  /** How many classes the node holds (its list waits in the splitter). */
  readonly classes: Int32Array;
  /** A right child whose counts will be its parent's minus its left sibling's. */
  readonly onesReady: Uint8Array;
  /** A left child that takes its counts off its right sibling's (the parent's) when counted. */
  readonly derive: Uint8Array;

  constructor(size: number) {
    this.start = new Int32Array(size);
    this.depth = new Int32Array(size);
    this.parent = new Int32Array(size);
    this.isLeft = new Uint8Array(size);
    this.impurity = new Float64Array(size);
    this.nConstant = new Int32Array(size);
    this.fixed = new Int32Array(size);
    this.classes = new Int32Array(size);
    this.onesReady = new Uint8Array(size);
    this.derive = new Uint8Array(size);
  }

  push(
    start: number,
    depth: number,
    parent: number,
    isLeft: boolean,
    impurity: number,
    nConstant: number,
    fixed: number,
    classes: number,
    onesReady: boolean,
    derive: boolean,
  ): void {
    const i = this.top++;
    this.start[i] = start;
    this.depth[i] = depth;
    this.parent[i] = parent;
    this.isLeft[i] = isLeft ? 1 : 0;
    this.impurity[i] = impurity;
    this.nConstant[i] = nConstant;
    this.fixed[i] = fixed;
    this.classes[i] = classes;
    this.onesReady[i] = onesReady ? 1 : 0;
    this.derive[i] = derive ? 1 : 0;
  }
}

/** Fits a tree to a prepared training set. */
export function buildTree(data: TrainingSet, options: FitOptions): Tree {
  const tree = new Tree(data.table.criteria, data.table.frameworks, data.classes);
  // The splitter's xorshift state is the one number it draws from RandomState(random_state).
  const splitter = new BestSplitter(data, splitterSeed(options.randomState));
  const maxDepth = options.maxDepth;
  const k = data.k;

  // Stopping rules checked before searching: depth, min_samples_split=2 and 2 * min_samples_leaf=2;
  // then a pure node (up to rounding) is a leaf and costs no random draw.
  const leafBeforeSplit = (depth: number, nNode: number, impurity: number) => depth >= maxDepth || nNode < 2 || impurity <= EPSILON;

  // An explicit stack, as scikit-learn uses: the right child is pushed first so that the left
  // child is built first, and one splitter (one random state) serves every node in that order.
  // Depth first, at most one waiting right sibling per level.
  const stack = new NodeStack(k + 3);
  stack.push(0, 0, TREE_UNDEFINED, false, Infinity, 0, 0, splitter.listLength, false, false);
  let first = true;

  while (stack.top > 0) {
    const slot = --stack.top;
    const start = stack.start[slot]!;
    const depth = stack.depth[slot]!;
    const fixed = stack.fixed[slot]!;
    let impurity = stack.impurity[slot]!;
    let nConstant = stack.nConstant[slot]!;
    const nNode = 1 << (k - depth);
    splitter.nodeReset(start, depth, fixed, stack.classes[slot]!, slot, stack.onesReady[slot] === 1, stack.derive[slot] === 1);

    // Only the root's impurity is computed here; children inherit theirs from the split.
    if (first) {
      impurity = splitter.nodeImpurity();
      first = false;
    }
    let isLeaf = leafBeforeSplit(depth, nNode, impurity);

    const split = splitter.split;
    if (!isLeaf) {
      nConstant = splitter.nodeSplit(impurity, nConstant);
      // No valid split, or one that improves by less than min_impurity_decrease = 0.
      isLeaf = split.pos >= start + nNode || split.improvement + EPSILON < 0;
    }

    // Every node stores its class counts (node_value), not just leaves.
    const id = tree.addNode(
      stack.parent[slot]!,
      stack.isLeft[slot] === 1,
      isLeaf,
      split.feature,
      split.threshold,
      impurity,
      nNode,
      depth,
      splitter.pending,
      splitter.listAt,
      splitter.listLength,
    );

    if (isLeaf) {
      splitter.finishNode(false, false, false);
      continue;
    }
    const half = nNode / 2;
    const leftNeedsLabels = !leafBeforeSplit(depth + 1, half, split.impurityLeft);
    const rightNeedsLabels = !leafBeforeSplit(depth + 1, half, split.impurityRight);
    splitter.finishNode(true, leftNeedsLabels, rightNeedsLabels);
    // Both children will be counted: count the left one, and the right one's counts follow.
    const derived = splitter.derives && leftNeedsLabels && rightNeedsLabels;
    const childFixed = fixed | (1 << split.feature);
    stack.push(start + half, depth + 1, id, false, split.impurityRight, nConstant, childFixed, splitter.rightLength, derived, false);
    stack.push(start, depth + 1, id, true, split.impurityLeft, nConstant, childFixed, splitter.leftLength, false, derived);
  }
  return tree;
}

/** Profiles, labels and tree in one call. */
export function fit(table: ScoreTable, options: FitOptions): { data: TrainingSet; tree: Tree } {
  const data = buildTrainingSet(table);
  return { data, tree: buildTree(data, options) };
}
