/**
 * A fitted tree as flat arrays, like scikit-learn's `Tree` (sklearn/tree/_tree.pyx): node i's
 * fields live at index i of each array, children are node ids, and a leaf has feature -2
 * (TREE_LEAF / TREE_UNDEFINED). Node ids are assigned in the order the builder adds nodes,
 * which is depth-first, left (criterion does not matter) first.
 */
import type { TieClass } from './profiles.js';

export const TREE_LEAF = -1;
export const TREE_UNDEFINED = -2;

/** What the fitter hands over: per node, its fields; and every node's class counts. */
export interface TreeArrays {
  /** Number of criteria: a node at depth d holds 2^(k - d) profiles. */
  readonly k: number;
  readonly nodeCount: number;
  readonly feature: Int32Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly impurity: Float64Array;
  readonly depth: Int32Array;
  /** The class each node predicts. */
  readonly predicted: Int32Array;
  /** Node i's (class, count) pairs are pairs[2 * pairStart[i] .. 2 * pairStart[i + 1]), in class order. */
  readonly pairStart: Int32Array;
  readonly pairs: Int32Array;
}

export class Tree {
  readonly nClasses: number;
  readonly nodeCount: number;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly impurity: Float64Array;
  readonly nSamples: Int32Array;
  readonly depthOf: Int32Array;
  private readonly predicted: Int32Array;
  /**
   * scikit-learn keeps node_value as n_nodes × n_classes doubles; a table with many frameworks can
   * have a million classes, so each node keeps only the classes it holds, as (class, count) pairs.
   */
  private readonly pairStart: Int32Array;
  private readonly pairs: Int32Array;

  constructor(
    /** Criterion ids in feature order. */
    readonly features: readonly string[],
    /** Framework ids in file order. */
    readonly frameworks: readonly string[],
    /** The classes, in the order that decides ties inside a leaf. */
    readonly classes: readonly TieClass[],
    arrays: TreeArrays,
  ) {
    this.nClasses = classes.length;
    this.nodeCount = arrays.nodeCount;
    this.feature = arrays.feature;
    this.left = arrays.left;
    this.right = arrays.right;
    this.impurity = arrays.impurity;
    this.depthOf = arrays.depth;
    this.predicted = arrays.predicted;
    this.pairStart = arrays.pairStart;
    this.pairs = arrays.pairs;
    this.threshold = new Float64Array(this.nodeCount);
    this.nSamples = new Int32Array(this.nodeCount);
    for (let i = 0; i < this.nodeCount; i++) {
      // The only threshold of a 0/1 feature, `Xf[p-1] / 2.0 + Xf[p] / 2.0` between 0 and 1.
      this.threshold[i] = this.feature[i]! === TREE_UNDEFINED ? TREE_UNDEFINED : 0.5;
      this.nSamples[i] = 2 ** (arrays.k - this.depthOf[i]!);
    }
  }

  isLeaf(node: number): boolean {
    return this.left[node] === TREE_LEAF;
  }

  /** How many classes node `node` holds (those with a count above 0). */
  classesIn(node: number): number {
    return this.pairStart[node + 1]! - this.pairStart[node]!;
  }

  /** The i-th class node `node` holds, in class order (i < classesIn(node)). */
  classAt(node: number, i: number): number {
    return this.pairs[2 * (this.pairStart[node]! + i)]!;
  }

  /** How many profiles of the i-th class node `node` holds. */
  countAt(node: number, i: number): number {
    return this.pairs[2 * (this.pairStart[node]! + i) + 1]!;
  }

  /** How many profiles of class `cls` node `node` holds (0 for a class it lacks). */
  count(node: number, cls: number): number {
    let lo = 0;
    let hi = this.classesIn(node);
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
    for (let i = 0; i < this.classesIn(node); i++) out.push({ cls: this.classAt(node, i), count: this.countAt(node, i) });
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
