/**
 * The fit itself, in AssemblyScript (compiled to WebAssembly by scripts/build-wasm.js): scikit-learn
 * 1.2's DepthFirstTreeBuilder, BestSplitter and Gini criterion (sklearn/tree/_tree.pyx,
 * _splitter.pyx, _criterion.pyx) with DecisionTreeClassifier's defaults, specialised to the
 * complete cube of 0/1 profiles. WebAssembly because a fit runs once per process: compiled code is
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

/** np.finfo(np.double).eps, the builder's tolerance for "pure" and "no improvement". */
const EPSILON: f64 = 2.220446049250313e-16;
/** scikit-learn's RAND_R_MAX (sklearn/utils/_random.pxd): 2^31 - 1. */
const RAND_R_MAX: u32 = 0x7fffffff;
/** TREE_LEAF and TREE_UNDEFINED of sklearn/tree/_tree.pyx. */
const TREE_LEAF: i32 = -1;
const TREE_UNDEFINED: i32 = -2;
/** Up to this many classes (in the table, or else in a node) counts go through histograms. */
const HISTOGRAM_MAX_CLASSES: i32 = 64;
/** Each histogram covers at most half of the 20 free bits of a profile's local number. */
const HISTOGRAM_MAX_BITS: i32 = 10;
/** Nodes of up to 2^this profiles are counted bit by bit: their histograms would cost more. */
const DIRECT_MAX_BITS: i32 = 4;

// ------------------------------------------------------------------------------------ memory

let top: usize = 0;

/** Hands out `bytes` of zeroed memory, 8-aligned, growing the memory as needed. */
export function alloc(bytes: i32): usize {
  if (top == 0) top = (__heap_base + 7) & ~7;
  const at = top;
  top = (top + <usize>bytes + 7) & ~7;
  const pages = <i32>((top + 0xffff) >> 16) - memory.size();
  if (pages > 0 && memory.grow(pages) < 0) unreachable();
  return at;
}

// @ts-ignore: decorator
@inline function geti(p: usize, i: i32): i32 {
  return load<i32>(p + (<usize>i << 2));
}
// @ts-ignore: decorator
@inline function seti(p: usize, i: i32, v: i32): void {
  store<i32>(p + (<usize>i << 2), v);
}
// @ts-ignore: decorator
@inline function addi(p: usize, i: i32, v: i32): void {
  const a = p + (<usize>i << 2);
  store<i32>(a, load<i32>(a) + v);
}
// @ts-ignore: decorator
@inline function getf(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}
// @ts-ignore: decorator
@inline function setf(p: usize, i: i32, v: f64): void {
  store<f64>(p + (<usize>i << 3), v);
}
// @ts-ignore: decorator
@inline function addf(p: usize, i: i32, v: f64): void {
  const a = p + (<usize>i << 3);
  store<f64>(a, load<f64>(a) + v);
}

// ----------------------------------------------------------------------------- random draws

let rngState: u32 = 0;

/** our_rand_r (sklearn/utils/_random.pxd): a 32-bit xorshift, a value in [0, RAND_R_MAX]. */
function ourRandR(): u32 {
  let x = rngState;
  // A zero state would stay zero forever; scikit-learn replaces it with DEFAULT_SEED = 1.
  if (x == 0) x = 1;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  rngState = x;
  // `% (RAND_R_MAX + 1)`: the low 31 bits.
  return x & RAND_R_MAX;
}

/** rand_int (sklearn/tree/_utils.pyx): an integer in [low, high). */
function randInt(low: i32, high: i32): i32 {
  return low + <i32>(ourRandR() % <u32>(high - low));
}

// ------------------------------------------------------------------------------ Gini criterion

// Counts are whole numbers, as scikit-learn's weighted counts are with unit weights. scikit-learn
// sums count² over every class in class order; here over the classes present, in any order: each
// term and every partial sum is an integer below 2^41, so exact, and an absent class adds 0.

/** Gini.node_impurity / children_impurity: `1.0 - sq_count / (n * n)`, sq = Σ count². */
function giniFromSquares(sq: f64, n: f64): f64 {
  return 1.0 - sq / (n * n);
}

/** Gini.proxy_impurity_improvement: how scikit-learn ranks the splits of a node. */
function proxyImprovement(nLeft: f64, impurityLeft: f64, nRight: f64, impurityRight: f64): f64 {
  return -nRight * impurityRight - nLeft * impurityLeft;
}

/** ClassificationCriterion.impurity_improvement: computed for the winning split only. */
function impurityImprovement(nTotal: f64, nNode: f64, parent: f64, nLeft: f64, left: f64, nRight: f64, right: f64): f64 {
  return (nNode / nTotal) * (parent - (nRight / nNode) * right - (nLeft / nNode) * left);
}

// ------------------------------------------------------------------------------ the state

let K: i32 = 0;
let N: i32 = 0;
let classesInTable: i32 = 0;
/** With few classes in the table, counts are indexed by class id in every node (and derived). */
let derives = false;

/** Splitter.features: a permutation of feature ids that persists from node to node. */
let features: usize = 0;
/** Splitter.constant_features: constants found so far along the current branch. */
let constantFeatures: usize = 0;
/** Labels: buffer 0 is [0, N), buffer 1 is [N, 2N). */
let buf: usize = 0;
/** Class lists of the nodes waiting on the stack, last pushed on top (disjoint subcubes). */
let pending: usize = 0;
let pendingTop: i32 = 0;
let listAt: i32 = 0;
let listLength: i32 = 0;

/** Rows of the count tables: the table's classes, or the current node's; rowOf[class]. */
let rows: i32 = 0;
let rowOf: usize = 0;
let inBlock = false;
let featureOfBit: usize = 0;
let ones: usize = 0;
let blockSize: i32 = 0;
let histLo: usize = 0;
let histHi: usize = 0;
let sqRight: usize = 0;
let sqLeft: usize = 0;
let byClass: usize = 0;
let cursor: usize = 0;
let tally: usize = 0;
let bitRight: usize = 0;
let bitLeft: usize = 0;
let leftList: usize = 0;
let rightList: usize = 0;
let leftLength: i32 = 0;
let rightLength: i32 = 0;

// The current node.
let nodeStart: i32 = 0;
let nodeDepth: i32 = 0;
let nodeFixed: i32 = 0;
let base: i32 = 0;
let onesReady = false;
let deriveSibling = false;

// The split found (SplitRecord).
let splitFeature: i32 = 0;
let splitPos: i32 = 0;
let splitImprovement: f64 = 0;
let splitImpurityLeft: f64 = 0;
let splitImpurityRight: f64 = 0;

// The tree (Tree's arrays, plus each node's class list).
let nodeCount: i32 = 0;
let outFeature: usize = 0;
let outLeft: usize = 0;
let outRight: usize = 0;
let outImpurity: usize = 0;
let outDepth: usize = 0;
let outPredicted: usize = 0;
/** Node i's (class, count) pairs are pairs[2 * pairStart[i] .. 2 * pairStart[i + 1]). */
let outPairStart: usize = 0;
let outPairs: usize = 0;
let pairCount: i32 = 0;

/**
 * Where the fitted tree's arrays are, in this order: feature, left, right, impurity (f64),
 * depth, predicted class, pair start (node count + 1 entries), pairs.
 */
export function output(i: i32): usize {
  switch (i) {
    case 0: return outFeature;
    case 1: return outLeft;
    case 2: return outRight;
    case 3: return outImpurity;
    case 4: return outDepth;
    case 5: return outPredicted;
    case 6: return outPairStart;
    default: return outPairs;
  }
}

// --------------------------------------------------------------------------------- splitter

// @ts-ignore: decorator
@inline function nodeSize(): i32 {
  return 1 << (K - nodeDepth);
}

// @ts-ignore: decorator
@inline function bufStart(): i32 {
  return (nodeDepth & 1) * N + nodeStart;
}

/** Local bit of free feature f: how many free features come after it. */
function localBit(f: i32): i32 {
  const free = ~nodeFixed & ((1 << K) - 1);
  return popcnt<i32>(<i32>(<u32>free >> <u32>(f + 1)));
}

/** Σ of row c of a histogram of `width` bits over the cells whose bit j is set. */
function sumOfBit(hist: usize, c: i32, width: i32, j: i32): i32 {
  const step = 1 << j;
  const size = 1 << width;
  const row = c << width;
  let sum = 0;
  for (let block = step; block < size; block += 2 * step) {
    for (let x = block; x < block + step; x++) sum += geti(hist, row | x);
  }
  return sum;
}

/** Small nodes: each profile adds itself to the counts of the bits set in its local number. */
function countDirect(): void {
  const m = K - nodeDepth;
  const size = 1 << m;
  for (let j = 0; j < m; j++) memory.fill(ones + (<usize>(base + geti(featureOfBit, j) * rows) << 2), 0, <usize>rows << 2);
  const from = bufStart();
  for (let x = 1; x < size; x++) {
    const c = geti(rowOf, geti(buf, from + x));
    for (let y = x; y != 0; y &= y - 1) addi(ones, base + geti(featureOfBit, ctz<i32>(y)) * rows + c, 1);
  }
}

/**
 * Two histograms per class: of the low a bits and of the high b bits of each profile's local
 * number (m = a + b). A bit's count per class is then a sum over one histogram: two increments
 * per profile instead of m bit tests.
 */
function countByHistogram(): void {
  const m = K - nodeDepth;
  const a = m >> 1;
  const b = m - a;
  memory.fill(histLo, 0, <usize>(rows << a) << 2);
  memory.fill(histHi, 0, <usize>(rows << b) << 2);
  const run = 1 << a;
  const runs = 1 << b;
  let i = bufStart();
  for (let h = 0; h < runs; h++) {
    for (let l = 0; l < run; l++) {
      const c = geti(rowOf, geti(buf, i++));
      addi(histLo, (c << a) | l, 1);
      addi(histHi, (c << b) | h, 1);
    }
  }
  for (let j = 0; j < m; j++) {
    const at = base + geti(featureOfBit, j) * rows;
    for (let c = 0; c < rows; c++) seti(ones, at + c, j < a ? sumOfBit(histLo, c, a, j) : sumOfBit(histHi, c, b, j - a));
  }
}

/** Σ right² and Σ left² per free feature, over the node's classes. */
function squares(): void {
  const m = K - nodeDepth;
  for (let j = 0; j < m; j++) {
    const f = geti(featureOfBit, j);
    const at = base + f * rows;
    let sqR: f64 = 0.0;
    let sqL: f64 = 0.0;
    for (let i = 0; i < listLength; i++) {
      const r = geti(ones, at + geti(rowOf, geti(pending, listAt + 2 * i)));
      const l = geti(pending, listAt + 2 * i + 1) - r;
      sqR += <f64>r * <f64>r;
      sqL += <f64>l * <f64>l;
    }
    setf(sqRight, f, sqR);
    setf(sqLeft, f, sqL);
  }
}

/** The right sibling's block holds the parent's counts: what is not here is there. */
function subtractFromSibling(): void {
  const m = K - nodeDepth;
  const sibling = base - blockSize;
  for (let j = 0; j < m; j++) {
    const at = geti(featureOfBit, j) * rows;
    for (let c = 0; c < rows; c++) addi(ones, sibling + at + c, -geti(ones, base + at + c));
  }
}

/**
 * Many classes in a node: group its positions by class (a counting sort), then tally each
 * class's bits on its own, so memory stays one position per profile whatever the classes. A
 * class of one profile adds its own bits (r² = r), so those are histogrammed all together.
 */
function countByClass(): void {
  const m = K - nodeDepth;
  const size = 1 << m;
  let sum = 0;
  for (let c = 0; c < listLength; c++) {
    seti(cursor, c, sum);
    sum += geti(pending, listAt + 2 * c + 1);
  }
  const from = bufStart();
  for (let x = 0; x < size; x++) {
    const c = geti(rowOf, geti(buf, from + x));
    const at = geti(cursor, c);
    seti(cursor, c, at + 1);
    seti(byClass, at, x);
  }
  const a = m >> 1;
  const b = m - a;
  memory.fill(histLo, 0, <usize>(1 << a) << 2);
  memory.fill(histHi, 0, <usize>(1 << b) << 2);
  const low = (1 << a) - 1;
  let singles = 0;
  for (let j = 0; j < m; j++) {
    setf(bitRight, j, 0.0);
    setf(bitLeft, j, 0.0);
  }
  let at = 0;
  for (let c = 0; c < listLength; c++) {
    const total = geti(pending, listAt + 2 * c + 1);
    if (total == 1) {
      const x = geti(byClass, at++);
      addi(histLo, x & low, 1);
      addi(histHi, x >> a, 1);
      singles++;
      continue;
    }
    for (let j = 0; j < m; j++) seti(tally, j, 0);
    for (let e = at + total; at < e; at++) {
      for (let x = geti(byClass, at); x != 0; x &= x - 1) addi(tally, ctz<i32>(x), 1);
    }
    for (let j = 0; j < m; j++) {
      const r = <f64>geti(tally, j);
      const l = <f64>total - r;
      addf(bitRight, j, r * r);
      addf(bitLeft, j, l * l);
    }
  }
  for (let j = 0; j < m; j++) {
    const r = j < a ? sumOfBit(histLo, 0, a, j) : sumOfBit(histHi, 0, b, j - a);
    setf(sqRight, geti(featureOfBit, j), getf(bitRight, j) + <f64>r);
    setf(sqLeft, geti(featureOfBit, j), getf(bitLeft, j) + <f64>(singles - r));
  }
}

/** Fills sqLeft and sqRight for every free feature of the current node. */
function count(): void {
  let j = 0;
  for (let f = K - 1; f >= 0; f--) if (((nodeFixed >> f) & 1) == 0) seti(featureOfBit, j++, f);
  if (!derives) {
    // Rows are the node's own classes.
    for (let i = 0; i < listLength; i++) seti(rowOf, geti(pending, listAt + 2 * i), i);
    rows = listLength;
  }
  inBlock = rows <= HISTOGRAM_MAX_CLASSES;
  if (!inBlock) {
    countByClass();
    return;
  }
  if (!onesReady) {
    if (K - nodeDepth <= DIRECT_MAX_BITS) countDirect();
    else countByHistogram();
  }
  squares();
  if (deriveSibling) subtractFromSibling();
}

function swap(a: usize, i: i32, j: i32): void {
  const t = geti(a, i);
  seti(a, i, geti(a, j));
  seti(a, j, t);
}

/**
 * BestSplitter.node_split. `nConstant` is the number of features known to be constant in this
 * node (passed down from its parent); returns the count for the children.
 */
function nodeSplit(impurity: f64, nConstant: i32): i32 {
  const nNode = nodeSize();
  const end = nodeStart + nNode;
  const nFeatures = K;
  // max_features=None means every feature may be visited.
  const maxFeatures = nFeatures;
  // Every free feature of a subcube puts half of it on each side.
  const nLeft = <f64>(nNode >> 1);
  const nRight = <f64>(nNode >> 1);

  // _init_split: no split yet, pos = end.
  splitFeature = 0;
  splitPos = end;
  splitImprovement = -Infinity;
  splitImpurityLeft = Infinity;
  splitImpurityRight = Infinity;
  let bestProxy: f64 = -Infinity;

  count();

  let fI = nFeatures;
  let nVisited = 0;
  let nFoundConstants = 0;
  let nDrawnConstants = 0;
  const nKnownConstants = nConstant;
  let nTotalConstants = nKnownConstants;

  // Fisher–Yates draw without replacement over `features`. Its layout (the loop invariant of
  // _splitter.pyx): [0, nDrawnConstants) drawn known constants; [nDrawnConstants, nKnownConstants)
  // known constants not drawn yet; [nKnownConstants, nTotalConstants) constants found in this
  // node; [nTotalConstants, fI) not drawn yet; [fI, nFeatures) drawn and not constant.
  while (fI > nTotalConstants && (nVisited < maxFeatures || nVisited <= nFoundConstants + nDrawnConstants)) {
    nVisited += 1;
    let fJ = randInt(nDrawnConstants, fI - nFoundConstants);

    if (fJ < nKnownConstants) {
      // A feature already known to be constant: it costs the draw above (scikit-learn's random
      // stream must be followed draw for draw) but is not evaluated.
      swap(features, nDrawnConstants, fJ);
      nDrawnConstants += 1;
      continue;
    }

    // Skip over the constants found in this node: fJ lands in [nTotalConstants, fI).
    fJ += nFoundConstants;
    const feature = geti(features, fJ);

    // scikit-learn's `Xf[end - 1] <= Xf[start] + FEATURE_THRESHOLD` after sorting: in a subcube a
    // feature is constant exactly when the path fixed it. It joins the found constants, which
    // the children will know and skip (still paying a draw).
    if ((nodeFixed >> feature) & 1) {
      swap(features, fJ, nTotalConstants);
      nFoundConstants += 1;
      nTotalConstants += 1;
      continue;
    }

    fI -= 1;
    swap(features, fI, fJ);

    // The only split position of a 0/1 feature: 0s go left (x <= 0.5), 1s go right.
    // min_samples_leaf = 1 and min_weight_leaf = 0 never reject it.
    // Gini.children_impurity, then proxy_impurity_improvement, as scikit-learn orders them.
    const impurityLeft = giniFromSquares(getf(sqLeft, feature), nLeft);
    const impurityRight = giniFromSquares(getf(sqRight, feature), nRight);
    const proxy = proxyImprovement(nLeft, impurityLeft, nRight, impurityRight);

    // Strictly greater, as scikit-learn: of equally good splits the first one drawn wins. This,
    // with the draw order above, is what makes the study's trees come out as they do.
    if (proxy > bestProxy) {
      bestProxy = proxy;
      splitFeature = feature;
      splitPos = nodeStart + (nNode >> 1);
      splitImpurityLeft = impurityLeft;
      splitImpurityRight = impurityRight;
    }
  }

  if (splitPos < end) {
    // The true improvement is computed for the winner only.
    splitImprovement = impurityImprovement(<f64>N, <f64>nNode, impurity, nLeft, splitImpurityLeft, nRight, splitImpurityRight);
    childLists(splitFeature);
  }

  // The children must see the known constants in their original order: restore them, then
  // record the constants newly found here after them.
  for (let f = 0; f < nKnownConstants; f++) seti(features, f, geti(constantFeatures, f));
  for (let f = nKnownConstants; f < nTotalConstants; f++) seti(constantFeatures, f, geti(features, f));

  return nTotalConstants;
}

/** The class lists of the two sides of a split on feature f: right from the split's counts. */
function childLists(f: i32): void {
  const j = localBit(f);
  const at = base + f * rows;
  let nl = 0;
  let nr = 0;
  let from = 0;
  for (let i = 0; i < listLength; i++) {
    const cls = geti(pending, listAt + 2 * i);
    const total = geti(pending, listAt + 2 * i + 1);
    let r = 0;
    if (inBlock) r = geti(ones, at + geti(rowOf, cls));
    else {
      // Grouped by class, no per-feature table is kept: the winner's bit is tallied again.
      for (let e = from + total; from < e; from++) r += (geti(byClass, from) >> j) & 1;
    }
    const l = total - r;
    if (l > 0) {
      seti(leftList, nl++, cls);
      seti(leftList, nl++, l);
    }
    if (r > 0) {
      seti(rightList, nr++, cls);
      seti(rightList, nr++, r);
    }
  }
  leftLength = nl >> 1;
  rightLength = nr >> 1;
}

/**
 * Moves the node's labels to the other buffer split on local bit j, keeping the order of the
 * remaining bits: runs of 2^j labels alternate between the sides.
 */
function deinterleave(j: i32, copyLeft: bool, copyRight: bool): void {
  const from = bufStart();
  const to = ((nodeDepth + 1) & 1) * N + nodeStart;
  const half = nodeSize() >> 1;
  const run = 1 << j;
  if (run >= 8) {
    const bytes = <usize>run << 2;
    for (let src = from, dst = to; dst < to + half; src += 2 * run, dst += run) {
      if (copyLeft) memory.copy(buf + (<usize>dst << 2), buf + (<usize>src << 2), bytes);
      if (copyRight) memory.copy(buf + (<usize>(dst + half) << 2), buf + (<usize>(src + run) << 2), bytes);
    }
    return;
  }
  const low = run - 1;
  for (let q = 0; q < half; q++) {
    const x = from + (((q & ~low) << 1) | (q & low));
    if (copyLeft) seti(buf, to + q, geti(buf, x));
    if (copyRight) seti(buf, to + half + q, geti(buf, x + run));
  }
}

/**
 * Leaves the current node: its list leaves `pending`; for a split, the children's lists take
 * its place (right below left, as the builder stacks them) and the children's labels go to the
 * other buffer, each only if that child will be split in turn.
 */
function finishNode(hasChildren: bool, copyLeft: bool, copyRight: bool): void {
  pendingTop = listAt;
  if (!hasChildren) return;
  memory.copy(pending + (<usize>pendingTop << 2), rightList, <usize>rightLength << 3);
  pendingTop += 2 * rightLength;
  memory.copy(pending + (<usize>pendingTop << 2), leftList, <usize>leftLength << 3);
  pendingTop += 2 * leftLength;
  if (copyLeft || copyRight) deinterleave(localBit(splitFeature), copyLeft, copyRight);
}

// ---------------------------------------------------------------------------------- the tree

/** Tree._add_node and node_value: appends a node, links it from its parent, keeps its counts. */
function addNode(parent: i32, isLeft: bool, isLeaf: bool, feature: i32, impurity: f64, depth: i32): i32 {
  const id = nodeCount++;
  if (parent != TREE_UNDEFINED) seti(isLeft ? outLeft : outRight, parent, id);
  setf(outImpurity, id, impurity);
  seti(outDepth, id, depth);
  if (isLeaf) {
    seti(outLeft, id, TREE_LEAF);
    seti(outRight, id, TREE_LEAF);
    seti(outFeature, id, TREE_UNDEFINED);
  } else seti(outFeature, id, feature);
  memory.copy(outPairs + (<usize>pairCount << 3), pending + (<usize>listAt << 2), <usize>listLength << 3);
  pairCount += listLength;
  seti(outPairStart, id + 1, pairCount);
  // numpy's argmax over the counts: the first (in class order) of equal counts wins.
  let best = -1;
  let bestCount = 0;
  for (let i = 0; i < listLength; i++) {
    const v = geti(pending, listAt + 2 * i + 1);
    if (v > bestCount) {
      bestCount = v;
      best = geti(pending, listAt + 2 * i);
    }
  }
  seti(outPredicted, id, best);
  return id;
}

// ------------------------------------------------------------------------------- the builder

/**
 * Fits the tree of a table of k criteria (2^k profiles) whose labels and class counts the caller
 * wrote at `labels` and `classCounts`; maxDepth < 0 means none. `seed` is the splitter's xorshift
 * state, the one number it draws from RandomState(random_state). Returns the number of nodes.
 */
export function fit(k: i32, nClasses: i32, maxDepth: i32, seed: u32, labels: usize, classCounts: usize): i32 {
  K = k;
  N = 1 << k;
  classesInTable = nClasses;
  rngState = seed;
  const depthLimit = maxDepth < 0 ? k : min(maxDepth, k);
  // A node never holds more classes than profiles, nor more than the table has.
  const maxList = min(nClasses, N);
  derives = nClasses <= HISTOGRAM_MAX_CLASSES;
  const rowsMax = min(maxList, HISTOGRAM_MAX_CLASSES);
  const histBits = min(k, HISTOGRAM_MAX_BITS);
  const slots = k + 3;

  features = alloc(k << 2);
  for (let f = 0; f < k; f++) seti(features, f, f);
  constantFeatures = alloc(k << 2);
  buf = alloc(N << 3);
  memory.copy(buf, labels, <usize>N << 2);
  // At most k + 2 lists wait at once, and they are disjoint subcubes.
  pending = alloc(min(N + maxList, slots * maxList) << 3);
  rowOf = alloc(nClasses << 2);
  for (let c = 0; c < nClasses; c++) seti(rowOf, c, c);
  rows = nClasses;
  featureOfBit = alloc(k << 2);
  blockSize = k * rowsMax;
  // One block per stack slot: a waiting right child keeps its parent's counts in its block.
  ones = alloc(slots * blockSize << 2);
  histLo = alloc(rowsMax << histBits << 2);
  histHi = alloc(rowsMax << histBits << 2);
  sqRight = alloc(k << 3);
  sqLeft = alloc(k << 3);
  bitRight = alloc(k << 3);
  bitLeft = alloc(k << 3);
  const grouped = maxList > HISTOGRAM_MAX_CLASSES;
  byClass = alloc(grouped ? N << 2 : 0);
  cursor = alloc(grouped ? maxList << 2 : 0);
  tally = alloc(k << 2);
  leftList = alloc(maxList << 3);
  rightList = alloc(maxList << 3);

  // A full tree to depthLimit has 2^(depthLimit + 1) - 1 nodes; each level's nodes are disjoint,
  // so it holds at most N pairs, and at most nodes × classes.
  const maxNodes = (2 << depthLimit) - 1;
  const maxPairs = <i32>min<i64>(<i64>N * <i64>(depthLimit + 1), <i64>maxNodes * <i64>maxList);
  outFeature = alloc(maxNodes << 2);
  outLeft = alloc(maxNodes << 2);
  outRight = alloc(maxNodes << 2);
  outImpurity = alloc(maxNodes << 3);
  outDepth = alloc(maxNodes << 2);
  outPredicted = alloc(maxNodes << 2);
  outPairStart = alloc((maxNodes + 1) << 2);
  outPairs = alloc(maxPairs << 3);

  let listTop = 0;
  for (let c = 0; c < nClasses; c++) {
    const v = geti(classCounts, c);
    if (v == 0) continue;
    seti(pending, listTop++, c);
    seti(pending, listTop++, v);
  }
  pendingTop = listTop;

  // The builder's explicit stack, as scikit-learn uses: the right child is pushed first so that
  // the left child is built first, and one splitter (one random state) serves every node in
  // that order. A node is a subcube: its depth gives its size, `fixed` (the features its path
  // set) its place.
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
  seti(sClasses, 0, listTop >> 1);
  let first = true;

  while (stackTop > 0) {
    const slot = --stackTop;
    nodeStart = geti(sStart, slot);
    nodeDepth = geti(sDepth, slot);
    nodeFixed = geti(sFixed, slot);
    listLength = geti(sClasses, slot);
    listAt = pendingTop - 2 * listLength;
    base = slot * blockSize;
    onesReady = derives && geti(sOnesReady, slot) == 1;
    deriveSibling = derives && geti(sDerive, slot) == 1;
    let impurity = getf(sImpurity, slot);
    let nConstant = geti(sConstant, slot);
    const nNode = nodeSize();

    // Only the root's impurity is computed here; children inherit theirs from the split.
    if (first) {
      let sq: f64 = 0.0;
      for (let i = 0; i < listLength; i++) {
        const v = <f64>geti(pending, listAt + 2 * i + 1);
        sq += v * v;
      }
      impurity = giniFromSquares(sq, <f64>nNode);
      first = false;
    }
    // Stopping rules checked before searching: depth, min_samples_split=2 and
    // 2 * min_samples_leaf=2; then a pure node (up to rounding) is a leaf and costs no draw.
    let isLeaf = nodeDepth >= depthLimit || nNode < 2 || impurity <= EPSILON;

    if (!isLeaf) {
      nConstant = nodeSplit(impurity, nConstant);
      // No valid split, or one that improves by less than min_impurity_decrease = 0.
      isLeaf = splitPos >= nodeStart + nNode || splitImprovement + EPSILON < 0;
    }

    // Every node stores its class counts (node_value), not just leaves.
    const id = addNode(geti(sParent, slot), geti(sIsLeft, slot) == 1, isLeaf, splitFeature, impurity, nodeDepth);

    if (isLeaf) {
      finishNode(false, false, false);
      continue;
    }
    const half = nNode >> 1;
    const childDepth = nodeDepth + 1;
    // The same stopping rules, for the children: labels are moved only for those to be split.
    const leftNeedsLabels = !(childDepth >= depthLimit || half < 2 || splitImpurityLeft <= EPSILON);
    const rightNeedsLabels = !(childDepth >= depthLimit || half < 2 || splitImpurityRight <= EPSILON);
    finishNode(true, leftNeedsLabels, rightNeedsLabels);
    // Both children will be counted: count the left one, and the right one's counts follow.
    const derived = derives && leftNeedsLabels && rightNeedsLabels ? 1 : 0;
    const childFixed = nodeFixed | (1 << splitFeature);
    for (let side = 0; side < 2; side++) {
      const s = stackTop++;
      const left = side == 1;
      seti(sStart, s, left ? nodeStart : nodeStart + half);
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
