/**
 * scikit-learn 1.2's BestSplitter (sklearn/tree/_splitter.pyx) specialised to 0/1 features.
 *
 * With binary features a feature has one possible split (threshold 0.5), so sorting is replaced
 * by counting; everything that decides WHICH feature wins is kept exactly: the random order in
 * which features are drawn, the bookkeeping of features known to be constant, and the strict `>`
 * that keeps the first of equally good splits.
 */
import { giniImpurity, impurityImprovement, proxyImprovement } from './criterion.js';
import type { TrainingSet } from './profiles.js';
import { RandR } from './rng.js';

export interface SplitRecord {
  feature: number;
  /** Index in `samples` where the right child starts; `end` means no split was found. */
  pos: number;
  threshold: number;
  improvement: number;
  impurityLeft: number;
  impurityRight: number;
}

export class BestSplitter {
  /** Profile ids, partitioned in place so that every node owns a contiguous range. */
  readonly samples: Int32Array;
  /** Splitter.features: a permutation of feature ids that persists from node to node. */
  private readonly features: Int32Array;
  /** Splitter.constant_features: constants found so far along the current branch. */
  private readonly constantFeatures: Int32Array;
  private readonly rng: RandR;
  private readonly k: number;
  private readonly nClasses: number;
  private readonly labels: Uint16Array;

  private start = 0;
  private end = 0;
  /** Class counts of the current node (sum_total). */
  readonly nodeCounts: Float64Array;
  /** ones[f * nClasses + c]: profiles of the node with feature f = 1 and class c. */
  private readonly ones: Float64Array;
  private readonly onesTotal: Float64Array;
  private readonly leftCounts: Float64Array;

  constructor(data: TrainingSet, seed: number) {
    this.k = data.k;
    this.nClasses = data.classes.length;
    this.labels = data.labels;
    this.samples = new Int32Array(data.nSamples);
    for (let i = 0; i < data.nSamples; i++) this.samples[i] = i;
    this.features = new Int32Array(this.k);
    for (let f = 0; f < this.k; f++) this.features[f] = f;
    this.constantFeatures = new Int32Array(this.k);
    this.rng = new RandR(seed);
    this.nodeCounts = new Float64Array(this.nClasses);
    this.ones = new Float64Array(this.k * this.nClasses);
    this.onesTotal = new Float64Array(this.k);
    this.leftCounts = new Float64Array(this.nClasses);
  }

  /** Splitter.node_reset + criterion.init: take the node [start, end) and count its classes. */
  nodeReset(start: number, end: number): void {
    this.start = start;
    this.end = end;
    this.nodeCounts.fill(0);
    for (let i = start; i < end; i++) this.nodeCounts[this.labels[this.samples[i]!]!]! += 1.0;
  }

  nodeImpurity(): number {
    return giniImpurity(this.nodeCounts, 0, this.nClasses, this.end - this.start);
  }

  /** One pass over the node's profiles counts, for every feature, its 1s per class. */
  private countOnes(): void {
    const { k, nClasses, ones, onesTotal, samples, labels } = this;
    ones.fill(0);
    onesTotal.fill(0);
    for (let i = this.start; i < this.end; i++) {
      const s = samples[i]!;
      const c = labels[s]!;
      for (let f = 0; f < k; f++) {
        if ((s >>> (k - 1 - f)) & 1) {
          ones[f * nClasses + c]! += 1.0;
          onesTotal[f]! += 1.0;
        }
      }
    }
  }

  /**
   * BestSplitter.node_split. `nConstant` is the number of features known to be constant in this
   * node (passed down from its parent); returns the split and the new count for the children.
   */
  nodeSplit(impurity: number, nConstant: number): { split: SplitRecord; nConstant: number } {
    const { features, constantFeatures, rng, nClasses, start, end } = this;
    const nNode = end - start;
    const nFeatures = this.k;
    // max_features=None means every feature may be visited.
    const maxFeatures = nFeatures;

    // _init_split: no split yet, pos = end.
    let best: SplitRecord = {
      feature: 0,
      pos: end,
      threshold: 0,
      improvement: -Infinity,
      impurityLeft: Infinity,
      impurityRight: Infinity,
    };
    let bestProxy = -Infinity;

    let fI = nFeatures;
    let nVisited = 0;
    let nFoundConstants = 0;
    let nDrawnConstants = 0;
    const nKnownConstants = nConstant;
    let nTotalConstants = nKnownConstants;
    let counted = false;

    // Fisher–Yates draw without replacement over `features`. Its layout (the loop invariant of
    // _splitter.pyx): [0, nDrawnConstants) drawn known constants; [nDrawnConstants, nKnownConstants)
    // known constants not drawn yet; [nKnownConstants, nTotalConstants) constants found in this
    // node; [nTotalConstants, fI) not drawn yet; [fI, nFeatures) drawn and not constant.
    while (fI > nTotalConstants && (nVisited < maxFeatures || nVisited <= nFoundConstants + nDrawnConstants)) {
      nVisited += 1;
      let fJ = rng.int(nDrawnConstants, fI - nFoundConstants);

      if (fJ < nKnownConstants) {
        // A feature already known to be constant: it costs the draw above but is not evaluated.
        swap(features, nDrawnConstants, fJ);
        nDrawnConstants += 1;
        continue;
      }

      // Skip over the constants found in this node: fJ lands in [nTotalConstants, fI).
      fJ += nFoundConstants;
      const feature = features[fJ]!;
      if (!counted) {
        this.countOnes();
        counted = true;
      }
      const nRight = this.onesTotal[feature]!;
      const nLeft = nNode - nRight;

      // `Xf[end - 1] <= Xf[start] + FEATURE_THRESHOLD` after sorting: for 0/1 values, all 0s or all 1s.
      if (nLeft === 0 || nRight === 0) {
        swap(features, fJ, nTotalConstants);
        nFoundConstants += 1;
        nTotalConstants += 1;
        continue;
      }

      fI -= 1;
      swap(features, fI, fJ);

      // The only split position of a 0/1 feature: 0s go left (x <= 0.5), 1s go right.
      // min_samples_leaf = 1 and min_weight_leaf = 0 never reject it.
      const left = this.leftCounts;
      let sqLeft = 0.0;
      let sqRight = 0.0;
      for (let c = 0; c < nClasses; c++) {
        const r = this.ones[feature * nClasses + c]!;
        const l = this.nodeCounts[c]! - r;
        left[c] = l;
        sqLeft += l * l;
        sqRight += r * r;
      }
      // Gini.children_impurity, then proxy_impurity_improvement.
      const impurityLeft = 1.0 - sqLeft / (nLeft * nLeft);
      const impurityRight = 1.0 - sqRight / (nRight * nRight);
      const proxy = proxyImprovement(nLeft, impurityLeft, nRight, impurityRight);

      // Strictly greater: of equally good splits, the first one drawn wins. This, with the draw
      // order above, is what makes the study's trees come out as they do.
      if (proxy > bestProxy) {
        bestProxy = proxy;
        // `Xf[p-1] / 2.0 + Xf[p] / 2.0` between 0 and 1.
        best = {
          feature,
          pos: start + nLeft,
          threshold: 0.5,
          improvement: -Infinity,
          impurityLeft,
          impurityRight,
        };
      }
    }

    if (best.pos < end) {
      this.partition(best.feature);
      // The true improvement is computed for the winner only.
      best.improvement = impurityImprovement(
        this.labels.length,
        nNode,
        impurity,
        best.pos - start,
        best.impurityLeft,
        end - best.pos,
        best.impurityRight,
      );
    }

    // The children must see the known constants in their original order: restore them, then
    // record the constants newly found here after them.
    features.set(constantFeatures.subarray(0, nKnownConstants), 0);
    constantFeatures.set(features.subarray(nKnownConstants, nKnownConstants + nFoundConstants), nKnownConstants);

    return { split: best, nConstant: nTotalConstants };
  }

  /** Reorganise samples[start, end) into the profiles where `feature` is 0, then those where it is 1. */
  private partition(feature: number): void {
    const { samples, k } = this;
    const shift = k - 1 - feature;
    let p = this.start;
    let partitionEnd = this.end;
    while (p < partitionEnd) {
      if (((samples[p]! >>> shift) & 1) === 0) {
        p += 1;
      } else {
        partitionEnd -= 1;
        swap(samples, p, partitionEnd);
      }
    }
  }
}

function swap(a: Int32Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
