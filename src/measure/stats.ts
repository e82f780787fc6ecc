/**
 * The statistics the scoring rules need: medians, the two-sided Mann–Whitney U test and Holm's
 * step-down correction. Tested against SciPy 1.10 (test/fixtures/stats, made by
 * scripts/make-stats-fixtures.py).
 *
 * Which p-value the test gives:
 * - **exact** when neither sample has ties (within or across the samples) and each has at most
 *   EXACT_MAX values: the permutation distribution of U, as `scipy.stats.mannwhitneyu(x, y,
 *   method="exact")` computes it. Timings rarely tie, so 30 repetitions get an exact p-value.
 * - **normal approximation** otherwise: U standardised with the tie-corrected variance and a
 *   continuity correction of 0.5, as `method="asymptotic", use_continuity=True`. The exact
 *   distribution assumes no ties, which memory readings in whole kibibytes often have.
 */

/** Larger samples than this use the normal approximation even without ties. */
export const EXACT_MAX = 50;

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface MannWhitney {
  /** U of the first sample: the number of pairs (x, y) with x > y, ties counting one half. */
  readonly u1: number;
  /** Two-sided p-value. */
  readonly p: number;
  readonly method: 'exact' | 'normal';
}

/** Two-sided Mann–Whitney U test of x against y. Both samples need at least one finite value. */
export function mannWhitneyU(x: readonly number[], y: readonly number[]): MannWhitney {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('mannWhitneyU needs two non-empty samples');
  if (![...x, ...y].every(Number.isFinite)) throw new RangeError('mannWhitneyU needs finite values');
  const { ranks, tieTerm } = rank([...x, ...y]);
  let r1 = 0;
  for (let i = 0; i < n1; i++) r1 += ranks[i]!;
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  // Two-sided: the larger of U1 and U2 against the upper tail, doubled (as SciPy does).
  const u = Math.max(u1, n1 * n2 - u1);
  if (tieTerm === 0 && n1 <= EXACT_MAX && n2 <= EXACT_MAX) {
    return { u1, p: Math.min(1, 2 * exactUpperTail(Math.round(u), n1, n2)), method: 'exact' };
  }
  const n = n1 + n2;
  const sd = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  // Every value equal: no evidence of any difference.
  if (!(sd > 0)) return { u1, p: 1, method: 'normal' };
  const z = (u - (n1 * n2) / 2 - 0.5) / sd;
  return { u1, p: Math.min(1, 2 * normalUpperTail(z)), method: 'normal' };
}

/** Average ranks (1-based) and the tie term Σ(t³ − t) over groups of t equal values. */
function rank(values: readonly number[]): { ranks: number[]; tieTerm: number } {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<number>(values.length);
  let tieTerm = 0;
  for (let i = 0; i < order.length; ) {
    let j = i + 1;
    while (j < order.length && values[order[j]!] === values[order[i]!]) j++;
    const t = j - i;
    const average = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) ranks[order[k]!] = average;
    tieTerm += t * t * t - t;
    i = j;
  }
  return { ranks, tieTerm };
}

/**
 * P(U ≥ u) when the two samples (sizes m and n) come from one continuous distribution. Under the
 * null hypothesis every arrangement of the m + n values is equally likely; P(U = k) for sizes
 * (i, j) follows from where the largest value falls: in the first sample (probability i/(i+j),
 * and it beats all j values of the second) or in the second (probability j/(i+j)). Computed
 * row by row over i, keeping two rows of distributions.
 */
export function exactUpperTail(u: number, m: number, n: number): number {
  const size = m * n + 1;
  const dist = exactDistribution(m, n);
  let tail = 0;
  // The distribution is symmetric; summing the short side keeps the sum of small terms accurate.
  if (u > (m * n) / 2) for (let k = Math.max(0, u); k < size; k++) tail += dist[k]!;
  else {
    for (let k = 0; k < Math.min(u, size); k++) tail += dist[k]!;
    tail = 1 - tail;
  }
  return Math.min(1, Math.max(0, tail));
}

/** Distributions already computed, by sample sizes: a slot of nine trackers asks for one 36 times. */
const distributions = new Map<string, Float64Array>();

/** P(U = k) for k = 0 … m·n. */
function exactDistribution(m: number, n: number): Float64Array {
  const cacheKey = `${m} ${n}`;
  const cached = distributions.get(cacheKey);
  if (cached) return cached;
  let previous: Float64Array[] = [];
  for (let i = 0; i <= m; i++) {
    const current: Float64Array[] = [];
    for (let j = 0; j <= n; j++) {
      const d = new Float64Array(i * j + 1);
      if (i === 0 || j === 0) d[0] = 1;
      else {
        const fromFirst = i / (i + j);
        const fromSecond = j / (i + j);
        const a = previous[j]!; // sizes (i − 1, j): shifted by j
        const b = current[j - 1]!; // sizes (i, j − 1)
        for (let k = 0; k < a.length; k++) d[k + j] = fromFirst * a[k]!;
        for (let k = 0; k < b.length; k++) d[k] = d[k]! + fromSecond * b[k]!;
      }
      current.push(d);
    }
    previous = current;
  }
  const dist = previous[n]!;
  if (distributions.size >= 64) distributions.clear();
  distributions.set(cacheKey, dist);
  return dist;
}

/** P(Z > z) for a standard normal Z. */
export function normalUpperTail(z: number): number {
  return erfc(z / Math.SQRT2) / 2;
}

/**
 * The complementary error function, to about 1e-12 relative: below 3 from the series
 * erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)), whose terms are all positive, and
 * from 3 on from the continued fraction erfc(x) = e^(−x²)/√π · 1/(x + ½/(x + 1/(x + 3⁄2/(x + …)))),
 * which converges quickly there (evaluated by the modified Lentz method).
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 3) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 200 && term > sum * 1e-17; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  }
  if (x > 27) return 0; // e^(−x²) underflows
  // b0 + a1/(b1 + a2/(b2 + …)) with b = x and a_k = k/2.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/**
 * Holm's step-down adjustment of a family of p-values, in their given order: sorted ascending,
 * the i-th smallest (from 0) is multiplied by (m − i), made non-decreasing and capped at 1.
 * Rejecting where the adjusted value is below α keeps the family-wise error rate at α.
 */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a]! - pValues[b]!);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((index, i) => {
    running = Math.max(running, Math.min(1, (m - i) * pValues[index]!));
    adjusted[index] = running;
  });
  return adjusted;
}

/** The q-quantile (0 ≤ q ≤ 1) by linear interpolation between order statistics, as numpy's default. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const below = Math.floor(pos);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (pos - below);
}
