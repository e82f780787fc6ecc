/**
 * From a Study to a fitted tree: picks the named tree, builds its score table (criteria in the
 * tree's order, which is the feature order scikit-learn would see) and fits it.
 */
import { buildTree } from '../cart/builder.js';
import { buildTrainingSet } from '../cart/profiles.js';
import type { ScoreTable, TrainingSet } from '../cart/profiles.js';
import type { Tree } from '../cart/tree.js';
import { didYouMean, printable, UserError } from '../errors.js';
import { studySource } from '../study/types.js';
import type { Study, TreeSpec } from '../study/types.js';

export interface FittedTree {
  readonly study: Study;
  readonly spec: TreeSpec;
  readonly maxDepth: number;
  readonly randomState: number;
  readonly data: TrainingSet;
  readonly tree: Tree;
  /** Feature f of the tree is study criterion featureCriteria[f]. */
  readonly featureCriteria: readonly number[];
}

export interface FitOverrides {
  readonly maxDepth?: number;
  readonly randomState?: number;
}

export function findTree(study: Study, name: string | undefined): TreeSpec {
  const wanted = name ?? study.defaultTree;
  const spec = study.trees.find((t) => t.name === wanted);
  if (!spec) {
    const names = study.trees.map((t) => t.name);
    // Matched exactly, as the file's default_tree is: tree names are lowercase ids.
    const lower = names.find((n) => n === wanted.toLowerCase());
    if (lower !== undefined) {
      throw new UserError(
        `There is no tree named '${printable(wanted)}': tree names are lowercase, as in ${printable(studySource(study))}; use '${lower}'.`,
      );
    }
    throw new UserError(
      `There is no tree named '${printable(wanted)}' in ${printable(studySource(study))}; the trees are ${names.join(', ')}.${didYouMean(wanted, names)}`,
    );
  }
  return spec;
}

export function scoreTable(study: Study, spec: TreeSpec): ScoreTable {
  const F = study.frameworks.length;
  const scores = new Float64Array(spec.criteria.length * F);
  spec.criteria.forEach((c, row) => {
    study.criteria[c]!.scores.forEach((s, f) => {
      scores[row * F + f] = s;
    });
  });
  return {
    frameworks: study.frameworks.map((f) => f.id),
    criteria: spec.criteria.map((c) => study.criteria[c]!.id),
    scores,
  };
}

/** Where fitTree adds the milliseconds spent labelling profiles and fitting, for --timings. */
export interface FitTimings {
  label?: number;
  fit?: number;
}

export function fitTree(study: Study, name?: string, overrides: FitOverrides = {}, timings?: FitTimings): FittedTree {
  const spec = findTree(study, name);
  const maxDepth = overrides.maxDepth ?? spec.maxDepth;
  const randomState = overrides.randomState ?? study.randomState;
  const t0 = performance.now();
  const data = buildTrainingSet(scoreTable(study, spec));
  const t1 = performance.now();
  const tree = buildTree(data, { maxDepth, randomState });
  const t2 = performance.now();
  if (timings) {
    timings.label = (timings.label ?? 0) + (t1 - t0);
    timings.fit = (timings.fit ?? 0) + (t2 - t1);
  }
  return { study, spec, maxDepth, randomState, data, tree, featureCriteria: spec.criteria };
}
