/** Steps several commands share: load the study (timed) and write a report in the asked format. */
import { DEFAULT_DATA_SET } from '../paths.js';
import { toMarkdown } from '../render/blocks.js';
import type { Block } from '../render/blocks.js';
import { blocksToLines, readingWidth } from '../render/lines.js';
import { loadDataSet, loadStudy } from '../study/load.js';
import type { Study } from '../study/types.js';
import type { IO } from './io.js';
import type { ReportFormat, StudyOptions } from './options.js';

/** Loads the criteria file the user named, or the bundled data set asked for (the default without either). */
export async function load(io: IO, from: StudyOptions): Promise<Study> {
  const t0 = performance.now();
  const study = from.criteria !== undefined ? await loadStudy(from.criteria) : await loadDataSet(from.data ?? DEFAULT_DATA_SET);
  io.timings.load = (io.timings.load ?? 0) + (performance.now() - t0);
  return study;
}

/**
 * Writes a report as text, Markdown or JSON, timing the render. Both views are thunks so that
 * only the one asked for is built; `blocks` is told whether marks must be words (accessible text).
 * Accessible text has its tables as sentences and is not wrapped: a screen reader reads lines
 * whole, and a braille display wraps to its own width.
 */
export function writeReport(
  io: IO,
  format: ReportFormat,
  accessible: boolean,
  view: { json: () => object; blocks: (words: boolean) => Block[] },
): void {
  const t0 = performance.now();
  const words = accessible && format === 'text';
  let text: string;
  if (format === 'json') text = JSON.stringify(view.json(), null, 2) + '\n';
  else if (format === 'markdown') text = io.glyphs.draw(toMarkdown(view.blocks(false)));
  else if (words) text = io.glyphs.draw(blocksToLines(view.blocks(true), io.style, Infinity, { plain: true }).join('\n') + '\n');
  // Laid out as the questionnaire's result screen is: prose at the reading width, and a table may
  // use the whole terminal before it is stacked.
  else text = io.glyphs.draw(blocksToLines(view.blocks(false), io.style, readingWidth(io.width), { tableWidth: io.width }).join('\n') + '\n');
  io.timings.render = (io.timings.render ?? 0) + (performance.now() - t0);
  io.out(text);
}
