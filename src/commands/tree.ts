/** `reprotree tree`: the fitted tree as text, a picture (Mermaid, DOT, SVG) or data. */
import { parseAnswers } from '../cli/answers.js';
import { fitTree } from '../advice/model.js';
import type { FittedTree } from '../advice/model.js';
import { formatOf } from '../cli/parse.js';
import { renderDot } from '../render/dot.js';
import { exportText } from '../render/export-text.js';
import { renderMermaid } from '../render/mermaid.js';
import { renderSvg } from '../render/svg.js';
import { treeJsonPieces } from '../render/tree-json.js';
import { renderTreeText } from '../render/tree-text.js';
import { depthFlag, load, seedFlag } from './common.js';
import type { Context } from './context.js';

/** Formats that are data about the tree, not pictures of it: they have no path to mark. */
const UNMARKED = new Set(['export-text', 'json']);

export async function tree(ctx: Context): Promise<void> {
  const study = await load(ctx);
  const v = ctx.parsed.values;
  const important = v.important as string | undefined;
  const notImportant = v['not-important'] as string | undefined;
  const given = important !== undefined || notImportant !== undefined;
  // Parsed even where unused, so a misspelt criterion is still reported.
  const answers = given ? parseAnswers(study, important, notImportant) : undefined;
  const overrides = { maxDepth: depthFlag(ctx), randomState: seedFlag(ctx) };
  const fitted = fitTree(study, v.tree as string | undefined, overrides, ctx.timings);
  const t0 = performance.now();
  const format = formatOf(ctx.parsed);
  if (given && UNMARKED.has(format)) {
    ctx.err(`reprotree: --format ${format} does not mark a path, so your answers are not shown; the text, mermaid, dot and svg formats mark it.\n`);
  }
  if (format === 'json') {
    // Written piece by piece: the JSON of the largest trees is more than one string can hold.
    for (const piece of treeJsonPieces(fitted)) ctx.out(piece);
    ctx.timings.render = performance.now() - t0;
    return;
  }
  const text = render(fitted, format, ctx, answers);
  ctx.timings.render = performance.now() - t0;
  ctx.out(text);
}

function render(fitted: FittedTree, format: string, ctx: Context, answers: readonly boolean[] | undefined): string {
  switch (format) {
    case 'export-text':
      return exportText(fitted.tree);
    case 'mermaid':
      return renderMermaid(fitted, { answers });
    case 'dot':
      return renderDot(fitted, { answers });
    case 'svg':
      return renderSvg(fitted, { answers });
    default:
      return renderTreeText(fitted, { answers, style: ctx.style, width: ctx.width });
  }
}
