/**
 * A fitted tree as JSON, node for node, in the shape of the reference fixtures: per node its
 * samples, Gini impurity, non-zero class counts (in class order) and predicted class, and for a
 * question its criterion, threshold and children ("no" = does not matter, "yes" = matters).
 */
import type { FittedTree } from '../advice/model.js';
import type { Tree } from '../cart/tree.js';

export interface TreeNodeJson {
  id: number;
  samples: number;
  impurity: number;
  counts: Record<string, number>;
  class: string;
  criterion?: string;
  threshold?: number;
  no?: number;
  yes?: number;
}

export function treeNodesJson(tree: Tree): TreeNodeJson[] {
  const nodes: TreeNodeJson[] = [];
  for (let id = 0; id < tree.nodeCount; id++) {
    // Class names are validated ids joined by '+', so they cannot be '__proto__'.
    const counts = Object.fromEntries(tree.counts(id).flatMap((n, c) => (n > 0 ? [[tree.classes[c]!.name, n]] : [])));
    const node: TreeNodeJson = {
      id,
      samples: tree.nSamples[id]!,
      impurity: tree.impurity[id]!,
      counts,
      class: tree.classes[tree.predictedClass(id)]!.name,
    };
    if (!tree.isLeaf(id)) {
      node.criterion = tree.features[tree.feature[id]!]!;
      node.threshold = tree.threshold[id]!;
      node.no = tree.left[id]!;
      node.yes = tree.right[id]!;
    }
    nodes.push(node);
  }
  return nodes;
}

export function treeJson(fitted: FittedTree): object {
  const { tree, spec } = fitted;
  return {
    tree: spec.name,
    criteria: [...tree.features],
    frameworks: [...tree.frameworks],
    max_depth: Number.isFinite(fitted.maxDepth) ? fitted.maxDepth : null,
    random_state: fitted.randomState,
    classes: tree.classes.map((c) => c.name),
    depth: tree.maxDepth(),
    leaves: tree.leafCount(),
    training_accuracy: tree.accuracy(fitted.data),
    nodes: treeNodesJson(tree),
  };
}
