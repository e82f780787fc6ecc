/**
 * A fitted tree for the terminal, drawn with box-drawing characters: one line per node, the
 * "no" branch before the "yes" branch (the order of export_text), each leaf with a bar of its
 * class counts and n=. The answers' path is drawn in heavy lines with ▶ on each step, so it
 * shows without colour too; with colour it is also bold and the rest is dimmed.
 *
 * The layout narrows itself to fit `width` rather than let the terminal wrap lines: first a
 * shallower indent, then a shorter bar, then no bar. Only then do labels give way: a question is
 * cut short, while a leaf's recommendation, the answer a reader looks for, runs on under itself.
 * `treeKey` says what the bars, their shading and n= mean.
 */
import type { FittedTree } from '../advice/model.js';
import { maxOf, plural } from './format.js';
import { wrapIndented } from './lines.js';
import { ansiColor, classColor, REST_COLOR } from './palette.js';
import { provenanceLine } from './provenance.js';
import type { Style } from './style.js';
import { displayWidth, stripAnsi, truncate, wrap } from './terminal-text.js';
import { cutMark, cutNote, drawing, EVERY_NODE, PICTURE_NODES } from './tree-drawing.js';
import type { Drawing } from './tree-drawing.js';
import { EDGE_NO, EDGE_YES, leafLabel, pathNodes, questionLabel, shares } from './tree-labels.js';
import type { Visit } from './tree-labels.js';

export interface TreeTextOptions {
  /** answers[c] for every study criterion c; when given, the path they take is marked. */
  readonly answers?: readonly boolean[];
  /** Mark the path only down to this node: the question being asked, part-way through. */
  readonly stopAt?: number;
  readonly style: Style;
  /** Columns available; without it the roomiest layout is used. */
  readonly width?: number;
}

interface Layout {
  /** Columns per level of depth. */
  readonly step: 3 | 4;
  /** Cells of the class-count bar; 0 for none. */
  readonly bar: number;
}

const LAYOUTS: readonly Layout[] = [
  { step: 4, bar: 10 },
  { step: 3, bar: 10 },
  { step: 3, bar: 6 },
  { step: 3, bar: 0 },
];

/** Light lines off the path, heavy ones on it; the path's connectors end in ▶. */
const GLYPHS = {
  4: {
    branch: '├── ',
    last: '└── ',
    pathBranch: '┡━▶ ',
    pathLast: '┗━▶ ',
    besidePath: '┠── ',
    down: '│   ',
    pathDown: '┃   ',
    blank: '    ',
  },
  3: {
    branch: '├─ ',
    last: '└─ ',
    pathBranch: '┡▶ ',
    pathLast: '┗▶ ',
    besidePath: '┠─ ',
    down: '│  ',
    pathDown: '┃  ',
    blank: '   ',
  },
} as const;

/** Shades that tell a leaf's classes apart without colour: the recommended one is solid. */
const SHADES = ['█', '▓', '▒', '░'];

/** A piece of the tree's lines, drawn heavy when it is on the path. */
interface Stroke {
  readonly text: string;
  readonly heavy: boolean;
}

interface Row {
  readonly visit: Visit;
  readonly onPath: boolean;
  /** Tree lines in front of the label, each piece marked heavy (on the path) or not. */
  readonly lines: readonly Stroke[];
  /** Tree lines on the rows a leaf's label runs on to: its ancestors' lines going past it. */
  readonly below: readonly Stroke[];
  /** "no: " / "yes: " before a child's label. */
  readonly edge: string;
  readonly label: string;
  readonly samples: number;
}

function rows(fitted: FittedTree, drawn: Drawing, path: ReadonlySet<number>, step: 3 | 4): Row[] {
  const { tree } = fitted;
  const g = GLYPHS[step];
  const out: Row[] = [];
  // continuation[d]: what stands in column d below a node at depth d+1 until its sibling's line.
  const continuation: Stroke[] = [];
  for (const v of drawn.visits) {
    const onPath = path.has(v.node);
    const lines: Stroke[] = [];
    if (v.parent !== undefined) {
      lines.push(...continuation.slice(0, v.depth - 1));
      const sibling = v.yes ? tree.left[v.parent]! : tree.right[v.parent]!;
      const siblingOnPath = path.has(sibling);
      let connector: string;
      if (v.yes) connector = onPath ? g.pathLast : g.last;
      else connector = onPath ? g.pathBranch : siblingOnPath ? g.besidePath : g.branch;
      lines.push({ text: connector, heavy: onPath || (!v.yes && siblingOnPath) });
      // Below a "no" child, the parent's line runs on to the "yes" sibling.
      continuation[v.depth - 1] = v.yes ? { text: g.blank, heavy: false } : { text: siblingOnPath ? g.pathDown : g.down, heavy: siblingOnPath };
      continuation.length = v.depth;
    }
    out.push({
      visit: v,
      onPath,
      lines,
      below: continuation.slice(0, v.depth),
      edge: v.parent === undefined ? '' : `${v.yes ? EDGE_YES : EDGE_NO}: `,
      label: label(fitted, drawn, v.node),
      samples: tree.nSamples[v.node]!,
    });
  }
  return out;
}

/** A node's label: the question, a cut question with what it leaves out, or the recommendation. */
function label(fitted: FittedTree, drawn: Drawing, node: number): string {
  if (fitted.tree.isLeaf(node)) return leafLabel(fitted, node);
  const hidden = drawn.cut.get(node);
  return hidden === undefined ? questionLabel(fitted, node) : `${questionLabel(fitted, node)} ${cutMark(hidden)}`;
}

/** A bar's shares: the most common classes, then the rest summed (class -1) last, whatever its size. */
function barShares(fitted: FittedTree, node: number): { cls: number; count: number }[] {
  const { top, restCount } = shares(fitted, node);
  return restCount > 0 ? [...top, { cls: -1, count: restCount }] : [...top];
}

/**
 * Cells per share, by largest remainder so they add up to `cells` exactly; the shares in the
 * order given (most common first, so the recommendation comes first).
 */
function barSegments(order: readonly { cls: number; count: number }[], cells: number): { cls: number; cells: number }[] {
  const total = order.reduce((a, b) => a + b.count, 0);
  const exact = order.map((x) => (x.count / total) * cells);
  const seg = order.map((x, i) => ({ cls: x.cls, cells: Math.floor(exact[i]!) }));
  let left = cells - seg.reduce((a, s) => a + s.cells, 0);
  const byRemainder = order.map((_, i) => i).sort((a, b) => exact[b]! - Math.floor(exact[b]!) - (exact[a]! - Math.floor(exact[a]!)) || a - b);
  for (const i of byRemainder) {
    if (left <= 0) break;
    seg[i]!.cells++;
    left--;
  }
  return seg.filter((s) => s.cells > 0);
}

const treeWidth = (r: Row) => r.lines.reduce((a, l) => a + displayWidth(l.text), 0);
const leftWidth = (r: Row) => treeWidth(r) + displayWidth(r.edge) + displayWidth(r.label);

/** The roomiest layout that fits `width`, else the narrowest, with its rows. */
function layoutFor(fitted: FittedTree, drawn: Drawing, path: ReadonlySet<number>, width: number): { layout: Layout; all: Row[]; nWidth: number } {
  const nWidth = `n=${fitted.tree.nSamples[0]}`.length;
  const fits = (rs: Row[], bar: number) => maxOf(rs.map(leftWidth)) + 2 + (bar > 0 ? bar + 1 : 0) + nWidth <= width;
  for (const layout of LAYOUTS) {
    const all = rows(fitted, drawn, path, layout.step);
    if (fits(all, layout.bar)) return { layout, all, nWidth };
  }
  const layout = LAYOUTS[LAYOUTS.length - 1]!;
  return { layout, all: rows(fitted, drawn, path, layout.step), nWidth };
}

/** The nodes drawn: the whole tree within the budget, else its top and the answers' path. */
function drawnPart(fitted: FittedTree, path: ReadonlySet<number>): Drawing {
  return drawing(fitted, { nodes: PICTURE_NODES, path });
}

export function renderTreeText(fitted: FittedTree, options: TreeTextOptions): string {
  const { style, answers } = options;
  const { tree } = fitted;
  const width = options.width ?? Infinity;
  const path = pathNodes(fitted, answers, options.stopAt);
  const marking = path.size > 0;
  const color = classColor(fitted);
  const colors = new Map<number, (s: string) => string>();
  const colorOf = (cls: number) => {
    let c = colors.get(cls);
    if (!c) {
      c = ansiColor(style, cls < 0 ? REST_COLOR : color(cls));
      colors.set(cls, c);
    }
    return c;
  };
  const drawn = drawnPart(fitted, path);
  const { layout, all, nWidth } = layoutFor(fitted, drawn, path, width);
  const right = (layout.bar > 0 ? layout.bar + 1 : 0) + nWidth;
  // Labels cut short only when even the narrowest layout does not fit.
  const column = Math.min(maxOf(all.map(leftWidth)) + 2, width - right);

  const out: string[] = [];
  const strokes = (pieces: readonly Stroke[]) => pieces.map((l) => (marking && l.heavy ? style.magenta(l.text) : style.dim(l.text))).join('');
  const labelStyle = (r: Row, text: string) => (!marking ? style.bold(text) : r.onPath ? style.bold(text) : style.dim(text));
  for (const r of all) {
    // A question drawn without its branches shows, like a leaf, what its profiles favour.
    const isLeaf = tree.isLeaf(r.visit.node) || drawn.cut.has(r.visit.node);
    const lead = treeWidth(r);
    const edgeLength = displayWidth(r.edge);
    // A leaf's recommendation that does not fit runs on under itself, indented past its edge.
    const runOn = isLeaf ? leafRunOn(r, column - 2 - lead) : [];
    const first = runOn.length > 1 ? r.edge + runOn[0]! : r.edge + r.label;
    // Cut as one string so a label never loses more than it must; the edge keeps its own style.
    const cut = truncate(first, Math.max(0, column - 2 - lead));
    const edge = cut.slice(0, Math.min(r.edge.length, cut.length));
    const label = cut.slice(edge.length);
    const room = Math.max(0, column - lead - displayWidth(cut));
    // Dotted leaders carry the eye from a shallow leaf to its bar across the gap (not from a
    // label that runs on: its end is on another row).
    const gap = isLeaf && room > 3 && runOn.length <= 1 ? ` ${style.dim('·'.repeat(room - 2))} ` : ' '.repeat(room);

    let bar = '';
    if (layout.bar > 0) {
      if (isLeaf) {
        // The summed rest, when there is one, takes the palest shade, whatever its size.
        const shade = (s: { cls: number }, i: number) => SHADES[s.cls < 0 ? SHADES.length - 1 : Math.min(i, SHADES.length - 1)]!;
        bar = barSegments(barShares(fitted, r.visit.node), layout.bar)
          .map((s, i) => colorOf(s.cls)(shade(s, i).repeat(s.cells)))
          .join('');
      } else bar = ' '.repeat(layout.bar);
      bar += ' ';
    }
    const n = style.dim(`n=${r.samples}`.padStart(nWidth));

    const lines = strokes(r.lines);
    let text: string;
    if (!marking) {
      text = `${edge}${isLeaf ? style.bold(label) : label}`;
    } else if (r.onPath) {
      text = style.bold(`${edge}${label}`);
    } else {
      text = style.dim(`${edge}${label}`);
    }
    const line = `${lines}${text}${gap}${marking && !r.onPath ? style.dim(bar) : bar}${n}`;
    out.push(lead + right > width ? truncate(stripped(line, style), width) : line);
    for (const more of runOn.slice(1)) {
      const rest = `${strokes(r.below)}${' '.repeat(edgeLength)}${labelStyle(r, truncate(more, column - 2 - lead - edgeLength))}`;
      out.push(lead + edgeLength > width ? truncate(stripped(rest, style), width) : rest);
    }
  }
  return out.map((l) => l.trimEnd()).join('\n') + '\n';
}

/**
 * A leaf's label in rows of at most `room` columns with its edge ("no: ") in front of the first:
 * one row when it fits; else its words wrapped under themselves, so no tracker's name is cut.
 */
function leafRunOn(r: Row, room: number): string[] {
  const edge = displayWidth(r.edge);
  if (edge + displayWidth(r.label) <= room || room - edge < 1) return [r.label];
  return wrap(r.label, room - edge);
}

export interface TreeKeyOptions {
  readonly style: Style;
  /** Columns available, as for the tree: the key speaks of bars only when the tree has them. */
  readonly width?: number;
  /** Answers whose path is marked, as given to renderTreeText. */
  readonly answers?: readonly boolean[];
  /** Whether to say what the path's marks are (a view that says so in its heading does not). */
  readonly path?: boolean;
  /** The question being asked, as given to renderTreeText. */
  readonly stopAt?: number;
  /** Where every node of a tree too big to draw whole can be had. */
  readonly complete?: string;
}

/** A few lines under the tree saying what n=, the bars and their shades, and the heavy lines mean. */
export function treeKey(fitted: FittedTree, options: TreeKeyOptions): string[] {
  const { style } = options;
  const width = options.width ?? Infinity;
  const path = pathNodes(fitted, options.answers, options.stopAt);
  const drawn = drawnPart(fitted, path);
  const { layout } = layoutFor(fitted, drawn, path, width);
  const total = fitted.tree.nSamples[0]!;
  const criteria = fitted.featureCriteria.length;
  const sentences = [
    `n= is how many of the ${total} profiles (every way of answering the ${plural(criteria, 'criterion', 'criteria')}) reach a question or leaf.`,
  ];
  if (layout.bar > 0) {
    // A question drawn without its branches has a bar too.
    const whose = drawn.cut.size > 0 ? 'A bar' : "A leaf's bar";
    sentences.push(
      `${whose} shares them out by what they favour: ${SHADES[0]} its recommendation, ${SHADES.slice(1).join(' ')} the others, most first.`,
    );
  }
  if (options.path && path.size > 0) sentences.push('Heavy lines mark the path your answers take, an arrowhead at each step.');
  sentences.push(provenanceLine(fitted.study));
  const note = cutNote(fitted, drawn, {
    budget: PICTURE_NODES,
    where: options.complete ?? EVERY_NODE,
  });
  if (note) sentences.push(note);
  return wrapIndented(`Key: ${sentences.join(' ')}`, Math.min(width, 100)).map((l) => style.dim(l));
}

/** A line too wide even without labels (a very deep tree in few columns) is cut, uncoloured. */
function stripped(line: string, style: Style): string {
  return style.enabled ? stripAnsi(line) : line;
}
