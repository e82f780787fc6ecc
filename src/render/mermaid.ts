/**
 * A fitted tree as a Mermaid `flowchart TD`, the diagram GitHub draws from a ```mermaid block:
 * questions as boxes, leaves as rounded boxes filled with their class's colour, "no"/"yes" on
 * the edges, and the answers' path in the `onpath` class with its edges drawn thick.
 */
import type { FittedTree } from '../advice/model.js';
import { classColors, PATH_COLOR, textOn } from './palette.js';
import { provenanceLine } from './provenance.js';
import { classLabel, EDGE_NO, EDGE_YES, leafLabel, otherCounts, pathNodes, preorder, questionLabel } from './tree-labels.js';
import type { PictureOptions } from './tree-labels.js';

/** Mermaid's own entity syntax: a raw quote would end the label, and `&`/`<` could read as HTML. */
function entities(s: string): string {
  return s.replace(/[&"<>#]/g, (c) => ({ '&': '#amp;', '"': '#quot;', '<': '#lt;', '>': '#gt;', '#': '#35;' })[c]!);
}

export function renderMermaid(fitted: FittedTree, options: PictureOptions = {}): string {
  const { tree, study, spec } = fitted;
  const colors = classColors(fitted);
  const path = pathNodes(fitted, options.answers);
  const lines = ['flowchart TD'];
  lines.push(`  %% ${spec.name}${spec.description ? `: ${spec.description}` : ''}`);
  lines.push(`  %% ${provenanceLine(study).replace(/\s+/g, ' ')}`);

  const edges: string[] = [];
  const pathEdges: number[] = [];
  const usedClasses = new Set<number>();
  for (const v of preorder(fitted)) {
    const id = `n${v.node}`;
    const n = `n=${tree.nSamples[v.node]}`;
    if (tree.isLeaf(v.node)) {
      const cls = tree.predictedClass(v.node);
      usedClasses.add(cls);
      // Count first and a dot between: the class names themselves may hold commas.
      const others = otherCounts(fitted, v.node).map((o) => `${o.count} ${classLabel(study, tree.classes[o.cls]!)}`);
      const rest = others.length > 0 ? `<br/>also ${entities(others.join(' · '))}` : '';
      lines.push(`  ${id}(["${entities(leafLabel(fitted, v.node))}<br/>${n}${rest}"]):::c${cls}`);
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
  for (const cls of [...usedClasses].sort((a, b) => a - b)) {
    lines.push(`  classDef c${cls} fill:${colors[cls]},stroke:#555,color:${textOn(colors[cls]!)}`);
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
