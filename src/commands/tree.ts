/** `reprotree tree`: the fitted tree as text, a picture (Mermaid, DOT, SVG) or data. */
import { fitTree } from '../advice/model.js';
import type { FittedTree } from '../advice/model.js';
import { renderDot } from '../render/dot.js';
import { exportTextPieces } from '../render/export-text.js';
import { renderMermaid } from '../render/mermaid.js';
import { renderSvg } from '../render/svg.js';
import { treeJsonPieces } from '../render/tree-json.js';
import { treeOutline } from '../render/tree-outline.js';
import { renderTreeText, treeKey } from '../render/tree-text.js';
import { anyGiven, everyAnswer, givenAnswers } from './answers.js';
import { load } from './common.js';
import type { IO } from './io.js';
import type { TreeFormat, TreeOptions } from './options.js';

/** Formats that are data about the tree, not pictures of it: they have no path to mark. */
const UNMARKED: ReadonlySet<TreeFormat> = new Set(['export-text', 'json']);

export async function tree(options: TreeOptions, io: IO): Promise<void> {
  const study = await load(io, options);
  const given = anyGiven(options.answers);
  // Read even where unused, so a misspelt criterion is still reported.
  const answers = given ? everyAnswer(study, await givenAnswers(study, options.answers, io)) : undefined;
  const fitted = fitTree(study, options.tree, { maxDepth: options.maxDepth, randomState: options.randomState }, io.timings);
  const t0 = performance.now();
  const { format } = options;
  if (given && UNMARKED.has(format)) {
    io.err(`reprotree: --format ${format} does not mark a path, so your answers are not shown; the text, mermaid, dot and svg formats mark it.\n`);
  }
  // The data formats are written piece by piece: the largest trees' are more than a string can
  // hold (a gigabyte and more), and a slow reader must not make them pile up in memory.
  if (format === 'json' || format === 'export-text') {
    await io.outPieces(format === 'json' ? treeJsonPieces(fitted) : drawn(exportTextPieces(fitted.tree), io));
    io.timings.render = performance.now() - t0;
    return;
  }
  const text = render(fitted, format, io, answers, options.accessible);
  io.timings.render = performance.now() - t0;
  io.out(text);
}

/** Text for people, piece by piece, drawn as the terminal can show it. */
function* drawn(pieces: Iterable<string>, io: IO): Generator<string> {
  for (const piece of pieces) yield io.glyphs.draw(piece);
}

/** Pictures for other programs keep their characters; text for people is drawn as the terminal can show it. */
function render(
  fitted: FittedTree,
  format: Exclude<TreeFormat, 'json' | 'export-text'>,
  io: IO,
  answers: readonly boolean[] | undefined,
  accessible: boolean,
): string {
  switch (format) {
    case 'mermaid':
      return renderMermaid(fitted, { answers });
    case 'dot':
      return renderDot(fitted, { answers });
    case 'svg':
      return renderSvg(fitted, { answers });
    case 'text': {
      if (accessible) return io.glyphs.draw(treeOutline(fitted, { ...(answers ? { answers } : {}) }).join('\n') + '\n');
      const options = { answers, style: io.style, width: io.width };
      const key = treeKey(fitted, { ...options, path: answers !== undefined });
      return io.glyphs.draw(`${renderTreeText(fitted, options)}\n${key.join('\n')}\n`);
    }
  }
}
