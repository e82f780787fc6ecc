/** Scripted advice: answers from flags, result as text, Markdown or JSON. */
import { parseAnswers } from '../advice/answers.js';
import { advise } from '../advice/advise.js';
import { fitTree } from '../advice/model.js';
import { formatOf } from '../cli/parse.js';
import { adviceJson } from '../render/advice-json.js';
import { adviceReport } from '../render/advice-report.js';
import { toMarkdown, toText } from '../render/blocks.js';
import { load } from './common.js';
import type { Context } from './context.js';

export async function recommend(ctx: Context): Promise<void> {
  const study = await load(ctx);
  const v = ctx.parsed.values;
  const answers = parseAnswers(study, v.important as string | undefined, v['not-important'] as string | undefined);
  const fitted = fitTree(study, v.tree as string | undefined, {}, ctx.timings);
  const t0 = performance.now();
  const advice = advise(fitted, answers);
  const format = formatOf(ctx.parsed);
  let text: string;
  if (format === 'json') text = JSON.stringify(adviceJson(advice), null, 2) + '\n';
  else if (format === 'markdown') text = toMarkdown(adviceReport(advice));
  else text = toText(adviceReport(advice), ctx.style, Math.min(ctx.width, 100));
  ctx.timings.render = performance.now() - t0;
  ctx.out(text);
}
