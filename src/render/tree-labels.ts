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

/**
 * The most classes a picture names or colours at one node. A node of a table with many frameworks
 * can hold thousands of tie sets (a million at the root); listing them all makes a box no one
 * reads and a picture no tool draws, so the rest are summed into one share.
 */
export const SHOWN_CLASSES = 8;

/**
 * The most classes a legend lists, in class order: a picture of a table with many frameworks can
 * show thousands of tie sets, each named at its own leaves; a legend of them all would be taller
 * than any picture can be.
 */
export const LEGEND_CLASSES = 24;

/** The classes a legend lists (class order), and how many others it leaves to the nodes' labels. */
export function legendClasses(classes: Iterable<number>): { listed: number[]; more: number } {
  const all = [...classes].sort((a, b) => a - b);
  return { listed: all.slice(0, LEGEND_CLASSES), more: Math.max(0, all.length - LEGEND_CLASSES) };
}

/** A node's classes as a picture shows them: the most common, and what the rest add up to. */
export interface Shares {
  /** The most common classes, most first (class order among equals). */
  readonly top: readonly { readonly cls: number; readonly count: number }[];
  /** How many other classes the node holds, and how many profiles they have. */
  readonly restClasses: number;
  readonly restCount: number;
}

/** At most `most` classes of `node` by count, read straight from the tree without a list of all. */
export function shares(fitted: FittedTree, node: number, most = SHOWN_CLASSES): Shares {
  const { tree } = fitted;
  const top: { cls: number; count: number }[] = [];
  const held = tree.classesIn(node);
  let total = 0;
  for (let i = 0; i < held; i++) {
    const count = tree.countAt(node, i);
    total += count;
    // Classes come in class order, so a later one goes before an earlier only with more profiles.
    if (top.length === most && count <= top[most - 1]!.count) continue;
    let at = top.length;
    while (at > 0 && top[at - 1]!.count < count) at--;
    top.splice(at, 0, { cls: tree.classAt(node, i), count });
    if (top.length > most) top.pop();
  }
  const shown = top.reduce((a, x) => a + x.count, 0);
  return { top, restClasses: held - top.length, restCount: total - shown };
}

/** The classes in a leaf other than its recommendation, most common first, and the rest summed. */
export function otherCounts(fitted: FittedTree, node: number): Shares {
  const predicted = fitted.tree.predictedClass(node);
  const all = shares(fitted, node, SHOWN_CLASSES + 1);
  const others = all.top.filter((x) => x.cls !== predicted);
  // One more than shown was read so that leaving out the recommendation still shows SHOWN_CLASSES.
  const extra = others.length > SHOWN_CLASSES ? others.splice(SHOWN_CLASSES) : [];
  return {
    top: others,
    restClasses: all.restClasses + extra.length,
    restCount: all.restCount + extra.reduce((a, x) => a + x.count, 0),
  };
}
