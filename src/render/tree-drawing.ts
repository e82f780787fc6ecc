/**
 * Which nodes a picture of a tree draws. A file of 20 criteria can fit a tree of two million
 * nodes: no person reads that, no layout tool places it, and its text passes what one string can
 * hold. So every picture meant for people (the terminal tree, its outline in words, Mermaid, DOT,
 * SVG, the questionnaire's `t` view) draws at most a budget of nodes: a tree within it is drawn
 * whole, exactly as before; a bigger one down to the deepest level that fits, plus the path of the
 * user's answers and both branches at each of its steps, every question drawn without its branches
 * saying how many nodes it leaves out. The data formats (JSON, export-text) write every node.
 */
import type { FittedTree } from '../advice/model.js';
import { plural } from './format.js';
import { preorder } from './tree-labels.js';
import type { Visit } from './tree-labels.js';

/**
 * The most nodes a picture draws: every tree of up to 10 criteria (at most 2047 nodes) is drawn
 * whole. Graphviz lays out a tree of this size in about a second (`dot -Tsvg` measured 0.9 s of CPU
 * for 1849 nodes, 5.5 s for 3467 and 33 s for 6395), and the terminal picture is 2047 lines, still
 * a page-through.
 */
export const PICTURE_NODES = 2047;

/** Mermaid's own defaults: it refuses a diagram of more than 500 edges or 50 000 characters. */
export const MERMAID_NODES = 501;
export const MERMAID_CHARS = 50_000;

export interface Drawing {
  /** The nodes drawn, parent before children, "no" before "yes". */
  readonly visits: readonly Visit[];
  /** Questions drawn without their branches, with how many nodes those branches hold. */
  readonly cut: ReadonlyMap<number, number>;
  /** Set when the tree is cut: the deepest level drawn whole (the root is level 0). */
  readonly depth?: number;
  /** Whether the answers' path goes on below that level. */
  readonly deeperPath?: boolean;
}

export interface DrawingOptions {
  /** The most nodes to draw. */
  readonly nodes: number;
  /** Draw no deeper than this, besides the path (for a picture that must shrink further). */
  readonly depth?: number;
  /** The nodes of the answers' path (see pathNodes): drawn, with both branches of each question. */
  readonly path?: ReadonlySet<number>;
}

/** The whole tree when it fits the budget; else its top levels and the path's neighbourhood. */
export function drawing(fitted: FittedTree, options: DrawingOptions): Drawing {
  const { tree } = fitted;
  const deepest = tree.maxDepth();
  const limit = Math.min(options.depth ?? deepest, deepest);
  if (tree.nodeCount <= options.nodes && limit >= deepest) return { visits: preorder(fitted), cut: new Map() };

  // The path's nodes and their children: drawn whatever the depth.
  const near = new Set<number>();
  for (const n of options.path ?? []) {
    near.add(n);
    if (!tree.isLeaf(n)) near.add(tree.left[n]!).add(tree.right[n]!);
  }
  const perDepth = new Int32Array(deepest + 1);
  for (let n = 0; n < tree.nodeCount; n++) perDepth[tree.depthOf[n]!]! += 1;
  // The deepest level d whose nodes, with the path's neighbourhood below d, fit the budget.
  let depth = 0;
  let upTo = perDepth[0]!;
  for (let d = 1; d <= limit; d++) {
    upTo += perDepth[d]!;
    let deeper = 0;
    for (const n of near) if (tree.depthOf[n]! > d) deeper++;
    if (upTo + deeper > options.nodes) break;
    depth = d;
  }
  // A subtree's size, from the last node back (children have larger ids than their parent).
  const size = new Int32Array(tree.nodeCount).fill(1);
  for (let n = tree.nodeCount - 1; n >= 0; n--) if (!tree.isLeaf(n)) size[n] = 1 + size[tree.left[n]!]! + size[tree.right[n]!]!;

  const drawn = (n: number) => tree.depthOf[n]! <= depth || near.has(n);
  const visits: Visit[] = [];
  const cut = new Map<number, number>();
  const stack: Visit[] = [{ node: 0, depth: 0, yes: false }];
  while (stack.length > 0) {
    const v = stack.pop()!;
    visits.push(v);
    if (tree.isLeaf(v.node)) continue;
    const [no, yes] = [tree.left[v.node]!, tree.right[v.node]!];
    // Both children are drawn or neither: the levels are whole and the path takes both.
    if (!drawn(no)) {
      cut.set(v.node, size[v.node]! - 1);
      continue;
    }
    stack.push({ node: yes, depth: v.depth + 1, parent: v.node, yes: true });
    stack.push({ node: no, depth: v.depth + 1, parent: v.node, yes: false });
  }
  const deeperPath = [...near].some((n) => tree.depthOf[n]! > depth);
  return { visits, cut, depth, deeperPath };
}

/** The formats of `reprotree tree` that write every node, however many. */
export const EVERY_NODE = '--format json or --format export-text';

/** How a cut question says what it leaves out, after its criterion: "(+62 not drawn)". */
export function cutMark(hidden: number | 'N'): string {
  return `(+${hidden} not drawn)`;
}

export interface CutNoteOptions {
  /** The budget the tree went over. */
  readonly budget: number;
  /** Where every node can be had: a command, or other formats of this one. */
  readonly where: string;
  /** How a question drawn without its branches is marked, N standing for the count. */
  readonly mark?: string;
  /** "drawn", or "read out" for the outline in words. */
  readonly verb?: string;
}

/** The sentence under a cut picture: how big the tree is, what is drawn, and where every node is. */
export function cutNote(fitted: FittedTree, d: Drawing, options: CutNoteOptions): string | undefined {
  if (d.depth === undefined) return undefined;
  const { verb = 'drawn', mark = cutMark('N') } = options;
  const levels = d.depth === 0 ? 'only its first question' : `its first ${plural(d.depth, 'level')} of questions`;
  const path = d.deeperPath ? ' and the path of your answers' : '';
  return (
    `This tree has ${fitted.tree.nodeCount} nodes, more than a picture can show (${options.budget}): ${verb} are ${levels}${path}, ` +
    `a question ${verb} without its branches marked ${mark} for the N nodes it leaves out; ${options.where} gives every node.`
  );
}
