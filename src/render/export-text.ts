/**
 * `sklearn.tree.export_text(clf, feature_names=...)` for the whole tree (no truncation), with the
 * class index replaced by the tie set's name. Byte-compatible with scikit-learn 1.2's output.
 *
 * A tree of 20 criteria can have two million nodes (hundreds of megabytes of text), so the text is
 * made in pieces of about a megabyte, from an explicit stack rather than a call per node.
 */
import type { Tree } from '../cart/tree.js';

/** Text is handed on in pieces of about this many characters. */
const PIECE_CHARS = 1 << 20;

export function* exportTextPieces(tree: Tree): Generator<string> {
  const spacing = 3;
  // "|   " per level, with the last three characters turned into "---".
  const indents: string[] = [];
  const indent = (depth: number) => (indents[depth] ??= ('|' + ' '.repeat(spacing)).repeat(depth).slice(0, -spacing) + '-'.repeat(spacing));
  // A task is a node to print (2n) or the "matters" line of question n before its right branch (2n + 1).
  const tasks: number[] = [0];
  let text = '';
  while (tasks.length > 0) {
    const task = tasks.pop()!;
    const node = task >>> 1;
    const lead = indent(tree.depthOf[node]! + 1);
    if (tree.isLeaf(node)) text += `${lead} class: ${tree.classes[tree.predictedClass(node)]!.name}\n`;
    else {
      const name = tree.features[tree.feature[node]!]!;
      const threshold = tree.threshold[node]!.toFixed(2);
      if (task & 1) {
        text += `${lead} ${name} >  ${threshold}\n`;
        tasks.push(2 * tree.right[node]!);
      } else {
        text += `${lead} ${name} <= ${threshold}\n`;
        tasks.push(2 * node + 1, 2 * tree.left[node]!);
      }
    }
    if (text.length > PIECE_CHARS) {
      yield text;
      text = '';
    }
  }
  yield text;
}

export function exportText(tree: Tree): string {
  return [...exportTextPieces(tree)].join('');
}
