/** scikit-learn 1.2's Gini criterion (sklearn/tree/_criterion.pyx), operation for operation. */

// Counts are whole numbers, as scikit-learn's weighted counts are with unit weights. scikit-learn
// sums count² over every class in class order; here over the classes present, in any order: each
// term and every partial sum is an integer below 2^41, so exact, and an absent class adds 0.

/** Gini.node_impurity / children_impurity: `1.0 - sq_count / (n * n)`, sq = Σ count². */
export function giniFromSquares(sq: f64, n: f64): f64 {
  return 1.0 - sq / (n * n);
}

/** Gini.proxy_impurity_improvement: how scikit-learn ranks the splits of a node. */
export function proxyImprovement(nLeft: f64, impurityLeft: f64, nRight: f64, impurityRight: f64): f64 {
  return -nRight * impurityRight - nLeft * impurityLeft;
}

/** ClassificationCriterion.impurity_improvement: computed for the winning split only. */
export function impurityImprovement(nTotal: f64, nNode: f64, parent: f64, nLeft: f64, left: f64, nRight: f64, right: f64): f64 {
  return (nNode / nTotal) * (parent - (nRight / nNode) * right - (nLeft / nNode) * left);
}
