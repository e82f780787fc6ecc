/** `reprotree scores`: the study's scores and the evidence behind them. */
import { formatOf } from '../cli/parse.js';
import { toMarkdown, toText } from '../render/blocks.js';
import { scoresJson, scoresReport } from '../render/scores-report.js';
import { load } from './common.js';
import type { Context } from './context.js';

export async function scores(ctx: Context): Promise<void> {
  const study = await load(ctx);
  const t0 = performance.now();
  const format = formatOf(ctx.parsed);
  let text: string;
  if (format === 'json') text = JSON.stringify(scoresJson(study), null, 2) + '\n';
  else if (format === 'markdown') text = toMarkdown(scoresReport(study));
  else text = toText(scoresReport(study), ctx.style, Math.min(ctx.width, 100));
  ctx.timings.render = performance.now() - t0;
  ctx.out(text);
}
