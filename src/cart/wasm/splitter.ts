/**
 * scikit-learn 1.2's BestSplitter (sklearn/tree/_splitter.pyx) on the complete cube of 0/1
 * profiles: the draw order, the known-constant bookkeeping and the strict `>` are scikit-learn's;
 * how the counts are found is the cube's (see fit.ts).
 */
import { giniFromSquares, impurityImprovement, proxyImprovement } from './criterion';
import { addf, addi, alloc, getf, geti, setf, seti } from './memory';
import { randInt } from './random';

/** Up to this many classes (in the table, or else in a node) counts go through histograms. */
const HISTOGRAM_MAX_CLASSES: i32 = 64;
/** Each histogram covers at most half of the 20 free bits of a profile's local number. */
const HISTOGRAM_MAX_BITS: i32 = 10;
/** Nodes of up to 2^this profiles are counted bit by bit: their histograms would cost more. */
const DIRECT_MAX_BITS: i32 = 4;

let K: i32 = 0;
let N: i32 = 0;
/** With few classes in the table, counts are indexed by class id in every node (and derived). */
export let derives = false;

/** Splitter.features: a permutation of feature ids that persists from node to node. */
let features: usize = 0;
/** Splitter.constant_features: constants found so far along the current branch. */
let constantFeatures: usize = 0;
/** Labels: buffer 0 is [0, N), buffer 1 is [N, 2N). */
let buf: usize = 0;
/** Class lists of the nodes waiting on the stack, last pushed on top (disjoint subcubes). */
export let pending: usize = 0;
let pendingTop: i32 = 0;
export let listAt: i32 = 0;
export let listLength: i32 = 0;

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
export let leftLength: i32 = 0;
export let rightLength: i32 = 0;

// The current node.
let nodeStart: i32 = 0;
let nodeDepth: i32 = 0;
let nodeFixed: i32 = 0;
let base: i32 = 0;
let onesReady = false;
let deriveSibling = false;

// The split found (SplitRecord).
export let splitFeature: i32 = 0;
export let splitPos: i32 = 0;
export let splitImprovement: f64 = 0;
export let splitImpurityLeft: f64 = 0;
export let splitImpurityRight: f64 = 0;

/**
 * Splitter.init for a table of k criteria whose labels and class counts are at `labels` and
 * `classCounts`; leaves the root's class list on `pending` and returns its length.
 */
export function initSplitter(k: i32, nClasses: i32, labels: usize, classCounts: usize): i32 {
  K = k;
  N = 1 << k;
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
  ones = alloc((slots * blockSize) << 2);
  histLo = alloc((rowsMax << histBits) << 2);
  histHi = alloc((rowsMax << histBits) << 2);
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

  let top = 0;
  for (let c = 0; c < nClasses; c++) {
    const v = geti(classCounts, c);
    if (v == 0) continue;
    seti(pending, top++, c);
    seti(pending, top++, v);
  }
  pendingTop = top;
  return top >> 1;
}

/**
 * Splitter.node_reset: take the node at `start` whose path fixed the features in `fixed`; its
 * class list is the one on top of `pending`, `classes` pairs long. With `derives` it sits in
 * stack slot `slot`, whose block already holds its counts when `ready`; when `deriveFromSibling`,
 * its right sibling (slot - 1) holds their parent's, to have this node's taken off.
 */
export function nodeReset(start: i32, depth: i32, fixed: i32, classes: i32, slot: i32, ready: bool, deriveFromSibling: bool): void {
  nodeStart = start;
  nodeDepth = depth;
  nodeFixed = fixed;
  listLength = classes;
  listAt = pendingTop - 2 * classes;
  base = slot * blockSize;
  onesReady = derives && ready;
  deriveSibling = derives && deriveFromSibling;
}

/** Splitter.node_impurity, for the root: Σ count² of its list. */
export function rootImpurity(): f64 {
  let sq: f64 = 0.0;
  for (let i = 0; i < listLength; i++) {
    const v = <f64>geti(pending, listAt + 2 * i + 1);
    sq += v * v;
  }
  return giniFromSquares(sq, <f64>(1 << (K - nodeDepth)));
}

// --------------------------------------------------------------------------------- splitter

// @ts-expect-error: decorator
@inline function nodeSize(): i32 {
  return 1 << (K - nodeDepth);
}

// @ts-expect-error: decorator
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
export function nodeSplit(impurity: f64, nConstant: i32): i32 {
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
export function finishNode(hasChildren: bool, copyLeft: bool, copyRight: bool): void {
  pendingTop = listAt;
  if (!hasChildren) return;
  memory.copy(pending + (<usize>pendingTop << 2), rightList, <usize>rightLength << 3);
  pendingTop += 2 * rightLength;
  memory.copy(pending + (<usize>pendingTop << 2), leftList, <usize>leftLength << 3);
  pendingTop += 2 * leftLength;
  if (copyLeft || copyRight) deinterleave(localBit(splitFeature), copyLeft, copyRight);
}
