/**
 * `sklearn.tree.export_text(clf, feature_names=...)` for the whole tree (no truncation), with the
 * class index replaced by the tie set's name. Byte-compatible with scikit-learn 1.2's output.
 */
import type { Tree } from '../cart/tree.js';

export function exportText(tree: Tree): string {
  const lines: string[] = [];
  const spacing = 3;
  const visit = (node: number, depth: number): void => {
    // "|   " per level, with the last three characters turned into "---".
    const indent = ('|' + ' '.repeat(spacing)).repeat(depth).slice(0, -spacing) + '-'.repeat(spacing);
    if (tree.isLeaf(node)) {
      lines.push(`${indent} class: ${tree.classes[tree.predictedClass(node)]!.name}`);
      return;
    }
    const name = tree.features[tree.feature[node]!]!;
    const threshold = tree.threshold[node]!.toFixed(2);
    lines.push(`${indent} ${name} <= ${threshold}`);
    visit(tree.left[node]!, depth + 1);
    lines.push(`${indent} ${name} >  ${threshold}`);
    visit(tree.right[node]!, depth + 1);
  };
  visit(0, 1);
  return lines.join('\n') + '\n';
}
