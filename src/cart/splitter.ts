/**
 * scikit-learn 1.2's BestSplitter (sklearn/tree/_splitter.pyx) specialised to the complete cube
 * of 0/1 profiles.
 *
 * Everything that decides WHICH feature wins is kept exactly: the random order in which features
 * are drawn, the bookkeeping of features known to be constant, and the strict `>` that keeps the
 * first of equally good splits. What changes is how the numbers are found. The training set is
 * every profile of k criteria, so every node is a subcube: the profiles that agree with its path.
 * Hence:
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
 */
import { giniFromSquares, impurityImprovement, proxyImprovement } from './criterion.js';
import type { TrainingSet } from './profiles.js';
import { RandR } from './rng.js';

export interface SplitRecord {
  feature: number;
  /** Index where the right child starts; `end` means no split was found. */
  pos: number;
  threshold: number;
  improvement: number;
  impurityLeft: number;
  impurityRight: number;
}

/** Up to this many classes (in the table, or else in a node) counts go through histograms. */
const HISTOGRAM_MAX_CLASSES = 64;
/** Each histogram covers at most half of the 20 free bits of a profile's local number. */
const HISTOGRAM_MAX_BITS = 10;
/** Nodes of up to 2^this profiles are counted bit by bit: their histograms would cost more. */
const DIRECT_MAX_BITS = 4;

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Class counts travel as lists of (class, count) pairs in class order, interleaved in an
 * Int32Array: only the classes present, so a node costs what it holds.
 */
export class BestSplitter {
  private readonly k: number;
  private readonly n: number;
  /** Splitter.features: a permutation of feature ids that persists from node to node. */
  private readonly features: Int32Array;
  /** Splitter.constant_features: constants found so far along the current branch. */
  private readonly constantFeatures: Int32Array;
  private readonly rng: RandR;

  /** Labels: buffer 0 is [0, n), buffer 1 is [n, 2n); one array so blocks move with copyWithin. */
  private readonly buf: Int32Array;
  /**
   * The class lists of the nodes waiting on the builder's stack, last pushed on top: pending
   * nodes are disjoint subcubes, so together they hold at most n (class, count) pairs.
   */
  readonly pending: Int32Array;
  /** Where the current node's list starts in `pending`, and its number of classes. */
  listAt = 0;
  listLength = 0;
  private pendingTop = 0;

  /**
   * With few classes in the table, counts are indexed by class id in every node, so a right
   * child's can be found by subtraction: the builder then tells nodes which counts they inherit.
   */
  readonly derives: boolean;
  /** Rows of the count tables: the table's classes, or the current node's. */
  private rows = 0;
  /** rowOf[c]: the row of class c (the identity when `derives`). */
  private readonly rowOf: Int32Array;
  /** Whether the current node's counts are in its block (else they were grouped by class). */
  private inBlock = false;

  // The current node.
  private start = 0;
  private depth = 0;
  private fixed = 0;
  /** Block of the node's stack slot: ones[base + f * rows + row] = profiles with f = 1 of that row. */
  private base = 0;
  private onesReady = false;
  private deriveSibling = false;
  /** featureOfBit[j]: the feature that local bit j stands for. */
  private readonly featureOfBit: Int32Array;

  private readonly ones: Int32Array;
  private readonly blockSize: number;
  private readonly histLo: Int32Array;
  private readonly histHi: Int32Array;
  /** Σ over classes of (right count)² and (left count)², per feature. */
  private readonly sqRight: Float64Array;
  private readonly sqLeft: Float64Array;
  /** Grouping by class (many classes in a node): positions per class, and per-bit tallies. */
  private readonly byClass: Int32Array;
  private readonly cursor: Int32Array;
  private readonly tally: Int32Array;
  /** The winner's children's lists, built before they replace the node's list in `pending`. */
  private readonly leftList: Int32Array;
  private readonly rightList: Int32Array;
  leftLength = 0;
  rightLength = 0;

  readonly split: SplitRecord = { feature: 0, pos: 0, threshold: 0, improvement: 0, impurityLeft: 0, impurityRight: 0 };

  constructor(data: TrainingSet, seed: number) {
    const k = data.k;
    const n = data.nSamples;
    const nClasses = data.classes.length;
    this.k = k;
    this.n = n;
    this.features = new Int32Array(k);
    for (let f = 0; f < k; f++) this.features[f] = f;
    this.constantFeatures = new Int32Array(k);
    this.rng = new RandR(seed);

    this.buf = new Int32Array(2 * n);
    this.buf.set(data.labels, 0);
    // A node never holds more classes than profiles, nor more than the table has.
    const maxList = Math.min(nClasses, n);
    // At most k + 2 lists wait at once, and they are disjoint subcubes.
    this.pending = new Int32Array(2 * Math.min(n + maxList, (k + 3) * maxList));
    let top = 0;
    for (let c = 0; c < nClasses; c++) {
      if (data.classCounts[c]! === 0) continue;
      this.pending[top++] = c;
      this.pending[top++] = data.classCounts[c]!;
    }
    this.pendingTop = top;
    this.listAt = 0;
    this.listLength = top / 2;

    this.derives = nClasses <= HISTOGRAM_MAX_CLASSES;
    this.rowOf = new Int32Array(nClasses);
    for (let c = 0; c < nClasses; c++) this.rowOf[c] = c;
    this.rows = nClasses;
    this.featureOfBit = new Int32Array(k);
    const rowsMax = Math.min(maxList, HISTOGRAM_MAX_CLASSES);
    const histBits = Math.min(k, HISTOGRAM_MAX_BITS);
    this.blockSize = k * rowsMax;
    // One block per stack slot: a waiting right child keeps its parent's counts in its block.
    this.ones = new Int32Array((k + 3) * this.blockSize);
    this.histLo = new Int32Array(rowsMax << histBits);
    this.histHi = new Int32Array(rowsMax << histBits);
    this.sqRight = new Float64Array(k);
    this.sqLeft = new Float64Array(k);
    const grouped = maxList > HISTOGRAM_MAX_CLASSES;
    this.byClass = new Int32Array(grouped ? n : 0);
    this.cursor = new Int32Array(grouped ? maxList : 0);
    this.tally = new Int32Array(k);
    this.leftList = new Int32Array(2 * maxList);
    this.rightList = new Int32Array(2 * maxList);
  }

  /** The root's class counts as a list: Σ count² gives its impurity. */
  nodeImpurity(): number {
    const list = this.pending;
    let sq = 0.0;
    for (let i = 0; i < this.listLength; i++) {
      const v = list[this.listAt + 2 * i + 1]!;
      sq += v * v;
    }
    return giniFromSquares(sq, this.nodeSize());
  }

  private nodeSize(): number {
    return 1 << (this.k - this.depth);
  }

  /**
   * Splitter.node_reset: take the node at `start` whose path fixed the features in `fixed`. Its
   * class list is the one on top of `pending`, `listLength` pairs long. With `derives`: the node
   * sits in stack slot `slot`, whose block already holds its counts when `onesReady`, and when
   * `deriveSibling` its right sibling (slot - 1) holds their parent's, to have this node's taken off.
   */
  nodeReset(start: number, depth: number, fixed: number, listLength: number, slot: number, onesReady: boolean, deriveSibling: boolean): void {
    this.start = start;
    this.depth = depth;
    this.fixed = fixed;
    this.listLength = listLength;
    this.listAt = this.pendingTop - 2 * listLength;
    this.base = slot * this.blockSize;
    this.onesReady = onesReady && this.derives;
    this.deriveSibling = deriveSibling && this.derives;
  }

  /** Index of the first label of the current node in `buf` (buffers alternate by depth). */
  private bufStart(): number {
    return (this.depth & 1) * this.n + this.start;
  }

  /** Local bit of free feature f: how many free features come after it. */
  private localBit(f: number): number {
    const free = ~this.fixed & ((1 << this.k) - 1);
    return popcount(free >>> (f + 1));
  }

  /** Fills sqLeft and sqRight for every free feature of the current node. */
  private count(): void {
    const { rowOf, pending, listAt, featureOfBit, k } = this;
    const classes = this.listLength;
    let j = 0;
    for (let f = k - 1; f >= 0; f--) if (((this.fixed >>> f) & 1) === 0) featureOfBit[j++] = f;
    if (!this.derives) {
      // Rows are the node's own classes.
      for (let i = 0; i < classes; i++) rowOf[pending[listAt + 2 * i]!] = i;
      this.rows = classes;
    }
    this.inBlock = this.rows <= HISTOGRAM_MAX_CLASSES;
    if (!this.inBlock) {
      this.countByClass(classes);
      return;
    }
    if (!this.onesReady) {
      if (k - this.depth <= DIRECT_MAX_BITS) this.countDirect();
      else this.countByHistogram();
    }
    this.squares();
    if (this.deriveSibling) this.subtractFromSibling();
  }

  /** Small nodes: each profile adds itself to the counts of the bits set in its local number. */
  private countDirect(): void {
    const { buf, rowOf, ones, base, rows, featureOfBit } = this;
    const m = this.k - this.depth;
    const size = 1 << m;
    for (let j = 0; j < m; j++) ones.fill(0, base + featureOfBit[j]! * rows, base + (featureOfBit[j]! + 1) * rows);
    const from = this.bufStart();
    for (let x = 1; x < size; x++) {
      const c = rowOf[buf[from + x]!]!;
      for (let y = x; y !== 0; y &= y - 1) ones[base + featureOfBit[31 - Math.clz32(y & -y)]! * rows + c]! += 1;
    }
  }

  /**
   * Two histograms per class: of the low a bits and of the high b bits of each profile's local
   * number (m = a + b). A bit's count per class is then a sum over one histogram: two increments
   * per profile instead of m bit tests.
   */
  private countByHistogram(): void {
    const { histLo, histHi, ones, base, rows, featureOfBit } = this;
    const m = this.k - this.depth;
    const a = m >>> 1;
    const b = m - a;
    histLo.fill(0, 0, rows << a);
    histHi.fill(0, 0, rows << b);
    fillHistograms(this.buf, this.rowOf, this.bufStart(), a, b, histLo, histHi);
    for (let j = 0; j < m; j++) {
      const low = j < a;
      const at = base + featureOfBit[j]! * rows;
      for (let c = 0; c < rows; c++) ones[at + c] = low ? sumOfBit(histLo, c, a, j) : sumOfBit(histHi, c, b, j - a);
    }
  }

  /** Σ right² and Σ left² per free feature, over the node's classes. */
  private squares(): void {
    const { ones, base, rows, rowOf, pending, listAt, sqLeft, sqRight, featureOfBit } = this;
    const m = this.k - this.depth;
    const classes = this.listLength;
    for (let j = 0; j < m; j++) {
      const f = featureOfBit[j]!;
      const at = base + f * rows;
      let sqR = 0.0;
      let sqL = 0.0;
      for (let i = 0; i < classes; i++) {
        const r = ones[at + rowOf[pending[listAt + 2 * i]!]!]!;
        const l = pending[listAt + 2 * i + 1]! - r;
        sqR += r * r;
        sqL += l * l;
      }
      sqRight[f] = sqR;
      sqLeft[f] = sqL;
    }
  }

  /** The right sibling's block holds the parent's counts: what is not here is there. */
  private subtractFromSibling(): void {
    const { ones, base, rows, featureOfBit } = this;
    const m = this.k - this.depth;
    const sibling = base - this.blockSize;
    for (let j = 0; j < m; j++) {
      const at = featureOfBit[j]! * rows;
      for (let c = 0; c < rows; c++) ones[sibling + at + c]! -= ones[base + at + c]!;
    }
  }

  /**
   * Many classes in a node: group its positions by class (a counting sort), then tally each
   * class's bits on its own, so memory stays one position per profile whatever the classes.
   */
  private countByClass(classes: number): void {
    const { buf, rowOf, byClass, cursor, tally, pending, listAt, sqLeft, sqRight, featureOfBit } = this;
    const m = this.k - this.depth;
    const size = 1 << m;
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      cursor[c] = sum;
      sum += pending[listAt + 2 * c + 1]!;
    }
    const from = this.bufStart();
    for (let x = 0; x < size; x++) byClass[cursor[rowOf[buf[from + x]!]!]!++] = x;

    for (let j = 0; j < m; j++) {
      sqLeft[featureOfBit[j]!] = 0.0;
      sqRight[featureOfBit[j]!] = 0.0;
    }
    let at = 0;
    for (let c = 0; c < classes; c++) {
      const total = pending[listAt + 2 * c + 1]!;
      tally.fill(0, 0, m);
      for (let e = at + total; at < e; at++) {
        for (let x = byClass[at]!; x !== 0; x &= x - 1) tally[31 - Math.clz32(x & -x)]! += 1;
      }
      for (let j = 0; j < m; j++) {
        const r = tally[j]!;
        const l = total - r;
        sqRight[featureOfBit[j]!]! += r * r;
        sqLeft[featureOfBit[j]!]! += l * l;
      }
    }
  }

  /**
   * BestSplitter.node_split. `nConstant` is the number of features known to be constant in this
   * node (passed down from its parent); returns the count for the children. The split is left in
   * `this.split`.
   */
  nodeSplit(impurity: number, nConstant: number): number {
    const { features, constantFeatures, rng, split, sqLeft, sqRight } = this;
    const nNode = this.nodeSize();
    const start = this.start;
    const end = start + nNode;
    const nFeatures = this.k;
    // max_features=None means every feature may be visited.
    const maxFeatures = nFeatures;
    // Every free feature of a subcube puts half of it on each side.
    const nLeft = nNode / 2;
    const nRight = nNode / 2;

    // _init_split: no split yet, pos = end.
    split.feature = 0;
    split.pos = end;
    split.threshold = 0;
    split.improvement = -Infinity;
    split.impurityLeft = Infinity;
    split.impurityRight = Infinity;
    let bestProxy = -Infinity;

    this.count();

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
      let fJ = rng.int(nDrawnConstants, fI - nFoundConstants);

      if (fJ < nKnownConstants) {
        // A feature already known to be constant: it costs the draw above (scikit-learn's random
        // stream must be followed draw for draw) but is not evaluated.
        swap(features, nDrawnConstants, fJ);
        nDrawnConstants += 1;
        continue;
      }

      // Skip over the constants found in this node: fJ lands in [nTotalConstants, fI).
      fJ += nFoundConstants;
      const feature = features[fJ]!;

      // scikit-learn's `Xf[end - 1] <= Xf[start] + FEATURE_THRESHOLD` after sorting: in a subcube
      // a feature is constant exactly when the path fixed it. It joins the found constants, which
      // the children will know and skip (still paying a draw).
      if ((this.fixed >>> feature) & 1) {
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
      const impurityLeft = giniFromSquares(sqLeft[feature]!, nLeft);
      const impurityRight = giniFromSquares(sqRight[feature]!, nRight);
      const proxy = proxyImprovement(nLeft, impurityLeft, nRight, impurityRight);

      // Strictly greater, as scikit-learn: of equally good splits the first one drawn wins. This,
      // with the draw order above, is what makes the study's trees come out as they do.
      if (proxy > bestProxy) {
        bestProxy = proxy;
        split.feature = feature;
        split.pos = start + nLeft;
        // `Xf[p-1] / 2.0 + Xf[p] / 2.0` between 0 and 1.
        split.threshold = 0.5;
        split.impurityLeft = impurityLeft;
        split.impurityRight = impurityRight;
      }
    }

    if (split.pos < end) {
      // The true improvement is computed for the winner only.
      split.improvement = impurityImprovement(this.n, nNode, impurity, nLeft, split.impurityLeft, nRight, split.impurityRight);
      this.childLists(split.feature);
    }

    // The children must see the known constants in their original order: restore them, then
    // record the constants newly found here after them. (Plain loops: no view objects per node.)
    for (let f = 0; f < nKnownConstants; f++) features[f] = constantFeatures[f]!;
    for (let f = nKnownConstants; f < nTotalConstants; f++) constantFeatures[f] = features[f]!;

    return nTotalConstants;
  }

  /** The class lists of the two sides of a split on feature f: right from the split's counts. */
  private childLists(f: number): void {
    const { pending, listAt, leftList, rightList, ones, byClass, rowOf } = this;
    const classes = this.listLength;
    const j = this.localBit(f);
    const at = this.base + f * this.rows;
    let nl = 0;
    let nr = 0;
    let from = 0;
    for (let i = 0; i < classes; i++) {
      const cls = pending[listAt + 2 * i]!;
      const total = pending[listAt + 2 * i + 1]!;
      let r = 0;
      if (this.inBlock) r = ones[at + rowOf[cls]!]!;
      else {
        // Grouped by class, no per-feature table is kept: the winner's bit is tallied again.
        for (let e = from + total; from < e; from++) r += (byClass[from]! >>> j) & 1;
      }
      const l = total - r;
      if (l > 0) {
        leftList[nl++] = cls;
        leftList[nl++] = l;
      }
      if (r > 0) {
        rightList[nr++] = cls;
        rightList[nr++] = r;
      }
    }
    this.leftLength = nl / 2;
    this.rightLength = nr / 2;
  }

  /**
   * Leaves the current node: its list leaves `pending`; for a split, the children's lists take
   * its place (right below left, as the builder stacks them) and the children's labels go to the
   * other buffer, each only if that child will be split in turn.
   */
  finishNode(hasChildren: boolean, copyLeft: boolean, copyRight: boolean): void {
    this.pendingTop = this.listAt;
    if (!hasChildren) return;
    const { pending, rightList, leftList } = this;
    let top = this.pendingTop;
    for (let i = 0; i < 2 * this.rightLength; i++) pending[top++] = rightList[i]!;
    for (let i = 0; i < 2 * this.leftLength; i++) pending[top++] = leftList[i]!;
    this.pendingTop = top;
    if (copyLeft || copyRight) this.deinterleave(this.localBit(this.split.feature), copyLeft, copyRight);
  }

  /**
   * Moves the node's labels to the other buffer split on local bit j, keeping the order of the
   * remaining bits: runs of 2^j labels alternate between the sides.
   */
  private deinterleave(j: number, copyLeft: boolean, copyRight: boolean): void {
    const { buf } = this;
    const from = this.bufStart();
    const to = ((this.depth + 1) & 1) * this.n + this.start;
    const half = this.nodeSize() / 2;
    const run = 1 << j;
    if (run >= 16) {
      for (let src = from, dst = to; dst < to + half; src += 2 * run, dst += run) {
        if (copyLeft) buf.copyWithin(dst, src, src + run);
        if (copyRight) buf.copyWithin(dst + half, src + run, src + 2 * run);
      }
      return;
    }
    const low = run - 1;
    for (let q = 0; q < half; q++) {
      const x = from + (((q & ~low) << 1) | (q & low));
      if (copyLeft) buf[to + q] = buf[x]!;
      if (copyRight) buf[to + half + q] = buf[x + run]!;
    }
  }
}

/**
 * The two histograms of a node's labels: lo[c << a | l] counts class c at low bits l, hi[c << b | h]
 * at high bits h. (A function of its own, so that the engine optimises this loop early, alone.)
 */
function fillHistograms(buf: Int32Array, rowOf: Int32Array, from: number, a: number, b: number, lo: Int32Array, hi: Int32Array): void {
  const run = 1 << a;
  const runs = 1 << b;
  let i = from;
  for (let h = 0; h < runs; h++) {
    for (let l = 0; l < run; l++) {
      const c = rowOf[buf[i++]!]!;
      lo[(c << a) | l]! += 1;
      hi[(c << b) | h]! += 1;
    }
  }
}

/** Σ of row c of a histogram of `width` bits over the cells whose bit j is set. */
function sumOfBit(hist: Int32Array, c: number, width: number, j: number): number {
  const step = 1 << j;
  const size = 1 << width;
  const row = c << width;
  let sum = 0;
  for (let block = step; block < size; block += 2 * step) {
    for (let x = block; x < block + step; x++) sum += hist[row | x]!;
  }
  return sum;
}

function swap(a: Int32Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
