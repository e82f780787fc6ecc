/**
 * A fitted tree as an indented outline in words, for screen readers: each question, then under
 * it what follows if it does not matter and if it does, down to what each leaf recommends and how
 * many profiles back that. No box drawing, bars or marks to be spelt out; the answers' path says
 * "your answer" in words.
 */
import type { FittedTree } from '../advice/model.js';
import { plural } from './format.js';
import { cutNote, drawing, EVERY_NODE, PICTURE_NODES } from './tree-drawing.js';
import { classLabel, criterionName, leafLabel, otherCounts, pathNodes } from './tree-labels.js';

export interface TreeOutlineOptions {
  /** answers[c] for every study criterion c; when given, the branches they take are named. */
  readonly answers?: readonly boolean[];
  /** The question being asked, part-way through a walk: the path is named down to it. */
  readonly stopAt?: number;
  /** Where every node of a tree too big to read out whole can be had. */
  readonly complete?: string;
}

/** "recommends MLflow: all 16 profiles here agree." */
function leafWords(fitted: FittedTree, node: number): string {
  const { tree, study } = fitted;
  const n = tree.nSamples[node]!;
  const others = otherCounts(fitted, node);
  const main = n - others.top.reduce((a, o) => a + o.count, 0) - others.restCount;
  let backing: string;
  if (n === 1) backing = 'the one profile here';
  else if (others.top.length === 0) backing = n === 2 ? 'both profiles here agree' : `all ${n} profiles here agree`;
  else {
    const rest = others.top.map((o) => `${o.count} ${favour(o.count)} ${classLabel(study, tree.classes[o.cls]!)}`);
    if (others.restCount > 0) rest.push(`${others.restCount} more ${favour(others.restCount)} ${plural(others.restClasses, 'other set')}`);
    backing = `${main} of the ${n} profiles here agree; ${rest.join('; ')}`;
  }
  return `recommends ${leafLabel(fitted, node)}: ${backing}.`;
}

const favour = (n: number) => (n === 1 ? 'favours' : 'favour');

/** How the outline marks a question read out without its branches. */
const leftOut = (hidden: number | 'N') => `(${hidden} more below, left out)`;

export function treeOutline(fitted: FittedTree, options: TreeOutlineOptions = {}): string[] {
  const { tree } = fitted;
  const path = pathNodes(fitted, options.answers, options.stopAt);
  const drawn = drawing(fitted, { nodes: PICTURE_NODES, path });
  const lines = drawn.visits.map((v) => {
    const indent = '  '.repeat(v.depth);
    const hidden = drawn.cut.get(v.node);
    const what = tree.isLeaf(v.node)
      ? leafWords(fitted, v.node)
      : `${criterionName(fitted, v.node)}?${hidden === undefined ? '' : ` ${leftOut(hidden)}`}`;
    const now = v.node === options.stopAt ? ' (the question now)' : '';
    if (v.parent === undefined) return `${indent}${what}${now}`;
    const branch = v.yes ? 'If it matters' : 'If it does not matter';
    const yours = path.has(v.node) ? ' (your answer)' : '';
    return `${indent}${branch}${yours}: ${what}${now}`;
  });
  const note = cutNote(fitted, drawn, {
    budget: PICTURE_NODES,
    where: options.complete ?? EVERY_NODE,
    mark: leftOut('N'),
    verb: 'read out',
  });
  return note ? [...lines, note] : lines;
}
