/**
 * A plain transcription of scikit-learn 1.2's depth-first builder and BestSplitter on 0/1
 * features, with none of the fitter's shortcuts: it keeps the profile ids of each node, counts
 * every feature of every profile, partitions in place and holds class counts in a Map. Slow, and
 * the tests compare the real fitter with it on tables that scikit-learn fixtures do not reach
 * (hundreds of classes, every draw path), node by node.
 */
import type { TrainingSet } from '../../src/cart/profiles.js';
import { RandR, splitterSeed } from '../../src/cart/rng.js';

const EPSILON = 2.220446049250313e-16;

export interface ReferenceNode {
  feature: number;
  samples: number;
  impurity: number;
  /** Class index → count, for the classes present. */
  counts: Map<number, number>;
  left: number;
  right: number;
}

function gini(counts: Map<number, number>, n: number): number {
  let sq = 0;
  for (const v of counts.values()) sq += v * v;
  return 1.0 - sq / (n * n);
}

export function referenceFit(data: TrainingSet, maxDepth: number, randomState: number): ReferenceNode[] {
  const { k, labels, nSamples } = data;
  const samples = Int32Array.from({ length: nSamples }, (_, i) => i);
  const features = Int32Array.from({ length: k }, (_, f) => f);
  const constantFeatures = new Int32Array(k);
  const rng = new RandR(splitterSeed(randomState));
  const nodes: ReferenceNode[] = [];
  const countsOf = (start: number, end: number) => {
    const m = new Map<number, number>();
    for (let i = start; i < end; i++) m.set(labels[samples[i]!]!, (m.get(labels[samples[i]!]!) ?? 0) + 1);
    return m;
  };
  const isOne = (s: number, f: number) => ((s >>> (k - 1 - f)) & 1) === 1;
  const swap = (a: Int32Array, i: number, j: number) => ([a[i], a[j]] = [a[j]!, a[i]!]);

  type Rec = { start: number; end: number; depth: number; parent: number; isLeft: boolean; impurity: number; nConstant: number };
  const stack: Rec[] = [{ start: 0, end: nSamples, depth: 0, parent: -1, isLeft: false, impurity: Infinity, nConstant: 0 }];
  let first = true;
  while (stack.length > 0) {
    const rec = stack.pop()!;
    const { start, end, depth } = rec;
    const n = end - start;
    const counts = countsOf(start, end);
    let impurity = rec.impurity;
    if (first) {
      impurity = gini(counts, n);
      first = false;
    }
    let isLeaf = depth >= maxDepth || n < 2 || impurity <= EPSILON;
    let best = { feature: -2, pos: end, improvement: -Infinity, impurityLeft: Infinity, impurityRight: Infinity };
    let nConstant = rec.nConstant;
    if (!isLeaf) {
      let bestProxy = -Infinity;
      let fI = k;
      let nVisited = 0;
      let nFound = 0;
      let nDrawn = 0;
      const nKnown = nConstant;
      let nTotal = nKnown;
      while (fI > nTotal && (nVisited < k || nVisited <= nFound + nDrawn)) {
        nVisited++;
        let fJ = rng.int(nDrawn, fI - nFound);
        if (fJ < nKnown) {
          swap(features, nDrawn, fJ);
          nDrawn++;
          continue;
        }
        fJ += nFound;
        const f = features[fJ]!;
        const right = new Map<number, number>();
        let nRight = 0;
        for (let i = start; i < end; i++) {
          if (!isOne(samples[i]!, f)) continue;
          nRight++;
          right.set(labels[samples[i]!]!, (right.get(labels[samples[i]!]!) ?? 0) + 1);
        }
        const nLeft = n - nRight;
        if (nLeft === 0 || nRight === 0) {
          swap(features, fJ, nTotal);
          nFound++;
          nTotal++;
          continue;
        }
        fI--;
        swap(features, fI, fJ);
        const left = new Map<number, number>();
        for (const [c, v] of counts) if (v - (right.get(c) ?? 0) > 0) left.set(c, v - (right.get(c) ?? 0));
        const impurityLeft = gini(left, nLeft);
        const impurityRight = gini(right, nRight);
        const proxy = -nRight * impurityRight - nLeft * impurityLeft;
        if (proxy > bestProxy) {
          bestProxy = proxy;
          best = { feature: f, pos: start + nLeft, improvement: -Infinity, impurityLeft, impurityRight };
        }
      }
      if (best.pos < end) {
        let p = start;
        let e = end;
        while (p < e) {
          if (!isOne(samples[p]!, best.feature)) p++;
          else swap(samples, p, --e);
        }
        const nl = best.pos - start;
        const nr = end - best.pos;
        best.improvement = (n / nSamples) * (impurity - (nr / n) * best.impurityRight - (nl / n) * best.impurityLeft);
      }
      features.set(constantFeatures.subarray(0, nKnown), 0);
      constantFeatures.set(features.subarray(nKnown, nKnown + nFound), nKnown);
      nConstant = nTotal;
      isLeaf = best.pos >= end || best.improvement + EPSILON < 0;
    }
    const id = nodes.length;
    nodes.push({ feature: isLeaf ? -2 : best.feature, samples: n, impurity, counts, left: -1, right: -1 });
    if (rec.parent >= 0) nodes[rec.parent]![rec.isLeft ? 'left' : 'right'] = id;
    if (!isLeaf) {
      const child = { depth: depth + 1, parent: id, nConstant };
      stack.push({ ...child, start: best.pos, end, isLeft: false, impurity: best.impurityRight });
      stack.push({ ...child, start, end: best.pos, isLeft: true, impurity: best.impurityLeft });
    }
  }
  return nodes;
}
