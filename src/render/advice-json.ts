/** The scripted mode's JSON: a stable, documented shape (see README, "JSON output"). */
import type { Advice } from '../advice/advise.js';
import { alternatives, DEFAULT_ALTERNATIVES } from '../advice/alternatives.js';
import { provenanceJson } from './provenance.js';

export function adviceJson(advice: Advice, options: { readonly alternatives?: number } = {}): object {
  const { study, spec, tree, featureCriteria } = advice.fitted;
  const fw = (f: number) => study.frameworks[f]!.id;
  const byFramework = (values: readonly number[]) => Object.fromEntries(values.map((v, f) => [fw(f), v]));
  const inTree = new Set(featureCriteria);
  return {
    data: provenanceJson(study),
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
    alternatives: alternativesJson(advice, options.alternatives ?? DEFAULT_ALTERNATIVES),
  };
}

/** `[{flip: {memory: true}, best: ["guild"], margin: 0.5}]`: ids, nearest first, as many as asked for. */
function alternativesJson(advice: Advice, limit: number): object[] {
  const { study } = advice.fitted;
  if (limit <= 0) return [];
  return alternatives(advice.fitted, advice.answers, limit).map((a) => ({
    flip: Object.fromEntries(a.flip.map((f) => [study.criteria[f.criterion]!.id, f.important])),
    best: a.best.members.map((f) => study.frameworks[f]!.id),
    margin: a.margin,
  }));
}
