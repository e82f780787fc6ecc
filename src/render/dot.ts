/**
 * A fitted tree in Graphviz DOT, in the manner of scikit-learn's `export_graphviz`: rounded,
 * filled boxes that give the question (or the recommendation), the samples, the class counts
 * as `value = [...]` and the majority class, each filled with its class's colour, paler the
 * more mixed the node (scikit-learn's rule). Unlike export_graphviz every edge says "no" or
 * "yes", a legend spells out the order of `value`, and the answers' path can be highlighted.
 */
import type { FittedTree } from '../advice/model.js';
import type { Tree } from '../cart/tree.js';
import { classColors, PATH_COLOR, textOn, tint } from './palette.js';
import { classLabel, EDGE_NO, EDGE_YES, leafLabel, pathNodes, preorder, questionLabel } from './tree-labels.js';
import type { PictureOptions } from './tree-labels.js';

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
function fill(counts: readonly number[], color: string): string {
  const total = counts.reduce((a, b) => a + b, 0);
  const [p1 = 0, p2 = 0] = counts.map((c) => c / total).sort((a, b) => b - a);
  const alpha = p2 >= 1 ? 0 : (p1 - p2) / (1 - p2);
  return tint(color, alpha);
}

/** Up to this many classes a node's value lists every class, as export_graphviz does. */
const DENSE_VALUE_MAX = 32;

/**
 * export_graphviz's `value = [..]`, a count for every class of the tree; with more classes than
 * a box can show (a table may have a million), only the classes the node holds, with their names.
 */
function valueLine(tree: Tree, counts: readonly { cls: number; count: number }[], names: readonly string[]): string {
  if (tree.nClasses > DENSE_VALUE_MAX) return `value = ${counts.map((x) => `${x.count} ${names[x.cls]}`).join(', ')}`;
  const dense = new Array<number>(tree.nClasses).fill(0);
  for (const x of counts) dense[x.cls] = x.count;
  return `value = [${dense.join(', ')}]`;
}

export function renderDot(fitted: FittedTree, options: PictureOptions = {}): string {
  const { tree, study, spec } = fitted;
  const colors = classColors(fitted);
  const path = pathNodes(fitted, options.answers);
  const marking = path.size > 0;
  const names = tree.classes.map((c) => classLabel(study, c));

  const out = ['digraph Tree {'];
  out.push(`graph [label=${quote(spec.description ?? spec.name)}, labelloc="t", fontname="${FONT}", fontsize=16, ranksep=0.4] ;`);
  out.push(`node [shape=box, style="filled, rounded", color="black", fontname="${FONT}"] ;`);
  out.push(`edge [fontname="${FONT}"] ;`);

  const rows = tree.classes.map((_, c) => `<tr><td bgcolor="${colors[c]}" width="16"></td><td align="left">${html(names[c]!)}</td></tr>`).join('');
  out.push(
    `legend [shape=plaintext, style="", label=<<table border="0" cellborder="1" cellspacing="0" cellpadding="4">` +
      `<tr><td colspan="2"><b>value = profiles whose best is</b></td></tr>${rows}</table>>] ;`,
  );

  for (const v of preorder(fitted)) {
    const node = v.node;
    const counts = tree.counts(node);
    const majority = tree.predictedClass(node);
    const facts = [`samples = ${tree.nSamples[node]}`, valueLine(tree, counts, names)];
    // A leaf's first line already names its class.
    const label = tree.isLeaf(node) ? [leafLabel(fitted, node), ...facts] : [questionLabel(fitted, node), ...facts, `class = ${names[majority]}`];
    const fillcolor = fill(
      counts.map((x) => x.count),
      colors[majority]!,
    );
    const dark = textOn(fillcolor) === '#ffffff';
    const faded = marking && !path.has(node);
    const attrs = [`label=${quote(label.join('\n'))}`, `fillcolor="${fillcolor}"`];
    if (dark || faded) attrs.push(`fontcolor="${dark ? (faded ? '#dddddd' : '#ffffff') : '#555555'}"`);
    if (path.has(node)) attrs.push(`color="${PATH_COLOR}"`, 'penwidth=3');
    else if (faded) attrs.push(`color="${MUTED}"`);
    out.push(`${node} [${attrs.join(', ')}] ;`);
    if (v.parent !== undefined) {
      const edge = [`label=${quote(v.yes ? EDGE_YES : EDGE_NO)}`];
      if (path.has(node)) edge.push(`color="${PATH_COLOR}"`, 'penwidth=3', `fontcolor="${PATH_COLOR}"`);
      else if (marking) edge.push(`color="${MUTED}"`, `fontcolor="${MUTED}"`);
      out.push(`${v.parent} -> ${node} [${edge.join(', ')}] ;`);
    }
  }
  // The legend sits beside the root rather than under a branch.
  out.push('{rank=same ; 0 ; legend} ;');
  out.push('}');
  return out.join('\n') + '\n';
}
