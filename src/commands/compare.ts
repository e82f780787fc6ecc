/**
 * `reprotree compare`: the recommendation for the same answers under the study's data and under
 * today's trackers, side by side, and which criteria moved most between them. Answers name
 * criterion ids of either data set; one that only one data set has counts there only.
 */
import { compare as compareSets } from '../advice/compare.js';
import { DATA_SET_NAMES } from '../paths.js';
import { compareJson, compareReport } from '../render/compare-report.js';
import type { Study } from '../study/types.js';
import { givenAnswers } from './answers.js';
import { load, writeReport } from './common.js';
import type { IO } from './io.js';
import type { CompareOptions } from './options.js';

/** The criteria of both data sets, as one list to check answers against (ids once, first set's order). */
function union(first: Study, second: Study): Study {
  const ids = new Set(first.criteria.map((c) => c.id));
  // Named as a file, not a data set: messages then say "… in study-2021 or trackers-2026".
  const { dataSet: _one, ...rest } = first;
  return {
    ...rest,
    file: `${first.dataSet} or ${second.dataSet}`,
    criteria: [...first.criteria, ...second.criteria.filter((c) => !ids.has(c.id))],
  };
}

export async function compare(options: CompareOptions, io: IO): Promise<void> {
  const [a, b] = DATA_SET_NAMES;
  const first = await load(io, { criteria: undefined, data: a });
  const second = await load(io, { criteria: undefined, data: b });
  const both = union(first, second);
  const given = await givenAnswers(both, options.answers, io);
  const answers = new Map(both.criteria.map((c, i) => [c.id, given.get(i) === true]));
  const comparison = compareSets(first, second, answers, options.tree, io.timings);
  writeReport(io, options.format, options.accessible, { json: () => compareJson(comparison), blocks: () => compareReport(comparison) });
}
