/**
 * scikit-learn 1.2's Tree (sklearn/tree/_tree.pyx) as flat arrays that JavaScript reads: node i's
 * fields at index i, children as node ids, TREE_LEAF children and TREE_UNDEFINED feature for a
 * leaf; and, for node_value, each node's (class, count) pairs for the classes it holds.
 */
import { alloc, geti, setf, seti } from './memory';

export const TREE_LEAF: i32 = -1;
export const TREE_UNDEFINED: i32 = -2;

export let nodeCount: i32 = 0;
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

/** Room for a tree of at most `maxNodes` nodes and `maxPairs` (class, count) pairs. */
export function initTree(maxNodes: i32, maxPairs: i32): void {
  outFeature = alloc(maxNodes << 2);
  outLeft = alloc(maxNodes << 2);
  outRight = alloc(maxNodes << 2);
  outImpurity = alloc(maxNodes << 3);
  outDepth = alloc(maxNodes << 2);
  outPredicted = alloc(maxNodes << 2);
  outPairStart = alloc((maxNodes + 1) << 2);
  outPairs = alloc(maxPairs << 3);
}

/**
 * Tree._add_node and node_value: appends a node, links it from its parent, and keeps its class
 * counts: `length` pairs at pairs[2 * at ..], in class order.
 */
export function addNode(parent: i32, isLeft: bool, isLeaf: bool, feature: i32, impurity: f64, depth: i32, pairs: usize, at: i32, length: i32): i32 {
  const id = nodeCount++;
  if (parent != TREE_UNDEFINED) seti(isLeft ? outLeft : outRight, parent, id);
  setf(outImpurity, id, impurity);
  seti(outDepth, id, depth);
  if (isLeaf) {
    seti(outLeft, id, TREE_LEAF);
    seti(outRight, id, TREE_LEAF);
    seti(outFeature, id, TREE_UNDEFINED);
  } else seti(outFeature, id, feature);
  memory.copy(outPairs + (<usize>pairCount << 3), pairs + (<usize>at << 2), <usize>length << 3);
  pairCount += length;
  seti(outPairStart, id + 1, pairCount);
  // numpy's argmax over the counts: the first (in class order) of equal counts wins.
  let best = -1;
  let bestCount = 0;
  for (let i = 0; i < length; i++) {
    const v = geti(pairs, at + 2 * i + 1);
    if (v > bestCount) {
      bestCount = v;
      best = geti(pairs, at + 2 * i);
    }
  }
  seti(outPredicted, id, best);
  return id;
}
