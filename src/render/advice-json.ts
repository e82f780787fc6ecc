/** The scripted mode's JSON: a stable, documented shape (see README, "JSON output"). */
import type { Advice } from '../advice/advise.js';

export function adviceJson(advice: Advice): object {
  const { study, spec, tree, featureCriteria } = advice.fitted;
  const fw = (f: number) => study.frameworks[f]!.id;
  const byFramework = (values: readonly number[]) => Object.fromEntries(values.map((v, f) => [fw(f), v]));
  const inTree = new Set(featureCriteria);
  return {
    tree: spec.name,
    answers: Object.fromEntries(study.criteria.map((c, i) => [c.id, advice.answers[i] === true])),
    path: advice.path.map((s) => ({ criterion: study.criteria[s.criterion]!.id, important: s.important })),
    recommendation: advice.recommendation.members.map(fw),
    leaf: {
      id: advice.leaf,
      samples: advice.leafSamples,
      counts: Object.fromEntries(tree.counts(advice.leaf).map(({ cls, count }) => [tree.classes[cls]!.name, count])),
    },
    exact: { totals: byFramework(advice.totals), best: advice.best.members.map(fw) },
    agrees: advice.agrees,
    runner_up: advice.runnerUp
      ? { frameworks: advice.runnerUp.frameworks.map(fw), total: advice.runnerUp.total, margin: advice.runnerUp.margin }
      : null,
    ignored: advice.ignored.map((c) => study.criteria[c]!.id),
    scores: study.criteria.map((c, i) => ({
      criterion: c.id,
      important: advice.answers[i] === true,
      in_tree: inTree.has(i),
      scores: byFramework(c.scores),
    })),
  };
}
