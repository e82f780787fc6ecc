/**
 * The training set the study's notebook builds: every profile of "this criterion matters / does
 * not", labelled with the set of frameworks that score best on the criteria that matter.
 *
 * Everything is a typed array indexed by profile number, never an object per profile: a table of
 * 20 criteria has 2^20 profiles.
 */

/** The scores a tree is fitted on: criteria × frameworks, row-major. */
export interface ScoreTable {
  /** Framework ids in the file's order (the order tie names are written in). */
  readonly frameworks: readonly string[];
  /** Criterion ids in feature order: criterion 0 is feature 0 and the profile's most significant bit. */
  readonly criteria: readonly string[];
  /** scores[c * frameworks.length + f] = score of framework f on criterion c. */
  readonly scores: Float64Array;
}

/** One class of the training set: a set of frameworks tied at the top. */
export interface TieClass {
  /** Bit f set = framework f (file order) belongs to the set. */
  readonly mask: number;
  /** Member framework indices in file order. */
  readonly members: readonly number[];
  /** Member ids joined by '+' in file order, as the study's figures write them (`wandb+mlflow`). */
  readonly name: string;
}

export interface TrainingSet {
  readonly table: ScoreTable;
  /** Number of features (criteria); there are 2^k profiles. */
  readonly k: number;
  readonly nSamples: number;
  /** The classes that occur, in the order that fixes scikit-learn's class indices. */
  readonly classes: readonly TieClass[];
  /** labels[p] = index into `classes` of profile p's best set. */
  readonly labels: Uint16Array;
}

/** Most criteria a table may have: 2^20 profiles is what we promise to fit quickly. */
export const MAX_CRITERIA = 20;
/** Tie sets are bit masks in a 32-bit integer. */
export const MAX_FRAMEWORKS = 30;

/** Whether criterion `c` matters in profile `p` of a k-criterion table (criterion 0 = top bit). */
export function isImportant(p: number, c: number, k: number): boolean {
  return ((p >>> (k - 1 - c)) & 1) === 1;
}

/**
 * Each framework's total per profile, summed over the important criteria in criterion order.
 * totals[p * F + f]. The order of additions is fixed (criterion 0 first) because ties are decided
 * by exact float equality and float addition is not associative.
 */
export function profileTotals(table: ScoreTable): Float64Array {
  const k = table.criteria.length;
  const F = table.frameworks.length;
  const n = 2 ** k;
  const totals = new Float64Array(n * F);
  for (let p = 1; p < n; p++) {
    // The last important criterion in criterion order is the lowest set bit; the rest of the sum
    // is the profile without it, already computed, so the additions run left to right.
    const low = p & -p;
    const rest = p ^ low;
    const c = k - 1 - (31 - Math.clz32(low));
    for (let f = 0; f < F; f++) {
      totals[p * F + f] = totals[rest * F + f]! + table.scores[c * F + f]!;
    }
  }
  return totals;
}

/** Bit mask of the frameworks whose total equals the highest total of profile p. */
export function bestMask(totals: Float64Array, p: number, F: number): number {
  let best = -Infinity;
  let mask = 0;
  for (let f = 0; f < F; f++) {
    const t = totals[p * F + f]!;
    if (t > best) {
      best = t;
      mask = 1 << f;
    } else if (t === best) {
      mask |= 1 << f;
    }
  }
  return mask >>> 0;
}

function membersOf(mask: number, F: number): number[] {
  const out: number[] = [];
  for (let f = 0; f < F; f++) if (mask & (1 << f)) out.push(f);
  return out;
}

/**
 * The study notebook's class order (see shared reference README): single frameworks first,
 * alphabetically by id; then tie sets by descending size; then alphabetically by their sorted ids.
 * The order matters: a leaf whose counts tie predicts the class that comes first.
 */
export function compareClasses(a: readonly string[], b: readonly string[]): number {
  const sizeA = a.length === 1 ? 0 : 1;
  const sizeB = b.length === 1 ? 0 : 1;
  if (sizeA !== sizeB) return sizeA - sizeB;
  if (a.length !== b.length) return b.length - a.length;
  const ka = [...a].sort().join('+');
  const kb = [...b].sort().join('+');
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function classOf(mask: number, frameworks: readonly string[]): TieClass {
  const members = membersOf(mask, frameworks.length);
  return { mask, members, name: members.map((f) => frameworks[f]).join('+') };
}

/** Builds all 2^k profiles and their labels. */
export function buildTrainingSet(table: ScoreTable): TrainingSet {
  const k = table.criteria.length;
  const F = table.frameworks.length;
  const n = 2 ** k;
  const totals = profileTotals(table);
  const masks = new Uint32Array(n);
  const seen = new Set<number>();
  for (let p = 0; p < n; p++) {
    const m = bestMask(totals, p, F);
    masks[p] = m;
    seen.add(m);
  }
  const ids = (mask: number) => membersOf(mask, F).map((f) => table.frameworks[f]!);
  const ordered = [...seen].sort((a, b) => compareClasses(ids(a), ids(b)));
  const classes = ordered.map((m) => classOf(m, table.frameworks));
  const indexOf = new Map(ordered.map((m, i) => [m, i]));
  const labels = new Uint16Array(n);
  for (let p = 0; p < n; p++) labels[p] = indexOf.get(masks[p]!)!;
  return { table, k, nSamples: n, classes, labels };
}
