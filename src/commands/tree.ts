/** `reprotree tree`: the fitted tree as text, a picture (Mermaid, DOT, SVG) or data. */
import { fitTree } from '../advice/model.js';
import type { FittedTree } from '../advice/model.js';
import { renderDot } from '../render/dot.js';
import { exportText } from '../render/export-text.js';
import { renderMermaid } from '../render/mermaid.js';
import { renderSvg } from '../render/svg.js';
import { treeJson } from '../render/tree-json.js';
import { renderTreeText } from '../render/tree-text.js';
import { anyGiven, everyAnswer, givenAnswers } from './answers.js';
import { load } from './common.js';
import type { IO } from './io.js';
import type { TreeFormat, TreeOptions } from './options.js';

/** Formats that are data about the tree, not pictures of it: they have no path to mark. */
const UNMARKED: ReadonlySet<TreeFormat> = new Set(['export-text', 'json']);

export async function tree(options: TreeOptions, io: IO): Promise<void> {
  const study = await load(io, options.criteria);
  const given = anyGiven(options.answers);
  // Read even where unused, so a misspelt criterion is still reported.
  const answers = given ? everyAnswer(study, await givenAnswers(study, options.answers, io)) : undefined;
  const fitted = fitTree(study, options.tree, { maxDepth: options.maxDepth, randomState: options.randomState }, io.timings);
  const t0 = performance.now();
  const { format } = options;
  if (given && UNMARKED.has(format)) {
    io.err(`reprotree: --format ${format} does not mark a path, so your answers are not shown; the text, mermaid, dot and svg formats mark it.\n`);
  }
  const text = render(fitted, format, io, answers);
  io.timings.render = performance.now() - t0;
  io.out(text);
}

function render(fitted: FittedTree, format: TreeFormat, io: IO, answers: readonly boolean[] | undefined): string {
  switch (format) {
    case 'json':
      return JSON.stringify(treeJson(fitted), null, 2) + '\n';
    case 'export-text':
      return exportText(fitted.tree);
    case 'mermaid':
      return renderMermaid(fitted, { answers });
    case 'dot':
      return renderDot(fitted, { answers });
    case 'svg':
      return renderSvg(fitted, { answers });
    case 'text':
      return renderTreeText(fitted, { answers, style: io.style, width: io.width });
  }
}
