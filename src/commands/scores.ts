/** `reprotree scores`: the study's scores and the evidence behind them. */
import { scoresJson, scoresReport } from '../render/scores-report.js';
import { load, writeReport } from './common.js';
import type { IO } from './io.js';
import type { ScoresOptions } from './options.js';

export async function scores(options: ScoresOptions, io: IO): Promise<void> {
  const study = await load(io, options.criteria);
  writeReport(io, options.format, options.accessible, { json: () => scoresJson(study), blocks: (words) => scoresReport(study, { words }) });
}
