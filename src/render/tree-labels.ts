/**
 * What every picture of a tree says about its nodes — the question, the recommendation, the
 * answers' path — so the terminal view, Mermaid, DOT and SVG word things the same way.
 */
import { walk } from '../advice/advise.js';
import type { FittedTree } from '../advice/model.js';
import type { TieClass } from '../cart/profiles.js';
import type { Study } from '../study/types.js';

/** The criterion a question node asks about, by its display name. */
export function criterionName(fitted: FittedTree, node: number): string {
  const { tree, study, featureCriteria } = fitted;
  return study.criteria[featureCriteria[tree.feature[node]!]!]!.name;
}

export function questionLabel(fitted: FittedTree, node: number): string {
  return `${criterionName(fitted, node)}?`;
}

/** "MLflow", "W&B or MLflow", "W&B, Guild or MLflow": a tie reads as a choice between equals. */
export function classLabel(study: Study, cls: TieClass): string {
  const n = cls.members.map((f) => study.frameworks[f]!.name);
  if (n.length <= 1) return n.join('');
  return `${n.slice(0, -1).join(', ')} or ${n[n.length - 1]}`;
}

/** A leaf's recommendation (its predicted class). */
export function leafLabel(fitted: FittedTree, node: number): string {
  const { tree, study } = fitted;
  return classLabel(study, tree.classes[tree.predictedClass(node)]!);
}

/** The left child answers "does not matter" (feature <= 0.5), the right one "matters". */
export const EDGE_NO = 'no';
export const EDGE_YES = 'yes';

/** The nodes on the path a set of answers takes, root and leaf included; empty without answers. */
export function pathNodes(fitted: FittedTree, answers: readonly boolean[] | undefined, stopAt?: number): ReadonlySet<number> {
  if (!answers) return new Set();
  const { path, leaf } = walk(fitted, answers);
  const nodes = [...path.map((s) => s.node), leaf];
  // Part-way through the questions the path ends at the question being asked.
  const end = stopAt === undefined ? -1 : nodes.indexOf(stopAt);
  return new Set(end >= 0 ? nodes.slice(0, end + 1) : nodes);
}

export interface Visit {
  readonly node: number;
  readonly depth: number;
  /** Undefined for the root. */
  readonly parent?: number;
  /** Whether this node is its parent's "yes" (right) child. */
  readonly yes: boolean;
}

/** Every node, parent before children and "no" before "yes": the order export_text prints. */
export function preorder(fitted: FittedTree): Visit[] {
  const { tree } = fitted;
  const out: Visit[] = [];
  const stack: Visit[] = [{ node: 0, depth: 0, yes: false }];
  while (stack.length > 0) {
    const v = stack.pop()!;
    out.push(v);
    if (!tree.isLeaf(v.node)) {
      stack.push({ node: tree.right[v.node]!, depth: v.depth + 1, parent: v.node, yes: true });
      stack.push({ node: tree.left[v.node]!, depth: v.depth + 1, parent: v.node, yes: false });
    }
  }
  return out;
}

/** What the Mermaid, DOT and SVG renderers take besides the tree. */
export interface PictureOptions {
  /** answers[c] for every study criterion c; when given, the path they take is highlighted. */
  readonly answers?: readonly boolean[] | undefined;
}

/** The classes in a leaf other than its recommendation, most common first. */
export function otherCounts(fitted: FittedTree, node: number): { cls: number; count: number }[] {
  const { tree } = fitted;
  const predicted = tree.predictedClass(node);
  return tree
    .counts(node)
    .filter((x) => x.cls !== predicted)
    .sort((a, b) => b.count - a.count || a.cls - b.cls);
}
