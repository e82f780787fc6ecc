/**
 * A fitted tree as flat arrays, like scikit-learn's `Tree` (sklearn/tree/_tree.pyx): node i's
 * fields live at index i of each array, children are node ids, and a leaf has feature -2
 * (TREE_LEAF / TREE_UNDEFINED). Node ids are assigned in the order the builder adds nodes,
 * which is depth-first, left (criterion does not matter) first.
 */
import { isImportant } from './profiles.js';
import type { TieClass, TrainingSet } from './profiles.js';

export const TREE_LEAF = -1;
export const TREE_UNDEFINED = -2;

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
  /** value[i * nClasses + c] = how many of node i's profiles have class c. */
  value: Float64Array;
  depthOf: Int32Array;

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
    this.value = new Float64Array(this.capacity * this.nClasses);
    this.depthOf = new Int32Array(this.capacity);
  }

  private grow(): void {
    const cap = this.capacity * 2;
    const g = <T extends Int32Array | Float64Array>(a: T, size: number): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.feature = g(this.feature, cap);
    this.threshold = g(this.threshold, cap);
    this.left = g(this.left, cap);
    this.right = g(this.right, cap);
    this.impurity = g(this.impurity, cap);
    this.nSamples = g(this.nSamples, cap);
    this.value = g(this.value, cap * this.nClasses);
    this.depthOf = g(this.depthOf, cap);
    this.capacity = cap;
  }

  /** Tree._add_node: appends a node and links it from its parent. */
  addNode(
    parent: number,
    isLeft: boolean,
    isLeaf: boolean,
    feature: number,
    threshold: number,
    impurity: number,
    nSamples: number,
    depth: number,
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
    return id;
  }

  isLeaf(node: number): boolean {
    return this.left[node] === TREE_LEAF;
  }

  /** Class counts of a node, in class order. */
  counts(node: number): number[] {
    return Array.from(this.value.subarray(node * this.nClasses, (node + 1) * this.nClasses));
  }

  /** The predicted class: numpy's argmax over the counts, so the first of equal counts wins. */
  predictedClass(node: number): number {
    let best = 0;
    let bestValue = -Infinity;
    for (let c = 0; c < this.nClasses; c++) {
      const v = this.value[node * this.nClasses + c]!;
      if (v > bestValue) {
        bestValue = v;
        best = c;
      }
    }
    return best;
  }

  /** The leaf a profile lands on; `important(f)` answers whether criterion f matters. */
  apply(important: (feature: number) => boolean): number {
    let node = 0;
    while (!this.isLeaf(node)) node = important(this.feature[node]!) ? this.right[node]! : this.left[node]!;
    return node;
  }

  /** The share of the training profiles whose leaf predicts their own label (scikit-learn's score). */
  accuracy(data: TrainingSet): number {
    let right = 0;
    for (let p = 0; p < data.nSamples; p++) {
      if (this.predictedClass(this.apply((f) => isImportant(p, f, data.k))) === data.labels[p]) right++;
    }
    return right / data.nSamples;
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
