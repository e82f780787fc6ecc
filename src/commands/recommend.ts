/** Scripted advice: answers from flags or a file, result as text, Markdown or JSON. */
import { advise } from '../advice/advise.js';
import { fitTree } from '../advice/model.js';
import { adviceJson } from '../render/advice-json.js';
import { adviceReport } from '../render/advice-report.js';
import { everyAnswer, givenAnswers } from './answers.js';
import { load, writeReport } from './common.js';
import type { IO } from './io.js';
import type { RecommendOptions } from './options.js';

export async function recommend(options: RecommendOptions, io: IO): Promise<void> {
  const study = await load(io, options);
  const answers = everyAnswer(study, await givenAnswers(study, options.answers, io));
  const fitted = fitTree(study, options.tree, {}, io.timings);
  const t0 = performance.now();
  const advice = advise(fitted, answers);
  io.timings.render = performance.now() - t0;
  const { alternatives } = options;
  writeReport(io, options.format, options.accessible, {
    json: () => adviceJson(advice, { alternatives }),
    blocks: (words) => adviceReport(advice, { words, alternatives }),
  });
}
