/** Scripted advice: answers from flags, result as text, Markdown or JSON. */
import { parseAnswers } from '../cli/answers.js';
import { advise } from '../advice/advise.js';
import { fitTree } from '../advice/model.js';
import { adviceJson } from '../render/advice-json.js';
import { adviceReport } from '../render/advice-report.js';
import { load, writeReport } from './common.js';
import type { Context } from './context.js';

export async function recommend(ctx: Context): Promise<void> {
  const study = await load(ctx);
  const v = ctx.parsed.values;
  const answers = parseAnswers(study, v.important as string | undefined, v['not-important'] as string | undefined);
  const fitted = fitTree(study, v.tree as string | undefined, {}, ctx.timings);
  const t0 = performance.now();
  const advice = advise(fitted, answers);
  ctx.timings.render = performance.now() - t0;
  writeReport(ctx, { json: () => adviceJson(advice), blocks: () => adviceReport(advice) });
}
