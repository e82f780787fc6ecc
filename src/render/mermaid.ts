/**
 * A fitted tree as a Mermaid `flowchart TD`, the diagram GitHub draws from a ```mermaid block:
 * questions as boxes, leaves as rounded boxes filled with their class's colour, "no"/"yes" on
 * the edges, and the answers' path in the `onpath` class with its edges drawn thick.
 */
import type { FittedTree } from '../advice/model.js';
import { plural } from './format.js';
import { classColor, PATH_COLOR, textOn } from './palette.js';
import { provenanceLine } from './provenance.js';
import { cutMark, cutNote, drawing, EVERY_NODE, MERMAID_CHARS, MERMAID_NODES } from './tree-drawing.js';
import type { Drawing } from './tree-drawing.js';
import { classLabel, EDGE_NO, EDGE_YES, leafLabel, otherCounts, pathNodes, questionLabel } from './tree-labels.js';
import type { PictureOptions } from './tree-labels.js';

/** Mermaid's own entity syntax: a raw quote would end the label, and `&`/`<` could read as HTML. */
function entities(s: string): string {
  return s.replace(/[&"<>#]/g, (c) => ({ '&': '#amp;', '"': '#quot;', '<': '#lt;', '>': '#gt;', '#': '#35;' })[c]!);
}

export function renderMermaid(fitted: FittedTree, options: PictureOptions = {}): string {
  const path = pathNodes(fitted, options.answers);
  // Within Mermaid's limits, however long the names: shallower until the text fits.
  let drawn = drawing(fitted, { nodes: MERMAID_NODES, path });
  let text = mermaidText(fitted, drawn, path);
  while (text.length > MERMAID_CHARS && (drawn.depth ?? fitted.tree.maxDepth()) > 0) {
    drawn = drawing(fitted, { nodes: MERMAID_NODES, path, depth: (drawn.depth ?? fitted.tree.maxDepth()) - 1 });
    text = mermaidText(fitted, drawn, path);
  }
  return text;
}

function mermaidText(fitted: FittedTree, drawn: Drawing, path: ReadonlySet<number>): string {
  const { tree, study, spec } = fitted;
  const color = classColor(fitted);
  const lines = ['flowchart TD'];
  lines.push(`  %% ${spec.name}${spec.description ? `: ${spec.description}` : ''}`);
  lines.push(`  %% ${provenanceLine(study).replace(/\s+/g, ' ')}`);
  const note = cutNote(fitted, drawn, { budget: MERMAID_NODES, where: EVERY_NODE });
  if (note) lines.push(`  %% ${note}`);

  const edges: string[] = [];
  const pathEdges: number[] = [];
  const usedClasses = new Set<number>();
  for (const v of drawn.visits) {
    const id = `n${v.node}`;
    const n = `n=${tree.nSamples[v.node]}`;
    const hidden = drawn.cut.get(v.node);
    if (tree.isLeaf(v.node)) {
      const cls = tree.predictedClass(v.node);
      usedClasses.add(cls);
      // Count first and a dot between: the class names themselves may hold commas.
      const others = otherCounts(fitted, v.node);
      const also = others.top.map((o) => `${o.count} ${classLabel(study, tree.classes[o.cls]!)}`);
      if (others.restCount > 0) also.push(`${others.restCount} in ${plural(others.restClasses, 'other set')}`);
      const rest = also.length > 0 ? `<br/>also ${entities(also.join(' · '))}` : '';
      lines.push(`  ${id}(["${entities(leafLabel(fitted, v.node))}<br/>${n}${rest}"]):::c${cls}`);
    } else if (hidden !== undefined) {
      lines.push(`  ${id}["${entities(questionLabel(fitted, v.node))}<br/>${n}<br/>${entities(cutMark(hidden))}"]:::cut`);
    } else {
      lines.push(`  ${id}["${entities(questionLabel(fitted, v.node))}<br/>${n}"]:::question`);
    }
    if (v.parent !== undefined) {
      if (path.has(v.node)) pathEdges.push(edges.length);
      edges.push(`  n${v.parent} -->|${v.yes ? EDGE_YES : EDGE_NO}| ${id}`);
    }
  }
  for (const edge of edges) lines.push(edge);
  lines.push('  classDef question fill:#f7f7f7,stroke:#888,color:#222');
  if (drawn.cut.size > 0) lines.push('  classDef cut fill:#f7f7f7,stroke:#888,stroke-dasharray:4 3,color:#222');
  for (const cls of [...usedClasses].sort((a, b) => a - b)) {
    lines.push(`  classDef c${cls} fill:${color(cls)},stroke:#555,color:${textOn(color(cls))}`);
  }
  if (path.size > 0) {
    // Defined after the fills so its border wins where a node has both classes.
    lines.push(`  classDef onpath stroke:${PATH_COLOR},stroke-width:4px,font-weight:bold`);
    lines.push(
      `  class ${[...path]
        .sort((a, b) => a - b)
        .map((n) => `n${n}`)
        .join(',')} onpath`,
    );
    if (pathEdges.length > 0) lines.push(`  linkStyle ${pathEdges.join(',')} stroke:${PATH_COLOR},stroke-width:4px`);
  }
  return lines.join('\n') + '\n';
}
