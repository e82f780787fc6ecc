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
 * measured, and the layout leaves room for that.
 */
import { walk } from '../advice/advise.js';
import type { FittedTree } from '../advice/model.js';
import { maxOf, plural } from './format.js';
import { classColors, PATH_COLOR } from './palette.js';
import { classLabel, criterionName, EDGE_NO, EDGE_YES, leafLabel, pathNodes } from './tree-labels.js';
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
const LEVEL = QUESTION_H + 46;
const INK = '#444443';
const FADED = 0.3;

/** A rough advance width for the generic sans-serif face: enough to keep labels apart. */
function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) {
    if ("ijlt.,:;!|' ()[]f".includes(ch)) w += 0.34;
    else if ('mwMW@'.includes(ch)) w += 0.95;
    else if (/[A-Z&]/.test(ch)) w += 0.74;
    else w += 0.62;
  }
  return w * size;
}

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

export function renderSvg(fitted: FittedTree, options: PictureOptions = {}): string {
  const { tree, study, spec } = fitted;
  const colors = classColors(fitted);
  const path = pathNodes(fitted, options.answers);
  const marking = path.size > 0;
  const rootN = tree.nSamples[0]!;
  const radius = (node: number) => MIN_R + (MAX_R - MIN_R) * Math.sqrt(tree.nSamples[node]! / rootN);

  const ownWidth = (node: number): number =>
    tree.isLeaf(node)
      ? Math.max(2 * MAX_R, textWidth(leafLabel(fitted, node), 11) + 4, textWidth(`n=${tree.nSamples[node]}`, 10))
      : Math.max(QUESTION_W, textWidth(criterionName(fitted, node), 12) + 4);

  // A tidy layout: every subtree gets a band wide enough for itself and its children side by
  // side, and a parent sits midway between its children.
  const boxes = new Map<number, Box>();
  const measure = (node: number): Box => {
    let box: Box;
    const own = ownWidth(node);
    if (tree.isLeaf(node)) box = { width: own, x: own / 2 };
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

  const title = spec.description ?? spec.name;
  let caption: string | undefined;
  if (options.answers) {
    const { leaf } = walk(fitted, options.answers);
    const matter = fitted.featureCriteria.filter((c) => options.answers![c]).map((c) => study.criteria[c]!.name);
    caption = `Highlighted: the path when ${matter.length > 0 ? `${matter.join(', ')} ${matter.length === 1 ? 'matters' : 'matter'}` : 'no criterion matters'}, to ${leafLabel(fitted, leaf)}`;
  }
  const top = MARGIN + (caption ? 52 : 34);

  // Place every node: its centre x and top y.
  const at = new Map<number, { x: number; y: number }>();
  const place = (node: number, left: number, depth: number): void => {
    const box = boxes.get(node)!;
    at.set(node, { x: MARGIN + left + box.x, y: top + depth * LEVEL });
    if (tree.isLeaf(node)) return;
    const l = boxes.get(tree.left[node]!)!;
    const r = boxes.get(tree.right[node]!)!;
    const children = l.width + GAP + r.width;
    const shift = (box.width - children) / 2;
    place(tree.left[node]!, left + shift, depth + 1);
    place(tree.right[node]!, left + shift + l.width + GAP, depth + 1);
  };
  place(0, 0, 0);

  // The legend goes top right, beside whatever part of the tree is that high.
  const legendRows = tree.classes.map((c, i) => ({ label: classLabel(study, c), color: colors[i]! }));
  const legendW =
    34 +
    maxOf(
      legendRows.map((r) => textWidth(r.label, 11)),
      textWidth('Best choice', 11),
    );
  const legendH = 26 + 17 * legendRows.length;
  const legendTop = MARGIN;
  let rightmost = MARGIN;
  for (const [node, p] of at) {
    if (p.y < legendTop + legendH + 8) rightmost = Math.max(rightmost, p.x + ownWidth(node) / 2);
  }
  const legendX = Math.max(MARGIN + treeWidth - legendW, rightmost + 24, MARGIN + textWidth(title, 14) + 24);
  const width = Math.ceil(Math.max(MARGIN + treeWidth, legendX + legendW) + MARGIN);
  const deepestLeafBottom = maxOf([...at].map(([n, p]) => p.y + (tree.isLeaf(n) ? LEAF_H : QUESTION_H)));
  const height = Math.ceil(Math.max(deepestLeafBottom, legendTop + legendH) + MARGIN);

  const edges: string[] = [];
  const nodes: string[] = [];
  const fade = (node: number) => (marking && !path.has(node) ? ` opacity="${FADED}"` : '');

  for (let node = 0; node < tree.nodeCount; node++) {
    const p = at.get(node)!;
    if (tree.isLeaf(node)) {
      nodes.push(`<g${fade(node)}>${leafSvg(fitted, node, p.x, p.y, radius(node), colors, path.has(node))}</g>`);
      continue;
    }
    nodes.push(`<g${fade(node)}>${questionSvg(fitted, node, p.x, p.y, colors, path)}</g>`);
    for (const yes of [false, true]) {
      const child = yes ? tree.right[node]! : tree.left[node]!;
      const c = at.get(child)!;
      const x1 = p.x + (yes ? 8 : -8);
      const y1 = p.y + QUESTION_H + 2;
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
      return (
        `<rect x="${num(legendX + 8)}" y="${num(y)}" width="12" height="12" fill="${r.color}" stroke="${INK}" stroke-width="0.5"/>` +
        text(legendX + 26, y + 10, r.label, `font-size="11" fill="${INK}"`)
      );
    }),
  ];

  const heading = [text(MARGIN, MARGIN + 12, title, `font-size="14" fill="${INK}"`)];
  if (caption) heading.push(text(MARGIN, MARGIN + 30, caption, `font-size="12" font-weight="bold" fill="${PATH_COLOR}"`));

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
}

/** The histogram of a question node: a stacked bar of class counts for "no" and for "yes". */
function questionSvg(fitted: FittedTree, node: number, x: number, y: number, colors: readonly string[], path: ReadonlySet<number>): string {
  const { tree } = fitted;
  const out: string[] = [];
  const sides = [tree.left[node]!, tree.right[node]!];
  const tallest = Math.max(...sides.map((s) => tree.nSamples[s]!));
  sides.forEach((child, i) => {
    const cx = x + (i === 0 ? -22 : 22);
    const counts = tree.counts(child);
    const total = tree.nSamples[child]!;
    const h = (BAR_H * total) / tallest;
    let bottom = y + AXIS_Y;
    counts.forEach(({ cls: c, count: n }) => {
      const seg = (h * n) / total;
      out.push(
        `<rect x="${num(cx - BAR_W / 2)}" y="${num(bottom - seg)}" width="${BAR_W}" height="${num(seg)}" fill="${colors[c]}" stroke="${INK}" stroke-width="0.5"/>`,
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
    text(
      x,
      y + QUESTION_H - 6,
      criterionName(fitted, node),
      `font-size="12" text-anchor="middle" fill="${INK}"${path.has(node) ? ' font-weight="bold"' : ''}`,
    ),
  );
  if (path.has(node)) {
    out.push(
      `<rect x="${num(x - QUESTION_W / 2 - 6)}" y="${num(y - 4)}" width="${QUESTION_W + 12}" height="${QUESTION_H + 2}" rx="6" fill="none" stroke="${PATH_COLOR}" stroke-width="2"/>`,
    );
  }
  return out.join('');
}

/** A leaf: a pie of its class counts (from 12 o'clock, clockwise, in class order), n= and the recommendation. */
function leafSvg(fitted: FittedTree, node: number, x: number, y: number, r: number, colors: readonly string[], onPath: boolean): string {
  const { tree } = fitted;
  const out: string[] = [];
  const cy = y + MAX_R;
  const total = tree.nSamples[node]!;
  const present = tree.counts(node).map(({ cls, count }) => ({ n: count, c: cls }));
  if (present.length === 1) {
    out.push(`<circle cx="${num(x)}" cy="${num(cy)}" r="${num(r)}" fill="${colors[present[0]!.c]}" stroke="${INK}" stroke-width="0.5"/>`);
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
        `<path d="M${num(x)},${num(cy)} L${num(p0[0]!)},${num(p0[1]!)} A${num(r)},${num(r)} 0 ${large} 1 ${num(p1[0]!)},${num(p1[1]!)} Z" fill="${colors[s.c]}" stroke="${INK}" stroke-width="0.5"/>`,
      );
      angle = a1;
    }
  }
  if (onPath) out.push(`<circle cx="${num(x)}" cy="${num(cy)}" r="${num(r + 4)}" fill="none" stroke="${PATH_COLOR}" stroke-width="3"/>`);
  out.push(text(x, y + 2 * MAX_R + 14, `n=${total}`, `font-size="10" text-anchor="middle" fill="${INK}"`));
  out.push(text(x, y + 2 * MAX_R + 28, leafLabel(fitted, node), `font-size="11" text-anchor="middle" fill="${INK}" font-weight="bold"`));
  return out.join('');
}
