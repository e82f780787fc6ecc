/** `reprotree scores`: the study's scores and the evidence behind them, or the criteria file itself. */
import { scoresJson, scoresReport } from '../render/scores-report.js';
import { load, writeReport } from './common.js';
import type { IO } from './io.js';
import type { ScoresOptions } from './options.js';

export async function scores(options: ScoresOptions, io: IO): Promise<void> {
  const study = await load(io, options);
  if (options.format === 'yaml') {
    // The writer needs the YAML library: loaded here only, like the parser.
    const { studyToYaml } = await import('../study/yaml.js');
    io.out(studyToYaml(study));
    return;
  }
  writeReport(io, options.format, options.accessible, { json: () => scoresJson(study), blocks: (words) => scoresReport(study, { words }) });
}
