/** `reprotree scores`: the study's scores and the evidence behind them. */
import { scoresJson, scoresReport } from '../render/scores-report.js';
import { load, writeReport } from './common.js';
import type { Context } from './context.js';

export async function scores(ctx: Context): Promise<void> {
  const study = await load(ctx);
  writeReport(ctx, { json: () => scoresJson(study), blocks: () => scoresReport(study) });
}
