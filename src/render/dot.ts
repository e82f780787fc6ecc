/**
 * A fitted tree in Graphviz DOT, in the manner of scikit-learn's `export_graphviz`: rounded,
 * filled boxes that give the question (or the recommendation), the samples, the class counts
 * as `value = [...]` and the majority class, each filled with its class's colour, paler the
 * more mixed the node (scikit-learn's rule). Unlike export_graphviz every edge says "no" or
 * "yes", a legend spells out the order of `value`, and the answers' path can be highlighted.
 */
import type { FittedTree } from '../advice/model.js';
import { plural } from './format.js';
import { classColor, PATH_COLOR, textOn, tint } from './palette.js';
import { provenanceLine } from './provenance.js';
import { wrap } from './terminal-text.js';
import { cutMark, cutNote, drawing, EVERY_NODE, PICTURE_NODES } from './tree-drawing.js';
import { classLabel, EDGE_NO, EDGE_YES, leafLabel, legendClasses, pathNodes, questionLabel, shares } from './tree-labels.js';
import type { PictureOptions, Shares } from './tree-labels.js';

const FONT = 'helvetica';
const MUTED = '#9a9a9a';

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function html(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/**
 * export_graphviz's fill: the majority colour with alpha (p1 - p2) / (1 - p2), p1 and p2 the
 * two largest class shares, blended onto white so every renderer shows the same colour.
 */
function fill(shown: Shares, total: number, color: string): string {
  const [p1 = 0, p2 = 0] = shown.top.slice(0, 2).map((x) => x.count / total);
  const alpha = p2 >= 1 ? 0 : (p1 - p2) / (1 - p2);
  return tint(color, alpha);
}

/** Up to this many classes a node's value lists every class, as export_graphviz does. */
const DENSE_VALUE_MAX = 32;

/**
 * export_graphviz's `value = [..]`, a count for every class of the tree; with more classes than
 * a box can show (a table may have a million), the most common the node holds, in class order,
 * with their names, and what the rest add up to.
 */
function valueLine(fitted: FittedTree, node: number, shown: Shares, name: (cls: number) => string): string {
  const { tree } = fitted;
  if (tree.nClasses > DENSE_VALUE_MAX) {
    const listed = [...shown.top].sort((a, b) => a.cls - b.cls).map((x) => `${x.count} ${name(x.cls)}`);
    if (shown.restCount > 0) listed.push(`${shown.restCount} in ${plural(shown.restClasses, 'other set')}`);
    return `value = ${listed.join(', ')}`;
  }
  const dense = new Array<number>(tree.nClasses).fill(0);
  for (const x of tree.counts(node)) dense[x.cls] = x.count;
  return `value = [${dense.join(', ')}]`;
}

export function renderDot(fitted: FittedTree, options: PictureOptions = {}): string {
  const { tree, study, spec } = fitted;
  const color = classColor(fitted);
  const path = pathNodes(fitted, options.answers);
  const marking = path.size > 0;
  const name = (cls: number) => classLabel(study, tree.classes[cls]!);
  const drawn = drawing(fitted, { nodes: PICTURE_NODES, path });

  const note = cutNote(fitted, drawn, { budget: PICTURE_NODES, where: EVERY_NODE });
  const title = [spec.description ?? spec.name, ...(note ? ['', ...wrap(note, 100)] : [])].join('\n');
  // Where the scores come from, as a comment: Graphviz draws the title, and this stays with the source.
  const out = [`// ${provenanceLine(study).replace(/\s+/g, ' ')}`, 'digraph Tree {'];
  out.push(`graph [label=${quote(title)}, labelloc="t", fontname="${FONT}", fontsize=16, ranksep=0.4] ;`);
  out.push(`node [shape=box, style="filled, rounded", color="black", fontname="${FONT}"] ;`);
  out.push(`edge [fontname="${FONT}"] ;`);

  const nodes: string[] = [];
  // The legend gives the order of a dense value; named values need only the colours of the fills.
  const inLegend = new Set<number>(tree.nClasses <= DENSE_VALUE_MAX ? tree.classes.map((_, c) => c) : []);
  for (const v of drawn.visits) {
    const node = v.node;
    const shown = shares(fitted, node);
    const majority = tree.predictedClass(node);
    inLegend.add(majority);
    const facts = [`samples = ${tree.nSamples[node]}`, valueLine(fitted, node, shown, name)];
    const hidden = drawn.cut.get(node);
    // A leaf's first line already names its class.
    const label = tree.isLeaf(node)
      ? [leafLabel(fitted, node), ...facts]
      : [questionLabel(fitted, node), ...facts, `class = ${name(majority)}`, ...(hidden === undefined ? [] : [cutMark(hidden)])];
    const fillcolor = fill(shown, tree.nSamples[node]!, color(majority));
    const dark = textOn(fillcolor) === '#ffffff';
    const faded = marking && !path.has(node);
    const attrs = [`label=${quote(label.join('\n'))}`, `fillcolor="${fillcolor}"`];
    if (hidden !== undefined) attrs.push('style="filled, rounded, dashed"');
    if (dark || faded) attrs.push(`fontcolor="${dark ? (faded ? '#dddddd' : '#ffffff') : '#555555'}"`);
    if (path.has(node)) attrs.push(`color="${PATH_COLOR}"`, 'penwidth=3');
    else if (faded) attrs.push(`color="${MUTED}"`);
    nodes.push(`${node} [${attrs.join(', ')}] ;`);
    if (v.parent !== undefined) {
      const edge = [`label=${quote(v.yes ? EDGE_YES : EDGE_NO)}`];
      if (path.has(node)) edge.push(`color="${PATH_COLOR}"`, 'penwidth=3', `fontcolor="${PATH_COLOR}"`);
      else if (marking) edge.push(`color="${MUTED}"`, `fontcolor="${MUTED}"`);
      nodes.push(`${v.parent} -> ${node} [${edge.join(', ')}] ;`);
    }
  }

  const legend = legendClasses(inLegend);
  const more = legend.more > 0 ? [`<tr><td colspan="2" align="left">and ${plural(legend.more, 'other set')}, named in the boxes</td></tr>`] : [];
  const rows = [
    ...legend.listed.map((c) => `<tr><td bgcolor="${color(c)}" width="16"></td><td align="left">${html(name(c))}</td></tr>`),
    ...more,
  ].join('');
  out.push(
    `legend [shape=plaintext, style="", label=<<table border="0" cellborder="1" cellspacing="0" cellpadding="4">` +
      `<tr><td colspan="2"><b>value = profiles whose best is</b></td></tr>${rows}</table>>] ;`,
  );
  out.push(...nodes);
  // The legend sits beside the root rather than under a branch.
  out.push('{rank=same ; 0 ; legend} ;');
  out.push('}');
  return out.join('\n') + '\n';
}
