/**
 * Gini impurity exactly as scikit-learn 1.2 computes it (sklearn/tree/_criterion.pyx, class Gini),
 * operation for operation: many candidate splits of a preference table are equally good, and the
 * winner among them is decided by comparing these doubles, so the rounding must be the same.
 *
 * Counts are whole numbers, as scikit-learn's weighted counts are with unit weights. scikit-learn
 * sums count² over every class in class order; here the sum is taken over the classes present,
 * in any order. That is the same double: each term is an integer below 2^40 and so is every
 * partial sum (at most (2^20)^2), so all of them are exact, and an absent class adds 0.
 */

/**
 * Gini.node_impurity and Gini.children_impurity: `gini = 0.0; gini += 1.0 - sq_count / (n * n)`
 * with one output, where `sq` is Σ count² over the node's classes. Adding to 0.0 changes nothing.
 */
export function giniFromSquares(sq: number, n: number): number {
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
