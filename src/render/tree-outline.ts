/**
 * A fitted tree as an indented outline in words, for screen readers: each question, then under
 * it what follows if it does not matter and if it does, down to what each leaf recommends and how
 * many profiles back that. No box drawing, bars or marks to be spelt out; the answers' path says
 * "your answer" in words.
 */
import type { FittedTree } from '../advice/model.js';
import { classLabel, criterionName, leafLabel, otherCounts, pathNodes, preorder } from './tree-labels.js';

export interface TreeOutlineOptions {
  /** answers[c] for every study criterion c; when given, the branches they take are named. */
  readonly answers?: readonly boolean[];
  /** The question being asked, part-way through a walk: the path is named down to it. */
  readonly stopAt?: number;
}

/** "recommends MLflow: all 16 profiles here agree." */
function leafWords(fitted: FittedTree, node: number): string {
  const { tree, study } = fitted;
  const n = tree.nSamples[node]!;
  const others = otherCounts(fitted, node);
  const main = n - others.reduce((a, o) => a + o.count, 0);
  let backing: string;
  if (n === 1) backing = 'the one profile here';
  else if (others.length === 0) backing = n === 2 ? 'both profiles here agree' : `all ${n} profiles here agree`;
  else {
    const rest = others.map((o) => `${o.count} ${o.count === 1 ? 'favours' : 'favour'} ${classLabel(study, tree.classes[o.cls]!)}`);
    backing = `${main} of the ${n} profiles here agree; ${rest.join('; ')}`;
  }
  return `recommends ${leafLabel(fitted, node)}: ${backing}.`;
}

export function treeOutline(fitted: FittedTree, options: TreeOutlineOptions = {}): string[] {
  const { tree } = fitted;
  const path = pathNodes(fitted, options.answers, options.stopAt);
  return preorder(fitted).map((v) => {
    const indent = '  '.repeat(v.depth);
    const what = tree.isLeaf(v.node) ? leafWords(fitted, v.node) : `${criterionName(fitted, v.node)}?`;
    const now = v.node === options.stopAt ? ' (the question now)' : '';
    if (v.parent === undefined) return `${indent}${what}${now}`;
    const branch = v.yes ? 'If it matters' : 'If it does not matter';
    const yours = path.has(v.node) ? ' (your answer)' : '';
    return `${indent}${branch}${yours}: ${what}${now}`;
  });
}
