/**
 * A fitted tree as one self-contained SVG in the manner of dtreeviz, which drew the study's
 * figures: each question is a small stacked histogram of the class counts on its "no" and
 * "yes" sides, with the split wedge between them and the criterion named underneath; each leaf
 * is a pie of its class counts sized by its samples, with n= and the recommendation; a legend
 * names every class. The answers' path is outlined in dtreeviz's highlight colour and the rest
 * faded.
 *
 * No fonts, scripts or images are referenced, only the generic sans-serif family, so the file
 * looks the same in a browser, in rsvg-convert and on GitHub. Text widths are estimated, not
 * measured, and the layout leaves room for that; they count grapheme clusters and East Asian
 * width as the terminal layout does (terminal-text.ts), so Chinese or an emoji takes a full em.
 * A long label wraps onto a second line and is then cut short with …, its whole text kept in a
 * <title> (the tooltip) of its node or legend row.
 */
import { walk } from '../advice/advise.js';
import type { FittedTree } from '../advice/model.js';
import { maxOf, plural } from './format.js';
import { classColor, PATH_COLOR, REST_COLOR } from './palette.js';
import { provenanceLine } from './provenance.js';
import { clusterWidth, measuredWidth, truncate, wrap } from './terminal-text.js';
import { cutMark, cutNote, drawing, EVERY_NODE, PICTURE_NODES } from './tree-drawing.js';
import type { Drawing } from './tree-drawing.js';
import { classLabel, criterionName, EDGE_NO, EDGE_YES, leafLabel, legendClasses, pathNodes, shares } from './tree-labels.js';
import type { PictureOptions } from './tree-labels.js';

const MARGIN = 20;
const GAP = 18;
/** Histogram: two bars under a count each, an axis, the wedge, tick labels, the criterion. */
const BAR_W = 34;
const BAR_H = 44;
const BAR_TOP = 14;
const AXIS_Y = BAR_TOP + BAR_H;
const QUESTION_W = 112;
const QUESTION_H = 92;
/** Leaves: pies from MIN_R to MAX_R in radius, by the square root of their share of samples. */
const MIN_R = 10;
const MAX_R = 24;
const LEAF_H = 2 * MAX_R + 34;
const INK = '#444443';
const FADED = 0.3;

/** A rough advance width, in ems, of one character (cluster) in the generic sans-serif face. */
function emWidth(cluster: string): number {
  const columns = clusterWidth(cluster);
  if (columns === 0) return 0;
  // What a terminal draws two columns wide (CJK, emoji) is drawn about one em square.
  if (columns === 2) return 1;
  const ch = String.fromCodePoint(cluster.codePointAt(0)!);
  if ("ijlt.,:;!|' ()[]f".includes(ch)) return 0.34;
  if ('mwMW@'.includes(ch)) return 0.95;
  if (/[A-Z&]/.test(ch)) return 0.74;
  return 0.62;
}

/** A rough advance width in pixels: enough to keep labels apart. */
export function textWidth(s: string, size: number): number {
  return measuredWidth(s, emWidth) * size;
}

/** Pixels between the baselines of a wrapped label's lines. */
const LINE = 14;
/** The widest a question's criterion, a leaf's recommendation and a legend row may be, in pixels. */
const QUESTION_LABEL_W = 170;
const LEAF_LABEL_W = 150;
const LEGEND_LABEL_W = 320;
/** The heading (title and caption) wraps at this width. */
const HEADING_W = 800;
/** The line saying where the scores come from wraps sooner: it should not widen a small tree's picture. */
const DATA_W = 440;

/** A label in at most `max` pixels a line and `rows` lines; the last line cut with … if need be. */
interface Fitted {
  readonly lines: readonly string[];
  /** Whether text was left out (so the whole of it belongs in a <title>). */
  readonly cut: boolean;
}

function fitLabel(s: string, size: number, max: number, rows: number): Fitted {
  const measure = (g: string) => emWidth(g) * size;
  const lines = wrap(s, max, '', measure);
  if (lines.length <= rows) return { lines, cut: false };
  // The rest of the text from where the kept lines end (wrap drops only the space at a break).
  let at = 0;
  for (const l of lines.slice(0, rows - 1)) at = s.indexOf(l, at) + l.length;
  const rest = s.slice(at).trimStart();
  return { lines: [...lines.slice(0, rows - 1), truncate(rest, max, '…', measure)], cut: true };
}

/** Lines of text, one under the other from baseline y, `spacing` apart. */
function textLines(x: number, y: number, lines: readonly string[], attrs: string, spacing = LINE): string {
  return lines.map((l, i) => text(x, y + i * spacing, l, attrs)).join('');
}

const linesWidth = (lines: readonly string[], size: number) =>
  maxOf(
    lines.map((l) => textWidth(l, size)),
    0,
  );

/** The whole text of a label that was cut short, as the tooltip of the group it starts. */
const tooltip = (label: string, fitted: Fitted) => (fitted.cut ? `<title>${esc(label)}</title>` : '');

const num = (n: number): string => String(Math.round(n * 10) / 10);

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${num(x)}" y="${num(y)}"${attrs ? ' ' + attrs : ''}>${esc(s)}</text>`;
}

interface Box {
  /** Width of the subtree's band. */
  readonly width: number;
  /** The node's centre, from the band's left edge. */
  readonly x: number;
}

/**
 * The widest and tallest picture, in pixels, that common converters draw: cairo's limit, and so
 * librsvg's (rsvg-convert) and Graphviz's. A picture that would be larger is drawn less deep.
 */
export const SVG_MAX_PX = 32767;

export function renderSvg(fitted: FittedTree, options: PictureOptions = {}): string {
  const path = pathNodes(fitted, options.answers);
  // Shared by the layouts tried: a node's shares are read once however often it is laid out.
  const paint = painter(fitted);
  let drawn = drawing(fitted, { nodes: PICTURE_NODES, path });
  let picture = layout(fitted, drawn, path, paint, options);
  const depthOf = (d: Drawing) => d.depth ?? fitted.tree.maxDepth();
  while ((picture.width > SVG_MAX_PX || picture.height > SVG_MAX_PX) && depthOf(drawn) > 0) {
    drawn = drawing(fitted, { nodes: PICTURE_NODES, path, depth: depthOf(drawn) - 1 });
    picture = layout(fitted, drawn, path, paint, options);
  }
  return picture.svg();
}

/** A picture laid out: its size, and its text, written only for the layout that is kept. */
interface Picture {
  readonly width: number;
  readonly height: number;
  svg(): string;
}

function layout(fitted: FittedTree, drawn: Drawing, path: ReadonlySet<number>, paint: Painter, options: PictureOptions): Picture {
  const { tree, study, spec } = fitted;
  const marking = path.size > 0;
  // A question drawn without its branches ends its band like a leaf.
  const ends = (node: number) => tree.isLeaf(node) || drawn.cut.has(node);
  // The classes drawn, for the legend: in a leaf's pie, or in a question's bars (its children's).
  const used = new Set<number>();
  for (const v of drawn.visits) {
    const sides = tree.isLeaf(v.node) ? [v.node] : [tree.left[v.node]!, tree.right[v.node]!];
    for (const side of sides) for (const s of paint.slices(side)) used.add(s.cls);
  }
  const rootN = tree.nSamples[0]!;
  const radius = (node: number) => MIN_R + (MAX_R - MIN_R) * Math.sqrt(tree.nSamples[node]! / rootN);

  // Labels fitted once per criterion and per class, not per node: a big tree repeats them.
  const fittedLabels = new Map<string, Fitted>();
  const label = (node: number): { text: string; fitted: Fitted } => {
    const leaf = tree.isLeaf(node);
    const key = leaf ? `c${tree.predictedClass(node)}` : `f${tree.feature[node]}`;
    const whole = leaf ? leafLabel(fitted, node) : criterionName(fitted, node);
    let f = fittedLabels.get(key);
    if (!f) {
      f = leaf ? fitLabel(whole, 11, LEAF_LABEL_W, 2) : fitLabel(whole, 12, QUESTION_LABEL_W, 2);
      fittedLabels.set(key, f);
    }
    return { text: whole, fitted: f };
  };
  const mark = (node: number) => cutMark(drawn.cut.get(node) ?? 0);
  const ownWidth = (node: number): number =>
    tree.isLeaf(node)
      ? Math.max(2 * MAX_R, linesWidth(label(node).fitted.lines, 11) + 4, textWidth(`n=${tree.nSamples[node]}`, 10))
      : Math.max(QUESTION_W, linesWidth(label(node).fitted.lines, 12) + 4, drawn.cut.has(node) ? textWidth(mark(node), 10) + 4 : 0);

  // A tidy layout: every subtree gets a band wide enough for itself and its children side by
  // side, and a parent sits midway between its children.
  const boxes = new Map<number, Box>();
  const measure = (node: number): Box => {
    let box: Box;
    const own = ownWidth(node);
    if (ends(node)) box = { width: own, x: own / 2 };
    else {
      const l = measure(tree.left[node]!);
      const r = measure(tree.right[node]!);
      const children = l.width + GAP + r.width;
      const width = Math.max(own, children);
      const shift = (width - children) / 2;
      const mid = shift + (l.x + l.width + GAP + r.x) / 2;
      box = { width, x: Math.min(Math.max(mid, own / 2), width - own / 2) };
    }
    boxes.set(node, box);
    return box;
  };
  const treeWidth = measure(0).width;
  // A label on two lines makes every node of its kind taller, so the levels stay aligned.
  const rows = (leaves: boolean) =>
    maxOf(
      [...fittedLabels].filter(([k]) => k.startsWith(leaves ? 'c' : 'f')).map(([, f]) => f.lines.length),
      1,
    );
  // (Two pixels more than a line, so a second line's descenders clear the path's outline.)
  const geometry: Geometry = { questionH: QUESTION_H + (LINE + 2) * (rows(false) - 1), leafH: LEAF_H + (LINE + 2) * (rows(true) - 1) };
  const level = geometry.questionH + 46;

  const title = spec.description ?? spec.name;
  let caption: string | undefined;
  if (options.answers) {
    const { leaf } = walk(fitted, options.answers);
    const matter = fitted.featureCriteria.filter((c) => options.answers![c]).map((c) => study.criteria[c]!.name);
    caption = `Highlighted: the path when ${matter.length > 0 ? `${matter.join(', ')} ${matter.length === 1 ? 'matters' : 'matter'}` : 'no criterion matters'}, to ${leafLabel(fitted, leaf)}`;
  }
  const titleLines = fitLabel(title, 14, HEADING_W, 2).lines;
  // Where the scores come from, under the title: a picture passed around keeps its source.
  const data = fitLabel(provenanceLine(study), 11, DATA_W, 4);
  const dataY = MARGIN + 30 + 18 * (titleLines.length - 1);
  const captionLines = caption === undefined ? [] : fitLabel(caption, 12, HEADING_W, 3).lines;
  const captionY = dataY + 6 + 14 * data.lines.length;
  const note = cutNote(fitted, drawn, { budget: PICTURE_NODES, where: EVERY_NODE });
  const noteLines = note === undefined ? [] : fitLabel(note, 12, HEADING_W, 4).lines;
  const noteY = captionY + (caption ? 16 * captionLines.length : 0);
  const top = noteY + (note ? 22 + 16 * (noteLines.length - 1) : caption ? 6 : 4);

  // Place every node: its centre x and top y.
  const at = new Map<number, { x: number; y: number }>();
  const place = (node: number, left: number, depth: number): void => {
    const box = boxes.get(node)!;
    at.set(node, { x: MARGIN + left + box.x, y: top + depth * level });
    if (ends(node)) return;
    const l = boxes.get(tree.left[node]!)!;
    const r = boxes.get(tree.right[node]!)!;
    const children = l.width + GAP + r.width;
    const shift = (box.width - children) / 2;
    place(tree.left[node]!, left + shift, depth + 1);
    place(tree.right[node]!, left + shift + l.width + GAP, depth + 1);
  };
  place(0, 0, 0);

  // The legend goes top right, beside whatever part of the tree is that high.
  const legend = legendClasses([...used].filter((c) => c >= 0));
  const row = (whole: string, color: string | undefined) => ({ whole, fitted: fitLabel(whole, 11, LEGEND_LABEL_W, 1), color });
  const legendRows = legend.listed.map((c) => row(classLabel(study, tree.classes[c]!), paint.color(c)));
  if (used.has(-1)) legendRows.push(row('Other sets, summed', REST_COLOR));
  if (legend.more > 0) legendRows.push(row(`and ${plural(legend.more, 'other set')}, named at the leaves`, undefined));
  const legendW =
    34 +
    maxOf(
      legendRows.map((r) => linesWidth(r.fitted.lines, 11)),
      textWidth('Best choice', 11),
    );
  const legendH = 26 + 17 * legendRows.length;
  const legendTop = MARGIN;
  let rightmost = MARGIN;
  for (const [node, p] of at) {
    if (p.y < legendTop + legendH + 8) rightmost = Math.max(rightmost, p.x + ownWidth(node) / 2);
  }
  const headingW = Math.max(linesWidth(titleLines, 14), linesWidth(data.lines, 11), linesWidth(captionLines, 12), linesWidth(noteLines, 12));
  const legendX = Math.max(MARGIN + treeWidth - legendW, rightmost + 24, MARGIN + headingW + 24);
  const width = Math.ceil(Math.max(MARGIN + treeWidth, legendX + legendW) + MARGIN);
  const bottom = (n: number) => (tree.isLeaf(n) ? geometry.leafH : geometry.questionH + (drawn.cut.has(n) ? LINE + 4 : 0));
  const deepestLeafBottom = maxOf([...at].map(([n, p]) => p.y + bottom(n)));
  const height = Math.ceil(Math.max(deepestLeafBottom, legendTop + legendH) + MARGIN);

  const svg = (): string => {
    const edges: string[] = [];
    const nodes: string[] = [];
    const fade = (node: number) => (marking && !path.has(node) ? ` opacity="${FADED}"` : '');

    for (const { node } of drawn.visits) {
      const p = at.get(node)!;
      const { text: whole, fitted: shown } = label(node);
      if (tree.isLeaf(node)) {
        nodes.push(
          `<g${fade(node)}>${tooltip(whole, shown)}${leafSvg(fitted, node, p.x, p.y, radius(node), paint, path.has(node), shown.lines)}</g>`,
        );
        continue;
      }
      const question = questionSvg(fitted, node, p.x, p.y, paint, path, shown.lines, geometry);
      if (drawn.cut.has(node)) {
        const left = text(p.x, p.y + geometry.questionH + LINE, mark(node), `font-size="10" text-anchor="middle" fill="${INK}" font-style="italic"`);
        nodes.push(`<g${fade(node)}>${tooltip(whole, shown)}${question}${left}</g>`);
        continue;
      }
      nodes.push(`<g${fade(node)}>${tooltip(whole, shown)}${question}</g>`);
      for (const yes of [false, true]) {
        const child = yes ? tree.right[node]! : tree.left[node]!;
        const c = at.get(child)!;
        const x1 = p.x + (yes ? 8 : -8);
        const y1 = p.y + geometry.questionH + 2;
        const x2 = c.x;
        const y2 = tree.isLeaf(child) ? c.y + MAX_R - radius(child) - 5 : c.y - 6;
        const on = path.has(child);
        const stroke = on ? `stroke="${PATH_COLOR}" stroke-width="3"` : `stroke="${INK}" stroke-width="1"`;
        const lx = x1 + (x2 - x1) * 0.45 + (yes ? 8 : -8);
        const ly = y1 + (y2 - y1) * 0.45;
        const label = text(
          lx,
          ly,
          yes ? EDGE_YES : EDGE_NO,
          `font-size="10" text-anchor="${yes ? 'start' : 'end'}" fill="${on ? PATH_COLOR : INK}"${on ? ' font-weight="bold"' : ''}`,
        );
        edges.push(
          `<g${marking && !on ? ` opacity="${FADED}"` : ''}><line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" ${stroke}/>${label}</g>`,
        );
      }
    }

    const legend = [
      `<rect x="${num(legendX)}" y="${legendTop}" width="${num(legendW)}" height="${legendH}" fill="#ffffff" stroke="#bbbbbb" rx="3"/>`,
      text(legendX + 8, legendTop + 16, 'Best choice', `font-size="11" font-weight="bold" fill="${INK}"`),
      ...legendRows.map((r, i) => {
        const y = legendTop + 24 + 17 * i;
        const swatch =
          r.color === undefined
            ? ''
            : `<rect x="${num(legendX + 8)}" y="${num(y)}" width="12" height="12" fill="${r.color}" stroke="${INK}" stroke-width="0.5"/>`;
        const row = swatch + text(legendX + 26, y + 10, r.fitted.lines[0] ?? '', `font-size="11" fill="${INK}"`);
        return r.fitted.cut ? `<g>${tooltip(r.whole, r.fitted)}${row}</g>` : row;
      }),
    ];

    const heading = [
      textLines(MARGIN, MARGIN + 12, titleLines, `font-size="14" fill="${INK}"`, 18),
      `<g>${tooltip(provenanceLine(study), data)}${textLines(MARGIN, dataY - 4, data.lines, `font-size="11" fill="${INK}"`, 14)}</g>`,
    ];
    if (caption) heading.push(textLines(MARGIN, captionY, captionLines, `font-size="12" font-weight="bold" fill="${PATH_COLOR}"`, 16));
    if (note) heading.push(textLines(MARGIN, noteY, noteLines, `font-size="12" fill="${INK}"`, 16));

    return (
      [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" role="img">`,
        `<title>${esc(`${title}: decision tree, ${plural(tree.leafCount(), 'leaf', 'leaves')}, depth ${tree.maxDepth()}`)}</title>`,
        `<rect width="100%" height="100%" fill="#ffffff"/>`,
        ...heading,
        ...edges,
        ...nodes,
        ...legend,
        '</svg>',
      ].join('\n') + '\n'
    );
  };
  return { width, height, svg };
}

/** A share of a bar or a pie: a class, or -1 for the classes summed as the rest. */
interface Slice {
  readonly cls: number;
  readonly count: number;
}

/** What bars and pies are drawn with: each node's shares, and each share's colour. */
interface Painter {
  slices(node: number): readonly Slice[];
  color(cls: number): string;
}

/** A node's shares in class order, as scikit-learn stacks them, then the rest summed; each worked out once. */
function painter(fitted: FittedTree): Painter {
  const color = classColor(fitted);
  const known = new Map<number, readonly Slice[]>();
  return {
    slices(node) {
      let out = known.get(node);
      if (!out) {
        const { top, restCount } = shares(fitted, node);
        const byClass = [...top].sort((a, b) => a.cls - b.cls);
        out = restCount > 0 ? [...byClass, { cls: -1, count: restCount }] : byClass;
        known.set(node, out);
      }
      return out;
    },
    color: (cls) => (cls < 0 ? REST_COLOR : color(cls)),
  };
}

/** The heights of question nodes and leaves, grown by a line where some label takes two. */
interface Geometry {
  readonly questionH: number;
  readonly leafH: number;
}

/** The histogram of a question node: a stacked bar of class counts for "no" and for "yes". */
function questionSvg(
  fitted: FittedTree,
  node: number,
  x: number,
  y: number,
  paint: Painter,
  path: ReadonlySet<number>,
  label: readonly string[],
  geometry: Geometry,
): string {
  const { tree } = fitted;
  const out: string[] = [];
  const sides = [tree.left[node]!, tree.right[node]!];
  const tallest = Math.max(...sides.map((s) => tree.nSamples[s]!));
  sides.forEach((child, i) => {
    const cx = x + (i === 0 ? -22 : 22);
    const total = tree.nSamples[child]!;
    const h = (BAR_H * total) / tallest;
    let bottom = y + AXIS_Y;
    paint.slices(child).forEach(({ cls: c, count: n }) => {
      const seg = (h * n) / total;
      out.push(
        `<rect x="${num(cx - BAR_W / 2)}" y="${num(bottom - seg)}" width="${BAR_W}" height="${num(seg)}" fill="${paint.color(c)}" stroke="${INK}" stroke-width="0.5"/>`,
      );
      bottom -= seg;
    });
    if (path.has(child)) {
      out.push(
        `<rect x="${num(cx - BAR_W / 2 - 1.5)}" y="${num(y + AXIS_Y - h - 1.5)}" width="${BAR_W + 3}" height="${num(h + 1.5)}" fill="none" stroke="${PATH_COLOR}" stroke-width="2.5"/>`,
      );
    }
    out.push(text(cx, y + AXIS_Y - h - 4, String(total), `font-size="9" text-anchor="middle" fill="${INK}"`));
    out.push(text(cx, y + AXIS_Y + 16, i === 0 ? EDGE_NO : EDGE_YES, `font-size="10" text-anchor="middle" fill="${INK}"`));
  });
  out.push(`<line x1="${num(x - 46)}" y1="${num(y + AXIS_Y)}" x2="${num(x + 46)}" y2="${num(y + AXIS_Y)}" stroke="${INK}" stroke-width="1"/>`);
  // dtreeviz's wedge: where the split falls on the axis (between 0 and 1, at 0.5).
  out.push(
    `<polygon points="${num(x)},${num(y + AXIS_Y + 1)} ${num(x - 5)},${num(y + AXIS_Y + 9)} ${num(x + 5)},${num(y + AXIS_Y + 9)}" fill="${INK}"/>`,
  );
  out.push(
    textLines(x, y + QUESTION_H - 6, label, `font-size="12" text-anchor="middle" fill="${INK}"${path.has(node) ? ' font-weight="bold"' : ''}`),
  );
  if (path.has(node)) {
    // The outline takes in the label, which is bold on the path (about a tenth wider).
    const boxW = Math.max(QUESTION_W, linesWidth(label, 12) * 1.1);
    out.push(
      `<rect x="${num(x - boxW / 2 - 6)}" y="${num(y - 4)}" width="${num(boxW + 12)}" height="${geometry.questionH + 2}" rx="6" fill="none" stroke="${PATH_COLOR}" stroke-width="2"/>`,
    );
  }
  return out.join('');
}

/** A leaf: a pie of its class counts (from 12 o'clock, clockwise, in class order), n= and the recommendation. */
function leafSvg(
  fitted: FittedTree,
  node: number,
  x: number,
  y: number,
  r: number,
  paint: Painter,
  onPath: boolean,
  label: readonly string[],
): string {
  const { tree } = fitted;
  const out: string[] = [];
  const cy = y + MAX_R;
  const total = tree.nSamples[node]!;
  const present = paint.slices(node).map(({ cls, count }) => ({ n: count, c: cls }));
  if (present.length === 1) {
    out.push(`<circle cx="${num(x)}" cy="${num(cy)}" r="${num(r)}" fill="${paint.color(present[0]!.c)}" stroke="${INK}" stroke-width="0.5"/>`);
  } else {
    let angle = 0;
    for (const s of present) {
      const sweep = (2 * Math.PI * s.n) / total;
      const a0 = angle;
      const a1 = angle + sweep;
      const p0 = [x + r * Math.sin(a0), cy - r * Math.cos(a0)];
      const p1 = [x + r * Math.sin(a1), cy - r * Math.cos(a1)];
      const large = sweep > Math.PI ? 1 : 0;
      out.push(
        `<path d="M${num(x)},${num(cy)} L${num(p0[0]!)},${num(p0[1]!)} A${num(r)},${num(r)} 0 ${large} 1 ${num(p1[0]!)},${num(p1[1]!)} Z" fill="${paint.color(s.c)}" stroke="${INK}" stroke-width="0.5"/>`,
      );
      angle = a1;
    }
  }
  if (onPath) out.push(`<circle cx="${num(x)}" cy="${num(cy)}" r="${num(r + 4)}" fill="none" stroke="${PATH_COLOR}" stroke-width="3"/>`);
  out.push(text(x, y + 2 * MAX_R + 14, `n=${total}`, `font-size="10" text-anchor="middle" fill="${INK}"`));
  out.push(textLines(x, y + 2 * MAX_R + 28, label, `font-size="11" text-anchor="middle" fill="${INK}" font-weight="bold"`));
  return out.join('');
}
