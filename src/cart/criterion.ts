/**
 * Gini impurity exactly as scikit-learn 1.2 computes it (sklearn/tree/_criterion.pyx, class Gini),
 * operation for operation: many candidate splits of a preference table are equally good, and the
 * winner among them is decided by comparing these doubles, so the rounding must be the same.
 * Counts are whole numbers held in doubles, as scikit-learn's weighted counts are.
 */

/** Gini.node_impurity: 1 - Σ count² / n², summed over classes in class order. */
export function giniImpurity(counts: Float64Array, offset: number, nClasses: number, n: number): number {
  let sq = 0.0;
  for (let c = 0; c < nClasses; c++) {
    const v = counts[offset + c]!;
    sq += v * v;
  }
  // `gini = 0.0; gini += 1.0 - sq / (n * n); return gini / n_outputs` with one output.
  return 1.0 - sq / (n * n);
}

/**
 * Gini.proxy_impurity_improvement: `- n_right * impurity_right - n_left * impurity_left`.
 * scikit-learn ranks the splits of a node by this proxy and only computes the true improvement
 * for the winner.
 */
export function proxyImprovement(nLeft: number, impurityLeft: number, nRight: number, impurityRight: number): number {
  return -nRight * impurityRight - nLeft * impurityLeft;
}

/**
 * ClassificationCriterion.impurity_improvement: the weighted impurity decrease of the winning
 * split, which the builder checks against min_impurity_decrease.
 */
export function impurityImprovement(
  nTotal: number,
  nNode: number,
  impurityParent: number,
  nLeft: number,
  impurityLeft: number,
  nRight: number,
  impurityRight: number,
): number {
  return (nNode / nTotal) * (impurityParent - (nRight / nNode) * impurityRight - (nLeft / nNode) * impurityLeft);
}
