/**
 * A fitted tree as flat arrays, like scikit-learn's `Tree` (sklearn/tree/_tree.pyx): node i's
 * fields live at index i of each array, children are node ids, and a leaf has feature -2
 * (TREE_LEAF / TREE_UNDEFINED). Node ids are assigned in the order the builder adds nodes,
 * which is depth-first, left (criterion does not matter) first.
 */
import type { TieClass } from './profiles.js';

export const TREE_LEAF = -1;
export const TREE_UNDEFINED = -2;

/** Class counts are stored in chunks that never move; a node's list never spans two of them. */
const FIRST_CHUNK = 1024;
const MAX_CHUNK = 1 << 20;

export class Tree {
  readonly nClasses: number;
  nodeCount = 0;
  private capacity: number;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  impurity: Float64Array;
  nSamples: Int32Array;
  depthOf: Int32Array;
  /** predicted[i]: the class node i predicts. */
  private predicted: Int32Array;
  /**
   * scikit-learn keeps node_value as n_nodes × n_classes doubles; a table with many frameworks can
   * have a million classes, so here each node keeps only the classes it holds, as (class, count)
   * pairs in class order: in chunks[pairChunk[i]] from index pairAt[i], pairLength[i] pairs.
   */
  private pairChunk: Int32Array;
  private pairAt: Int32Array;
  private pairLength: Int32Array;
  private readonly chunks: Int32Array[] = [];
  private chunkUsed = 0;

  constructor(
    /** Criterion ids in feature order. */
    readonly features: readonly string[],
    /** Framework ids in file order. */
    readonly frameworks: readonly string[],
    /** The classes, in the order that decides ties inside a leaf. */
    readonly classes: readonly TieClass[],
  ) {
    this.nClasses = classes.length;
    this.capacity = 16;
    this.feature = new Int32Array(this.capacity);
    this.threshold = new Float64Array(this.capacity);
    this.left = new Int32Array(this.capacity);
    this.right = new Int32Array(this.capacity);
    this.impurity = new Float64Array(this.capacity);
    this.nSamples = new Int32Array(this.capacity);
    this.depthOf = new Int32Array(this.capacity);
    this.predicted = new Int32Array(this.capacity);
    this.pairChunk = new Int32Array(this.capacity);
    this.pairAt = new Int32Array(this.capacity);
    this.pairLength = new Int32Array(this.capacity);
    this.chunks.push(new Int32Array(2 * Math.max(FIRST_CHUNK, this.nClasses)));
  }

  private grow(): void {
    const cap = this.capacity * 2;
    const g = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      b.set(a);
      return b;
    };
    this.feature = g(this.feature);
    this.threshold = g(this.threshold);
    this.left = g(this.left);
    this.right = g(this.right);
    this.impurity = g(this.impurity);
    this.nSamples = g(this.nSamples);
    this.depthOf = g(this.depthOf);
    this.predicted = g(this.predicted);
    this.pairChunk = g(this.pairChunk);
    this.pairAt = g(this.pairAt);
    this.pairLength = g(this.pairLength);
    this.capacity = cap;
  }

  /**
   * Tree._add_node and node_value: appends a node, links it from its parent and stores its class
   * counts, `length` (class, count) pairs read from `pairs` at `at`, in class order.
   */
  addNode(
    parent: number,
    isLeft: boolean,
    isLeaf: boolean,
    feature: number,
    threshold: number,
    impurity: number,
    nSamples: number,
    depth: number,
    pairs: Int32Array,
    at: number,
    length: number,
  ): number {
    if (this.nodeCount >= this.capacity) this.grow();
    const id = this.nodeCount++;
    if (parent !== TREE_UNDEFINED) {
      if (isLeft) this.left[parent] = id;
      else this.right[parent] = id;
    }
    this.impurity[id] = impurity;
    this.nSamples[id] = nSamples;
    this.depthOf[id] = depth;
    if (isLeaf) {
      this.left[id] = TREE_LEAF;
      this.right[id] = TREE_LEAF;
      this.feature[id] = TREE_UNDEFINED;
      this.threshold[id] = TREE_UNDEFINED;
    } else {
      this.feature[id] = feature;
      this.threshold[id] = threshold;
    }

    let chunk = this.chunks[this.chunks.length - 1]!;
    if (this.chunkUsed + 2 * length > chunk.length) {
      // Chunks double up to a million pairs, and always hold the largest possible list.
      const pairsWanted = Math.max(this.nClasses, Math.min(MAX_CHUNK, chunk.length));
      chunk = new Int32Array(2 * pairsWanted);
      this.chunks.push(chunk);
      this.chunkUsed = 0;
    }
    for (let i = 0; i < 2 * length; i++) chunk[this.chunkUsed + i] = pairs[at + i]!;
    this.pairChunk[id] = this.chunks.length - 1;
    this.pairAt[id] = this.chunkUsed;
    this.pairLength[id] = length;
    this.chunkUsed += 2 * length;

    // numpy's argmax over the counts: the first (in class order) of equal counts wins.
    let best = -1;
    let bestCount = 0;
    for (let i = 0; i < length; i++) {
      const v = pairs[at + 2 * i + 1]!;
      if (v > bestCount) {
        bestCount = v;
        best = pairs[at + 2 * i]!;
      }
    }
    this.predicted[id] = best;
    return id;
  }

  isLeaf(node: number): boolean {
    return this.left[node] === TREE_LEAF;
  }

  /** How many classes node `node` holds (those with a count above 0). */
  classesIn(node: number): number {
    return this.pairLength[node]!;
  }

  /** The i-th class node `node` holds, in class order (i < classesIn(node)). */
  classAt(node: number, i: number): number {
    return this.chunks[this.pairChunk[node]!]![this.pairAt[node]! + 2 * i]!;
  }

  /** How many profiles of the i-th class node `node` holds. */
  countAt(node: number, i: number): number {
    return this.chunks[this.pairChunk[node]!]![this.pairAt[node]! + 2 * i + 1]!;
  }

  /** How many profiles of class `cls` node `node` holds (0 for a class it lacks). */
  count(node: number, cls: number): number {
    let lo = 0;
    let hi = this.pairLength[node]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.classAt(node, mid);
      if (c === cls) return this.countAt(node, mid);
      if (c < cls) lo = mid + 1;
      else hi = mid;
    }
    return 0;
  }

  /** Class counts of a node: the classes it holds, in class order. */
  counts(node: number): { cls: number; count: number }[] {
    const out: { cls: number; count: number }[] = [];
    for (let i = 0; i < this.pairLength[node]!; i++) out.push({ cls: this.classAt(node, i), count: this.countAt(node, i) });
    return out;
  }

  /** The predicted class: numpy's argmax over the counts, so the first of equal counts wins. */
  predictedClass(node: number): number {
    return this.predicted[node]!;
  }

  /** The leaf a profile lands on; `important(f)` answers whether criterion f matters. */
  apply(important: (feature: number) => boolean): number {
    let node = 0;
    while (!this.isLeaf(node)) node = important(this.feature[node]!) ? this.right[node]! : this.left[node]!;
    return node;
  }

  /**
   * The share of the training profiles whose leaf predicts their own label (scikit-learn's
   * score): in each leaf those are the profiles of its predicted class, the largest count.
   */
  accuracy(): number {
    let right = 0;
    for (let i = 0; i < this.nodeCount; i++) if (this.isLeaf(i)) right += this.count(i, this.predicted[i]!);
    return right / this.nSamples[0]!;
  }

  /** The depth of the deepest node (scikit-learn's get_depth). */
  maxDepth(): number {
    let d = 0;
    for (let i = 0; i < this.nodeCount; i++) d = Math.max(d, this.depthOf[i]!);
    return d;
  }

  leafCount(): number {
    let n = 0;
    for (let i = 0; i < this.nodeCount; i++) if (this.isLeaf(i)) n++;
    return n;
  }
}
