/**
 * The fit itself, in AssemblyScript (compiled to WebAssembly by scripts/build-wasm.js): scikit-learn
 * 1.2's DepthFirstTreeBuilder (here), BestSplitter (splitter.ts), Gini criterion (criterion.ts)
 * and Tree (tree.ts), from sklearn/tree/_tree.pyx, _splitter.pyx and _criterion.pyx, with
 * DecisionTreeClassifier's defaults, specialised to the complete cube of 0/1 profiles. WebAssembly because a fit runs once per process: compiled code is
 * ready at once, where JavaScript runs its first tens of milliseconds unoptimised.
 *
 * Everything that decides WHICH feature wins is kept exactly: the random order in which features
 * are drawn, the bookkeeping of features known to be constant, the strict `>` that keeps the
 * first of equally good splits, and the Gini arithmetic (IEEE doubles, as in scikit-learn). What
 * changes is how the numbers are found. Every node is a subcube, the profiles that agree with its
 * path, so:
 * - a feature is constant in a node exactly when its path fixed it (a bit mask, no scan), and
 *   every other feature splits the node into two halves of 2^(m-1) profiles (m free features);
 * - a node's labels are kept contiguous, ordered by the number its free features spell (local
 *   bit j is the j-th free feature counting from the last), so splitting on a feature is a stable
 *   de-interleave into a second buffer; the two buffers alternate by depth;
 * - per class "feature = 1" counts come from two small histograms over the low and high halves
 *   of each profile's local number, not from m bit tests per profile;
 * - a right child's counts are its parent's minus its left sibling's, so only one child of each
 *   split is counted, and the children's class counts come from the split's: no node is rescanned;
 * - a table with many frameworks can have as many classes as profiles: then counts are kept per
 *   node for the classes it holds, and a node holding many classes groups its profiles by class,
 *   so nothing costs per class of the whole table.
 *
 * Class counts travel as lists of (class, count) pairs in class order: only the classes present.
 * Memory is one region handed out once per fit (a fresh instance per fit), sized by the bounds
 * below; untouched pages cost nothing.
 */
import { alloc, getf, geti, setf, seti } from './memory';
import { seedRandom } from './random';
import {
  derives,
  finishNode,
  initSplitter,
  leftLength,
  listAt,
  listLength,
  nodeReset,
  nodeSplit,
  pending,
  rightLength,
  rootImpurity,
  splitFeature,
  splitImprovement,
  splitImpurityLeft,
  splitImpurityRight,
  splitPos,
} from './splitter';
import { addNode, initTree, nodeCount, TREE_UNDEFINED } from './tree';

export { alloc } from './memory';
export { output } from './tree';

/** np.finfo(np.double).eps, the builder's tolerance for "pure" and "no improvement". */
const EPSILON: f64 = 2.220446049250313e-16;

/**
 * Fits the tree of a table of k criteria (2^k profiles) whose labels and class counts the caller
 * wrote at `labels` and `classCounts`; maxDepth < 0 means none. `seed` is the splitter's xorshift
 * state, the one number it draws from RandomState(random_state). Returns the number of nodes.
 */
export function fit(k: i32, nClasses: i32, maxDepth: i32, seed: u32, labels: usize, classCounts: usize): i32 {
  const n = 1 << k;
  seedRandom(seed);
  const depthLimit = maxDepth < 0 ? k : min(maxDepth, k);
  const rootClasses = initSplitter(k, nClasses, labels, classCounts);
  // A full tree to depthLimit has 2^(depthLimit + 1) - 1 nodes; each level's nodes are disjoint,
  // so it holds at most n pairs, and at most nodes × classes.
  const maxNodes = (2 << depthLimit) - 1;
  initTree(maxNodes, <i32>min<i64>(<i64>n * <i64>(depthLimit + 1), <i64>maxNodes * <i64>min(nClasses, n)));

  // The builder's explicit stack, as scikit-learn uses: the right child is pushed first so that
  // the left child is built first, and one splitter (one random state) serves every node in
  // that order. A node is a subcube: its depth gives its size, `fixed` (the features its path
  // set) its place. Depth first, at most one waiting right sibling per level.
  const slots = k + 3;
  const sStart = alloc(slots << 2);
  const sDepth = alloc(slots << 2);
  const sParent = alloc(slots << 2);
  const sIsLeft = alloc(slots << 2);
  const sImpurity = alloc(slots << 3);
  const sConstant = alloc(slots << 2);
  const sFixed = alloc(slots << 2);
  const sClasses = alloc(slots << 2);
  // A right child whose counts will be its parent's minus its left sibling's, and the left child
  // that takes its counts off them.
  const sOnesReady = alloc(slots << 2);
  const sDerive = alloc(slots << 2);
  let stackTop = 1;
  seti(sParent, 0, TREE_UNDEFINED);
  setf(sImpurity, 0, Infinity);
  seti(sClasses, 0, rootClasses);
  let first = true;

  while (stackTop > 0) {
    const slot = --stackTop;
    const start = geti(sStart, slot);
    const depth = geti(sDepth, slot);
    const fixed = geti(sFixed, slot);
    nodeReset(start, depth, fixed, geti(sClasses, slot), slot, geti(sOnesReady, slot) == 1, geti(sDerive, slot) == 1);
    let impurity = getf(sImpurity, slot);
    let nConstant = geti(sConstant, slot);
    const nNode = 1 << (k - depth);

    // Only the root's impurity is computed here; children inherit theirs from the split.
    if (first) {
      impurity = rootImpurity();
      first = false;
    }
    // Stopping rules checked before searching: depth, min_samples_split=2 and
    // 2 * min_samples_leaf=2; then a pure node (up to rounding) is a leaf and costs no draw.
    let isLeaf = depth >= depthLimit || nNode < 2 || impurity <= EPSILON;

    if (!isLeaf) {
      nConstant = nodeSplit(impurity, nConstant);
      // No valid split, or one that improves by less than min_impurity_decrease = 0.
      isLeaf = splitPos >= start + nNode || splitImprovement + EPSILON < 0;
    }

    // Every node stores its class counts (node_value), not just leaves.
    const id = addNode(geti(sParent, slot), geti(sIsLeft, slot) == 1, isLeaf, splitFeature, impurity, depth, pending, listAt, listLength);

    if (isLeaf) {
      finishNode(false, false, false);
      continue;
    }
    const half = nNode >> 1;
    const childDepth = depth + 1;
    // The same stopping rules, for the children: labels are moved only for those to be split.
    const leftNeedsLabels = !(childDepth >= depthLimit || half < 2 || splitImpurityLeft <= EPSILON);
    const rightNeedsLabels = !(childDepth >= depthLimit || half < 2 || splitImpurityRight <= EPSILON);
    finishNode(true, leftNeedsLabels, rightNeedsLabels);
    // Both children will be counted: count the left one, and the right one's counts follow.
    const derived = derives && leftNeedsLabels && rightNeedsLabels ? 1 : 0;
    const childFixed = fixed | (1 << splitFeature);
    for (let side = 0; side < 2; side++) {
      const s = stackTop++;
      const left = side == 1;
      seti(sStart, s, left ? start : start + half);
      seti(sDepth, s, childDepth);
      seti(sParent, s, id);
      seti(sIsLeft, s, left ? 1 : 0);
      setf(sImpurity, s, left ? splitImpurityLeft : splitImpurityRight);
      seti(sConstant, s, nConstant);
      seti(sFixed, s, childFixed);
      seti(sClasses, s, left ? leftLength : rightLength);
      seti(sOnesReady, s, left ? 0 : derived);
      seti(sDerive, s, left ? derived : 0);
    }
  }
  return nodeCount;
}
